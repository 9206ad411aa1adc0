import { mobile, uniqueId, uniqueSeed } from './factories/person.factory';
import {
  changeEvents,
  mergeProposal,
  resolve,
  reviewPair,
  type ReviewPair,
} from './helpers/review-fixtures';
import { createTestApp, type TestApp } from './helpers/test-app';

describe('Review queue and decisions (/v1/reviews)', () => {
  let t: TestApp;
  const steward = () => t.keys.steward;
  const decide = (id: string, decision: string, comment?: string) =>
    t.http
      .post(`/v1/reviews/${id}/decision`)
      .set('X-API-Key', steward())
      .send(comment === undefined ? { decision } : { decision, comment });
  const customer = async (number: string) => {
    const res = await t.http.get(`/v1/customers/${number}`).set('X-API-Key', steward());
    expect(res.status).toBe(200);
    return res.body;
  };
  const sourceOwner = async (record: { source: string; sourceId: string }) => {
    const res = await t.http
      .get(`/v1/sources/${record.source}/${record.sourceId}`)
      .set('X-API-Key', steward());
    return res.body.customerNumber as string;
  };

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  describe('reading', () => {
    let pair: ReviewPair;

    beforeAll(async () => {
      pair = await reviewPair(t);
    });

    it('lists open items with both sides summarised, the score and counts', async () => {
      const res = await t.http.get('/v1/reviews?limit=100').set('X-API-Key', steward());
      expect(res.status).toBe(200);
      const item = res.body.items.find((i: { id: string }) => i.id === pair.reviewId);
      expect(item).toMatchObject({
        kind: 'record_match',
        status: 'open',
        deferred: false,
        customer: { customerNumber: pair.incoming.number, name: pair.person.name, recordCount: 1 },
        candidate: { customerNumber: pair.existing.number, birthDate: pair.person.birthDate },
        sourceRecord: { source: 'shop', sourceId: pair.incoming.record.sourceId },
      });
      expect(item.score).toBeGreaterThanOrEqual(14);
      expect(item.score).toBeLessThan(22);
      expect(res.body.counts.open).toBeGreaterThanOrEqual(1);
      expect(res.body.counts.openByKind.record_match).toBeGreaterThanOrEqual(1);
    });

    it('filters by kind, sorts by score or age, and pages with a cursor', async () => {
      await reviewPair(t);
      await mergeProposal(t);
      const merges = await t.http
        .get('/v1/reviews?kind=customer_merge&limit=100')
        .set('X-API-Key', steward());
      expect(merges.body.items.length).toBeGreaterThan(0);
      expect(merges.body.items.every((i: { kind: string }) => i.kind === 'customer_merge')).toBe(
        true,
      );

      const byScore = await collect('/v1/reviews?sort=score&limit=1');
      const scores = byScore.filter((i) => !i.deferred).map((i) => i.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      const byAge = await collect('/v1/reviews?sort=age&limit=2');
      const ids = byAge.filter((i) => !i.deferred).map((i) => Number(i.id));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(byScore.map((i) => i.id))).toEqual(new Set(byAge.map((i) => i.id)));
    });

    it('rejects a cursor it did not issue', async () => {
      const res = await t.http.get('/v1/reviews?cursor=bm9wZQ').set('X-API-Key', steward());
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('INVALID_CURSOR');
    });

    it('shows both sides in full and the explanation re-scored with masked values', async () => {
      const res = await t.http.get(`/v1/reviews/${pair.reviewId}`).set('X-API-Key', steward());
      expect(res.status).toBe(200);
      expect(res.body.customer.customerNumber).toBe(pair.incoming.number);
      expect(res.body.candidate.customerNumber).toBe(pair.existing.number);
      expect(res.body.candidate.golden.name.value).toBe(pair.person.name);
      expect(res.body.candidate.sourceRecords[0].sourceId).toBe(pair.existing.record.sourceId);
      expect(res.body.thresholds).toEqual({ upper: 22, lower: 14 });
      const lines = res.body.explanation.current.explanation as {
        field: string;
        level: string;
        weight: number;
        values: string[];
      }[];
      const birth = lines.find((l) => l.field === 'birthDate');
      expect(birth).toMatchObject({
        level: 'exact',
        values: [
          `${pair.person.birthDate.slice(0, 4)}-**-**`,
          `${pair.person.birthDate.slice(0, 4)}-**-**`,
        ],
      });
      const phone = lines.find((l) => l.field === 'phone');
      expect(phone?.level).toBe('different');
      expect(phone?.weight).toBeLessThan(0);
      expect(JSON.stringify(lines)).not.toContain((pair.existing.record.phones as string[])[0]);
      expect(res.body.explanation.current.score).toBeCloseTo(res.body.score, 6);
      expect(res.body.explanation.atOpen.length).toBe(lines.length);
    });

    it('answers 404 for an unknown item and 400 for an unknown decision', async () => {
      expect(
        (await t.http.get('/v1/reviews/999999999').set('X-API-Key', steward())).body.code,
      ).toBe('REVIEW_NOT_FOUND');
      expect((await t.http.get('/v1/reviews/abc').set('X-API-Key', steward())).status).toBe(404);
      const bad = await decide(pair.reviewId, 'maybe');
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0]).toMatchObject({ field: 'decision', code: 'IS_IN' });
    });
  });

  describe('decisions', () => {
    it('merge: one customer under the older number; the newer redirects; recorded with who, when, why', async () => {
      const pair = await reviewPair(t);
      const res = await decide(pair.reviewId, 'merge', 'same birth date, moved to Shanghai');
      expect(res.status).toBe(200);
      expect(res.body.customerNumbers).toEqual([pair.existing.number]);
      expect(res.body.review).toMatchObject({
        status: 'decided',
        decision: 'merge',
        decidedBy: 'key:test steward',
        comment: 'same birth date, moved to Shanghai',
      });
      expect(Date.parse(res.body.review.decidedAt)).not.toBeNaN();
      const merged = await customer(pair.incoming.number);
      expect(merged).toMatchObject({
        customerNumber: pair.existing.number,
        mergedInto: pair.existing.number,
      });
      expect(merged.sourceRecords).toHaveLength(2);
      const types = (await changeEvents(t, [pair.existing.number, pair.incoming.number])).map(
        (e) => e.type,
      );
      expect(types).toEqual(expect.arrayContaining(['customer.merged', 'review.decided']));
    });

    it('answers 409 to a second decision, and to one of two racing decisions', async () => {
      const pair = await reviewPair(t);
      expect((await decide(pair.reviewId, 'not-duplicate')).status).toBe(200);
      const again = await decide(pair.reviewId, 'merge');
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('REVIEW_ALREADY_DECIDED');

      const race = await reviewPair(t);
      const answers = await Promise.all([
        decide(race.reviewId, 'merge'),
        decide(race.reviewId, 'not-duplicate'),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    });

    it('link: a customer left without records is merged into the candidate, its number redirects', async () => {
      const pair = await reviewPair(t);
      const res = await decide(pair.reviewId, 'link');
      expect(res.status).toBe(200);
      expect(res.body.review.decision).toBe('link');
      expect(await sourceOwner(pair.incoming.record)).toBe(pair.existing.number);
      expect((await customer(pair.incoming.number)).mergedInto).toBe(pair.existing.number);
    });

    it('link: only the record moves when its customer has other records', async () => {
      const pair = await reviewPair(t);
      // A second record of the incoming customer (same phone) stays where it is.
      const sibling = { ...pair.incoming.record, source: 'app', sourceId: uniqueId('app') };
      const linked = await resolve(t, sibling);
      expect(linked).toMatchObject({ decision: 'linked', customerNumber: pair.incoming.number });

      const res = await decide(pair.reviewId, 'link', 'this order was placed by the CRM customer');
      expect(res.status).toBe(200);
      expect(res.body.customerNumbers).toEqual([pair.existing.number, pair.incoming.number]);
      expect(await sourceOwner(pair.incoming.record)).toBe(pair.existing.number);
      expect(await sourceOwner(sibling)).toBe(pair.incoming.number);
      const target = await customer(pair.existing.number);
      const moved = target.sourceRecords.find(
        (r: { sourceId: string }) => r.sourceId === pair.incoming.record.sourceId,
      );
      expect(moved.link).toMatchObject({ decision: 'manual', actor: 'key:test steward' });
      const events = await changeEvents(t, [pair.existing.number, pair.incoming.number]);
      expect(events.map((e) => e.type)).toEqual(
        expect.arrayContaining(['record.linked', 'record.detached', 'review.decided']),
      );
    });

    it('link is refused for a merge proposal between two customers', async () => {
      const proposal = await mergeProposal(t);
      const res = await decide(proposal.reviewId, 'link');
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('REVIEW_DECISION_NOT_APPLICABLE');
      const merged = await decide(proposal.reviewId, 'merge');
      expect(merged.status).toBe(200);
      expect(merged.body.customerNumbers).toHaveLength(1);
    });

    it('not-duplicate is remembered when the same record comes again with a changed non-identifying value', async () => {
      const pair = await reviewPair(t);
      expect((await decide(pair.reviewId, 'not-duplicate', 'twins')).status).toBe(200);
      const openBefore = (await t.http.get('/v1/reviews').set('X-API-Key', steward())).body.counts
        .open;

      const again = await resolve(t, { ...pair.incoming.record, attributes: { tier: 'gold' } });
      expect(again).toMatchObject({ customerNumber: pair.incoming.number, decision: 'linked' });
      expect(again.reviewId).toBeUndefined();
      const first = await resolve(t, { ...pair.existing.record, attributes: { loyalty: 'yes' } });
      expect(first).toMatchObject({ customerNumber: pair.existing.number, decision: 'linked' });
      expect(first.reviewId).toBeUndefined();
      expect((await t.http.get('/v1/reviews').set('X-API-Key', steward())).body.counts.open).toBe(
        openBefore,
      );
      expect(await sourceOwner(pair.incoming.record)).toBe(pair.incoming.number);
    });

    it('not-duplicate lapses once an identifying field changes: the pair may be proposed again', async () => {
      const pair = await reviewPair(t);
      expect((await decide(pair.reviewId, 'not-duplicate')).status).toBe(200);
      const changed = await resolve(t, { ...pair.incoming.record, phones: [mobile(uniqueSeed())] });
      expect(changed.decision).toBe('review');
      expect(changed.reviewId).toBeDefined();
      expect(changed.reviewId).not.toBe(pair.reviewId);
    });

    it('defer keeps the item open, records the deferral and lists it after untouched items', async () => {
      const pair = await reviewPair(t);
      const res = await decide(pair.reviewId, 'defer', 'ask the branch');
      expect(res.status).toBe(200);
      expect(res.body.review).toMatchObject({
        status: 'open',
        deferred: true,
        decision: 'defer',
        comment: 'ask the branch',
      });
      const untouched = await reviewPair(t);
      const items = await collect('/v1/reviews?sort=age&limit=100');
      const at = (id: string) => items.findIndex((i) => i.id === id);
      expect(at(untouched.reviewId)).toBeGreaterThanOrEqual(0);
      expect(at(pair.reviewId)).toBeGreaterThan(at(untouched.reviewId));
      const counts = (await t.http.get('/v1/reviews').set('X-API-Key', steward())).body.counts;
      expect(counts.deferred).toBeGreaterThanOrEqual(1);

      const later = await decide(pair.reviewId, 'merge', 'branch confirmed');
      expect(later.status).toBe(200);
      expect(later.body.review).toMatchObject({
        status: 'decided',
        deferred: false,
        decision: 'merge',
      });
      const history = await t.http
        .get(`/v1/customers/${pair.existing.number}/history`)
        .set('X-API-Key', steward());
      const decisions = history.body.items
        .filter(
          (e: { action: string; customerNumber: string }) =>
            e.action === 'review_decided' && e.customerNumber === pair.existing.number,
        )
        .map((e: { details: { decision: string }; reason: string }) => [
          e.details.decision,
          e.reason,
        ]);
      expect(decisions).toEqual([
        ['merge', 'branch confirmed'],
        ['defer', 'ask the branch'],
      ]);
    });
  });

  describe('roles', () => {
    it('answers 403 to system keys, 401 without a key, and serves stewards and admins', async () => {
      const pair = await reviewPair(t);
      for (const req of [
        t.http.get('/v1/reviews'),
        t.http.get(`/v1/reviews/${pair.reviewId}`),
        t.http.post(`/v1/reviews/${pair.reviewId}/decision`).send({ decision: 'merge' }),
      ]) {
        const res = await req.set('X-API-Key', t.keys.system);
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('ROLE_REQUIRED');
      }
      expect((await t.http.get('/v1/reviews')).status).toBe(401);
      expect((await t.http.get('/v1/reviews').set('X-API-Key', t.keys.admin)).status).toBe(200);
      expect(
        (
          await t.http
            .post(`/v1/reviews/${pair.reviewId}/decision`)
            .set('X-API-Key', t.keys.admin)
            .send({ decision: 'defer' })
        ).status,
      ).toBe(200);
    });
  });

  /** Every item of a listing, following nextCursor. */
  async function collect(url: string): Promise<{ id: string; score: number; deferred: boolean }[]> {
    const items: { id: string; score: number; deferred: boolean }[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: []; nextCursor: string | null } } = await t.http
        .get(cursor === null ? url : `${url}&cursor=${cursor}`)
        .set('X-API-Key', steward());
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor !== null);
    return items;
  }
});
