import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module';
import { type Output, runImportCommand } from '../src/cli/import.command';
import { loadConfig } from '../src/config/load-config';
import { ImportsService } from '../src/imports/imports.service';
import { uniqueSeed } from './factories/person.factory';
import { person, toCsv, toNdjson } from './imports.fixtures';

class Collector implements Output {
  text = '';
  isTTY = false;
  write(chunk: string | Uint8Array): boolean {
    this.text += String(chunk);
    return true;
  }
}

/** The CLI in embedded mode: PGlite in a data folder, jobs in the command's own process. */
describe('npm run cli -- import (embedded mode)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'imports-cli-'));
  const config = loadConfig({
    DATA_DIR: join(dir, 'data'),
    LOG_LEVEL: 'silent',
    IMPORT_CHUNK_ROWS: '10',
  });
  const seed = uniqueSeed();

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a file, prints a JSON summary, and a re-run is all unchanged', async () => {
    const people = Array.from({ length: 25 }, (_, i) => person(seed, i));
    const rows = people.map((p) => [p.sourceId, 'person', p.name, p.phone, p.idNumber]);
    rows.splice(12, 0, ['', 'person', '李四', '', '']);
    const file = join(dir, 'crm.csv');
    writeFileSync(file, toCsv(['id', 'type', 'name', 'mobile', 'id_number'], rows));
    const options = { source: 'crm', map: ['id=sourceId', 'type=kind', 'mobile=phones'] };

    const out = new Collector();
    const first = await runImportCommand(
      config,
      file,
      { ...options, json: true },
      out,
      new Collector(),
    );
    const summary = JSON.parse(out.text) as {
      id: string;
      state: string;
      rows: Record<string, number>;
      errors: { row: number; line: number; field: string; code: string }[];
    };
    expect(summary.id).toBe(first.id);
    expect(summary).toMatchObject({
      state: 'completed',
      rows: { total: 26, processed: 26, created: 25, rejected: 1 },
    });
    expect(summary.errors[0]).toMatchObject({ row: 13, line: 14, field: 'sourceId' });

    const text = new Collector();
    const again = await runImportCommand(config, file, options, text, new Collector());
    expect(again.rows).toMatchObject({ unchanged: 25, rejected: 1, created: 0 });
    expect(text.text).toMatch(/^Import \S+ completed in [\d.]+ s/);
    expect(text.text).toContain('unchanged 25, rejected 1');
    expect(text.text).toContain('row 13 (line 14) sourceId');
  });

  it('fails with a non-zero state when the file cannot be imported', async () => {
    const file = join(dir, 'empty.ndjson');
    writeFileSync(file, '');
    const out = new Collector();
    const result = await runImportCommand(
      config,
      file,
      { source: 'crm', map: [] },
      out,
      new Collector(),
    );
    expect(result.state).toBe('failed');
    expect(out.text).toContain('failure IMPORT_FILE_EMPTY');
  });

  it('resumes an unfinished import when the embedded service starts again', async () => {
    const file = join(dir, 'app.ndjson');
    writeFileSync(
      file,
      toNdjson(Array.from({ length: 60 }, (_, i) => person(seed + 5000, i, 'R'))),
    );
    // Stop the process right after queuing: the in-process queue forgets its jobs.
    const first = await NestFactory.createApplicationContext(AppModule.forRoot(config, 'cli'), {
      logger: false,
    });
    await first.init();
    const { id, state } = await first
      .get(ImportsService)
      .importFile(file, { source: 'app', maps: [] }, 'test');
    expect(['queued', 'running']).toContain(state);
    await first.close();

    const second = await NestFactory.createApplicationContext(AppModule.forRoot(config, 'cli'), {
      logger: false,
    });
    await second.init();
    try {
      const imports = second.get(ImportsService);
      const deadline = Date.now() + 60_000;
      let view = await imports.get(id);
      while (view.state === 'running' || view.state === 'queued') {
        if (Date.now() > deadline) throw new Error('the import was not resumed');
        await new Promise((r) => setTimeout(r, 100));
        view = await imports.get(id);
      }
      expect(view).toMatchObject({ state: 'completed', rows: { processed: 60, created: 60 } });
    } finally {
      await second.close();
    }
  });
});
