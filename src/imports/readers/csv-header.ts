import { open } from 'node:fs/promises';
import { ImportFailure } from '../import-failure';
import { detectDelimiter, LF, scanCsvRecord } from './csv-scanner';
import { MAX_QUOTED_BYTES, MAX_ROW_BYTES } from './file-records';

export interface CsvHeader {
  columns: string[];
  delimiter: string;
  /** Byte offset of the first data row. */
  dataStart: number;
  /** File line of the first data row. */
  dataLine: number;
}

const BOM = [0xef, 0xbb, 0xbf];

/** The header row of a CSV file (after an optional UTF-8 byte order mark). */
export async function readCsvHeader(path: string): Promise<CsvHeader> {
  const handle = await open(path, 'r');
  let buf: Buffer;
  try {
    const head = Buffer.alloc(MAX_ROW_BYTES);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    buf = head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const start = BOM.every((b, i) => buf[i] === b) ? BOM.length : 0;
  if (buf.length <= start) throw new ImportFailure('IMPORT_FILE_EMPTY', 'The file is empty.');
  const firstLf = buf.indexOf(LF, start);
  const firstLine = buf.toString('utf8', start, firstLf === -1 ? buf.length : firstLf);
  const delimiter = detectDelimiter(firstLine);
  const scan = scanCsvRecord(buf, start, true, {
    delimiter: delimiter.charCodeAt(0),
    decode: true,
    maxQuotedBytes: MAX_QUOTED_BYTES,
  });
  if (scan.kind !== 'record') {
    throw new ImportFailure('IMPORT_HEADER_INVALID', 'The header row cannot be read as CSV.');
  }
  const columns = scan.fields.map((c) => c.trim());
  if (columns.some((c) => c.includes('\uFFFD'))) {
    throw new ImportFailure('IMPORT_FILE_UNREADABLE', 'The file is not UTF-8 encoded.');
  }
  if (columns.every((c) => c === '')) {
    throw new ImportFailure('IMPORT_HEADER_INVALID', 'The first line must be a header row.');
  }
  const lines = buf.subarray(start, scan.next).filter((b) => b === LF).length;
  return { columns, delimiter, dataStart: scan.next, dataLine: 1 + lines };
}
