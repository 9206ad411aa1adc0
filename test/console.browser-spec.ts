import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { resolve, reviewPair, type ReviewPair } from './helpers/review-fixtures';
import { createTestApp, type TestApp } from './helpers/test-app';

/**
 * The steward console in headless Chromium (Debian's package, driven by playwright-core; never a
 * downloaded browser). jest.config.js runs browser specs when Chromium is installed and always
 * under CI=true (.ci/run installs it), where a missing browser fails this spec.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, 'artifacts');

/** What the page functions below use of the browser (the project compiles without the DOM lib). */
interface BrowserWindow {
  location: { hash: string };
  document: { getElementById(id: string): { hasAttribute(name: string): boolean } | null };
}
describe('Steward console (/console) in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  const pageErrors: string[] = [];
  const foreignRequests: string[] = [];
  let pairs: ReviewPair[];
  let splitPair: ReviewPair;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is required for the console tests but ${CHROMIUM} is missing (apt-get install -y chromium)`,
      );
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    // Its own embedded database even in server mode: the queue must hold only this spec's items.
    t = await createTestApp({ DATABASE_URL: '', DATA_DIR: 'memory://' });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    pairs = [await reviewPair(t), await reviewPair(t), await reviewPair(t)];
    splitPair = await reviewPair(t);
    const merged = await t.http
      .post(`/v1/reviews/${splitPair.reviewId}/decision`)
      .set('X-API-Key', t.keys.steward)
      .send({ decision: 'merge', comment: 'looked alike' });
    expect(merged.status).toBe(200);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('request', (request) => {
      if (!request.url().startsWith(base) && !request.url().startsWith('data:'))
        foreignRequests.push(request.url());
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const shot = (name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `console-${name}.png`), fullPage: true });

  /** Waits until the router has rendered the page for this hash. */
  const settled = async (hash: RegExp) => {
    await page.waitForFunction((source) => {
      const w = globalThis as unknown as BrowserWindow;
      return (
        new RegExp(source).test(w.location.hash) &&
        !w.document.getElementById('main')?.hasAttribute('aria-busy')
      );
    }, hash.source);
  };

  const reviewOf = async (id: string) =>
    (await t.http.get(`/v1/reviews/${id}`).set('X-API-Key', t.keys.steward)).body as {
      status: string;
      decision: string | null;
      decidedBy: string;
    };

  it('serves the page and its assets without a key, with a strict content security policy', async () => {
    const res = await t.http.get('/console');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect((await t.http.get('/console/app.js')).headers['content-type']).toMatch(
      /^text\/javascript/,
    );
    expect((await t.http.get('/console/../package.json')).status).toBe(404);
    expect((await t.http.get('/console/nothing.js')).status).toBe(404);
  });

  it('signs in with a steward key (and refuses a system key)', async () => {
    await page.goto(`${base}/console`);
    await settled(/^#\/signin$/);
    await page.fill('#api-key', t.keys.system);
    await page.press('#api-key', 'Enter');
    await page.getByText('not a steward or admin key').waitFor();
    await shot('signin');
    await page.fill('#api-key', t.keys.steward);
    await page.press('#api-key', 'Enter');
    await settled(/^#\/queue$/);
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    const openCount = await page.locator('.tabs a[aria-current="page"] .count').textContent();
    expect(Number(openCount)).toBeGreaterThanOrEqual(3);
    await shot('queue');
  });

  it('works three review items with the keyboard, moving to the next item after each decision', async () => {
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await settled(/^#\/reviews\/\d+$/);
    await page.locator('table.compare tr.differs').first().waitFor();
    await page.locator('table.evidence tbody tr').first().waitFor();
    expect(await page.locator('table.evidence').textContent()).toContain('**');
    await shot('review');

    const visited: string[] = [];
    for (const key of ['m', 'n', 'd']) {
      const hash = await page.evaluate(
        () => (globalThis as unknown as BrowserWindow).location.hash,
      );
      visited.push(hash.replace('#/reviews/', ''));
      if (key === 'n') {
        await page.keyboard.press('c');
        await page.keyboard.type('twins, different phones');
        await page.keyboard.press('Escape');
      }
      await page.keyboard.press(key);
      await page.waitForFunction((old) => {
        const w = globalThis as unknown as BrowserWindow;
        return (
          w.location.hash !== old && !w.document.getElementById('main')?.hasAttribute('aria-busy')
        );
      }, hash);
    }
    const decided = await Promise.all(visited.map(reviewOf));
    expect(decided.map((r) => r.decision)).toEqual(['merge', 'not-duplicate', 'defer']);
    expect(decided.map((r) => r.status)).toEqual(['decided', 'decided', 'open']);
    expect(decided.every((r) => r.decidedBy === 'key:test steward')).toBe(true);
    const commented = await t.http
      .get(`/v1/reviews/${visited[1]}`)
      .set('X-API-Key', t.keys.steward);
    expect(commented.body.comment).toBe('twins, different phones');
    expect(pairs).toHaveLength(3);
  });

  it('searches a customer by name and opens it', async () => {
    await page.keyboard.press('/');
    await settled(/^#\/customers$/);
    await page.fill('#search-name', splitPair.person.name);
    await page.press('#search-name', 'Enter');
    await settled(/^#\/customers\?/);
    const link = page.locator('table.results a', { hasText: splitPair.existing.number });
    await link.waitFor();
    await shot('search');
    await link.click();
    await settled(new RegExp(`^#/customers/${splitPair.existing.number}$`));
    await page.locator('table.golden').waitFor();
    expect(await page.locator('table.records tbody tr').count()).toBe(2);
  });

  it('splits a record off and shows the split in the history timeline', async () => {
    const record = splitPair.incoming.record;
    await page.getByLabel(`Select ${record.source} / ${record.sourceId}`).check();
    await page.fill('#split-reason', 'different people after all');
    await page.getByRole('button', { name: /Split selected off/ }).click();
    await page.getByText(`to ${splitPair.incoming.number} (restored)`).waitFor();
    await settled(new RegExp(`^#/customers/${splitPair.existing.number}$`));
    const split = page.locator('.timeline .event-split').first();
    await split.waitFor();
    expect(await split.textContent()).toContain('different people after all');
    expect(await split.textContent()).toContain(splitPair.incoming.number);
    expect(await page.locator('table.records tbody tr').count()).toBe(1);
    await shot('customer');

    const owner = await t.http
      .get(`/v1/sources/${record.source}/${record.sourceId}`)
      .set('X-API-Key', t.keys.steward);
    expect(owner.body.customerNumber).toBe(splitPair.incoming.number);
    // The split record stays apart when its channel sends it again.
    expect((await resolve(t, { ...record, attributes: { resent: true } })).customerNumber).toBe(
      splitPair.incoming.number,
    );
  });

  it('loaded nothing from other origins and raised no script errors', () => {
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
