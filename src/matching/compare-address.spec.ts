import fc from 'fast-check';
import type { NormalizedAddress } from '../normalize/normalized-record';
import { compareAddresses } from './compare-address';

const beijing = (extra: Partial<NormalizedAddress>): NormalizedAddress => ({
  full: 'x',
  province: '北京市',
  provinceCode: '11',
  city: '北京市',
  cityCode: '1101',
  district: '朝阳区',
  districtCode: '110105',
  country: 'CN',
  ...extra,
});
const home = beijing({ street: '建国路', number: '88', detail: '3单元502室', postcode: '100020' });

const au = (line: string, extra: Partial<NormalizedAddress> = {}): NormalizedAddress => {
  const [number, ...street] = line.split(' ');
  return {
    full: line,
    number,
    street: street.join(' '),
    city: 'cleveland',
    postcode: '2119',
    country: 'AU',
    ...extra,
  };
};

describe('compareAddresses', () => {
  it.each([
    ['the same flat', home, home, 'exact', 'exact', 'missing'],
    [
      'another flat in the same building (another household)',
      home,
      { ...home, detail: '5单元101室' },
      'partial',
      'exact',
      'missing',
    ],
    ['same street, another number', home, { ...home, number: '90' }, 'partial', 'exact', 'missing'],
    [
      'another district of the same city',
      home,
      beijing({ districtCode: '110108', district: '海淀区', street: '中关村大街', number: '1' }),
      'different',
      'partial',
      'missing',
    ],
    [
      'a one-character typo in a long Han street name',
      beijing({ street: '中关村大街', number: '1' }),
      beijing({ street: '中关村大道', number: '1' }),
      'close',
      'exact',
      'missing',
    ],
    [
      'only the city known on one side',
      home,
      { full: '北京市', city: '北京市', cityCode: '1101', country: 'CN' },
      'missing',
      'partial',
      'missing',
    ],
    [
      'Western: same address',
      au('7 wallaby place'),
      au('7 wallaby place'),
      'exact',
      'exact',
      'exact',
    ],
    [
      'Western: typo in the street',
      au('177 pridham street'),
      au('177 pridhamp street'),
      'close',
      'exact',
      'exact',
    ],
    [
      'Western: street and locality lines swapped',
      au('23 allunga', { detail: 'woollum street' }),
      au('23 woollum street', { detail: 'allunga' }),
      'exact',
      'exact',
      'exact',
    ],
    [
      'Western: a bare house number is a number, not a street',
      au('37', { street: '37', number: undefined }),
      au('37 sanford place'),
      'missing',
      'exact',
      'exact',
    ],
    [
      'Western: postcode typo',
      au('7 wallaby place', { postcode: '2119' }),
      au('7 wallaby place', { postcode: '2191' }),
      'exact',
      'exact',
      'close',
    ],
    [
      'Western: another suburb',
      au('7 wallaby place'),
      au('7 wallaby place', { city: 'delmar' }),
      'exact',
      'different',
      'exact',
    ],
    [
      'unparsed addresses compared as one line',
      { full: 'somewhere 12' },
      { full: 'somewhere 12' },
      'exact',
      'missing',
      'missing',
    ],
    ['no address on one side', home, undefined, 'missing', 'missing', 'missing'],
  ])('%s', (_, a, b, street, locality, postcode) => {
    expect(compareAddresses(a, b)).toEqual({ street, locality, postcode });
    expect(compareAddresses(b, a)).toEqual({ street, locality, postcode });
  });

  it('ignores the postcode when both district codes are known (it is implied by them)', () => {
    expect(compareAddresses(home, { ...home, postcode: '100021' }).postcode).toBe('missing');
  });

  it('is symmetric', () => {
    const address = fc
      .record({
        street: fc.option(fc.constantFrom('wallaby place', 'wallaby plaec', '建国路'), {
          nil: undefined,
        }),
        number: fc.option(fc.constantFrom('7', '8', '88'), { nil: undefined }),
        detail: fc.option(fc.constantFrom('delmar', 'wallaby place', '3单元502室'), {
          nil: undefined,
        }),
        city: fc.option(fc.constantFrom('cleveland', 'clevelend'), { nil: undefined }),
        postcode: fc.option(fc.constantFrom('2119', '2191', '3000'), { nil: undefined }),
        districtCode: fc.option(fc.constantFrom('110105', '110108'), { nil: undefined }),
      })
      .map((parts): NormalizedAddress => ({ full: JSON.stringify(parts), ...parts }));
    fc.assert(
      fc.property(address, address, (a, b) => {
        expect(compareAddresses(a, b)).toEqual(compareAddresses(b, a));
      }),
    );
  });
});
