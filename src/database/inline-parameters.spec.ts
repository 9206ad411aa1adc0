import fc from 'fast-check';
import { escapeLiteral } from 'pg/lib/utils';
import { inlineParameters, quoteLiteral } from './inline-parameters';

describe('inlineParameters', () => {
  it.each([
    ['SELECT $1::int', [42], "SELECT '42'::int"],
    ['SELECT $1, $2', [null, undefined], 'SELECT NULL, NULL'],
    ['SELECT $1', ["O'Brien"], "SELECT 'O''Brien'"],
    ['SELECT $1', ['back\\slash'], "SELECT  E'back\\\\slash'"],
    ['SELECT $1::jsonb', [{ a: "it's" }], `SELECT '{"a":"it''s"}'::jsonb`],
    ['SELECT $1::text[]', [['a', 'b"c']], `SELECT  E'{"a","b\\\\"c"}'::text[]`],
  ])('%s with %j', (sql, params, expected) => {
    expect(inlineParameters(sql, params)).toBe(expected);
  });

  it('replaces $1 and $12 as different parameters, in one pass', () => {
    const params = Array.from({ length: 12 }, (_v, i) => `v${i + 1}`);
    params[0] = '$12';
    expect(inlineParameters('SELECT $1, $12', params)).toBe("SELECT '$12', 'v12'");
  });

  it("quotes every string exactly as pg's escapeLiteral", () => {
    const text = fc.string({ unit: fc.constantFrom('a', "'", '\\', '张', '"', 'E', ' ') });
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'binary' })), (value) => {
        expect(quoteLiteral(value)).toBe(escapeLiteral(value));
      }),
    );
  });

  it('refuses a placeholder without a value', () => {
    expect(() => inlineParameters('SELECT $2', [1])).toThrow('no value for $2');
  });
});
