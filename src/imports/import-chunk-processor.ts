import { loggableError } from '../common/loggable-error';
import { sqlStateOf } from '../common/sql-state';
import { runFusedTransaction } from '../database/fused-transaction';
import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { DEFAULT_ATTEMPTS } from '../jobs/job-definitions';
import type { ResolveResult } from '../resolution/resolve-result';
import { ResolutionService } from '../resolution/resolution.service';
import { ImportFailure } from './import-failure';
import { ImportLifecycle } from './import-lifecycle';
import type { RowOutcome } from './import-row-outcome.entity';
import { ImportStorage } from './import-storage';
import {
  type ChunkRecord,
  ImportChunksRepository,
  type NumberedRowError,
  type Outcomes,
} from './import-chunks.repository';
import { type ImportRecord, ImportsRepository } from './imports.repository';
import { readRecords } from './readers/file-records';
import { RowParser, type RowError } from './rows/row-parser';

type Prepared = ReturnType<ResolutionService['prepare']>;

type ChunkRow =
  | { row: number; line: number; prepared: Prepared }
  | { row: number; line: number; errors: RowError[] };

/** PostgreSQL deadlock and serialization failures: the same batch usually passes when retried. */
const TRANSIENT_CODES = new Set(['40P01', '40001']);
const BATCH_ATTEMPTS = 3;
/** Normalising is CPU work; yielding now and then keeps the worker's job locks renewed. */
const YIELD_EVERY = 50;

const noOutcomes = (): Outcomes => ({
  created: 0,
  linked: 0,
  review: 0,
  unchanged: 0,
  rejected: 0,
});

/**
 * The chunk job: reads a chunk's rows, validates and normalises them, and resolves all of them
 * in one transaction that also records the chunk as done with its counters and row errors. A
 * chunk already done is skipped, so a redelivered job changes nothing. If the batch fails, each
 * row gets its own transaction, so one poison row cannot hold back the others.
 */
