import { hanRegion, hanRegionPrefix, latinRegion, placeRunStart } from './org-region';

describe('org regions', () => {
  it.each([
    ['北京', '北京'],
    ['北京市', '北京'],
    ['深圳', '深圳'],
    ['广东省', '广东'],
    ['中国', '中国'],
    ['南山区', undefined],
    ['华为', undefined],
  ])('hanRegion(%s) → %s', (text, region) => {
    expect(hanRegion(text)).toBe(region);
  });

  it.each([
    ['北京华为', { region: '北京', length: 2 }],
    ['北京市华为', { region: '北京', length: 3 }],
    ['中国工商银行', { region: '中国', length: 2 }],
    ['华为北京', undefined],
  ])('hanRegionPrefix(%s)', (text, expected) => {
    expect(hanRegionPrefix(text)).toEqual(expected);
  });

  it.each([
    ['beijing', '北京'],
    ['shanghai', '上海'],
    ['hong kong', '香港'],
    ['shaanxi', '陕西'],
    ['shanxi', '山西'],
    ['china', '中国'],
    ['acme', undefined],
  ])('latinRegion(%s) → %s', (text, region) => {
    expect(latinRegion(text)).toBe(region);
  });

  it.each([
    ['华为技术深圳龙岗', 8, 4],
    ['华为技术北京', 6, 4],
    ['华为技术', 4, 4],
  ])('placeRunStart(%s, %s) → %s', (text, end, start) => {
    expect(placeRunStart(text, end)).toBe(start);
  });
});
