import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { uniqueId, uniqueSeed } from './factories/person.factory';
import { createTestApp, type TestApp } from './helpers/test-app';
import { testConfig } from './helpers/test-config';
import {
  customersOf,
  type ImportBody,
  partition,
  person,
  type PersonRow,
  toNdjson,
  upload,
  waitForImport,
} from './imports.fixtures';
import { RUN_DATABASE_ENV, RUN_QUEUE_PREFIX_ENV } from './setup/test-environment';

const ROOT = join(__dirname, '..');

/** The same person as sent by another channel: another id, the phone written differently. */
function resent(p: PersonRow, sourceId: string): PersonRow {
  return {
    ...p,
    sourceId,
    phone: `+86 ${p.phone.slice(0, 3)}-${p.phone.slice(3, 7)}-${p.phone.slice(7)}`,
  };
}

/**
 * Server mode only: several workers on real BullMQ and PostgreSQL, one of them a child process
 * killed with SIGKILL in the middle of an import.
 */
describe('imports across workers (server mode)', () => {
  const storageDir = mkdtempSync(join(tmpdir(), 'imports-server-'));
  const chunkRows = 20;
  const env = { IMPORT_STORAGE_DIR: storageDir, IMPORT_CHUNK_ROWS: String(chunkRows) };
  let t: TestApp;
  let db: DataSource;
  const children: ChildProcess[] = [];

  const startWorker = async (
    overrides: Record<string, string> = {},
  ): Promise<INestApplicationContext> => {
    const worker = await NestFactory.createApplicationContext(
      AppModule.forRoot(testConfig({ ...env, ...overrides }), 'worker'),
      { logger: false },
    );
    await worker.init();
    return worker;
  };

  const startImport = async (source: string, rows: PersonRow[]): Promise<string> => {
    const res = await upload(
      t.http,
      t.keys.steward,
      { name: 'people.ndjson', content: toNdjson(rows) },
      { source },
    );
    expect(res.status).toBe(202);
    return (res.body as ImportBody).id;
  };

  beforeAll(async () => {
    t = await createTestApp(env);
    db = t.app.get(DataSource);
  });

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await t.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  it('makes one customer of a duplicate pair split over two chunks taken by two workers at once', async () => {
    const seed = uniqueSeed();
    const source = uniqueId('pair').slice(0, 40);
    const people = Array.from({ length: chunkRows }, (_, i) => person(seed, i));
    // Chunk 0 holds everyone once; chunk 1 holds everyone again under other ids.
    const rows = [...people, ...people.map((p, i) => resent(p, `D${i}`))];
    const workers = [
      await startWorker({ WORKER_CONCURRENCY: '1' }),
      await startWorker({ WORKER_CONCURRENCY: '1' }),
    ];
    try {
      const id = await startImport(source, rows);
      const done = await waitForImport(t.http, t.keys.steward, id);
      expect(done).toMatchObject({
        state: 'completed',
        rows: {
          processed: 2 * chunkRows,
          created: chunkRows,
          linked: chunkRows,
          review: 0,
          rejected: 0,
        },
      });
      const customers = await customersOf(db, source);
      expect(new Set(customers.values()).size).toBe(chunkRows);
      people.forEach((p, i) => expect(customers.get(`D${i}`)).toBe(customers.get(p.sourceId)));
      // Both chunks were in progress at the same time (one waited on the other's locks).
      const chunks = await db.query<{ started_at: Date; finished_at: Date }[]>(
        'SELECT started_at, finished_at FROM import_chunks WHERE import_id = $1 ORDER BY chunk_index',
        [id],
      );
      expect(chunks[0].started_at.getTime()).toBeLessThan(chunks[1].finished_at.getTime());
      expect(chunks[1].started_at.getTime()).toBeLessThan(chunks[0].finished_at.getTime());
    } finally {
      for (const w of workers) await w.close();
    }
  });

  it('ends with the customers of an uninterrupted import after a worker is killed mid-import', async () => {
    // Same shape, different people: 1,500 people, every third one sent again later in the file.
    const rowsFor = (seed: number): PersonRow[] => {
      const people = Array.from({ length: 1500 }, (_, i) => person(seed, i));
      const again = people.filter((_, i) => i % 3 === 0).map((p, k) => resent(p, `D${k}`));
      return people
        .flatMap((p, i) =>
          i % 3 === 2 && again.length > 0 ? [p, again.shift() as PersonRow] : [p],
        )
        .concat(again);
    };
    const seed = uniqueSeed();

    const calm = await startWorker();
    const uninterruptedSource = uniqueId('calm').slice(0, 40);
    const uninterrupted = await waitForImport(
      t.http,
      t.keys.steward,
      await startImport(uninterruptedSource, rowsFor(seed)),
    );
    await calm.close();
    expect(uninterrupted.state).toBe('completed');

    const child = spawn(process.execPath, ['-r', 'ts-node/register', 'src/worker.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        TS_NODE_TRANSPILE_ONLY: '1',
        DATABASE_URL: process.env[RUN_DATABASE_ENV],
        QUEUE_PREFIX: process.env[RUN_QUEUE_PREFIX_ENV],
        ...env,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('Worker started')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    });

    const killedSource = uniqueId('kill').slice(0, 40);
    const id = await startImport(killedSource, rowsFor(seed + 10_007));
    let processed = 0;
    while (processed < 300) {
      await new Promise((r) => setTimeout(r, 20));
      processed = (
        (await t.http.get(`/v1/imports/${id}`).set('X-API-Key', t.keys.steward)).body as ImportBody
      ).rows.processed as number;
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const atKill = (await t.http.get(`/v1/imports/${id}`).set('X-API-Key', t.keys.steward))
      .body as ImportBody;
    expect(atKill.state).toBe('running');

    // The killed worker's jobs come back once their locks expire (BullMQ stalled-job check).
    const rescuer = await startWorker();
    try {
      const finished = await waitForImport(t.http, t.keys.steward, id, 180_000);
      expect(finished.state).toBe('completed');
      expect(finished.rows).toEqual({ ...uninterrupted.rows });
      expect(partition(await customersOf(db, killedSource))).toEqual(
        partition(await customersOf(db, uninterruptedSource)),
      );
    } finally {
      await rescuer.close();
    }
  }, 300_000);
});
