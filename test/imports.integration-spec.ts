import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { ImportChunkProcessor } from '../src/imports/import-chunk-processor';
import { ImportStorage } from '../src/imports/import-storage';
import { uniqueId, uniqueSeed } from './factories/person.factory';
import { createTestApp, type TestApp } from './helpers/test-app';
import { isServerMode, testConfig } from './helpers/test-config';
import {
  customersOf,
  type ImportBody,
  person,
  toCsv,
  toNdjson,
  upload,
  waitForImport,
} from './imports.fixtures';

const CHUNK_ROWS = 20;

/** Imports over HTTP; jobs run in-process (embedded) or in a worker context on BullMQ (server). */
describe(`imports (${isServerMode() ? 'server' : 'embedded'} mode)`, () => {
  const storageDir = mkdtempSync(join(tmpdir(), 'imports-'));
  const env = { IMPORT_STORAGE_DIR: storageDir, IMPORT_CHUNK_ROWS: String(CHUNK_ROWS) };
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp(env);
    if (isServerMode()) {
      worker = await NestFactory.createApplicationContext(
        AppModule.forRoot(testConfig(env), 'worker'),
        { logger: false },
      );
      await worker.init();
    }
    db = t.app.get(DataSource);
  });

  afterAll(async () => {
    await worker?.close();
    await t.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  const start = async (
    file: { name: string; content: string },
    fields: { source: string; map?: string[]; format?: string },
  ): Promise<string> => {
    const res = await upload(t.http, t.keys.steward, file, fields);
    expect(res.status).toBe(202);
    expect(res.headers.location).toBe(`/v1/imports/${(res.body as ImportBody).id}`);
    return (res.body as ImportBody).id;
  };
  const finish = (id: string): Promise<ImportBody> => waitForImport(t.http, t.keys.steward, id);
  const errorsOf = async (
    id: string,
  ): Promise<{ row: number; line: number; field: string | null; code: string }[]> => {
    const res = await t.http
      .get(`/v1/imports/${id}/errors?limit=1000`)
      .set('X-API-Key', t.keys.steward);
    expect(res.status).toBe(200);
    return (
      res.body as { items: { row: number; line: number; field: string | null; code: string }[] }
    ).items;
  };

  it('imports a CSV file through a column mapping; duplicates in the file make one customer', async () => {
    const seed = uniqueSeed();
    const source = uniqueId('crm').slice(0, 40);
    const people = Array.from({ length: 45 }, (_, i) => person(seed, i));
    // Row 46 is person 3 again under another id, in another chunk: same phone and id number.
    const rows = [...people, { ...people[3], sourceId: 'P3-again' }].map((p) => [
      p.sourceId,
      p.kind,
      p.name,
      `+86 ${p.phone}`,
      p.idNumber,
      p.birthDate,
      '北京市',
      'gold',
      'x',
    ]);
    const csv = toCsv(
      [
        '客户编号',
        'kind',
        'full_name',
        'mobile',
        'id_number',
        'birth_date',
        'city',
        'tier',
        'extra',
      ],
      rows,
    );
    const id = await start(
      { name: 'crm.csv', content: csv },
      {
        source,
        map: ['客户编号=sourceId', 'full_name=name', 'mobile=phones', 'tier=attributes.tier'],
      },
    );

    const done = await finish(id);
    expect(done).toMatchObject({
      state: 'completed',
      rows: {
        total: 46,
        read: 46,
        processed: 46,
        created: 45,
        linked: 1,
        review: 0,
        unchanged: 0,
        rejected: 0,
      },
      chunks: { total: 3, done: 3 },
      etaSeconds: null,
      failure: null,
    });
    expect(done.recordsPerSecond).toBeGreaterThan(0);
    const customers = await customersOf(db, source);
    expect(customers.size).toBe(46);
    expect(new Set(customers.values()).size).toBe(45);
    expect(customers.get('P3-again')).toBe(customers.get('P3'));
    const [stored] = await db.query<{ raw: Record<string, unknown> }[]>(
      'SELECT raw FROM source_records WHERE source = $1 AND source_id = $2',
      [source, 'P3'],
    );
    expect(stored.raw).toMatchObject({ address: { city: '北京市' }, attributes: { tier: 'gold' } });
    expect(stored.raw).not.toHaveProperty('extra');
    // The stored file goes when the import ends.
    expect(existsSync(t.app.get(ImportStorage).path(id))).toBe(false);
  });

  it('imports NDJSON through a key mapping and lists the import', async () => {
    const seed = uniqueSeed();
    const source = uniqueId('shop').slice(0, 40);
    const rows = Array.from({ length: 30 }, (_, i) => {
      const p = person(seed, i, 'E');
      return {
        cust: p.sourceId,
        kind: 'person',
        name: p.name,
        phones: [p.phone],
        birthDate: p.birthDate,
        entityId: i,
      };
    });
    const id = await start(
      { name: 'shop.jsonl', content: toNdjson(rows) },
      { source, map: ['cust=sourceId'] },
    );
    expect(await finish(id)).toMatchObject({
      state: 'completed',
      rows: { processed: 30, created: 30, rejected: 0 },
    });
    expect((await customersOf(db, source)).size).toBe(30);

    const list = await t.http.get('/v1/imports?limit=100').set('X-API-Key', t.keys.admin);
    expect(list.status).toBe(200);
    expect((list.body as { items: ImportBody[] }).items.map((i) => i.id)).toContain(id);
  });

  it('reports each bad NDJSON line with its row and line number and imports the rest', async () => {
    const seed = uniqueSeed();
    const source = uniqueId('app').slice(0, 40);
    const ok = (i: number): string => JSON.stringify({ ...person(seed, i, 'A'), phone: undefined });
    const lines = [
      ok(0),
      '{"sourceId": "A1", "kind": "person", "name": "broken',
      '',
      JSON.stringify({ kind: 'person', name: '王芳' }),
      JSON.stringify({ sourceId: 'A3', kind: 'person', phones: '13800000000' }),
      JSON.stringify({ sourceId: 'A4', kind: 'person', gender: '女' }),
      '[1, 2]',
      ok(5),
    ];
    const id = await start({ name: 'app.ndjson', content: lines.join('\n') }, { source });
    expect(await finish(id)).toMatchObject({
      state: 'completed',
      rows: { total: 7, processed: 7, created: 2, rejected: 5 },
    });
    const errors = await errorsOf(id);
    expect(errors.map((e) => [e.row, e.line, e.field, e.code])).toEqual([
      [2, 2, null, 'INVALID_JSON'],
      [3, 4, 'sourceId', expect.stringMatching(/^IS_(STRING|LENGTH)$/)],
      [3, 4, 'sourceId', expect.stringMatching(/^IS_(STRING|LENGTH)$/)],
      [4, 5, 'phones', expect.any(String)],
      [4, 5, 'phones', expect.any(String)],
      [5, 6, 'name', 'NO_IDENTIFYING_FIELD'],
      [6, 7, null, 'NOT_AN_OBJECT'],
    ]);
    expect(JSON.stringify(errors)).not.toMatch(/王芳|13800000000|broken/);
  });

  it('reports a broken CSV quote on its own row and downloads errors as CSV', async () => {
    const seed = uniqueSeed();
    const source = uniqueId('pos').slice(0, 40);
    const p = Array.from({ length: 4 }, (_, i) => person(seed, i, 'S'));
    const line = (x: (typeof p)[number]): string[] => [
      x.sourceId,
      x.name,
      x.phone,
      x.idNumber,
      x.birthDate,
    ];
    const [a, b, c, d] = p.map(line);
    // Row 2 opens a quote it never closes; row 4 has one field too many.
    const csv =
      'sourceId,kind,name,phone,idNumber,birthDate\n' +
      `${a[0]},person,${a.slice(1).join(',')}\n` +
      `${b[0]},person,"${b.slice(1).join(',')}\n` +
      `${c[0]},person,"${c[1]}",${c.slice(2).join(',')}\n` +
      `${d[0]},robot,${d.slice(1).join(',')},extra\n`;
    const id = await start({ name: 'pos.csv', content: csv }, { source });
    expect(await finish(id)).toMatchObject({ rows: { total: 4, created: 2, rejected: 2 } });
    expect((await errorsOf(id)).map((e) => [e.row, e.line, e.code])).toEqual([
      [2, 3, 'CSV_BROKEN_QUOTE'],
      [4, 5, 'CSV_COLUMN_COUNT'],
    ]);
    expect([...(await customersOf(db, source)).keys()].sort()).toEqual([
      p[0].sourceId,
      p[2].sourceId,
    ]);

    const download = await t.http
      .get(`/v1/imports/${id}/errors`)
      .set('X-API-Key', t.keys.steward)
      .set('Accept', 'text/csv');
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toMatch(/^text\/csv/);
    expect(download.headers['content-disposition']).toContain(`import-${id}-errors.csv`);
    const csvLines = download.text.trim().split('\n');
    expect(csvLines[0]).toBe('row,line,field,code,message');
    expect(csvLines.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual([
      '2,3,,CSV_BROKEN_QUOTE',
      '4,5,,CSV_COLUMN_COUNT',
    ]);
  });

  it('answers unchanged for every row when the same file is imported again', async () => {
    const seed = uniqueSeed();
    const source = uniqueId('erp').slice(0, 40);
    const rows = Array.from({ length: 50 }, (_, i) => person(seed, i, 'R'));
    const file = { name: 'erp.ndjson', content: toNdjson(rows) };
    expect(await finish(await start(file, { source }))).toMatchObject({ rows: { created: 50 } });
    const before = await customersOf(db, source);
    const again = await finish(await start(file, { source }));
    expect(again).toMatchObject({
      state: 'completed',
      rows: { processed: 50, unchanged: 50, created: 0, linked: 0, review: 0, rejected: 0 },
    });
    expect(await customersOf(db, source)).toEqual(before);
  });

  it('changes nothing when a chunk is processed again, or twice at once', async () => {
    const seed = uniqueSeed();
    const source = uniqueId('bill').slice(0, 40);
    const rows = Array.from({ length: 40 }, (_, i) => person(seed, i, 'B'));
    const id = await start({ name: 'bill.ndjson', content: toNdjson(rows) }, { source });
    const done = await finish(id);
    const customers = await customersOf(db, source);
    const history = async (): Promise<number> =>
      Number(
        (
          await db.query<{ n: string }[]>(
            `SELECT count(*) AS n FROM customer_history WHERE actor = $1`,
            [`import:${id}`],
          )
        )[0].n,
      );
    const historyBefore = await history();

    // A redelivered job: the chunk is done, so it is skipped.
    const processor = (worker ?? t.app).get(ImportChunkProcessor);
    await Promise.all([processor.process(id, 0, 2), processor.process(id, 1, 2)]);
    expect(await waitForImport(t.http, t.keys.steward, id)).toEqual(done);

    // A chunk whose rows committed but whose completion was lost (the worst case of a crash),
    // delivered twice at once: every row is unchanged and nothing is written twice. Its completion
    // is undone whole: the chunk's state and its counts in the import's counters.
    await db.query(
      `UPDATE imports i SET state = 'running', finished_at = NULL, chunks_done = i.chunks_done - 1,
              processed = i.processed - c.processed, created = i.created - c.created,
              linked = i.linked - c.linked, review = i.review - c.review,
              unchanged = i.unchanged - c.unchanged, rejected = i.rejected - c.rejected
         FROM import_chunks c WHERE c.import_id = i.id AND c.chunk_index = 0 AND i.id = $1`,
      [id],
    );
    await db.query(
      `UPDATE import_chunks SET status = 'pending' WHERE import_id = $1 AND chunk_index = 0`,
      [id],
    );
    await t.app.get(ImportStorage).save(id, Readable.from([toNdjson(rows)]));
    await Promise.all([processor.process(id, 0, 1), processor.process(id, 0, 1)]);
    const chunk = await db.query<{ status: string; unchanged: number; created: number }[]>(
      `SELECT status, unchanged, created FROM import_chunks WHERE import_id = $1 AND chunk_index = 0`,
      [id],
    );
    expect(chunk[0]).toEqual({ status: 'done', unchanged: CHUNK_ROWS, created: 0 });
    expect(await customersOf(db, source)).toEqual(customers);
    expect(await history()).toBe(historyBefore);
    const rerun = await waitForImport(t.http, t.keys.steward, id);
    expect(rerun.state).toBe('completed');
    // Counted once: the chunk's rows now as unchanged, the others as before.
    expect(rerun.chunks).toEqual(done.chunks);
    expect(rerun.rows.processed).toBe(done.rows.processed);
    expect(rerun.rows.unchanged).toBe(Number(done.rows.unchanged) + CHUNK_ROWS);
  });

  it('cancels a running import: chunks not started are skipped', async () => {
    const seed = uniqueSeed();
    const source = uniqueId('big').slice(0, 40);
    const rows = Array.from({ length: 400 }, (_, i) => person(seed, i, 'C'));
    const id = await start({ name: 'big.ndjson', content: toNdjson(rows) }, { source });
    const cancel = await t.http.post(`/v1/imports/${id}/cancel`).set('X-API-Key', t.keys.steward);
    expect(cancel.status).toBe(200);
    expect((cancel.body as ImportBody).state).toBe('cancelled');
    expect(existsSync(t.app.get(ImportStorage).path(id))).toBe(false);

    // Chunks already running finish; the rest are skipped; nothing is left pending for long.
    const deadline = Date.now() + 30_000;
    let pending = Infinity;
    while (pending > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      const [row] = await db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM import_chunks WHERE import_id = $1 AND status = 'pending'`,
        [id],
      );
      pending = row.n;
    }
    const after = await waitForImport(t.http, t.keys.steward, id);
    expect(after.state).toBe('cancelled');
    expect(after.rows.processed).toBeLessThan(400);
    expect((await customersOf(db, source)).size).toBe(after.rows.processed);

    const again = await t.http.post(`/v1/imports/${id}/cancel`).set('X-API-Key', t.keys.steward);
    expect(again.status).toBe(200);
  });

  it('fails an import whose file cannot be read, with the reason', async () => {
    const source = uniqueId('bad').slice(0, 40);
    const cases: [{ name: string; content: string }, string][] = [
      [{ name: 'a.csv', content: 'name,phone\n张伟,13800000000\n' }, 'IMPORT_HEADER_INVALID'],
      [{ name: 'b.csv', content: '' }, 'IMPORT_FILE_EMPTY'],
      [{ name: 'c.ndjson', content: 'PK\u0003\u0004\u0000\u0000binary' }, 'IMPORT_FILE_UNREADABLE'],
      [{ name: 'd.ndjson', content: 'sourceId,kind\nA,person\n' }, 'IMPORT_FILE_UNREADABLE'],
    ];
    for (const [file, code] of cases) {
      const done = await finish(await start(file, { source }));
      expect(done).toMatchObject({ state: 'failed', failure: { code } });
    }
  });

  it('answers problem details for bad requests', async () => {
    const csv = { name: 'x.csv', content: 'sourceId,kind\n' };
    const noSource = await t.http
      .post('/v1/imports')
      .set('X-API-Key', t.keys.steward)
      .attach('file', Buffer.from(csv.content), csv.name);
    expect(noSource.status).toBe(400);
    expect(noSource.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'source' }],
    });

    const badMap = await upload(t.http, t.keys.steward, csv, { source: 'crm', map: ['nickname'] });
    expect(badMap.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'map[0]', code: 'INVALID_MAPPING' }],
    });

    const unknownFormat = await upload(
      t.http,
      t.keys.steward,
      { name: 'x.bin', content: 'a' },
      { source: 'crm' },
    );
    expect(unknownFormat.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'format' }],
    });

    const json = await t.http
      .post('/v1/imports')
      .set('X-API-Key', t.keys.steward)
      .send({ source: 'crm' });
    expect(json.status).toBe(415);
    expect(json.headers['content-type']).toMatch(/^application\/problem\+json/);

    expect((await upload(t.http, t.keys.system, csv, { source: 'crm' })).status).toBe(403);
    const missing = await t.http
      .get('/v1/imports/00000000-0000-4000-8000-000000000000')
      .set('X-API-Key', t.keys.steward);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'IMPORT_NOT_FOUND' });
    expect(
      (await t.http.get('/v1/imports/not-a-uuid').set('X-API-Key', t.keys.steward)).status,
    ).toBe(404);
    const badCursor = await t.http.get('/v1/imports?after=zzz').set('X-API-Key', t.keys.steward);
    expect(badCursor.body).toMatchObject({ code: 'INVALID_CURSOR' });
  });

  it('refuses to cancel a completed import', async () => {
    const source = uniqueId('done').slice(0, 40);
    const id = await start(
      { name: 'one.ndjson', content: toNdjson([person(uniqueSeed(), 0)]) },
      { source },
    );
    expect((await finish(id)).state).toBe('completed');
    const res = await t.http.post(`/v1/imports/${id}/cancel`).set('X-API-Key', t.keys.steward);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'IMPORT_NOT_CANCELLABLE' });
  });
});
