import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FileRecord, MAX_ROW_BYTES, readRecords, type RecordRange } from './file-records';

describe('readRecords', () => {
  const dir = mkdtempSync(join(tmpdir(), 'records-'));
  let n = 0;
  const file = (text: string | Buffer): string => {
    const path = join(dir, `f${++n}`);
    writeFileSync(path, text);
    return path;
  };
  const read = async (path: string, range: Partial<RecordRange>): Promise<FileRecord[]> => {
    const out: FileRecord[] = [];
    for await (const r of readRecords(path, {
      format: 'csv',
      start: 0,
      end: Number.MAX_SAFE_INTEGER,
      firstRow: 1,
      firstLine: 1,
      ...range,
    })) {
      out.push(r);
    }
    return out;
  };

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('numbers CSV rows and lines, skipping blank lines and counting multi-line rows', async () => {
    const text = 'a,1\n\n"b\nb",2\nc,3';
    const records = await read(file(text), { end: text.length, columns: 2 });
    expect(records.map((r) => [r.row, r.line, r.fields])).toEqual([
      [1, 1, ['a', '1']],
      [2, 3, ['b\nb', '2']],
      [3, 5, ['c', '3']],
    ]);
  });

  it('contains a broken quote to its own line and keeps reading', async () => {
    const text = 's1,ok\ns2,"broken\ns3,"fine"\ns4,ok\n';
    const records = await read(file(text), { end: text.length, columns: 2 });
    expect(records.map((r) => [r.row, r.line, r.problem?.code ?? r.fields?.[0]])).toEqual([
      [1, 1, 's1'],
      [2, 2, 'CSV_BROKEN_QUOTE'],
      [3, 3, 's3'],
      [4, 4, 's4'],
    ]);
  });

  it('treats a multi-line row with the wrong number of fields as an unclosed quote', async () => {
    const text = 's1,"open\ns2,ok\ns3,ok",z\ns4,ok\n';
    const records = await read(file(text), { end: text.length, columns: 2 });
    expect(records.map((r) => r.problem?.code ?? r.fields?.[0])).toEqual([
      'CSV_BROKEN_QUOTE',
      's2',
      'CSV_COLUMN_COUNT',
      's4',
    ]);
  });

  it('reports a single-line row with the wrong number of fields', async () => {
    const text = 'a,1\nb,2,3\n';
    const records = await read(file(text), { end: text.length, columns: 2 });
    expect(records[1]).toMatchObject({
      row: 2,
      problem: { code: 'CSV_COLUMN_COUNT', message: 'The row has 3 fields; the header has 2.' },
    });
  });

  it('reads exactly a byte range, starting from given row and line numbers', async () => {
    const text = 'a,1\nb,2\nc,3\nd,4\n';
    const records = await read(file(text), { start: 4, end: 12, firstRow: 7, firstLine: 9 });
    expect(records.map((r) => [r.row, r.line, r.start, r.end, r.fields?.[0]])).toEqual([
      [7, 9, 4, 8, 'b'],
      [8, 10, 8, 12, 'c'],
    ]);
  });

  it('splits NDJSON into lines and decodes only the first rows when asked', async () => {
    const text = '{"a":1}\r\n\n{"a":2}\n{"a":3}';
    const records = await read(file(text), { format: 'ndjson', end: text.length, decodeRows: 2 });
    expect(records.map((r) => [r.row, r.line, r.text])).toEqual([
      [1, 1, '{"a":1}'],
      [2, 3, '{"a":2}'],
      [3, 4, undefined],
    ]);
  });

  it('reports a row larger than the limit and continues after it', async () => {
    const big = Buffer.alloc(MAX_ROW_BYTES * 2 + 10, 'x');
    const path = file(Buffer.concat([Buffer.from('{"a":1}\n'), big, Buffer.from('\n{"a":2}\n')]));
    const records = await read(path, { format: 'ndjson', end: 8 + big.length + 9 });
    expect(records.map((r) => [r.row, r.line, r.problem?.code ?? r.text])).toEqual([
      [1, 1, '{"a":1}'],
      [2, 2, 'ROW_TOO_LARGE'],
      [3, 3, '{"a":2}'],
    ]);
  });

  it('reads rows that straddle the read buffer', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `id${i},"name ${i}\nsecond line"`);
    const text = rows.join('\n') + '\n';
    const records = await read(file(text), { end: Buffer.byteLength(text), columns: 2 });
    expect(records).toHaveLength(30_000);
    expect(records[29_999]).toMatchObject({ row: 30_000, line: 59_999 });
    expect(records.every((r, i) => r.fields?.[0] === `id${i}`)).toBe(true);
  });
});
