import type { ImportFormat, ImportState } from '../import.entity';
import type { StoredRowError } from '../import-chunks.repository';
import type { ImportRecord } from '../imports.repository';

export interface ImportView {
  id: string;
  source: string;
  format: ImportFormat;
  state: ImportState;
  fileName: string;
  fileBytes: number;
  mapping: Record<string, string>;
  rows: {
    /** Rows in the file; null until planning has read all of it. */
    total: number | null;
    /** Rows found so far by planning. */
    read: number;
    /** Rows with an outcome: created + linked + review + unchanged + rejected. */
    processed: number;
    created: number;
    linked: number;
    review: number;
    unchanged: number;
    rejected: number;
  };
  chunks: { total: number | null; done: number };
  /** Rows processed per second since the first chunk started (to the end, once finished). */
  recordsPerSecond: number | null;
  /** Seconds left at that rate; null when unknown or finished. */
  etaSeconds: number | null;
  failure: { code: string; message: string } | null;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ImportErrorView {
  row: number;
  line: number;
  field: string | null;
  code: string;
  message: string;
}

/** The response shape of an import; rate and time left come from the chunks' timings. */
export function toImportView(entry: ImportRecord, now: Date): ImportView {
  const { rate, eta } = progressRate(entry, now);
  return {
    id: entry.id,
    source: entry.source,
    format: entry.format,
    state: entry.state,
    fileName: entry.fileName,
    fileBytes: entry.fileBytes,
    mapping: entry.mapping,
    rows: {
      total: entry.rowsTotal,
      read: entry.rowsRead,
      processed: entry.processed,
      created: entry.created,
      linked: entry.linked,
      review: entry.review,
      unchanged: entry.unchanged,
      rejected: entry.rejected,
    },
    chunks: { total: entry.chunksTotal, done: entry.chunksDone },
    recordsPerSecond: rate,
    etaSeconds: eta,
    failure:
      entry.failureCode === null
        ? null
        : { code: entry.failureCode, message: entry.failureMessage ?? '' },
    createdBy: entry.createdBy,
    createdAt: entry.createdAt.toISOString(),
    startedAt: entry.startedAt?.toISOString() ?? null,
    finishedAt: entry.finishedAt?.toISOString() ?? null,
  };
}

export function progressRate(
  progress: Pick<
    ImportRecord,
    'state' | 'rowsTotal' | 'processed' | 'firstStartedAt' | 'lastFinishedAt'
  >,
  now: Date,
): { rate: number | null; eta: number | null } {
  const { state, rowsTotal, processed, firstStartedAt, lastFinishedAt } = progress;
  if (firstStartedAt === null || processed === 0) return { rate: null, eta: null };
  const running = state === 'running';
  const end = running ? now : (lastFinishedAt ?? now);
  const seconds = Math.max((end.getTime() - firstStartedAt.getTime()) / 1000, 0.001);
  const rate = processed / seconds;
  const eta =
    running && rowsTotal !== null ? Math.ceil(Math.max(rowsTotal - processed, 0) / rate) : null;
  return { rate: Math.round(rate * 10) / 10, eta };
}

export function toErrorView(error: StoredRowError): ImportErrorView {
  return {
    row: error.row,
    line: error.line,
    field: error.field,
    code: error.code,
    message: error.message,
  };
}
