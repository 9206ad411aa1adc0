import type { FileRecord } from '../readers/file-records';
import { RowParser } from './row-parser';

const csvRecord = (fields: string[]): FileRecord => ({ row: 4, line: 6, start: 0, end: 1, fields });
const jsonRecord = (text: string): FileRecord => ({ row: 2, line: 2, start: 0, end: 1, text });

describe('RowParser (CSV)', () => {
  const columns = ['id', 'kind', 'full_name', 'mobile', 'tel', 'city', 'tier', 'entityId'];
  const parser = new RowParser(
    'csv',
    'crm',
    { id: 'sourceId', full_name: 'name', mobile: 'phones', tel: 'phones', tier: 'attributes.tier' },
    columns,
  );

  it('maps columns to a record, splitting lists and dropping empty and unknown cells', async () => {
    const parsed = await parser.parse(
      csvRecord([
        'C1',
        'person',
        ' 张伟 ',
        '13800000000;13900000000',
        '010-1234',
        '北京',
        'gold',
        'E9',
      ]),
    );
    expect(parsed).toEqual({
      row: 4,
      line: 6,
      input: {
        source: 'crm',
        sourceId: 'C1',
        kind: 'person',
        name: '张伟',
        phones: ['13800000000', '13900000000', '010-1234'],
        address: { city: '北京' },
        attributes: { tier: 'gold' },
      },
    });
  });

  it('reports validation errors like POST /v1/resolve, without values', async () => {
    const parsed = await parser.parse(csvRecord(['', 'robot', '张伟', '', '', '', '', '']));
    expect(parsed).toMatchObject({ row: 4, line: 6 });
    const errors = 'errors' in parsed ? parsed.errors : [];
    expect(errors.map((e) => [e.field, e.code])).toEqual(
      expect.arrayContaining([
        ['sourceId', 'IS_STRING'],
        ['sourceId', 'IS_LENGTH'],
        ['kind', 'IS_IN'],
      ]),
    );
    expect(errors).toHaveLength(3);
    expect(JSON.stringify(errors)).not.toContain('robot');
  });

  it('passes a reader problem through as the row error', async () => {
    const parsed = await parser.parse({
      ...csvRecord([]),
      fields: undefined,
      problem: { code: 'CSV_BROKEN_QUOTE', message: 'broken' },
    });
    expect(parsed).toEqual({
      row: 4,
      line: 6,
      errors: [{ field: null, code: 'CSV_BROKEN_QUOTE', message: 'broken' }],
    });
  });
});

describe('RowParser (NDJSON)', () => {
  const parser = new RowParser('ndjson', 'shop', { cust: 'sourceId' });

  it('renames mapped keys, overrides source and ignores unknown keys', async () => {
    const parsed = await parser.parse(
      jsonRecord('{"cust":"E1","source":"other","kind":"person","name":"李娜","entityId":7}'),
    );
    expect(parsed).toEqual({
      row: 2,
      line: 2,
      input: { source: 'shop', sourceId: 'E1', kind: 'person', name: '李娜' },
    });
  });

  it.each([
    ['invalid JSON', '{"cust": "E1", "name": "李娜"', null, 'INVALID_JSON'],
    ['not an object', '["E1"]', null, 'NOT_AN_OBJECT'],
    ['missing sourceId', '{"kind":"person","name":"李娜"}', 'sourceId', 'IS_STRING'],
    ['wrong type', '{"cust":"E1","kind":"person","phones":"138"}', 'phones', 'IS_ARRAY'],
    ['invalid UTF-8', '{"cust":"E\uFFFD"}', null, 'INVALID_UTF8'],
  ])('rejects %s', async (_name, text, field, code) => {
    const parsed = await parser.parse(jsonRecord(text));
    expect('errors' in parsed ? parsed.errors : []).toContainEqual(
      expect.objectContaining({ field, code }),
    );
    expect(JSON.stringify(parsed)).not.toContain('李娜');
  });

  it('reads a row with prototype keys in its attributes as the API does: without them', async () => {
    const attributes = '{"tier":"gold","constructor":1,"nested":[{"__proto__":{"x":1},"ok":true}]}';
    const valid = await parser.parse(
      jsonRecord(`{"cust":"E1","kind":"person","name":"李娜","attributes":${attributes}}`),
    );
    expect(valid).toEqual({
      row: 2,
      line: 2,
      input: {
        source: 'shop',
        sourceId: 'E1',
        kind: 'person',
        name: '李娜',
        attributes: { tier: 'gold', nested: [{ ok: true }] },
      },
    });
    // Before, class-transformer threw on such a row when another field was wrong, failing its chunk.
    const invalid = await parser.parse(
      jsonRecord(`{"cust":"E1","kind":"person","name":7,"attributes":${attributes}}`),
    );
    expect('errors' in invalid ? invalid.errors : []).toContainEqual(
      expect.objectContaining({ field: 'name', code: 'IS_STRING' }),
    );
  });
});
