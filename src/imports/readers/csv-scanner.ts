/**
 * One CSV record from a byte buffer (RFC 4180: fields separated by a delimiter, records by LF or
 * CRLF, a field starting with `"` is quoted, `""` inside it is a quote). Works on bytes: the
 * delimiter, quote and line feed are ASCII, which never occur inside a UTF-8 multi-byte sequence,
 * so record boundaries are exact byte offsets that a chunk can start from.
 *
 * A broken quote must not swallow the rest of the file: a quoted field longer than
 * `maxQuotedBytes`, unclosed at the end of the input, or followed by anything but a delimiter or
 * a line end makes the record "broken", and scanning resumes on the line after the one it started
 * on. A quote inside an unquoted field is taken literally (common in exports, harmless).
 */
export const QUOTE = 0x22;
export const LF = 0x0a;
export const CR = 0x0d;

export interface CsvScanOptions {
  delimiter: number;
  /** Field values are decoded only when wanted (planning needs the boundaries alone). */
  decode: boolean;
  maxQuotedBytes: number;
}

export type BrokenQuoteReason = 'unclosed-quote' | 'text-after-quote' | 'quoted-too-long';

export type CsvScan =
  | { kind: 'record'; next: number; fields: string[]; fieldCount: number; multiline: boolean }
  | { kind: 'broken'; next: number; reason: BrokenQuoteReason }
  | { kind: 'more' };

const MORE: CsvScan = { kind: 'more' };

/**
 * Scans the record starting at `pos`. `eof` says whether `buf` ends where the input ends;
 * otherwise `more` asks for more bytes when the record may continue past the buffer.
 */
export function scanCsvRecord(
  buf: Buffer,
  pos: number,
  eof: boolean,
  options: CsvScanOptions,
): CsvScan {
  const len = buf.length;
  const fields: string[] = [];
  let fieldCount = 0;
  let multiline = false;
  let i = pos;
  for (;;) {
    if (i < len && buf[i] === QUOTE) {
      const quoted = scanQuoted(buf, i, eof, options.maxQuotedBytes);
      if (quoted.kind === 'more') return MORE;
      if (quoted.kind === 'broken') return broken(buf, pos, eof, quoted.reason);
      const close = quoted.close;
      const lf = buf.indexOf(LF, i + 1);
      if (lf !== -1 && lf < close) multiline = true;
      if (options.decode) {
        const value = buf.toString('utf8', i + 1, close);
        fields.push(quoted.escaped ? value.replace(/""/g, '"') : value);
      }
      fieldCount++;
      const k = close + 1;
      if (k >= len) return eof ? record(len) : MORE;
      const b = buf[k];
      if (b === options.delimiter) {
        i = k + 1;
        continue;
      }
      if (b === LF) return record(k + 1);
      if (b === CR) {
        if (k + 1 >= len) return eof ? record(len) : MORE;
        if (buf[k + 1] === LF) return record(k + 2);
      }
      return broken(buf, pos, eof, 'text-after-quote');
    }
    let k = i;
    while (k < len) {
      const b = buf[k];
      if (b === options.delimiter || b === LF) break;
      k++;
    }
    if (k >= len && !eof) return MORE;
    if (options.decode) {
      const end = (k >= len || buf[k] === LF) && k > i && buf[k - 1] === CR ? k - 1 : k;
      fields.push(buf.toString('utf8', i, end));
    }
    fieldCount++;
    if (k >= len) return record(len);
    if (buf[k] === LF) return record(k + 1);
    i = k + 1;
  }

  function record(next: number): CsvScan {
    return { kind: 'record', next, fields, fieldCount, multiline };
  }
}

type QuotedScan =
  | { kind: 'closed'; close: number; escaped: boolean }
  | { kind: 'broken'; reason: BrokenQuoteReason }
  | { kind: 'more' };

/** The quoted field opening at `open`: where its closing quote is. */
function scanQuoted(buf: Buffer, open: number, eof: boolean, maxBytes: number): QuotedScan {
  let j = open + 1;
  let escaped = false;
  for (;;) {
    const q = buf.indexOf(QUOTE, j);
    if (q === -1) {
      if (buf.length - open > maxBytes) return { kind: 'broken', reason: 'quoted-too-long' };
      return eof ? { kind: 'broken', reason: 'unclosed-quote' } : { kind: 'more' };
    }
    if (q - open > maxBytes) return { kind: 'broken', reason: 'quoted-too-long' };
    if (q + 1 >= buf.length && !eof) return { kind: 'more' };
    if (buf[q + 1] !== QUOTE) return { kind: 'closed', close: q, escaped };
    escaped = true;
    j = q + 2;
  }
}

/** A broken record covers the line it starts on; the next record starts on the line after. */
function broken(buf: Buffer, pos: number, eof: boolean, reason: BrokenQuoteReason): CsvScan {
  const lf = buf.indexOf(LF, pos);
  if (lf === -1) return eof ? { kind: 'broken', next: buf.length, reason } : MORE;
  return { kind: 'broken', next: lf + 1, reason };
}

/** Number of line feeds in buf[from, to). */
export function countLineFeeds(buf: Buffer, from: number, to: number): number {
  let n = 0;
  let i = buf.indexOf(LF, from);
  while (i !== -1 && i < to) {
    n++;
    i = buf.indexOf(LF, i + 1);
  }
  return n;
}

/** The most frequent of `,` `;` tab in the header line (comma when none occurs). */
export function detectDelimiter(headerLine: string): string {
  const candidates = [',', ';', '\t'];
  let best = ',';
  let bestCount = 0;
  for (const c of candidates) {
    const count = headerLine.split(c).length - 1;
    if (count > bestCount) {
      best = c;
      bestCount = count;
    }
  }
  return best;
}
