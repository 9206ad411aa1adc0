import { isBareSurname, parseHanName, splitHanName, stripHanHonorific } from './han-name';

describe('splitHanName', () => {
  it.each([
    ['张伟', '张', '伟'],
    ['欧阳娜娜', '欧阳', '娜娜'],
    ['司马相如', '司马', '相如'],
    ['诸葛亮', '诸葛', '亮'],
    ['上官婉儿', '上官', '婉儿'],
    ['尉迟恭', '尉迟', '恭'],
    ['马云', '马', '云'],
    ['𠀀明', '𠀀', '明'],
  ])('%s → %s + %s', (name, family, given) => {
    expect(splitHanName(name)).toEqual({ family, given });
  });
});

describe('stripHanHonorific', () => {
  it.each([
    ['王先生', '王', '先生'],
    ['李女士', '李', '女士'],
    ['张总', '张', '总'],
    ['李工', '李', '工'],
    ['王总经理', '王', '总经理'],
    ['欧阳老师', '欧阳', '老师'],
    ['张志总', '张志总', undefined],
    ['先生', '', '先生'],
    ['张伟', '张伟', undefined],
  ])('%s → %s (%s)', (name, rest, suffix) => {
    const result = stripHanHonorific(name);
    expect(result.rest).toBe(rest);
    expect(result.honorific?.suffix).toBe(suffix);
  });
});

describe('isBareSurname', () => {
  it.each([
    ['王', true],
    ['欧阳', true],
    ['王伟', false],
  ])('%s → %s', (value, expected) => {
    expect(isBareSurname(value)).toBe(expected);
  });
});

describe('parseHanName', () => {
  it('reads the family name with its surname pronunciation', () => {
    expect(parseHanName('曾小贤')).toMatchObject({ familyPinyin: 'zeng', givenPinyin: 'xiaoxian' });
  });

  it('returns the gender an honorific implies', () => {
    expect(parseHanName('陈小姐')).toMatchObject({ family: '陈', surnameOnly: true, gender: 'F' });
  });

  it('does not split a dotted transliteration', () => {
    expect(parseHanName('阿依古丽·买买提')).toEqual({
      syllables: ['a', 'yi', 'gu', 'li', 'mai', 'mai', 'ti'],
      surnameOnly: false,
      gender: undefined,
    });
  });
});
