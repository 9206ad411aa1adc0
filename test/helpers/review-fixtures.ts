import { DataSource } from 'typeorm';
import { chineseName, mobile, uniqueId, uniqueSeed } from '../factories/person.factory';
import type { TestApp } from './test-app';

export interface Resolved {
  customerNumber: string;
  decision: string;
  score: number | null;
  reviewId?: string;
  mergeProposedWith?: string;
}

export type RecordBody = Record<string, unknown> & { source: string; sourceId: string };

/** A person unlikely to meet any other test's people: random name, birth date and phones. */
export function uniquePerson(): { name: string; birthDate: string; seed: number } {
  const seed = uniqueSeed();
  const name = chineseName(seed);
  const year = 1950 + (seed % 50);
  const month = 1 + ((seed >> 3) % 12);
  const day = 1 + ((seed >> 7) % 28);
  const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { name, birthDate, seed };
}

export async function resolve(t: TestApp, body: RecordBody): Promise<Resolved> {
  const res = await t.http.post('/v1/resolve').set('X-API-Key', t.keys.system).send(body);
  if (res.status !== 200)
    throw new Error(`resolve answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as Resolved;
}

export interface ReviewPair {
  reviewId: string;
  /** The customer the engine hesitated about (created first), with its record. */
  existing: { number: string; record: RecordBody };
  /** The customer the second record landed on (newer number), with its record. */
  incoming: { number: string; record: RecordBody };
  person: { name: string; birthDate: string };
}

/**
 * Two records with the same name and birth date but different phone and city: they score between
 * the thresholds, so the second lands on a new customer with a `record_match` review.
 */
export async function reviewPair(t: TestApp): Promise<ReviewPair> {
  const person = uniquePerson();
  const first: RecordBody = {
    source: 'crm',
    sourceId: uniqueId('crm'),
    kind: 'person',
    name: person.name,
    birthDate: person.birthDate,
    phones: [mobile(person.seed)],
    // A house of its own: pairs from other specs on a shared database must not look like one household.
    address: `北京市朝阳区建国路${(person.seed % 9000) + 1}号${(person.seed >> 5) % 30}01室`,
  };
  const second: RecordBody = {
    source: 'shop',
    sourceId: uniqueId('shop'),
    kind: 'person',
    name: person.name,
    birthDate: person.birthDate,
    phones: [mobile(uniqueSeed())],
    address: `上海市浦东新区世纪大道${(person.seed % 7000) + 1}号`,
  };
  const a = await resolve(t, first);
  const b = await resolve(t, second);
  if (a.decision !== 'created' || b.decision !== 'review' || b.reviewId === undefined) {
    throw new Error(`expected created + review, got ${a.decision} + ${b.decision}`);
  }
  return {
    reviewId: b.reviewId,
    existing: { number: a.customerNumber, record: first },
    incoming: { number: b.customerNumber, record: second },
    person,
  };
}

/**
 * Two unrelated customers (one known by name and phone, one by e-mail and birth date) and a third
 * record carrying all of it: it links to one and strongly matches the other, so the engine
 * proposes merging them (`customer_merge`).
 */
export async function mergeProposal(
  t: TestApp,
): Promise<{ reviewId: string; numbers: [string, string] }> {
  const person = uniquePerson();
  const phone = mobile(person.seed);
  const email = `${uniqueId('p').toLowerCase()}@example.com`;
  const byPhone = await resolve(t, {
    source: 'crm',
    sourceId: uniqueId('crm'),
    kind: 'person',
    name: person.name,
    phones: [phone],
  });
  const byMail = await resolve(t, {
    source: 'app',
    sourceId: uniqueId('app'),
    kind: 'person',
    emails: [email],
    birthDate: person.birthDate,
  });
  const both = await resolve(t, {
    source: 'shop',
    sourceId: uniqueId('shop'),
    kind: 'person',
    name: person.name,
    phones: [phone],
    emails: [email],
    birthDate: person.birthDate,
  });
  if (both.reviewId === undefined || both.mergeProposedWith === undefined) {
    throw new Error(`expected a merge proposal, got ${JSON.stringify(both)}`);
  }
  return { reviewId: both.reviewId, numbers: [byPhone.customerNumber, byMail.customerNumber] };
}

export function changeEvents(
  t: TestApp,
  customerNumbers: readonly string[],
): Promise<{ type: string; customer_number: string; payload: Record<string, unknown> }[]> {
  return t.app
    .get(DataSource)
    .query(
      'SELECT type, customer_number, payload FROM change_events WHERE customer_number = ANY($1) ORDER BY id',
      [customerNumbers],
    );
}
