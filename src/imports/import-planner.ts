import { open } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { JobQueue } from '../jobs/job-queue';
import { ImportFailure } from './import-failure';
import { chunkJobId, chunkPriority } from './import-jobs';
import { ImportLifecycle } from './import-lifecycle';
import { ImportStorage } from './import-storage';
import { type ChunkPlan, ImportChunksRepository } from './import-chunks.repository';
import { type ImportRecord, ImportsRepository } from './imports.repository';
import { readCsvHeader } from './readers/csv-header';
import { readRecords } from './readers/file-records';
import { checkHeader } from './rows/column-mapping';
import { type ParsedRow, RowParser } from './rows/row-parser';

/** Planning parses this many first rows: if none is readable, the file is not of its format. */
const SAMPLE_ROWS = 100;
/** Reader problems that mean the row is not of the format at all (not merely invalid). */
const UNREADABLE = new Set([
  'CSV_BROKEN_QUOTE',
  'CSV_COLUMN_COUNT',
  'ROW_TOO_LARGE',
  'INVALID_JSON',
  'NOT_AN_OBJECT',
  'INVALID_UTF8',
]);

/**
 * The plan job: reads the file once, records where each chunk of rows starts (byte offset, row
 * and line number) and enqueues one job per chunk as soon as it is known, so workers start while
 * planning goes on. Running it again finds the same boundaries and re-enqueues what is pending.
 */
@Injectable()
export class ImportPlanner {
  constructor(
    private readonly repository: ImportsRepository,
    private readonly chunks: ImportChunksRepository,
    private readonly storage: ImportStorage,
    private readonly jobs: JobQueue,
    private readonly lifecycle: ImportLifecycle,
    private readonly config: AppConfig,
  ) {}

  async plan(importId: string): Promise<void> {
    const entry = await this.repository.find(importId);
    if (entry === undefined || (entry.state !== 'queued' && entry.state !== 'running')) return;
    await this.repository.markRunning(importId);
    if (entry.chunksTotal === null) {
      try {
        await this.scan(entry);
      } catch (error) {
        if (!(error instanceof ImportFailure)) throw error;
        await this.lifecycle.fail(importId, error.code, error.message);
        return;
      }
    }
    for (const chunkIndex of await this.chunks.pendingChunks(importId)) {
      await this.enqueueChunk(importId, chunkIndex);
    }
    await this.lifecycle.completeIfDone(importId);
  }

  private async scan(entry: ImportRecord): Promise<void> {
    const path = this.storage.path(entry.id);
    await assertTextFile(path);
    const layout = await this.layout(entry, path);
    const parser = new RowParser(entry.format, entry.source, entry.mapping, layout.columns);
    const sample = { seen: 0, readable: 0 };
    let chunk: ChunkPlan | undefined;
    let chunkIndex = 0;
    let rows = 0;
    const records = readRecords(path, {
      ...layout,
      format: entry.format,
      end: entry.fileBytes,
      firstRow: 1,
      columns: layout.columns?.length,
      decodeRows: SAMPLE_ROWS,
    });
    for await (const record of records) {
      if (sample.seen < SAMPLE_ROWS) checkSample(sample, await parser.parse(record), entry.format);
      // One chunk is one job and one transaction (IMPORT_CHUNK_ROWS).
      if (chunk !== undefined && chunk.rowCount === this.config.importChunkRows) {
        await this.closeChunk(entry.id, { ...chunk, endOffset: record.start });
        chunk = undefined;
      }
      chunk ??= {
        chunkIndex: chunkIndex++,
        startOffset: record.start,
        endOffset: entry.fileBytes,
        firstRow: record.row,
        firstLine: record.line,
        rowCount: 0,
      };
      chunk.rowCount++;
      rows++;
    }
    if (rows === 0) throw new ImportFailure('IMPORT_FILE_EMPTY', 'The file has no data rows.');
    assertReadable(sample, entry.format);
    if (chunk !== undefined) await this.closeChunk(entry.id, chunk);
    // Only now may the import complete: every chunk exists before chunks_total is set.
    await this.repository.completePlan(entry.id, rows, chunkIndex);
  }

  /** Where the rows start; for CSV the header, checked against the mapping and kept. */
  private async layout(
    entry: ImportRecord,
    path: string,
  ): Promise<{ start: number; firstLine: number; columns?: string[]; delimiter?: string }> {
    if (entry.format === 'ndjson')
      return { start: (await startsWithBom(path)) ? 3 : 0, firstLine: 1 };
    const header = await readCsvHeader(path);
    const problems = checkHeader(header.columns, entry.mapping);
    if (problems.length > 0) {
      throw new ImportFailure(
        'IMPORT_HEADER_INVALID',
        `The header cannot be imported: ${problems.join('; ')}.`.slice(0, 500),
      );
    }
    await this.repository.saveHeader(entry.id, header.columns, header.delimiter);
    return {
      start: header.dataStart,
      firstLine: header.dataLine,
      columns: header.columns,
      delimiter: header.delimiter,
    };
  }

  private async closeChunk(importId: string, chunk: ChunkPlan): Promise<void> {
    await this.chunks.insertChunks(importId, [chunk]);
    await this.enqueueChunk(importId, chunk.chunkIndex);
  }

  private enqueueChunk(importId: string, chunkIndex: number): Promise<void> {
    return this.jobs.enqueue(
      'imports.chunk',
      { importId, chunkIndex },
      { jobId: chunkJobId(importId, chunkIndex), priority: chunkPriority(chunkIndex) },
    );
  }
}

/** Counts the sampled rows that are of the format (valid or merely invalid, not unreadable). */
function checkSample(
  sample: { seen: number; readable: number },
  parsed: ParsedRow,
  format: string,
): void {
  sample.seen++;
  if ('input' in parsed || parsed.errors.some((e) => !UNREADABLE.has(e.code))) sample.readable++;
  if (sample.seen === SAMPLE_ROWS) assertReadable(sample, format);
}

function assertReadable(sample: { seen: number; readable: number }, format: string): void {
  if (sample.seen > 0 && sample.readable === 0) {
    throw new ImportFailure(
      'IMPORT_FILE_UNREADABLE',
      `None of the first ${sample.seen} rows can be read as ${format.toUpperCase()}.`,
    );
  }
}

async function readHead(path: string, bytes: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    throw new ImportFailure('IMPORT_FILE_MISSING', 'The uploaded file is no longer stored.');
  }
  try {
    const head = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(head, 0, bytes, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A NUL byte in the first 64 KiB: an archive, a spreadsheet or another binary file. */
async function assertTextFile(path: string): Promise<void> {
  const head = await readHead(path, 64 * 1024);
  if (head.length === 0) throw new ImportFailure('IMPORT_FILE_EMPTY', 'The file is empty.');
  if (head.includes(0)) {
    throw new ImportFailure(
      'IMPORT_FILE_UNREADABLE',
      'The file is not text (it contains NUL bytes); upload CSV or NDJSON in UTF-8.',
    );
  }
}

async function startsWithBom(path: string): Promise<boolean> {
  const head = await readHead(path, 3);
  return head.length === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
}