@Injectable()
export class ImportChunkProcessor {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ImportsRepository,
    private readonly chunks: ImportChunksRepository,
    private readonly storage: ImportStorage,
    private readonly resolution: ResolutionService,
    private readonly lifecycle: ImportLifecycle,
  ) {}

  async process(importId: string, chunkIndex: number, attempt: number): Promise<void> {
    const entry = await this.repository.find(importId);
    if (entry === undefined) return;
    if (entry.state === 'cancelled') {
      await this.chunks.skipChunk(importId, chunkIndex);
      return;
    }
    const chunk = await this.chunks.findChunk(importId, chunkIndex);
    if (entry.state !== 'running' || chunk === undefined || chunk.status !== 'pending') {
      await this.lifecycle.completeIfDone(importId);
      return;
    }
    try {
      const startedAt = new Date();
      const rows = await this.readChunk(entry, chunk);
      if (rows === undefined) {
        await this.chunks.skipChunk(importId, chunkIndex);
        return;
      }
      await this.resolveChunk(entry, chunk, rows, startedAt);
    } catch (error) {
      if (error instanceof ImportFailure) {
        await this.lifecycle.fail(importId, error.code, error.message);
        return;
      }
      if (attempt >= DEFAULT_ATTEMPTS) {
        const last = chunk.firstRow + chunk.rowCount - 1;
        await this.lifecycle.fail(
          importId,
          'IMPORT_CHUNK_FAILED',
          `Rows ${chunk.firstRow}-${last} failed ${attempt} times; the import stopped. The worker log has the cause.`,
        );
      }
      throw error;
    }
    await this.lifecycle.completeIfDone(importId);
  }

  /** The chunk's rows; undefined when the file is gone because the import was cancelled. */
  private async readChunk(
    entry: ImportRecord,
    chunk: ChunkRecord,
  ): Promise<ChunkRow[] | undefined> {
    if (!(await this.storage.exists(entry.id))) {
      // A cancel removes the file; anything else removing it makes the import impossible to finish.
      const now = await this.repository.find(entry.id);
      if (now?.state !== 'running') return undefined;
      throw new ImportFailure('IMPORT_FILE_MISSING', 'The uploaded file is no longer stored.');
    }
    const parser = new RowParser(entry.format, entry.source, entry.mapping, entry.columns ?? []);
    const rows: ChunkRow[] = [];
    const records = readRecords(this.storage.path(entry.id), {
      format: entry.format,
      start: chunk.startOffset,
      end: chunk.endOffset,
      firstRow: chunk.firstRow,
      firstLine: chunk.firstLine,
      delimiter: entry.delimiter ?? undefined,
      columns: entry.columns?.length,
    });
    for await (const record of records) {
      const parsed = await parser.parse(record);
      rows.push('input' in parsed ? this.prepare(parsed) : parsed);
      if (rows.length % YIELD_EVERY === 0) await yieldToEventLoop();
    }
    return rows;
  }

  private prepare(parsed: { row: number; line: number; input: Prepared['input'] }): ChunkRow {
    const { row, line } = parsed;
    try {
      return { row, line, prepared: this.resolution.prepare(parsed.input) };
    } catch (error) {
      return { row, line, errors: [this.rowError(error, 'UNPROCESSABLE_RECORD', row)] };
    }
  }

  private async resolveChunk(
    entry: ImportRecord,
    chunk: ChunkRecord,
    rows: ChunkRow[],
    startedAt: Date,
  ): Promise<void> {
    const valid = rows.filter((r): r is ChunkRow & { prepared: Prepared } => 'prepared' in r);
    for (let attempt = 1; ; attempt++) {
      try {
        // Fused: each row's writes travel with the next row's reads (see fused-transaction).
        await runFusedTransaction(this.dataSource, async (manager) => {
          if (!(await this.chunks.lockPendingChunk(manager, entry.id, chunk.chunkIndex))) return;
          const results = await this.resolution.resolveBatch(
            manager,
            valid.map((r) => r.prepared),
            actorOf(entry),
          );
          const outcomes = noOutcomes();
          for (const result of results) outcomes[outcomeOf(result)]++;
          outcomes.rejected = rows.length - valid.length;
          await this.chunks.insertErrors(manager, entry.id, rowErrors(rows));
          await this.chunks.completeChunk(manager, entry.id, chunk.chunkIndex, outcomes, startedAt);
        });
        return;
      } catch (error) {
        if (TRANSIENT_CODES.has(sqlStateOf(error)) && attempt < BATCH_ATTEMPTS) continue;
        this.logger.warn(
          { importId: entry.id, chunk: chunk.chunkIndex, err: loggableError(error) },
          'Chunk transaction failed; resolving its rows one by one',
        );
        break;
      }
    }
    await this.resolveRowByRow(entry, chunk, rows, startedAt);
  }

  /**
   * Each row in its own transaction with its outcome, so a re-run after a crash skips the rows
   * already committed; the chunk's counters are then summed from those outcomes.
   */
  private async resolveRowByRow(
    entry: ImportRecord,
    chunk: ChunkRecord,
    rows: ChunkRow[],
    startedAt: Date,
  ): Promise<void> {
    const lastRow = chunk.firstRow + chunk.rowCount - 1;
    const committed = await this.chunks.rowOutcomes(
      this.dataSource.manager,
      entry.id,
      chunk.firstRow,
      lastRow,
    );
    for (const r of rows) {
      if ('prepared' in r && !committed.has(r.row)) await this.resolveAlone(entry, r);
    }
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.chunks.lockPendingChunk(manager, entry.id, chunk.chunkIndex))) return;
      const outcomes = noOutcomes();
      const final = await this.chunks.rowOutcomes(manager, entry.id, chunk.firstRow, lastRow);
      for (const outcome of final.values()) outcomes[outcome]++;
      outcomes.rejected += rows.filter((r) => 'errors' in r).length;
      await this.chunks.insertErrors(manager, entry.id, rowErrors(rows));
      await this.chunks.completeChunk(manager, entry.id, chunk.chunkIndex, outcomes, startedAt);
    });
  }

  /** One row, its outcome in the same transaction; a row that fails is rejected with its error. */
  private async resolveAlone(
    entry: ImportRecord,
    r: { row: number; line: number; prepared: Prepared },
  ): Promise<void> {
    try {
      await retryTransient(() =>
        this.dataSource.transaction(async (manager) => {
          const [result] = await this.resolution.resolveBatch(
            manager,
            [r.prepared],
            actorOf(entry),
          );
          await this.chunks.insertRowOutcome(manager, entry.id, r.row, outcomeOf(result));
        }),
      );
    } catch (error) {
      const rowError = this.rowError(error, 'RESOLVE_FAILED', r.row);
      await this.dataSource.transaction(async (manager) => {
        await this.chunks.insertErrors(manager, entry.id, [
          { row: r.row, line: r.line, ...rowError },
        ]);
        await this.chunks.insertRowOutcome(manager, entry.id, r.row, 'rejected');
      });
    }
  }

  /** A domain error keeps its code and fields; anything else is logged under an id. */
  private rowError(error: unknown, fallbackCode: string, row: number): RowError {
    if (error instanceof DomainError) {
      const first = error.errors[0];
      return {
        field: first?.field ?? null,
        code: first?.code ?? error.code,
        message: first?.message ?? error.message,
      };
    }
    const errorId = randomUUID();
    this.logger.error({ err: loggableError(error), errorId, row }, 'Import row failed');
    return {
      field: null,
      code: fallbackCode,
      message: `The row could not be processed (error id ${errorId}).`,
    };
  }
}

function rowErrors(rows: readonly ChunkRow[]): NumberedRowError[] {
  return rows.flatMap((r) =>
    'errors' in r ? r.errors.map((e) => ({ row: r.row, line: r.line, ...e })) : [],
  );
}

function outcomeOf(result: ResolveResult): RowOutcome {
  return result.decision;
}

function actorOf(entry: ImportRecord): string {
  return `import:${entry.id}`;
}

async function retryTransient(work: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!TRANSIENT_CODES.has(sqlStateOf(error)) || attempt >= BATCH_ATTEMPTS) throw error;
    }
  }
}

/**
 * What may be logged of an error: a failed query carries its parameters (names, phones), which
 * must never reach the log.
 */
