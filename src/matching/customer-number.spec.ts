import fc from 'fast-check';
import type { NormalizedRecord } from '../normalize/normalized-record';
import {
  type CheckAlgorithm,
  type CustomerNumberScheme,
  DEFAULT_CUSTOMER_NUMBER_SCHEME,
  formatCustomerNumber,
  parseCustomerNumber,
  regionCodeFor,
} from './customer-number';

const scheme = (extra: Partial<CustomerNumberScheme> = {}) => ({
  ...DEFAULT_CUSTOMER_NUMBER_SCHEME,
  ...extra,
});

describe('formatCustomerNumber', () => {
  it.each([
    ['person', '11', 42, scheme(), '111000000042' + 'X'],
    ['organization', '00', 1, scheme(), '200000000001' + '1'],
    ['person', '44', 7, scheme({ prefix: 'C-', sequenceWidth: 6 }), 'C-144000007' + '0'],
    ['person', '11', 42, scheme({ checkAlgorithm: 'none' }), '111000000042'],
  ] as const)('%s / %s / %d', (kind, region, sequence, s, expected) => {
    const formatted = formatCustomerNumber(kind, region, sequence, s);
    expect(formatted.slice(0, -1)).toBe(expected.slice(0, -1));
    expect(parseCustomerNumber(formatted, s)).toEqual({
      ok: true,
      parts: { kind, regionCode: region, sequence },
    });
  });

  it.each([
    ['a sequence too long for its width', () => formatCustomerNumber('person', '11', 1e9)],
    ['a negative sequence', () => formatCustomerNumber('person', '11', -1)],
    ['a region code too long', () => formatCustomerNumber('person', '110', 1)],
    ['a non-numeric region code', () => formatCustomerNumber('person', 'BJ', 1)],
  ])('rejects %s', (_, format) => {
    expect(format).toThrow(RangeError);
  });
});

describe('parseCustomerNumber', () => {
  const valid = formatCustomerNumber('person', '11', 42);

  it.each([
    ['too short', valid.slice(1), 'length'],
    ['too long', valid + '1', 'length'],
    ['letters in the body', 'A' + valid.slice(1), 'characters'],
    ['an unknown kind digit', '3' + valid.slice(1, -1) + '0', 'kind'],
    ['a wrong check character', valid.slice(0, -1) + (valid.endsWith('1') ? '2' : '1'), 'check'],
    ['a missing prefix', valid, 'prefix', scheme({ prefix: 'C-' })],
  ])('reports %s', (_, text, problem, s = scheme()) => {
    const parsed = parseCustomerNumber(text, s);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed).toEqual({ ok: false, code: 'CUSTOMER_NUMBER_MALFORMED', problem });
  });

  it('ignores surrounding spaces and letter case', () => {
    const lower = ` ${formatCustomerNumber('person', '11', 42).toLowerCase()} `;
    expect(parseCustomerNumber(lower).ok).toBe(true);
  });

  const algorithms: CheckAlgorithm[] = ['mod11-2', 'mod37-36'];
  const characters = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

  it.each(algorithms)('round-trips every number (%s)', (checkAlgorithm) => {
    const s = scheme({ checkAlgorithm });
    fc.assert(
      fc.property(
        fc.constantFrom('person' as const, 'organization' as const),
        fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0')),
        fc.integer({ min: 0, max: 999_999_999 }),
        (kind, regionCode, sequence) => {
          const text = formatCustomerNumber(kind, regionCode, sequence, s);
          expect(parseCustomerNumber(text, s)).toEqual({
            ok: true,
            parts: { kind, regionCode, sequence },
          });
        },
      ),
    );
  });

  it.each(algorithms)('detects any single-character change (%s)', (checkAlgorithm) => {
    const s = scheme({ checkAlgorithm });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999_999 }),
        fc.nat(),
        fc.constantFrom(...characters),
        (sequence, position, replacement) => {
          const text = formatCustomerNumber('person', '11', sequence, s);
          const at = position % text.length;
          fc.pre(text[at] !== replacement);
          const changed = text.slice(0, at) + replacement + text.slice(at + 1);
          expect(parseCustomerNumber(changed, s).ok).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('regionCodeFor', () => {
  const base: NormalizedRecord = { kind: 'person', phones: [], emails: [] };

  it.each([
    [
      'the province of a valid resident ID',
      { ...base, id: { type: 'cn_resident', value: 'x', valid: true, divisionCode: '440305' } },
      '44',
    ],
    [
      'the province of a valid credit code',
      { ...base, id: { type: 'cn_uscc', value: 'x', valid: true, divisionCode: '110000' } },
      '11',
    ],
    [
      'the address province when the ID is invalid',
      {
        ...base,
        id: { type: 'cn_resident', value: 'x', valid: false, divisionCode: '440305' },
        address: { full: 'x', provinceCode: '31' },
      },
      '31',
    ],
    [
      'the address province without an ID',
      { ...base, address: { full: 'x', provinceCode: '310000' } },
      '31',
    ],
    ['00 when nothing is known', base, '00'],
    [
      '00 for a division code that is no province',
      { ...base, id: { type: 'other', value: 'x', valid: true, divisionCode: '000000' } },
      '00',
    ],
  ] as Array<[string, NormalizedRecord, string]>)('uses %s', (_, record, expected) => {
    expect(regionCodeFor(record)).toBe(expected);
  });
});
