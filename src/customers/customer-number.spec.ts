import fc from 'fast-check';
import {
  DEFAULT_NUMBER_SCHEME,
  formatCustomerNumber,
  parseCustomerNumber,
  regionCodeFor,
} from './customer-number';

describe('customer numbers', () => {
  it.each([
    ['person', '11', 42, /^111000000042[0-9X]$/],
    ['organization', '44', 1, /^244000000001[0-9X]$/],
    ['person', '00', 999_999_999, /^100999999999[0-9X]$/],
  ] as const)('formats %s in region %s, sequence %d', (kind, region, seq, pattern) => {
    expect(formatCustomerNumber(kind, region, seq)).toMatch(pattern);
  });

  it('round-trips kind, region and sequence', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('person' as const, 'organization' as const),
        fc.integer({ min: 10, max: 99 }),
        fc.integer({ min: 1, max: 999_999_999 }),
        (kind, region, seq) => {
          const parsed = parseCustomerNumber(formatCustomerNumber(kind, String(region), seq));
          expect(parsed).toEqual({ kind, regionCode: String(region), sequence: seq });
        },
      ),
    );
  });

  it('detects any single changed character', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999_999_999 }),
        fc.nat(12),
        fc.integer({ min: 1, max: 9 }),
        (seq, position, delta) => {
          const number = formatCustomerNumber('person', '31', seq);
          const chars = number.split('');
          const alphabet = position === 12 ? '0123456789X' : '0123456789';
          const current = alphabet.indexOf(chars[position]);
          chars[position] = alphabet[(current + delta) % alphabet.length];
          expect('problem' in parseCustomerNumber(chars.join(''))).toBe(true);
        },
      ),
    );
  });

  it.each([
    ['', 'LENGTH'],
    ['12345', 'LENGTH'],
    ['3110000000421', 'FORMAT'],
    ['11100000004A1', 'FORMAT'],
  ])('rejects %p as %s', (text, problem) => {
    expect(parseCustomerNumber(text)).toEqual({ problem });
  });

  it('supports a prefixed alphanumeric scheme', () => {
    const scheme = { prefix: 'CU', sequenceWidth: 7, check: 'mod37-36' as const };
    const number = formatCustomerNumber('organization', '44', 77, scheme);
    expect(number).toMatch(/^CU2440000077[0-9A-Z]$/);
    expect(parseCustomerNumber(number, scheme)).toEqual({
      kind: 'organization',
      regionCode: '44',
      sequence: 77,
    });
    expect(parseCustomerNumber(number, DEFAULT_NUMBER_SCHEME)).toEqual({ problem: 'FORMAT' });
  });

  it('takes the region from a valid ID, else the address province, else 00', () => {
    const base = { kind: 'person' as const, phones: [], emails: [] };
    expect(
      regionCodeFor({
        ...base,
        id: { type: 'cn_resident', value: 'x', valid: true, divisionCode: '440305' },
      }),
    ).toBe('44');
    expect(
      regionCodeFor({
        ...base,
        id: { type: 'cn_resident', value: 'x', valid: false, divisionCode: '440305' },
        address: { full: 'x', provinceCode: '11' },
      }),
    ).toBe('11');
    expect(regionCodeFor(base)).toBe('00');
  });
});
