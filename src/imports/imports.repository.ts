import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Outcomes } from './import-chunks.repository';
import type { ImportFormat, ImportState } from './import.entity';

/** An import's progress counters: the sums of its chunks', kept on its row (migration 24). */
export interface ImportTotals extends Outcomes {
  chunksPlanned: number;
  chunksDone: number;
  rowsRead: number;
  processed: number;
  firstStartedAt: Date | null;
  lastFinishedAt: Date | null;
}

/** An import with its progress counters, read together from its row. */
export interface ImportRecord extends ImportTotals {
  id: string;
  source: string;
  format: ImportFormat;
  state: ImportState;
  fileName: string;
  fileBytes: number;
  mapping: Record<string, string>;
  columns: string[] | null;
  delimiter: string | null;
  rowsTotal: number | null;
  chunksTotal: number | null;
  failureCode: string | null;
  failureMessage: string | null;
  createdBy: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export type NewImport = Pick<
  ImportRecord,
  'id' | 'source' | 'format' | 'fileName' | 'fileBytes' | 'mapping' | 'createdBy'
>;

export interface ListPosition {
  createdAtExact: string;
  id: string;
}

const UNFINISHED: ImportState[] = ['queued', 'running'];

const IMPORT_COLUMNS = `id, source, format, state, file_name AS "fileName", file_bytes::float8 AS "fileBytes",
  mapping, columns, delimiter, rows_total AS "rowsTotal", chunks_total AS "chunksTotal",
  failure_code AS "failureCode", failure_message AS "failureMessage", created_by AS "createdBy",
  created_at AS "createdAt", started_at AS "startedAt", finished_at AS "finishedAt",
  chunks_planned AS "chunksPlanned", chunks_done AS "chunksDone", rows_read AS "rowsRead",
  processed, created, linked, review, unchanged, rejected,
  first_chunk_started_at AS "firstStartedAt", last_chunk_finished_at AS "lastFinishedAt"`;

/** SQL of the imports table: creation, state changes, listing. */
@Injectable()
export class ImportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(entry: NewImport): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO imports (id, source, format, file_name, file_bytes, mapping, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        entry.id,
        entry.source,
        entry.format,
        entry.fileName,
        entry.fileBytes,
        entry.mapping,
        entry.createdBy,
      ],
    );
  }

  async find(id: string): Promise<ImportRecord | undefined> {
    const rows = await this.dataSource.query<ImportRecord[]>(
      `SELECT ${IMPORT_COLUMNS} FROM imports WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  /**
   * Newest first; `before` is the position of the last item of the previous page: its creation
   * time to the microsecond (a JavaScript Date would round it) and its id.
   */
  async list(limit: number, before?: ListPosition): Promise<(ImportRecord & ListPosition)[]> {
    return this.dataSource.query<(ImportRecord & ListPosition)[]>(
      `SELECT ${IMPORT_COLUMNS}, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS "createdAtExact"
         FROM imports
        WHERE $2::timestamp IS NULL OR (created_at AT TIME ZONE 'UTC', id) < ($2::timestamp, $3::uuid)
        ORDER BY created_at DESC, id DESC LIMIT $1`,
      [limit, before?.createdAtExact ?? null, before?.id ?? null],
    );
  }

  async unfinishedIds(): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM imports WHERE state = ANY($1) ORDER BY created_at`,
      [UNFINISHED],
    );
    return rows.map((r) => r.id);
  }

  async markRunning(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE imports SET state = 'running', started_at = COALESCE(started_at, now()), updated_at = now()
        WHERE id = $1 AND state = 'queued'`,
      [id],
    );
  }

  async saveHeader(id: string, columns: string[], delimiter: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE imports SET columns = $2, delimiter = $3, updated_at = now() WHERE id = $1`,
      [id, JSON.stringify(columns), delimiter],
    );
  }

  async completePlan(id: string, rowsTotal: number, chunksTotal: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE imports SET rows_total = $2, chunks_total = $3, updated_at = now() WHERE id = $1`,
      [id, rowsTotal, chunksTotal],
    );
  }

  /** Completes a running import whose plan is whole and whose chunks are all done. */
  async completeIfDone(id: string): Promise<boolean> {
    // Wrapped in a SELECT: TypeORM answers a bare UPDATE with [rows, count].
    const rows = await this.dataSource.query<{ id: string }[]>(
      `WITH done AS (
         UPDATE imports i SET state = 'completed', finished_at = now(), updated_at = now()
          WHERE i.id = $1 AND i.state = 'running' AND i.chunks_total IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM import_chunks c WHERE c.import_id = i.id AND c.status = 'pending')
          RETURNING id)
       SELECT id FROM done`,
      [id],
    );
    return rows.length > 0;
  }

  /** Moves an unfinished import to a final state; false when it had already ended. */
  async finish(
    id: string,
    state: 'failed' | 'cancelled',
    failure?: { code: string; message: string },
  ): Promise<boolean> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `WITH ended AS (
         UPDATE imports SET state = $2, failure_code = $3, failure_message = $4, finished_at = now(), updated_at = now()
          WHERE id = $1 AND state = ANY($5) RETURNING id)
       SELECT id FROM ended`,
      [id, state, failure?.code ?? null, failure?.message.slice(0, 500) ?? null, UNFINISHED],
    );
    return rows.length > 0;
  }
}
