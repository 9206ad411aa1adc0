import fc from 'fast-check';
import { isPinyinSyllable, segmentPinyin } from './pinyin-syllables';

describe('segmentPinyin', () => {
  it.each([
    ['zhang', ['zhang']],
    ['xiaoming', ['xiao', 'ming']],
    ['ouyang', ['ou', 'yang']],
    ['changan', ['chan', 'gan']],
    ['xian', ['xian']],
    ['nana', ['na', 'na']],
    ['jianan', ['jia', 'nan']],
    ['zhuangzhuang', ['zhuang', 'zhuang']],
    ['anna', ['an', 'na']],
    ['lv', ['lv']],
    ['lyu', ['lv']],
    ['lue', ['lve']],
    ['jianguo', ['jian', 'guo']],
  ])('%s → %j', (token, expected) => {
    expect(segmentPinyin(token)).toEqual(expected);
  });

  it.each(['smith', 'mitchell', 'green', 'david', 'x', '', 'zhangq'])(
    '%s is not pinyin',
    (token) => {
      expect(segmentPinyin(token)).toBeUndefined();
    },
  );

  it('returns syllables that spell the token (aliases aside)', () => {
    const syllable = fc.constantFrom(
      'zhang',
      'wei',
      'an',
      'xiao',
      'ming',
      'ge',
      'er',
      'ou',
      'yang',
    );
    fc.assert(
      fc.property(fc.array(syllable, { minLength: 1, maxLength: 6 }), (syllables) => {
        const segmented = segmentPinyin(syllables.join(''));
        expect(segmented?.join('')).toBe(syllables.join(''));
        segmented?.forEach((s) => expect(isPinyinSyllable(s)).toBe(true));
      }),
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string(), (value) => void segmentPinyin(value)));
  });
});
