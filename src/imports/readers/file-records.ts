import { createReadStream } from 'node:fs';
import { countLineFeeds, CR, LF, scanCsvRecord } from './csv-scanner';

/** A record too large to be a customer row is reported, never buffered further. */
export const MAX_ROW_BYTES = 1 << 20;
/** A quoted CSV field longer than this is taken as a broken quote (see csv-scanner). */
export const MAX_QUOTED_BYTES = 64 * 1024;
const READ_BYTES = 1 << 20;

export type RecordProblemCode = 'CSV_BROKEN_QUOTE' | 'CSV_COLUMN_COUNT' | 'ROW_TOO_LARGE';

export interface RecordProblem {
  code: RecordProblemCode;
  message: string;
}

/** One data row of a file, as bytes located and (when decoded) as text. */
export interface FileRecord {
  /** 1-based among the file's data rows (blank lines and a CSV header are not rows). */
  row: number;
  /** 1-based file line the row starts on. */
  line: number;
  /** Byte offsets [start, end) including the line end. */
  start: number;
  end: number;
  /** CSV fields, when decoded. */
  fields?: string[];
  /** NDJSON line text, when decoded. */
  text?: string;
  /** The row could not be split into fields; it is reported and skipped. */
  problem?: RecordProblem;
}

export interface RecordRange {
  format: 'csv' | 'ndjson';
  start: number;
  /** Exclusive; the end of the input as far as this reader is concerned. */
  end: number;
  firstRow: number;
  firstLine: number;
  /** CSV: the delimiter and the header's column count. */
  delimiter?: string;
  columns?: number;
  /** Decode only the first this many rows (planning checks a sample); default all. */
  decodeRows?: number;
}

/**
 * The records of a byte range of a file, streamed: memory stays at about one read buffer plus
 * one row whatever the file size.
 */
export async function* readRecords(path: string, range: RecordRange): AsyncGenerator<FileRecord> {
  if (range.end <= range.start) return;
  const stream = createReadStream(path, {
    start: range.start,
    end: range.end - 1,
    highWaterMark: READ_BYTES,
  });
  const cursor = new RecordCursor(range);
  let buf: Buffer = Buffer.alloc(0);
  let base = range.start;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
    const used = yield* cursor.drain(buf, base, false);
    buf = buf.subarray(used);
    base += used;
  }
  yield* cursor.drain(buf, base, true);
}

/** Walks records through successive buffers, carrying row and line numbers. */
class RecordCursor {
  private row: number;
  private line: number;
  private skipping = false;
  private readonly delimiter: number;

  constructor(private readonly range: RecordRange) {
    this.row = range.firstRow;
    this.line = range.firstLine;
    this.delimiter = (range.delimiter ?? ',').charCodeAt(0);
  }

  /** Yields the complete records in buf; returns how many bytes were consumed. */
  *drain(buf: Buffer, base: number, eof: boolean): Generator<FileRecord, number> {
    let pos = 0;
    while (pos < buf.length) {
      if (this.skipping) {
        const lf = buf.indexOf(LF, pos);
        if (lf === -1) return buf.length;
        this.skipping = false;
        this.line += 1;
        pos = lf + 1;
        continue;
      }
      const step =
        this.range.format === 'csv' ? this.csv(buf, pos, eof) : this.ndjson(buf, pos, eof);
      if (step === undefined) {
        if (buf.length - pos <= MAX_ROW_BYTES) return pos;
        yield this.emit(base, pos, buf.length, {
          code: 'ROW_TOO_LARGE',
          message: `The row is larger than ${MAX_ROW_BYTES} bytes.`,
        });
        this.skipping = true;
        return buf.length;
      }
      const { next, lines, record } = step;
      if (record !== undefined) yield { ...record, start: base + pos, end: base + next };
      this.line += lines;
      pos = next;
    }
    return pos;
  }

  private get decoding(): boolean {
    return this.row < this.range.firstRow + (this.range.decodeRows ?? Infinity);
  }

  private csv(buf: Buffer, pos: number, eof: boolean): Step | undefined {
    const scan = scanCsvRecord(buf, pos, eof, {
      delimiter: this.delimiter,
      decode: this.decoding,
      maxQuotedBytes: MAX_QUOTED_BYTES,
    });
    if (scan.kind === 'more') return undefined;
    if (scan.kind === 'broken') {
      return this.step(buf, pos, scan.next, {
        code: 'CSV_BROKEN_QUOTE',
        message: `A quoted field is not closed properly (${scan.reason}); the row is skipped.`,
      });
    }
    if (isBlankLine(buf, pos, scan.next)) return { next: scan.next, lines: 1 };
    const columns = this.range.columns;
    if (columns !== undefined && scan.fieldCount !== columns) {
      // A multi-line row with the wrong shape is an unclosed quote that ran into later rows.
      if (scan.multiline) {
        const lf = buf.indexOf(LF, pos);
        return this.step(buf, pos, lf === -1 ? buf.length : lf + 1, {
          code: 'CSV_BROKEN_QUOTE',
          message: 'A quoted field is not closed properly (unclosed-quote); the row is skipped.',
        });
      }
      return this.step(buf, pos, scan.next, {
        code: 'CSV_COLUMN_COUNT',
        message: `The row has ${scan.fieldCount} fields; the header has ${columns}.`,
      });
    }
    return this.step(buf, pos, scan.next, undefined, this.decoding ? scan.fields : undefined);
  }

  private ndjson(buf: Buffer, pos: number, eof: boolean): Step | undefined {
    const lf = buf.indexOf(LF, pos);
    if (lf === -1 && !eof) return undefined;
    const next = lf === -1 ? buf.length : lf + 1;
    if (isBlankLine(buf, pos, next)) return { next, lines: 1 };
    const decode = this.decoding;
    const step = this.step(buf, pos, next);
    if (decode) {
      const end = lf === -1 ? buf.length : buf[lf - 1] === CR ? lf - 1 : lf;
      step.record.text = buf.toString('utf8', pos, end);
    }
    return step;
  }

  private step(
    buf: Buffer,
    pos: number,
    next: number,
    problem?: RecordProblem,
    fields?: string[],
  ): Step & { record: Omit<FileRecord, 'start' | 'end'> } {
    const record: Omit<FileRecord, 'start' | 'end'> = { row: this.row, line: this.line };
    if (problem !== undefined) record.problem = problem;
    if (fields !== undefined) record.fields = fields;
    this.row += 1;
    const lines = countLineFeeds(buf, pos, next);
    return { next, lines, record };
  }

  private emit(base: number, pos: number, end: number, problem: RecordProblem): FileRecord {
    const record = { row: this.row, line: this.line, start: base + pos, end: base + end, problem };
    this.row += 1;
    return record;
  }
}

interface Step {
  next: number;
  lines: number;
  record?: Omit<FileRecord, 'start' | 'end'>;
}

/** Only whitespace before the line end (or the end of input). */
function isBlankLine(buf: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const b = buf[i];
    if (b !== LF && b !== CR && b !== 0x20 && b !== 0x09) return false;
  }
  return true;
}
