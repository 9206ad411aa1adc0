import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { RowOutcome } from './import-row-outcome.entity';
import type { RowError } from './rows/row-parser';

export interface ChunkPlan {
  chunkIndex: number;
  startOffset: number;
  endOffset: number;
  firstRow: number;
  firstLine: number;
  rowCount: number;
}

export interface ChunkRecord extends ChunkPlan {
  status: 'pending' | 'done' | 'skipped';
}

export type Outcomes = Record<RowOutcome, number>;

export interface NumberedRowError extends RowError {
  row: number;
  line: number;
}

export interface StoredRowError extends NumberedRowError {
  seq: number;
}

const CHUNK_COLUMNS = `chunk_index AS "chunkIndex", start_offset::float8 AS "startOffset",
  end_offset::float8 AS "endOffset", first_row AS "firstRow", first_line AS "firstLine",
  row_count AS "rowCount", status`;

/**
 * SQL of an import's chunks, row errors and row outcomes. Chunk completion takes the caller's
 * transaction: it commits together with the chunk's rows.
 */
@Injectable()
export class ImportChunksRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Re-planning after a crash finds the same boundaries: existing chunks stay as they are, and only
   * the chunks actually inserted are added to the import's counters, in the same statement.
   */
  async insertChunks(id: string, chunks: readonly ChunkPlan[]): Promise<void> {
    if (chunks.length === 0) return;
    await this.dataSource.query(
      `WITH inserted AS (
         INSERT INTO import_chunks (import_id, chunk_index, start_offset, end_offset, first_row, first_line, row_count)
         SELECT $1, * FROM unnest($2::int[], $3::bigint[], $4::bigint[], $5::int[], $6::int[], $7::int[])
         ON CONFLICT DO NOTHING
         RETURNING row_count)
       UPDATE imports SET chunks_planned = chunks_planned + n.chunks, rows_read = rows_read + n.rows
         FROM (SELECT count(*)::int AS chunks, COALESCE(sum(row_count), 0)::int AS rows FROM inserted) n
        WHERE id = $1 AND n.chunks > 0`,
      [
        id,
        chunks.map((c) => c.chunkIndex),
        chunks.map((c) => c.startOffset),
        chunks.map((c) => c.endOffset),
        chunks.map((c) => c.firstRow),
        chunks.map((c) => c.firstLine),
        chunks.map((c) => c.rowCount),
      ],
    );
  }

  async pendingChunks(id: string): Promise<number[]> {
    const rows = await this.dataSource.query<{ chunk_index: number }[]>(
      `SELECT chunk_index FROM import_chunks WHERE import_id = $1 AND status = 'pending' ORDER BY chunk_index`,
      [id],
    );
    return rows.map((r) => r.chunk_index);
  }

  async findChunk(id: string, chunkIndex: number): Promise<ChunkRecord | undefined> {
    const rows = await this.dataSource.query<ChunkRecord[]>(
      `SELECT ${CHUNK_COLUMNS} FROM import_chunks WHERE import_id = $1 AND chunk_index = $2`,
      [id, chunkIndex],
    );
    return rows[0];
  }

  /** Locks the chunk for this transaction and tells whether it still waits to be done. */
  async lockPendingChunk(manager: EntityManager, id: string, chunkIndex: number): Promise<boolean> {
    const rows = await manager.query<{ status: string }[]>(
      `SELECT status FROM import_chunks WHERE import_id = $1 AND chunk_index = $2 FOR UPDATE`,
      [id, chunkIndex],
    );
    return rows[0]?.status === 'pending';
  }

  async completeChunk(
    manager: EntityManager,
    id: string,
    chunkIndex: number,
    outcomes: Outcomes,
    startedAt: Date,
  ): Promise<void> {
    const processed = Object.values(outcomes).reduce((a, b) => a + b, 0);
    // The chunk is locked by lockPendingChunk in this transaction; the import's counters take its
    // counts in the same statement. The import's row stays locked until the commit that follows.
    await manager.query(
      `WITH chunk AS (
         UPDATE import_chunks SET status = 'done', processed = $3, created = $4, linked = $5, review = $6,
                unchanged = $7, rejected = $8, started_at = $9, finished_at = clock_timestamp()
          WHERE import_id = $1 AND chunk_index = $2 AND status = 'pending'
          RETURNING started_at, finished_at)
       UPDATE imports
          SET chunks_done = chunks_done + 1, processed = processed + $3, created = created + $4,
              linked = linked + $5, review = review + $6, unchanged = unchanged + $7,
              rejected = rejected + $8,
              first_chunk_started_at = LEAST(first_chunk_started_at, chunk.started_at),
              last_chunk_finished_at = GREATEST(last_chunk_finished_at, chunk.finished_at)
         FROM chunk
        WHERE id = $1`,
      [
        id,
        chunkIndex,
        processed,
        outcomes.created,
        outcomes.linked,
        outcomes.review,
        outcomes.unchanged,
        outcomes.rejected,
        startedAt,
      ],
    );
  }

  async skipChunk(id: string, chunkIndex: number): Promise<void> {
    await this.dataSource.query(
      `WITH skipped AS (
         UPDATE import_chunks SET status = 'skipped'
          WHERE import_id = $1 AND chunk_index = $2 AND status = 'pending' RETURNING 1)
       UPDATE imports SET chunks_done = chunks_done + 1 FROM skipped WHERE id = $1`,
      [id, chunkIndex],
    );
  }

  async insertErrors(
    manager: EntityManager,
    id: string,
    errors: readonly NumberedRowError[],
  ): Promise<void> {
    if (errors.length === 0) return;
    const seqs: number[] = [];
    errors.forEach((e, i) => seqs.push(i > 0 && errors[i - 1].row === e.row ? seqs[i - 1] + 1 : 0));
    await manager.query(
      `INSERT INTO import_errors (import_id, row_number, seq, line_number, field, code, message)
       SELECT $1, * FROM unnest($2::int[], $3::smallint[], $4::int[], $5::varchar[], $6::varchar[], $7::varchar[])
       ON CONFLICT DO NOTHING`,
      [
        id,
        errors.map((e) => e.row),
        seqs,
        errors.map((e) => e.line),
        errors.map((e) => e.field?.slice(0, 100) ?? null),
        errors.map((e) => e.code.slice(0, 48)),
        errors.map((e) => e.message.slice(0, 500)),
      ],
    );
  }

  /** Outcomes of a chunk's rows already committed one by one (the per-row fallback). */
  async rowOutcomes(
    manager: EntityManager,
    id: string,
    firstRow: number,
    lastRow: number,
  ): Promise<Map<number, RowOutcome>> {
    const rows = await manager.query<{ row_number: number; outcome: RowOutcome }[]>(
      `SELECT row_number, outcome FROM import_row_outcomes WHERE import_id = $1 AND row_number BETWEEN $2 AND $3`,
      [id, firstRow, lastRow],
    );
    return new Map(rows.map((r) => [r.row_number, r.outcome]));
  }

  async insertRowOutcome(
    manager: EntityManager,
    id: string,
    row: number,
    outcome: RowOutcome,
  ): Promise<void> {
    await manager.query(
      // A row resolved twice at once (a redelivered job) keeps the first outcome committed.
      `INSERT INTO import_row_outcomes (import_id, row_number, outcome) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [id, row, outcome],
    );
  }

  /** A page of errors in row order, after the (row, seq) of the previous page's last error. */
  async errors(
    id: string,
    limit: number,
    after?: { row: number; seq: number },
  ): Promise<StoredRowError[]> {
    return this.dataSource.query<StoredRowError[]>(
      `SELECT row_number AS "row", seq, line_number AS "line", field, code, message
         FROM import_errors
        WHERE import_id = $1 AND (row_number, seq) > ($2, $3)
        ORDER BY row_number, seq LIMIT $4`,
      [id, after?.row ?? 0, after?.seq ?? -1, limit],
    );
  }
}
