import { countLineFeeds, detectDelimiter, scanCsvRecord, type CsvScan } from './csv-scanner';

const scan = (text: string, eof = true, pos = 0): CsvScan =>
  scanCsvRecord(Buffer.from(text), pos, eof, {
    delimiter: ','.charCodeAt(0),
    decode: true,
    maxQuotedBytes: 32,
  });

describe('scanCsvRecord', () => {
  it.each<[string, string, string[], number]>([
    ['plain fields', 'a,b,c\nnext', ['a', 'b', 'c'], 6],
    ['CRLF line end', 'a,b\r\nnext', ['a', 'b'], 5],
    ['last record without a line end', 'a,b', ['a', 'b'], 3],
    ['empty fields', ',,\n', ['', '', ''], 3],
    ['quoted field with delimiter', '"a,b",c\n', ['a,b', 'c'], 8],
    ['escaped quotes', '"say ""hi""",x\n', ['say "hi"', 'x'], 15],
    ['quoted field over two lines', '"line1\nline2",x\n', ['line1\nline2', 'x'], 16],
    ['quote inside an unquoted field is literal', 'Zhang "Wei",x\n', ['Zhang "Wei"', 'x'], 14],
    ['multi-byte UTF-8', '张伟,北京\n', ['张伟', '北京'], 14],
    ['quoted last field then CRLF', 'a,"b"\r\n', ['a', 'b'], 7],
  ])('%s', (_name, text, fields, next) => {
    expect(scan(text)).toMatchObject({ kind: 'record', fields, next });
  });

  it('marks a record whose quoted field spans lines as multi-line', () => {
    expect(scan('"a\nb",c\n')).toMatchObject({ multiline: true, fieldCount: 2 });
    expect(scan('"ab",c\n')).toMatchObject({ multiline: false });
  });

  it.each<[string, string, string, number]>([
    ['unclosed quote at the end of input', 'a,"b,c\nd,e\n', 'unclosed-quote', 7],
    ['text after a closing quote', 'a,"b"x,c\nd,e\n', 'text-after-quote', 9],
    ['a quoted field longer than the limit', `"${'x\n'.repeat(20)}"\n`, 'quoted-too-long', 3],
  ])('reports a broken quote: %s, resuming on the next line', (_name, text, reason, next) => {
    expect(scan(text)).toEqual({ kind: 'broken', reason, next });
  });

  it.each([
    ['an unquoted field reaching the buffer end', 'a,b'],
    ['an open quoted field', 'a,"b\nc'],
    ['a closing quote at the buffer end', 'a,"b"'],
  ])('asks for more input on %s when not at the end', (_name, text) => {
    expect(scan(text, false)).toEqual({ kind: 'more' });
  });

  it('starts at the given offset', () => {
    expect(scan('a,b\nc,d\n', true, 4)).toMatchObject({ fields: ['c', 'd'], next: 8 });
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['sourceId,kind,name', ','],
    ['sourceId;kind;name', ';'],
    ['sourceId\tkind\tname', '\t'],
    ['single', ','],
  ])('%j → %j', (line, delimiter) => {
    expect(detectDelimiter(line)).toBe(delimiter);
  });
});

describe('countLineFeeds', () => {
  it('counts line feeds in a range', () => {
    expect(countLineFeeds(Buffer.from('a\nb\nc\n'), 0, 6)).toBe(3);
    expect(countLineFeeds(Buffer.from('a\nb\nc\n'), 2, 4)).toBe(1);
  });
});
