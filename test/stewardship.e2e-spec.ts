import { mobile, uniqueId, uniqueSeed } from './factories/person.factory';
import {
  changeEvents,
  resolve,
  reviewPair,
  uniquePerson,
  type RecordBody,
} from './helpers/review-fixtures';
import { createTestApp, type TestApp } from './helpers/test-app';

interface HistoryItem {
  action: string;
  actor: string;
  reason: string | null;
  customerNumber: string;
  relatedCustomerNumber: string | null;
  sourceRecord: { source: string; sourceId: string } | null;
  details: Record<string, unknown>;
  explanation: unknown;
  at: string;
}

describe('Stewardship: merge, split, pins and history (/v1/customers/{n}/...)', () => {
  let t: TestApp;
  const as = (key: string) => ({
    get: (url: string) => t.http.get(url).set('X-API-Key', key),
    post: (url: string, body: object) => t.http.post(url).set('X-API-Key', key).send(body),
    put: (url: string, body: object) => t.http.put(url).set('X-API-Key', key).send(body),
    delete: (url: string, body: object = {}) => t.http.delete(url).set('X-API-Key', key).send(body),
  });
  const steward = () => as(t.keys.steward);
  const ownerOf = async (record: { source: string; sourceId: string }) =>
    (await steward().get(`/v1/sources/${record.source}/${record.sourceId}`)).body
      .customerNumber as string;
  const key = (record: RecordBody) => ({ source: record.source, sourceId: record.sourceId });

  /** A customer of its own (a person nobody else in the run shares anything with). */
  const loner = async (
    extra: Partial<RecordBody> = {},
  ): Promise<{ number: string; record: RecordBody }> => {
    const person = uniquePerson();
    const record: RecordBody = {
      source: 'crm',
      sourceId: uniqueId('crm'),
      kind: 'person',
      name: person.name,
      birthDate: person.birthDate,
      phones: [mobile(person.seed)],
      ...extra,
    };
    const resolved = await resolve(t, record);
    expect(resolved.decision).toBe('created');
    return { number: resolved.customerNumber, record };
  };

  /** A second record of the same customer, from another channel (same phone, name, birth date). */
  const sibling = async (of: { number: string; record: RecordBody }): Promise<RecordBody> => {
    const record = { ...of.record, source: 'app', sourceId: uniqueId('app') };
    expect(await resolve(t, record)).toMatchObject({
      decision: 'linked',
      customerNumber: of.number,
    });
    return record;
  };

  const history = async (number: string, limit = 200): Promise<HistoryItem[]> => {
    const res = await steward().get(`/v1/customers/${number}/history?limit=${limit}`);
    expect(res.status).toBe(200);
    return res.body.items;
  };

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  describe('manual merge', () => {
    it('keeps the older number; the other redirects to it forever', async () => {
      const older = await loner();
      const newer = await loner();
      const res = await steward().post(`/v1/customers/${newer.number}/merge`, {
        other: older.number,
        reason: 'same passport',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ survivor: older.number, merged: newer.number });
      expect(res.body.customer.sourceRecords).toHaveLength(2);
      expect(await ownerOf(newer.record)).toBe(older.number);
      const redirected = await steward().get(`/v1/customers/${newer.number}`);
      expect(redirected.body).toMatchObject({
        customerNumber: older.number,
        requestedNumber: newer.number,
        mergedInto: older.number,
      });
      const events = await changeEvents(t, [older.number]);
      expect(events.find((e) => e.type === 'customer.merged')?.payload).toEqual({
        survivor: older.number,
        merged: newer.number,
      });
    });

    it('answers 409 for numbers that are already one customer, and for a person with an organisation', async () => {
      const a = await loner();
      const b = await loner();
      expect(
        (await steward().post(`/v1/customers/${a.number}/merge`, { other: b.number })).status,
      ).toBe(200);
      const again = await steward().post(`/v1/customers/${b.number}/merge`, { other: a.number });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('MERGE_CONFLICT');

      const org = await resolve(t, {
        source: 'erp',
        sourceId: uniqueId('erp'),
        kind: 'organization',
        name: `测试${uniqueSeed()}科技有限公司`,
      });
      const mixed = await steward().post(`/v1/customers/${a.number}/merge`, {
        other: org.customerNumber,
      });
      expect(mixed.status).toBe(409);
      expect(mixed.body.code).toBe('MERGE_CONFLICT');
    });

    it('answers 400 for a malformed number and 404 for an unknown one', async () => {
      const a = await loner();
      expect(
        (await steward().post(`/v1/customers/${a.number}/merge`, { other: 'nope' })).body.code,
      ).toBe('INVALID_CUSTOMER_NUMBER');
      const unknown = '1110999999999'.slice(0, 12);
      const res = await steward().post(`/v1/customers/${a.number}/merge`, {
        other: `${unknown}${checkFor(unknown)}`,
      });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('CUSTOMER_NOT_FOUND');
    });
  });

  describe('split', () => {
    it('merge then split returns every record to the number it had', async () => {
      const a = await loner();
      const b = await loner();
      const c = await loner();
      const b2 = await sibling(b);
      const original = new Map<RecordBody, string>([
        [a.record, a.number],
        [b.record, b.number],
        [b2, b.number],
        [c.record, c.number],
      ]);
      expect(
        (await steward().post(`/v1/customers/${a.number}/merge`, { other: b.number })).body
          .survivor,
      ).toBe(a.number);
      expect(
        (await steward().post(`/v1/customers/${c.number}/merge`, { other: a.number })).body
          .survivor,
      ).toBe(a.number);
      for (const record of original.keys()) expect(await ownerOf(record)).toBe(a.number);

      const res = await steward().post(`/v1/customers/${a.number}/split`, {
        sourceRecords: [key(b.record), key(b2), key(c.record)],
        reason: 'merged by mistake',
      });
      expect(res.status).toBe(200);
      expect(res.body.customer.customerNumber).toBe(a.number);
      expect(res.body.splitOff).toEqual(
        expect.arrayContaining([
          {
            customerNumber: b.number,
            restored: true,
            sourceRecords: expect.arrayContaining([key(b.record), key(b2)]),
          },
          { customerNumber: c.number, restored: true, sourceRecords: [key(c.record)] },
        ]),
      );
      for (const [record, number] of original) expect(await ownerOf(record)).toBe(number);
      for (const number of [b.number, c.number]) {
        const restored = await steward().get(`/v1/customers/${number}`);
        expect(restored.body).toMatchObject({ customerNumber: number, status: 'active' });
        expect(restored.body.mergedInto).toBeUndefined();
        expect(restored.body.golden.name).toBeDefined();
      }
      const splitEvents = (await changeEvents(t, [a.number])).filter(
        (e) => e.type === 'customer.split',
      );
      expect(splitEvents.map((e) => e.payload.to).sort()).toEqual([b.number, c.number].sort());
    });

    it('mints a new customer for records that never had another number', async () => {
      const a = await loner();
      const extra = await sibling(a);
      const res = await steward().post(`/v1/customers/${a.number}/split`, {
        sourceRecords: [key(extra)],
      });
      expect(res.status).toBe(200);
      const [off] = res.body.splitOff;
      expect(off.restored).toBe(false);
      expect(off.customerNumber).not.toBe(a.number);
      expect(await ownerOf(extra)).toBe(off.customerNumber);
      expect(await ownerOf(a.record)).toBe(a.number);
    });

    it('does not merge a split record straight back when its channel sends it again', async () => {
      const a = await loner();
      const extra = await sibling(a);
      const off = (
        await steward().post(`/v1/customers/${a.number}/split`, { sourceRecords: [key(extra)] })
      ).body.splitOff[0];
      const again = await resolve(t, { ...extra, attributes: { note: 'resent by nightly sync' } });
      expect(again.customerNumber).toBe(off.customerNumber);
      expect(await ownerOf(a.record)).toBe(a.number);
    });

    it('refuses to split off every record, records of another customer, and unknown records', async () => {
      const a = await loner();
      const b = await loner();
      const all = await steward().post(`/v1/customers/${a.number}/split`, {
        sourceRecords: [key(a.record)],
      });
      expect(all.status).toBe(409);
      expect(all.body.code).toBe('SPLIT_CONFLICT');
      const foreign = await steward().post(`/v1/customers/${a.number}/split`, {
        sourceRecords: [key(b.record)],
      });
      expect(foreign.status).toBe(409);
      expect(foreign.body.code).toBe('SPLIT_CONFLICT');
      const unknown = await steward().post(`/v1/customers/${a.number}/split`, {
        sourceRecords: [{ source: 'crm', sourceId: uniqueId('none') }],
      });
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('SOURCE_RECORD_NOT_FOUND');
      const empty = await steward().post(`/v1/customers/${a.number}/split`, { sourceRecords: [] });
      expect(empty.status).toBe(400);
    });
  });

  describe('pins', () => {
    it('keeps a pinned value through later updates until it is unpinned', async () => {
      const a = await loner();
      const pinnedName = `${a.record.name as string}（正式）`;
      const pin = await steward().put(`/v1/customers/${a.number}/attributes/name`, {
        value: pinnedName,
        reason: 'name on the signed contract',
      });
      expect(pin.status).toBe(200);
      expect(pin.body.golden.name).toMatchObject({
        value: pinnedName,
        rule: 'pinned',
        source: null,
      });
      expect(pin.body.pins.name).toMatchObject({
        value: pinnedName,
        reason: 'name on the signed contract',
        pinnedBy: 'key:test steward',
      });

      await resolve(t, { ...a.record, address: '广东省深圳市南山区科技园1号' });
      const after = await steward().get(`/v1/customers/${a.number}`);
      expect(after.body.golden.name.value).toBe(pinnedName);
      expect(after.body.golden.address).toBeDefined();

      const unpin = await steward().delete(`/v1/customers/${a.number}/attributes/name`, {
        reason: 'contract corrected',
      });
      expect(unpin.status).toBe(200);
      expect(unpin.body.golden.name.rule).not.toBe('pinned');
      expect(unpin.body.pins).toEqual({});
      const types = (await changeEvents(t, [a.number]))
        .filter((e) => e.type === 'customer.updated' && e.payload.change !== undefined)
        .map((e) => e.payload.change);
      expect(types).toEqual(['pinned', 'unpinned']);
    });

    it('validates pins: list attributes, bad names, missing reason, unpinning what is not pinned', async () => {
      const a = await loner();
      expect(
        (
          await steward().put(`/v1/customers/${a.number}/attributes/phones`, {
            value: '1',
            reason: 'x',
          })
        ).status,
      ).toBe(400);
      expect(
        (
          await steward().put(`/v1/customers/${a.number}/attributes/bad-name!`, {
            value: '1',
            reason: 'x',
          })
        ).status,
      ).toBe(400);
      const noReason = await steward().put(`/v1/customers/${a.number}/attributes/tier`, {
        value: 'gold',
      });
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
      expect(
        (
          await steward().put(`/v1/customers/${a.number}/attributes/tier`, {
            value: null,
            reason: 'x',
          })
        ).status,
      ).toBe(400);
      const missing = await steward().delete(`/v1/customers/${a.number}/attributes/tier`);
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('PIN_NOT_FOUND');
    });
  });

  describe('history', () => {
    it('tells every link, merge, split, review decision and pin with who, when, why and the explanation, newest first', async () => {
      const pair = await reviewPair(t);
      const a = pair.existing.number;
      expect(
        (
          await steward().post(`/v1/reviews/${pair.reviewId}/decision`, {
            decision: 'merge',
            comment: 'same person',
          })
        ).status,
      ).toBe(200);
      await steward().put(`/v1/customers/${a}/attributes/gender`, {
        value: 'female',
        reason: 'called the customer',
      });
      await steward().delete(`/v1/customers/${a}/attributes/gender`, {
        reason: 'recorded by mistake',
      });
      await steward().post(`/v1/customers/${a}/split`, {
        sourceRecords: [key(pair.incoming.record)],
        reason: 'different people after all',
      });

      const items = await history(a);
      const ids = items.map((e) => e.at);
      expect(ids).toEqual([...ids].sort().reverse());
      const actions = items.filter((e) => e.customerNumber === a).map((e) => e.action);
      expect(actions).toEqual([
        'split',
        'unpinned',
        'pinned',
        'review_decided',
        'merged',
        'review_opened',
        'linked',
        'created',
      ]);
      const split = items.find((e) => e.action === 'split') as HistoryItem;
      expect(split).toMatchObject({
        actor: 'key:test steward',
        reason: 'different people after all',
        relatedCustomerNumber: pair.incoming.number,
        details: {
          to: pair.incoming.number,
          restored: true,
          sourceRecords: [key(pair.incoming.record)],
        },
      });
      expect(items.find((e) => e.action === 'pinned')).toMatchObject({
        reason: 'called the customer',
        details: { attribute: 'gender', value: 'female' },
      });
      expect(items.find((e) => e.action === 'review_decided')).toMatchObject({
        reason: 'same person',
        details: { decision: 'merge' },
      });
      const linked = items.find((e) => e.action === 'linked') as HistoryItem;
      expect(linked.sourceRecord).toEqual(key(pair.existing.record));
      expect(linked.actor).toBe('key:test system');
      expect(Array.isArray(linked.explanation)).toBe(true);
      expect((items.find((e) => e.action === 'review_opened') as HistoryItem).explanation).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'birthDate', level: 'exact' })]),
      );

      const restored = await history(pair.incoming.number);
      expect(restored.map((e) => e.action)).toEqual(
        expect.arrayContaining([
          'split_from',
          'merged_into',
          'review_decided',
          'review_opened',
          'linked',
          'created',
        ]),
      );
      expect(restored[0]).toMatchObject({ action: 'split_from', details: { from: a } });
    });

    it('includes the history of numbers merged into the customer, and pages with a cursor', async () => {
      const a = await loner();
      const b = await loner();
      await steward().post(`/v1/customers/${a.number}/merge`, { other: b.number });
      const all = await history(a.number);
      expect(all.some((e) => e.customerNumber === b.number && e.action === 'created')).toBe(true);
      expect((await steward().get(`/v1/customers/${b.number}/history`)).body.customerNumber).toBe(
        a.number,
      );

      const paged: HistoryItem[] = [];
      let cursor: string | null = null;
      do {
        const res = await steward().get(
          `/v1/customers/${a.number}/history?limit=2${cursor === null ? '' : `&cursor=${cursor}`}`,
        );
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        paged.push(...res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor !== null);
      expect(paged).toEqual(all);
    });
  });

  describe('concurrency', () => {
    it('a merge racing re-sends of the merged records answers 200 everywhere and keeps every record on the survivor', async () => {
      const a = await loner();
      const b = await loner();
      const b2 = await sibling(b);
      const resends = [a.record, b.record, b2].flatMap((record, i) =>
        [1, 2].map((n) => ({ ...record, attributes: { resend: `${i}-${n}` } })),
      );
      const [merge, ...resolved] = await Promise.all([
        steward().post(`/v1/customers/${a.number}/merge`, { other: b.number }),
        ...resends.map((r) => t.http.post('/v1/resolve').set('X-API-Key', t.keys.system).send(r)),
      ]);
      expect(merge.status).toBe(200);
      expect(resolved.map((r) => r.status)).toEqual(resends.map(() => 200));
      for (const record of [a.record, b.record, b2]) expect(await ownerOf(record)).toBe(a.number);
    });
  });

  describe('roles', () => {
    it('answers 403 to system keys on every steward endpoint and serves admins', async () => {
      const a = await loner();
      const b = await loner();
      const system = as(t.keys.system);
      for (const res of [
        await system.post(`/v1/customers/${a.number}/merge`, { other: b.number }),
        await system.post(`/v1/customers/${a.number}/split`, { sourceRecords: [key(a.record)] }),
        await system.put(`/v1/customers/${a.number}/attributes/name`, { value: 'x', reason: 'y' }),
        await system.delete(`/v1/customers/${a.number}/attributes/name`),
        await system.get(`/v1/customers/${a.number}/history`),
      ]) {
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('ROLE_REQUIRED');
      }
      expect((await t.http.get(`/v1/customers/${a.number}/history`)).status).toBe(401);
      expect((await as(t.keys.admin).get(`/v1/customers/${a.number}/history`)).status).toBe(200);
      expect(
        (await as(t.keys.admin).post(`/v1/customers/${a.number}/merge`, { other: b.number }))
          .status,
      ).toBe(200);
    });
  });
});

/** ISO 7064 MOD 11-2 check character, as the default customer number scheme uses. */
function checkFor(digits: string): string {
  let sum = 0;
  for (const ch of digits) sum = ((sum + Number(ch)) * 2) % 11;
  const check = (12 - sum) % 11;
  return check === 10 ? 'X' : String(check);
}
