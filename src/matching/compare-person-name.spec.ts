import fc from 'fast-check';
import type { NormalizedPersonName } from '../normalize/normalized-record';
import { comparePersonNames, containsHan } from './compare-person-name';

/** A name as the normaliser produces it; pinyin defaults to the Latin text itself. */
function name(
  family: string | undefined,
  given: string | undefined,
  pinyin: { family?: string; given?: string } = {},
  surnameOnly = false,
): NormalizedPersonName {
  const han = containsHan((family ?? '') + (given ?? ''));
  const familyPinyin = pinyin.family ?? (han ? undefined : family?.replace(/\W/g, ''));
  const givenPinyin = pinyin.given ?? (han ? undefined : given?.replace(/\W/g, ''));
  return {
    display: [family, given].filter(Boolean).join(han ? '' : ' '),
    script: han ? 'han' : 'latin',
    family,
    given,
    familyPinyin,
    givenPinyin,
    pinyinKey: [familyPinyin, givenPinyin].filter(Boolean).sort().join(''),
    surnameOnly,
  };
}

const zhangWei = name('张', '伟', { family: 'zhang', given: 'wei' });

describe('comparePersonNames', () => {
  it.each([
    ['identical Han names', zhangWei, zhangWei, 'exact', 'exact', false],
    [
      'Han vs pinyin spelling (张伟 / Zhang Wei)',
      zhangWei,
      name('zhang', 'wei'),
      'pinyin',
      'pinyin',
      false,
    ],
    [
      'homophone characters (张伟 / 章伟)',
      zhangWei,
      name('章', '伟', { family: 'zhang', given: 'wei' }),
      'pinyin',
      'exact',
      false,
    ],
    [
      'different Han family names never "close" (黄 / 王)',
      name('黄', '伟', { family: 'huang', given: 'wei' }),
      name('王', '伟', { family: 'wang', given: 'wei' }),
      'different',
      'exact',
      false,
    ],
    [
      'one-character input-method slip in a given name (小明 / 小敏)',
      name('王', '小明', { family: 'wang', given: 'xiaoming' }),
      name('王', '小敏', { family: 'wang', given: 'xiaomin' }),
      'exact',
      'close',
      false,
    ],
    [
      'siblings sharing a generation character (小明 / 小红)',
      name('王', '小明', { family: 'wang', given: 'xiaoming' }),
      name('王', '小红', { family: 'wang', given: 'xiaohong' }),
      'exact',
      'different',
      false,
    ],
    [
      'surname-only record (王先生)',
      name('王', undefined, { family: 'wang' }, true),
      name('王', '伟', { family: 'wang', given: 'wei' }),
      'exact',
      'missing',
      false,
    ],
    [
      'Western typo',
      name('mccarthy', 'harley'),
      name('mccarthy', 'haryley'),
      'exact',
      'close',
      false,
    ],
    [
      'one letter in a short name',
      name('koebut', 'brad'),
      name('korbut', 'brad'),
      'close',
      'exact',
      false,
    ],
    ['nickname prefix', name('smith', 'rob'), name('smith', 'robert'), 'exact', 'partial', false],
    ['initial', name('smith', 'r'), name('smith', 'robert'), 'exact', 'partial', false],
    [
      'hyphen / space variant',
      name('smith', 'mary ann'),
      name('smith', 'mary-ann'),
      'exact',
      'normalized',
      false,
    ],
    ['swapped order', name('madeline', 'mason'), name('mason', 'madeline'), 'exact', 'exact', true],
    [
      'swapped order with a typo',
      name('masno', 'madeline'),
      name('mason', 'madeline'),
      'close',
      'exact',
      false,
    ],
    [
      'swapped and mistyped',
      name('shepherdosn', 'harvey'),
      name('harvey', 'shepherdson'),
      'close',
      'exact',
      true,
    ],
    [
      'different people',
      name('green', 'mitchell'),
      name('mason', 'madeline'),
      'different',
      'different',
      false,
    ],
    [
      'missing given name',
      name('green', undefined),
      name('green', 'mitchell'),
      'exact',
      'missing',
      false,
    ],
  ])('%s', (_, a, b, family, given, swapped) => {
    expect(comparePersonNames(a, b)).toEqual({ family, given, swapped });
    expect(comparePersonNames(b, a)).toEqual({ family, given, swapped });
  });

  it('compares names known only as a whole by their pinyin key', () => {
    const whole = (display: string, key: string): NormalizedPersonName => ({
      display,
      script: 'latin',
      pinyinKey: key,
      surnameOnly: false,
    });
    expect(comparePersonNames(whole('Madonna', 'madonna'), whole('Madonna', 'madonna'))).toEqual({
      family: 'exact',
      given: 'exact',
      swapped: false,
    });
    expect(comparePersonNames(whole('Cher', 'cher'), name('smith', 'anna'))).toEqual({
      family: 'different',
      given: 'different',
      swapped: false,
    });
  });

  it('is symmetric', () => {
    const part = fc.constantFrom(
      'zhang',
      'wang',
      'wei',
      'smith',
      'smyth',
      'john',
      'jon',
      'ann',
      'r',
    );
    const arbitraryName = fc
      .tuple(fc.option(part, { nil: undefined }), fc.option(part, { nil: undefined }), fc.boolean())
      .map(([family, given, surnameOnly]) => name(family, given, {}, surnameOnly && !given));
    fc.assert(
      fc.property(arbitraryName, arbitraryName, (a, b) => {
        expect(comparePersonNames(a, b)).toEqual(comparePersonNames(b, a));
      }),
    );
  });
});
