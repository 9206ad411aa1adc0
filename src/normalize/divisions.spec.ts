import { divisionByCode, divisionsNamed, matchDivisionAt, shortDivisionName } from './divisions';

describe('shortDivisionName', () => {
  it.each<[string, 'province' | 'city' | 'district', string]>([
    ['北京市', 'province', '北京'],
    ['广东省', 'province', '广东'],
    ['广西壮族自治区', 'province', '广西'],
    ['内蒙古自治区', 'province', '内蒙古'],
    ['新疆维吾尔自治区', 'province', '新疆'],
    ['香港特别行政区', 'province', '香港'],
    ['深圳市', 'city', '深圳'],
    ['延边朝鲜族自治州', 'city', '延边'],
    ['海西蒙古族藏族自治州', 'city', '海西'],
    ['大兴安岭地区', 'city', '大兴安岭'],
    ['锡林郭勒盟', 'city', '锡林郭勒'],
    ['南山区', 'district', '南山'],
    ['浦东新区', 'district', '浦东'],
    ['神农架林区', 'district', '神农架'],
    ['东乡族自治县', 'district', '东乡'],
    ['管城回族区', 'district', '管城'],
    ['东区', 'district', '东区'],
    ['单县', 'district', '单县'],
  ])('%s (%s) → %s', (name, level, expected) => {
    expect(shortDivisionName(name, level)).toBe(expected);
  });
});

describe('division index', () => {
  it('finds divisions by code', () => {
    expect(divisionByCode('440305')).toMatchObject({
      name: '南山区',
      cityCode: '4403',
      provinceCode: '44',
    });
    expect(divisionByCode('1101')).toMatchObject({ name: '市辖区', pseudo: true });
    expect(divisionByCode('81')).toMatchObject({ name: '香港特别行政区', short: '香港' });
  });

  it('lists every division of an ambiguous name', () => {
    const codes = divisionsNamed('朝阳区').map((entry) => entry.division.code);
    expect(codes.sort()).toEqual(['110105', '220104']);
  });

  it('does not index pseudo cities or township codes', () => {
    expect(divisionsNamed('市辖区')).toEqual([]);
    expect(divisionsNamed('东城街道')).toEqual([]);
  });

  it.each<[string, number, string[] | undefined]>([
    ['广东省深圳市', 3, ['44']],
    ['吉林市船营区', 3, ['2202']],
    ['朝阳区建国路', 3, ['110105', '220104']],
    ['朝阳市', 3, ['2113']],
    ['华为技术', 0, undefined],
  ])('matches the longest name at the start of %s', (text, length, codes) => {
    const match = matchDivisionAt(text, 0, () => true);
    expect(match?.length ?? 0).toBe(length);
    expect(match?.divisions.map((d) => d.code).sort()).toEqual(codes);
  });

  it('does not take a short name that runs into another suffix (朝阳 + 区)', () => {
    const match = matchDivisionAt('朝阳区', 0, (entry) => entry.division.level === 'city');
    expect(match).toBeUndefined();
  });
});
