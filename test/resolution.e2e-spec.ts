import { createTestApp, type TestApp } from './helpers/test-app';
import { mobile, residentId, uniqueId, uniqueSeed } from './factories/person.factory';

interface Resolved {
  customerNumber: string;
  decision: string;
  score: number | null;
  reviewId?: string;
  mergeProposedWith?: string;
  explanation: { field: string; level: string; weight: number }[];
}

describe('POST /v1/resolve and the customer API', () => {
  let t: TestApp;
  const resolve = async (body: Record<string, unknown>, expected = 200): Promise<Resolved> => {
    const res = await t.http.post('/v1/resolve').set('X-API-Key', t.keys.system).send(body);
    expect(res.status).toBe(expected);
    return res.body as Resolved;
  };

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('mints a number, answers unchanged for the same record, and links the same person from another channel', async () => {
    const seed = uniqueSeed();
    const phone = mobile(seed);
    const id = residentId('110105', '1985-03-02', seed % 1000);
    const crm = {
      source: 'crm',
      sourceId: uniqueId('C'),
      kind: 'person',
      name: '张伟',
      phone: `+86 ${phone}`,
      idNumber: id,
      birthDate: '1985-03-02',
    };
    const created = await resolve(crm);
    expect(created.decision).toBe('created');
    expect(created.customerNumber).toMatch(/^111\d{9}[\dX]$/);

    expect((await resolve(crm)).decision).toBe('unchanged');

    const shop = {
      source: 'ecommerce',
      sourceId: uniqueId('E'),
      kind: 'person',
      name: '張偉',
      phones: [phone.replace(/(\d{3})(\d{4})(\d{4})/, '$1-$2-$3')],
      birthDate: '1985年3月2日',
      idNumber: id,
    };
    const linked = await resolve(shop);
    expect(linked).toMatchObject({ decision: 'linked', customerNumber: created.customerNumber });
    expect(linked.score).toBeGreaterThan(0);
    expect(linked.explanation.length).toBeGreaterThan(0);

    const lookup = await t.http
      .get(`/v1/sources/ecommerce/${shop.sourceId}`)
      .set('X-API-Key', t.keys.system);
    expect(lookup.body.customerNumber).toBe(created.customerNumber);
  });

  it('keeps apart a different person with the same common name', async () => {
    const a = await resolve({
      source: 'crm',
      sourceId: uniqueId('C'),
      kind: 'person',
      name: '王伟',
      phone: mobile(uniqueSeed()),
      birthDate: '1970-01-05',
    });
    const b = await resolve({
      source: 'store',
      sourceId: uniqueId('S'),
      kind: 'person',
      name: '王伟',
      phone: mobile(uniqueSeed()),
      birthDate: '1992-11-20',
    });
    expect(b.customerNumber).not.toBe(a.customerNumber);
    expect(b.decision).toBe('created');
  });

  it('serves the golden record with lineage, and search on normalised values', async () => {
    const seed = uniqueSeed();
    const phone = mobile(seed);
    const email = `li.na.${seed}@example.com`;
    const first = await resolve({
      source: 'crm',
      sourceId: uniqueId('C'),
      kind: 'person',
      name: '李娜',
      phone,
      email,
      birthDate: '1990-07-01',
    });
    await resolve({
      source: 'app',
      sourceId: uniqueId('A'),
      kind: 'person',
      name: 'Li Na',
      phone: `+86 ${phone}`,
      email: email.toUpperCase(),
      birthDate: '19900701',
    });

    const res = await t.http
      .get(`/v1/customers/${first.customerNumber}`)
      .set('X-API-Key', t.keys.steward);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('active');
    expect(res.body.sourceRecords).toHaveLength(2);
    expect(res.body.golden.birthDate).toMatchObject({ value: '1990-07-01' });
    expect(res.body.golden.birthDate.source.source).toMatch(/crm|app/);
    expect(res.body.golden.phones[0].value).toBe(`+86${phone}`);

    const byPhone = await t.http
      .get('/v1/customers')
      .query({ phone: `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` })
      .set('X-API-Key', t.keys.system);
    expect(byPhone.status).toBe(200);
    expect(byPhone.body.items.map((c: { customerNumber: string }) => c.customerNumber)).toEqual([
      first.customerNumber,
    ]);
    const byEmail = await t.http
      .get('/v1/customers')
      .query({ email: ` ${email.toUpperCase()} ` })
      .set('X-API-Key', t.keys.system);
    expect(byEmail.body.items[0].customerNumber).toBe(first.customerNumber);
  });

  it('answers 400 for a malformed number and 404 for an unknown one', async () => {
    const known = await resolve({
      source: 'crm',
      sourceId: uniqueId('C'),
      kind: 'person',
      name: '赵敏',
      phone: mobile(uniqueSeed()),
    });
    const last = known.customerNumber.slice(-1);
    const wrongCheck = known.customerNumber.slice(0, -1) + (last === '0' ? '1' : '0');
    const bad = await t.http.get(`/v1/customers/${wrongCheck}`).set('X-API-Key', t.keys.system);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('INVALID_CUSTOMER_NUMBER');
    const unknown = await t.http.get('/v1/customers/1009999999994').set('X-API-Key', t.keys.system);
    expect([400, 404]).toContain(unknown.status);
    const garbage = await t.http.get('/v1/customers/hello').set('X-API-Key', t.keys.system);
    expect(garbage.status).toBe(400);
  });

  it('re-evaluates a changed record and keeps its number', async () => {
    const sourceId = uniqueId('C');
    const seed = uniqueSeed();
    const first = await resolve({
      source: 'crm',
      sourceId,
      kind: 'person',
      name: '陈静',
      phone: mobile(seed),
    });
    const changed = await resolve({
      source: 'crm',
      sourceId,
      kind: 'person',
      name: '陈静',
      phone: mobile(seed),
      email: `cj${seed}@example.cn`,
    });
    expect(changed.decision).toBe('linked');
    expect(changed.customerNumber).toBe(first.customerNumber);
    const customer = await t.http
      .get(`/v1/customers/${first.customerNumber}`)
      .set('X-API-Key', t.keys.system);
    expect(customer.body.sourceRecords).toHaveLength(1);
    expect(customer.body.golden.emails[0].value).toBe(`cj${seed}@example.cn`);
  });

  it('links a record matching two customers to the best one and proposes merging them', async () => {
    const seed = uniqueSeed();
    const phone = mobile(seed);
    const email = `fang${seed}@example.com`;
    // A name alone is not enough to link: b becomes a customer of its own (with a review item).
    const a = await resolve({
      source: 'crm',
      sourceId: uniqueId('C'),
      kind: 'person',
      name: '欧阳芳',
      phone,
    });
    const b = await resolve({
      source: 'web',
      sourceId: uniqueId('W'),
      kind: 'person',
      name: '欧阳芳',
      email,
    });
    expect(b.customerNumber).not.toBe(a.customerNumber);
    expect(b.decision).toBe('review');
    const both = await resolve({
      source: 'app',
      sourceId: uniqueId('A'),
      kind: 'person',
      name: '欧阳芳',
      phone,
      email,
      birthDate: '1979-04-04',
    });
    expect(both.decision).toBe('linked');
    expect([a.customerNumber, b.customerNumber]).toContain(both.customerNumber);
    expect(both.mergeProposedWith).toBeDefined();
    expect(both.reviewId).toBeDefined();
  });

  it('detaches a deleted source record and deactivates a customer left with none', async () => {
    const sourceId = uniqueId('C');
    const created = await resolve({
      source: 'callcenter',
      sourceId,
      kind: 'person',
      name: '刘洋',
      phone: mobile(uniqueSeed()),
    });
    await t.http
      .delete(`/v1/sources/callcenter/${sourceId}`)
      .set('X-API-Key', t.keys.system)
      .expect(204);
    const customer = await t.http
      .get(`/v1/customers/${created.customerNumber}`)
      .set('X-API-Key', t.keys.system);
    expect(customer.body.status).toBe('inactive');
    expect(customer.body.sourceRecords[0].status).toBe('deleted');
    const again = await t.http
      .delete(`/v1/sources/callcenter/${sourceId}`)
      .set('X-API-Key', t.keys.system);
    expect(again.status).toBe(404);
    const fresh = await resolve({
      source: 'callcenter',
      sourceId: uniqueId('C'),
      kind: 'person',
      name: '刘洋',
      phone: mobile(uniqueSeed()),
    });
    expect(fresh.customerNumber).not.toBe(created.customerNumber);
  });

  it('serves the change feed in order and resumes from a cursor', async () => {
    type Page = {
      events: { id: string; type: string; customerNumber: string }[];
      nextCursor: string;
    };
    const page = async (after?: string | null): Promise<Page> =>
      (
        await t.http
          .get('/v1/events')
          .query(after === undefined || after === null ? { limit: 1000 } : { after, limit: 1000 })
          .set('X-API-Key', t.keys.system)
      ).body as Page;
    let cursor: string | null = null;
    for (let p = await page(); p.events.length > 0; p = await page(cursor)) cursor = p.nextCursor;
    const created = await resolve({
      source: 'crm',
      sourceId: uniqueId('C'),
      kind: 'organization',
      name: '华为技术有限公司',
      phone: '0755-28780808',
    });
    // Other writers on a shared server may add events before ours, and the feed serves a
    // transaction only once every older one has ended: read on until ours has arrived.
    const seen: Page['events'] = [];
    for (
      let i = 0;
      i < 100 && seen.filter((e) => e.customerNumber === created.customerNumber).length < 2;
      i++
    ) {
      const p = await page(cursor);
      seen.push(...p.events);
      cursor = p.nextCursor;
      if (p.events.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    const ours = seen.filter((e) => e.customerNumber === created.customerNumber);
    expect(ours.map((e) => e.type)).toEqual(['customer.created', 'record.linked']);
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
    const resumed = await page(cursor);
    expect(resumed.events.filter((e) => e.customerNumber === created.customerNumber)).toEqual([]);
    expect(
      (
        await t.http
          .get('/v1/events')
          .query({ after: 'not-a-cursor' })
          .set('X-API-Key', t.keys.system)
      ).status,
    ).toBe(400);
  });

  describe('bad input gets a clear 4xx and changes nothing', () => {
    const cases: [string, unknown, number, string][] = [
      [
        'no identifying field',
        { source: 'crm', sourceId: 'x1', kind: 'person', gender: 'M' },
        422,
        'NO_IDENTIFYING_FIELD',
      ],
      [
        'an unknown kind',
        { source: 'crm', sourceId: 'x2', kind: 'robot', name: 'A' },
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a number as name',
        { source: 'crm', sourceId: 'x3', kind: 'person', name: 42 },
        400,
        'VALIDATION_FAILED',
      ],
      [
        'phones not an array of strings',
        { source: 'crm', sourceId: 'x4', kind: 'person', phones: [1, 2] },
        400,
        'VALIDATION_FAILED',
      ],
      ['a missing source', { sourceId: 'x5', kind: 'person', name: 'A' }, 400, 'VALIDATION_FAILED'],
      [
        'an absurdly long name',
        { source: 'crm', sourceId: 'x6', kind: 'person', name: '张'.repeat(5000) },
        400,
        'VALIDATION_FAILED',
      ],
      [
        'an unknown field',
        { source: 'crm', sourceId: 'x7', kind: 'person', name: 'A', shoeSize: 44 },
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a bad address object',
        { source: 'crm', sourceId: 'x8', kind: 'person', name: 'A', address: { planet: 'Mars' } },
        400,
        'VALIDATION_FAILED',
      ],
    ];

    it.each(cases)('%s', async (_label, body, status, code) => {
      const before = await t.http
        .get('/v1/events')
        .query({ limit: 1000 })
        .set('X-API-Key', t.keys.system);
      const res = await t.http
        .post('/v1/resolve')
        .set('X-API-Key', t.keys.system)
        .send(body as object);
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
      if (status === 400) expect(res.body.errors.length).toBeGreaterThan(0);
      const sourceId = (body as { sourceId: string }).sourceId;
      expect(
        (await t.http.get(`/v1/sources/crm/${sourceId}`).set('X-API-Key', t.keys.system)).status,
      ).toBe(404);
      const after = await t.http
        .get('/v1/events')
        .query({ limit: 1000 })
        .set('X-API-Key', t.keys.system);
      expect(after.body.events.length).toBe(before.body.events.length);
    });

    it('a 10 MB name is refused as too large', async () => {
      const res = await t.http
        .post('/v1/resolve')
        .set('X-API-Key', t.keys.system)
        .send({
          source: 'crm',
          sourceId: 'big',
          kind: 'person',
          name: 'x'.repeat(10 * 1024 * 1024),
        });
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('invalid JSON is a 400', async () => {
      const res = await t.http
        .post('/v1/resolve')
        .set('X-API-Key', t.keys.system)
        .set('Content-Type', 'application/json')
        .send('{"source": ');
      expect(res.body.code).toBe('MALFORMED_JSON');
    });
  });

  it('requires the system role to resolve', async () => {
    const res = await t.http
      .post('/v1/resolve')
      .set('X-API-Key', t.keys.steward)
      .send({ source: 'crm', sourceId: 'r', kind: 'person', name: 'A' });
    expect(res.status).toBe(403);
  });

  it('POST /v1/match ranks candidates with explanations and writes nothing', async () => {
    const seed = uniqueSeed();
    const phone = mobile(seed);
    const created = await resolve({
      source: 'crm',
      sourceId: uniqueId('C'),
      kind: 'person',
      name: '孙丽',
      phone,
      birthDate: '1988-08-08',
    });
    const probe = {
      source: 'store',
      sourceId: uniqueId('S'),
      kind: 'person',
      name: '孫麗',
      phone,
      birthDate: '1988/8/8',
    };
    const res = await t.http.post('/v1/match').set('X-API-Key', t.keys.system).send(probe);
    expect(res.status).toBe(200);
    expect(res.body.candidates[0].customerNumber).toBe(created.customerNumber);
    expect(res.body.candidates[0].decision).toBe('link');
    expect(res.body.candidates[0].explanation.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['phone', 'birthDate']),
    );
    expect(
      (await t.http.get(`/v1/sources/store/${probe.sourceId}`).set('X-API-Key', t.keys.system))
        .status,
    ).toBe(404);
  });
});
