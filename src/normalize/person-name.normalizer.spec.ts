import fc from 'fast-check';
import type { NormalizedPersonName } from './normalized-record';
import {
  honorificGender,
  normalizePersonName,
  type PersonNameInput,
} from './person-name.normalizer';

type Expected = Partial<NormalizedPersonName>;

describe('normalizePersonName: Chinese names', () => {
  it.each<[string, PersonNameInput, Expected]>([
    [
      'simplified',
      { name: '张伟' },
      { family: '张', given: '伟', pinyinKey: 'weizhang', script: 'han' },
    ],
    [
      'traditional',
      { name: '張偉' },
      { display: '张伟', family: '张', given: '伟', pinyinKey: 'weizhang' },
    ],
    ['spaced', { name: '张 伟' }, { display: '张伟', family: '张', given: '伟' }],
    [
      'full-width space',
      { name: '陳\u3000小明' },
      { display: '陈小明', familyPinyin: 'chen', givenPinyin: 'xiaoming' },
    ],
    [
      'compound surname',
      { name: '欧阳娜娜' },
      { family: '欧阳', given: '娜娜', familyPinyin: 'ouyang' },
    ],
    ['compound surname, traditional', { name: '歐陽娜娜' }, { family: '欧阳', given: '娜娜' }],
    ['surname reading of 单', { name: '单雄信' }, { family: '单', familyPinyin: 'shan' }],
    ['surname reading of 曾', { name: '曾国藩' }, { familyPinyin: 'zeng' }],
    ['surname reading of 区', { name: '区志强' }, { familyPinyin: 'ou', givenPinyin: 'zhiqiang' }],
    [
      'honorific 先生',
      { name: '王先生' },
      { family: '王', surnameOnly: true, pinyinKey: 'wang', display: '王先生' },
    ],
    ['honorific 女士', { name: '李女士' }, { family: '李', surnameOnly: true }],
    ['title 总 after a bare surname', { name: '张总' }, { family: '张', surnameOnly: true }],
    [
      'title 经理 after a full name',
      { name: '张伟经理' },
      { family: '张', given: '伟', surnameOnly: false },
    ],
    [
      'compound surname with honorific',
      { name: '欧阳先生' },
      { family: '欧阳', surnameOnly: true },
    ],
    ['one character', { name: '王' }, { family: '王', surnameOnly: true }],
    [
      'transliterated name with a dot',
      { name: '阿依古丽·买买提' },
      { pinyinKey: 'agulimaimaitiyi' },
    ],
    ['ü in pinyin', { name: '吕布' }, { familyPinyin: 'lv', pinyinKey: 'bulv' }],
  ])('%s', (_, input, expected) => {
    expect(normalizePersonName(input)).toMatchObject(expected);
  });
});

describe('normalizePersonName: Latin names', () => {
  it.each<[string, PersonNameInput, Expected]>([
    [
      'pinyin, Chinese order',
      { name: 'Zhang Wei' },
      { family: 'zhang', given: 'wei', pinyinKey: 'weizhang', script: 'latin' },
    ],
    [
      'pinyin, Western order, capitals',
      { name: 'WEI ZHANG' },
      { family: 'zhang', given: 'wei', pinyinKey: 'weizhang' },
    ],
    [
      'comma states the order',
      { name: 'Zhang, Wei' },
      { family: 'zhang', given: 'wei', pinyinKey: 'weizhang' },
    ],
    ['capitalised family name', { name: 'Wei ZHANG' }, { family: 'zhang', given: 'wei' }],
    [
      'one-token given name splits into syllables',
      { name: 'Xiaoming Zhang' },
      { family: 'zhang', givenPinyin: 'xiaoming', pinyinKey: 'mingxiaozhang' },
    ],
    [
      'hyphenated given name',
      { name: 'Xiao-Ming Zhang' },
      { given: 'xiaoming', pinyinKey: 'mingxiaozhang' },
    ],
    [
      'a surname before a given-name syllable',
      { name: 'Wang Fang' },
      { family: 'wang', given: 'fang' },
    ],
    [
      'Western name',
      { name: 'Mary Ann Smith' },
      { family: 'smith', given: 'mary ann', givenPinyin: 'maryann' },
    ],
    [
      'title and surname only',
      { name: 'Mr Wang' },
      { family: 'wang', surnameOnly: true, pinyinKey: 'wang' },
    ],
    [
      'title with dot and full name',
      { name: 'Dr. John Smith Jr.' },
      { family: 'smith', given: 'john' },
    ],
    ['diacritics', { name: 'José Müller' }, { family: 'muller', given: 'jose' }],
    ['pinyin with ü', { name: 'Lü Bu' }, { family: 'lv', pinyinKey: 'bulv' }],
    ['apostrophe', { name: "Sean O'Brien" }, { family: 'obrien' }],
    [
      'FEBRL given and family fields',
      { givenName: 'mitchell', familyName: 'green' },
      { family: 'green', given: 'mitchell', display: 'mitchell green', pinyinKey: 'greenmitchell' },
    ],
    ['family field only', { familyName: 'waller' }, { family: 'waller', surnameOnly: true }],
    [
      'Han fields',
      { familyName: '欧阳', givenName: '娜娜' },
      { display: '欧阳娜娜', family: '欧阳', given: '娜娜', familyPinyin: 'ouyang' },
    ],
    [
      'fields win over the name',
      { name: 'Wei Zhang', familyName: 'Zhang', givenName: 'Wei' },
      { display: 'Wei Zhang', family: 'zhang', given: 'wei' },
    ],
    ['Cyrillic', { name: 'Иван Петров' }, { script: 'other', family: 'петров' }],
  ])('%s', (_, input, expected) => {
    expect(normalizePersonName(input)).toMatchObject(expected);
  });
});

