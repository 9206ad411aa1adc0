import fc from 'fast-check';
import type { StructuredAddress } from './customer-record';
import type { NormalizedAddress } from './normalized-record';
import { normalizeAddress } from './address.normalizer';

type Case = [string, string | StructuredAddress, Partial<NormalizedAddress>];

describe('normalizeAddress: Chinese free text', () => {
  it.each<Case>([
    [
      'province, city, district, street, number, building',
      '广东省深圳市南山区科技园南区深南大道10000号腾讯大厦',
      {
        province: '广东省',
        provinceCode: '44',
        city: '深圳市',
        cityCode: '4403',
        district: '南山区',
        districtCode: '440305',
        street: '深南大道',
        number: '10000',
        detail: '腾讯大厦',
        country: 'CN',
        full: '广东省深圳市南山区科技园南区深南大道10000号腾讯大厦',
      },
    ],
    [
      'municipality written without 市',
      '北京朝阳区建国路88号SOHO现代城5号楼1201室',
      {
        province: '北京市',
        city: '北京市',
        cityCode: '1101',
        district: '朝阳区',
        districtCode: '110105',
        street: '建国路',
        number: '88',
        detail: 'soho现代城5号楼1201室',
        full: '北京市朝阳区建国路88号soho现代城5号楼1201室',
      },
    ],
    [
      'municipality with 新区',
      '上海市浦东新区陆家嘴环路1000号',
      {
        provinceCode: '31',
        city: '上海市',
        district: '浦东新区',
        districtCode: '310115',
        street: '陆家嘴环路',
        number: '1000',
      },
    ],
    [
      'traditional script',
      '廣東省深圳市南山區深南大道10000號',
      { district: '南山区', districtCode: '440305', street: '深南大道', number: '10000' },
    ],
    [
      'short province, city and district names',
      '广东深圳南山深南大道10000号',
      { province: '广东省', city: '深圳市', district: '南山区', districtCode: '440305' },
    ],
    [
      'city without its province',
      '深圳市福田区福华一路1号',
      {
        province: '广东省',
        provinceCode: '44',
        cityCode: '4403',
        districtCode: '440304',
        street: '福华一路',
        number: '1',
      },
    ],
    [
      'city name that is also a province name',
      '吉林市船营区',
      { province: '吉林省', city: '吉林市', cityCode: '2202', districtCode: '220204' },
    ],
    [
      'ambiguous district without a city keeps only the name',
      '朝阳区建国路88号',
      { district: '朝阳区', street: '建国路', number: '88' },
    ],
    [
      'country prefix and postcode',
      '中国广东省深圳市南山区粤海街道科技南路16号 518057',
      {
        districtCode: '440305',
        street: '科技南路',
        number: '16',
        postcode: '518057',
        full: '广东省深圳市南山区粤海街道科技南路16号',
      },
    ],
    [
      'code table written literally',
      '北京市市辖区东城区东长安街1号',
      { districtCode: '110101', street: '东长安街', number: '1', full: '北京市东城区东长安街1号' },
    ],
    [
      'county-level city under its province',
      '湖北省仙桃市干河街道',
      {
        province: '湖北省',
        city: '仙桃市',
        cityCode: '4290',
        districtCode: '429004',
        detail: '干河街道',
      },
    ],
    [
      'Hong Kong street with a section',
      '香港特别行政区中西区德辅道中100号',
      { provinceCode: '81', street: '德辅道中', number: '100', country: 'HK' },
    ],
  ])('%s', (_, input, expected) => {
    expect(normalizeAddress(input)).toMatchObject(expected);
  });

  it('does not guess a city for an ambiguous district', () => {
    const address = normalizeAddress('朝阳区建国路88号');
    expect(address).not.toHaveProperty('districtCode');
    expect(address).not.toHaveProperty('city');
  });
});

describe('normalizeAddress: structured', () => {
  it.each<Case>([
    [
      'the given city settles an ambiguous district',
      { city: '北京', line1: '朝阳区建国路88号' },
      {
        province: '北京市',
        districtCode: '110105',
        street: '建国路',
        number: '88',
        full: '北京市朝阳区建国路88号',
      },
    ],
    [
      'fields repeated in line1',
      {
        province: '广东省',
        city: '深圳市',
        district: '南山区',
        line1: '广东省深圳市南山区深南大道10000号',
        postcode: '518057',
      },
      { full: '广东省深圳市南山区深南大道10000号', postcode: '518057', districtCode: '440305' },
    ],
    [
      'FEBRL row',
      {
        line1: '7 wallaby place',
        line2: 'delmar',
        city: 'cleveland',
        postcode: '2119',
        province: 'sa',
      },
      {
        number: '7',
        street: 'wallaby place',
        detail: 'delmar',
        city: 'cleveland',
        province: 'sa',
        postcode: '2119',
        full: '7wallabyplacedelmarclevelandsa',
      },
    ],
    [
      'abbreviated street type and country',
      {
        line1: '12B Smith St.',
        city: 'Sydney',
        province: 'NSW',
        postcode: '2000',
        country: 'Australia',
      },
      { number: '12b', street: 'smith street', city: 'sydney', province: 'nsw', country: 'AU' },
    ],
    [
      'a saint is not a street type',
      { line1: 'st james road', city: 'london' },
      { street: 'st james road' },
    ],
    [
      'unit prefix goes to detail',
      { line1: 'unit 5 7 wallaby pl', line2: 'rose court' },
      { number: '7', street: 'wallaby place', detail: 'unit 5 rose court' },
    ],
    [
      'European number after the street',
      { line1: 'Hauptstraße 5', city: 'München', country: 'DE' },
      { number: '5', street: 'hauptstrasse', city: 'munchen', country: 'DE' },
    ],
    ['postcode only', { postcode: '2119' }, { postcode: '2119', full: '' }],
  ])('%s', (_, input, expected) => {
    expect(normalizeAddress(input)).toMatchObject(expected);
  });
});

describe('normalizeAddress: Western free text and empty input', () => {
  it('reads the first part as the line and a trailing number as the postcode', () => {
    expect(normalizeAddress('7 Wallaby Place, Delmar, Cleveland 2119')).toMatchObject({
      number: '7',
      street: 'wallaby place',
      detail: 'delmar cleveland',
      postcode: '2119',
    });
  });

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['blank text', '   '],
    ['empty object', {}],
    ['blank fields', { line1: ' ', city: '' }],
    ['not an address', 42],
  ])('returns undefined for %s', (_, input) => {
    expect(normalizeAddress(input as StructuredAddress)).toBeUndefined();
  });
});

describe('normalizeAddress properties', () => {
  const part = (values: string[]) => fc.constantFrom(...values);
  const chinese = fc
    .tuple(
      part(['广东省', '广东', '北京市', '北京', '上海', '浙江省', '']),
      part(['深圳市', '杭州', '广州市', '']),
      part(['南山区', '西湖区', '朝阳区', '福田', '']),
      part(['深南大道', '建国路', '文三路', '科技园', '']),
      part(['10000号', '88号', '5号楼1201室', '', '腾讯大厦']),
    )
    .map((parts) => parts.join(''));

  it('is idempotent on the full form of Chinese addresses', () => {
    fc.assert(
      fc.property(chinese, (text) => {
        const once = normalizeAddress(text);
        if (once?.full) expect(normalizeAddress(once.full)?.full).toBe(once.full);
      }),
    );
  });

  it('never throws on arbitrary strings or fields', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), fc.string(), (a, b, c) => {
        normalizeAddress(a);
        normalizeAddress({ line1: a, city: b, province: c, postcode: b });
      }),
    );
  });
});
