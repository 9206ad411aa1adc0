import { parseDivisions } from './address-divisions';

describe('parseDivisions', () => {
  it.each<[string, string | undefined, string | undefined, string | undefined, string]>([
    ['广东省深圳市南山区深南大道', '44', '4403', '440305', '深南大道'],
    ['广东深圳南山深南大道', '44', '4403', '440305', '深南大道'],
    ['深圳市南山区', '44', '4403', '440305', ''],
    ['北京朝阳区建国路', '11', '1101', '110105', '建国路'],
    ['北京北京市朝阳区建国路', '11', '1101', '110105', '建国路'],
    ['北京市市辖区东城区', '11', '1101', '110101', ''],
    ['重庆市万州区', '50', '5001', '500101', ''],
    ['吉林市船营区', '22', '2202', '220204', ''],
    ['吉林省长春市朝阳区', '22', '2201', '220104', ''],
    ['南山区深南大道', undefined, undefined, undefined, '深南大道'],
    ['建国路88号', undefined, undefined, undefined, '建国路88号'],
    ['广东省广东省深圳市', '44', '4403', undefined, ''],
  ])('%s', (text, province, city, district, rest) => {
    const parse = parseDivisions(text);
    expect(parse.province?.code).toBe(province);
    expect(parse.city?.code).toBe(city);
    expect(parse.district?.code).toBe(district);
    expect(parse.rest).toBe(rest);
  });

  it('keeps the name of an ambiguous district', () => {
    expect(parseDivisions('朝阳区建国路')).toMatchObject({
      districtName: '朝阳区',
      rest: '建国路',
    });
  });
});