describe('normalizePersonName: keys agree across scripts and orders', () => {
  it.each([
    ['张伟', '張偉', 'Zhang Wei', 'WEI ZHANG', 'Zhang, Wei'],
    ['张小明', '張小明', 'Zhang Xiaoming', 'Xiaoming Zhang', 'XIAO MING ZHANG'],
    ['欧阳娜娜', '歐陽娜娜', 'Ouyang Nana', 'Nana OUYANG', 'ouyang na na'],
  ])('%s', (...names) => {
    const keys = names.map((name) => normalizePersonName({ name })?.pinyinKey);
    expect(new Set(keys).size).toBe(1);
  });
});

describe('normalizePersonName: names without a family / given split', () => {
  it.each<[string, string, string]>([
    ['a dotted transliteration', '阿依古丽·买买提', 'agulimaimaitiyi'],
    ['pinyin whose order cannot be told', 'Li Wei', 'liwei'],
    ['two equally likely surnames', 'Zhang Wang', 'wangzhang'],
    ['a single Latin word', 'Madonna', 'madonna'],
  ])('%s', (_, name, key) => {
    const result = normalizePersonName({ name });
    expect(result?.pinyinKey).toBe(key);
    expect(result).not.toHaveProperty('family');
    expect(result).not.toHaveProperty('given');
  });
});

describe('normalizePersonName: mixed and empty', () => {
  it('keeps the Han split of a mixed name and keys every part', () => {
    expect(normalizePersonName({ name: '张伟 David' })).toMatchObject({
      script: 'mixed',
      family: '张',
      given: '伟',
      pinyinKey: 'davidweizhang',
    });
  });

  it.each<[string, PersonNameInput]>([
    ['nothing', {}],
    ['blank', { name: '   ' }],
    ['punctuation', { name: '???' }],
    ['a title alone', { name: 'Mr.' }],
    ['an honorific alone', { name: '先生' }],
  ])('returns undefined for %s', (_, input) => {
    expect(normalizePersonName(input)).toBeUndefined();
  });
});

describe('honorificGender', () => {
  it.each([
    ['王先生', 'M'],
    ['李女士', 'F'],
    ['陈小姐', 'F'],
    ['Mrs Smith', 'F'],
    ['Mr. Wang', 'M'],
    ['Dr Wang', undefined],
    ['张伟', undefined],
    [undefined, undefined],
  ])('%s → %s', (name, gender) => {
    expect(honorificGender(name)).toBe(gender);
  });
});

describe('normalizePersonName properties', () => {
  const nameLike = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.stringMatching(/^[张王李欧阳陳黃先生女士 ·]{1,6}$/u),
    fc.stringMatching(/^(?:[A-Z][a-z]{1,6} ?){1,3}$/u),
  );

  it('is idempotent on its display form', () => {
    fc.assert(
      fc.property(nameLike, (name) => {
        const once = normalizePersonName({ name });
        if (once) expect(normalizePersonName({ name: once.display })).toEqual(once);
      }),
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.string(),
        fc.string(),
        (name, given, family) => {
          normalizePersonName({ name, givenName: given, familyName: family });
        },
      ),
    );
  });
});
