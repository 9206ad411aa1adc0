import type { DataSource } from 'typeorm';
import type request from 'supertest';
import { chineseName, mobile, residentId } from './factories/person.factory';

export interface PersonRow {
  sourceId: string;
  kind: 'person';
  name: string;
  phone: string;
  idNumber: string;
  birthDate: string;
}

const DAYS = 20_000;
const SEQUENCES = 1000;
const PHONES = 89_999_999;

/**
 * The i-th of a set of distinct people. Person number n = seed + i decides the name, the birth date
 * and the id's sequence together, so two numbers never share an id number, a phone, or a name with
 * a birth date (suites share one database in server mode: one id in common would link two people,
 * a name and birth date in common would raise a review). Dates and phones are scattered so that
 * neighbours do not look like typos of each other.
 */
export function person(seed: number, i: number, prefix = 'P'): PersonRow {
  const n = (seed % (DAYS * SEQUENCES - 1_000_000)) + i;
  const day = ((n % DAYS) * 7919) % DAYS;
  const birthDate = new Date(Date.UTC(1950, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  return {
    sourceId: `${prefix}${i}`,
    kind: 'person',
    name: chineseName(n),
    phone: mobile((n * 48_271) % PHONES),
    idNumber: residentId('110105', birthDate, Math.floor(n / DAYS) % SEQUENCES),
    birthDate,
  };
}

/** CSV text with a header; cells with delimiters, quotes or line breaks are quoted. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

export function toNdjson(rows: readonly object[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

export interface ImportBody {
  id: string;
  state: string;
  rows: Record<string, number | null>;
  chunks: { total: number | null; done: number };
  recordsPerSecond: number | null;
  etaSeconds: number | null;
  failure: { code: string; message: string } | null;
}

export async function upload(
  http: ReturnType<typeof request>,
  key: string,
  file: { name: string; content: string | Buffer },
  fields: { source: string; map?: string[]; format?: string },
): Promise<request.Response> {
  let req = http.post('/v1/imports').set('X-API-Key', key).field('source', fields.source);
  if (fields.format !== undefined) req = req.field('format', fields.format);
  for (const m of fields.map ?? []) req = req.field('map', m);
  return req.attach('file', Buffer.from(file.content), file.name);
}

const ENDED = ['completed', 'failed', 'cancelled'];

export async function waitForImport(
  http: ReturnType<typeof request>,
  key: string,
  id: string,
  timeoutMs = 120_000,
): Promise<ImportBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await http.get(`/v1/imports/${id}`).set('X-API-Key', key);
    const body = res.body as ImportBody;
    if (ENDED.includes(body.state)) return body;
    if (Date.now() > deadline)
      throw new Error(`import ${id} still ${body.state} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** sourceId → the customer number it resolves to today (following merges). */
export async function customersOf(db: DataSource, source: string): Promise<Map<string, string>> {
  const rows = await db.query<{ source_id: string; customer_number: string }[]>(
    `SELECT s.source_id, live.customer_number
       FROM source_records s
       JOIN customers c ON c.id = s.customer_id
       JOIN customers live ON live.id = COALESCE(c.merged_into_id, c.id)
      WHERE s.source = $1 AND s.status = 'active'`,
    [source],
  );
  return new Map(rows.map((r) => [r.source_id, r.customer_number]));
}

/** Groups of sourceIds sharing a customer, as sorted lists: comparable across runs. */
export function partition(customers: Map<string, string>): string[][] {
  const groups = new Map<string, string[]>();
  for (const [sourceId, number] of customers)
    groups.set(number, [...(groups.get(number) ?? []), sourceId]);
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}
