import { userInfo } from 'node:os';
import { NestFactory } from '@nestjs/core';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { AppModule } from '../app.module';
import type { AppConfig } from '../config/app-config';
import type { ImportErrorView, ImportView } from '../imports/dto/import-view';
import { ImportsService } from '../imports/imports.service';

export interface ImportCommandOptions {
  source: string;
  map: string[];
  format?: string;
  json?: boolean;
  /** Server mode: return once queued (embedded mode always waits: its jobs run in this process). */
  wait?: boolean;
}

/** Where the command writes: process.stdout / process.stderr, or a test's collector. */
export type Output = Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean };

export interface ImportSummary extends ImportView {
  /** The first errors; all of them at GET /v1/imports/{id}/errors. */
  errors: ImportErrorView[];
}

const POLL_MS = 500;
const SUMMARY_ERRORS = 20;
const ENDED = new Set(['completed', 'failed', 'cancelled']);

export function registerImportCommand(program: Command, config: () => AppConfig): void {
  program
    .command('import <file>')
    .description('Import a CSV or NDJSON file: resolve every row, show progress, print a summary')
    .requiredOption('--source <system>', 'source system code of every row')
    .option(
      '--map <header=field>',
      'map a column (or key) to a record field; repeatable',
      collect,
      [],
    )
    .option('--format <format>', 'csv or ndjson (default: from the file name)')
    .option('--json', 'print the summary as JSON on stdout')
    .option('--no-wait', 'server mode: return once the import is queued')
    .action(async (file: string, options: ImportCommandOptions) => {
      const summary = await runImportCommand(config(), file, options);
      if (summary.state === 'failed' || summary.state === 'cancelled') process.exitCode = 1;
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * The same service code as POST /v1/imports: the file is copied into import storage and queued.
 * In embedded mode the jobs run in this process; in server mode the workers take them.
 */
export async function runImportCommand(
  config: AppConfig,
  file: string,
  options: ImportCommandOptions,
  out: Output = process.stdout,
  err: Output = process.stderr,
): Promise<ImportView> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, 'cli'), {
    logger: config.logLevel === 'silent' ? false : ['error', 'warn'],
  });
  try {
    await app.init();
    const imports = app.get(ImportsService);
    const started = await imports.importFile(
      file,
      { source: options.source, format: options.format, maps: options.map },
      `cli:${userInfo().username}`.slice(0, 100),
    );
    if (options.wait === false && !config.isEmbedded) {
      out.write(
        options.json === true ? `${JSON.stringify(started)}\n` : `Queued import ${started.id}\n`,
      );
      return started;
    }
    const final = await follow(imports, started.id, err);
    const summary: ImportSummary = {
      ...final,
      errors: (await imports.errors(final.id, SUMMARY_ERRORS)).items,
    };
    out.write(options.json === true ? `${JSON.stringify(summary, null, 2)}\n` : describe(summary));
    return final;
  } finally {
    await app.close();
  }
}

/** Polls the import until it ends, with a progress bar when stderr is a terminal. */
async function follow(imports: ImportsService, importId: string, err: Output): Promise<ImportView> {
  const bar = err.isTTY
    ? new SingleBar(
        {
          stream: err as NodeJS.WriteStream,
          format: 'Importing |{bar}| {value}/{total} rows | {rate} rows/s | ETA {left}',
          hideCursor: true,
        },
        Presets.shades_classic,
      )
    : undefined;
  bar?.start(1, 0, { rate: '-', left: '-' });
  try {
    for (;;) {
      const view = await imports.get(importId);
      bar?.setTotal(Math.max(view.rows.total ?? view.rows.read, 1));
      bar?.update(view.rows.processed, {
        rate: view.recordsPerSecond === null ? '-' : Math.round(view.recordsPerSecond),
        left: view.etaSeconds === null ? '-' : `${view.etaSeconds}s`,
      });
      if (ENDED.has(view.state)) return view;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    bar?.stop();
  }
}

function describe(s: ImportSummary): string {
  const r = s.rows;
  const seconds =
    s.startedAt !== null && s.finishedAt !== null
      ? (new Date(s.finishedAt).getTime() - new Date(s.startedAt).getTime()) / 1000
      : null;
  const lines = [
    `Import ${s.id} ${s.state}${seconds === null ? '' : ` in ${seconds.toFixed(1)} s`}` +
      (s.recordsPerSecond === null ? '' : ` (${Math.round(s.recordsPerSecond)} rows/s)`),
    `  rows ${r.total ?? r.read}: processed ${r.processed}, created ${r.created}, linked ${r.linked}, ` +
      `review ${r.review}, unchanged ${r.unchanged}, rejected ${r.rejected}`,
  ];
  if (s.failure !== null) lines.push(`  failure ${s.failure.code}: ${s.failure.message}`);
  if (s.errors.length > 0) {
    lines.push(r.rejected > s.errors.length ? `  first ${s.errors.length} errors:` : '  errors:');
    for (const e of s.errors) {
      lines.push(
        `    row ${e.row} (line ${e.line})${e.field === null ? '' : ` ${e.field}`} ${e.code}: ${e.message}`,
      );
    }
    lines.push(`  all errors: GET /v1/imports/${s.id}/errors?format=csv`);
  }
  return `${lines.join('\n')}\n`;
}
