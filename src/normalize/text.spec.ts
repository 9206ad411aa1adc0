import fc from 'fast-check';
import { foldLatin, hanPinyin, hasHan, isAllHan, normalizeText, toSimplified } from './text';

describe('normalizeText', () => {
  it.each([
    ['folds full-width letters and digits', 'ＡＢＣ１２３', 'ABC123'],
    ['turns the ideographic space into a space', '张\u3000伟', '张 伟'],
    ['collapses and trims whitespace', '  a \t\n b  ', 'a b'],
    ['removes zero-width characters and the BOM', '\ufeff张\u200b伟', '张伟'],
    ['converts traditional to simplified', '張偉', '张伟'],
    ['converts Hong Kong variants', '衞', '卫'],
    ['folds full-width brackets', '华为（北京）', '华为(北京)'],
    ['leaves simplified text alone', '著名的黄河', '著名的黄河'],
    ['leaves Latin text alone', 'Zhang Wei', 'Zhang Wei'],
    ['returns empty for whitespace only', ' \u3000 ', ''],
  ])('%s', (_, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (value) => {
        const once = normalizeText(value);
        expect(normalizeText(once)).toBe(once);
      }),
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (value) => void normalizeText(value)));
  });
});

describe('toSimplified', () => {
  it.each([
    ['陳', '陈'],
    ['黃', '黄'],
    ['歐陽', '欧阳'],
    ['華為技術', '华为技术'],
    ['廣東省深圳市', '广东省深圳市'],
  ])('%s → %s', (input, expected) => {
    expect(toSimplified(input)).toBe(expected);
  });
});

describe('Han detection', () => {
  it.each([
    ['张伟', true, true],
    ['张伟 David', true, false],
    ['Zhang Wei', false, false],
    ['𠀀', true, true],
    ['', false, false],
  ])('%s: hasHan %s, isAllHan %s', (input, han, allHan) => {
    expect(hasHan(input)).toBe(han);
    expect(isAllHan(input)).toBe(allHan);
  });
});

describe('foldLatin', () => {
  it.each([
    ['Müller', 'muller'],
    ['Lǚ', 'lu'],
    ['José', 'jose'],
    ['Straße', 'strasse'],
    ['Søren', 'soren'],
    ['ZHANG', 'zhang'],
  ])('%s → %s', (input, expected) => {
    expect(foldLatin(input)).toBe(expected);
  });
});

describe('hanPinyin', () => {
  it.each([
    ['张伟', false, ['zhang', 'wei']],
    ['单', true, ['shan']],
    ['曾', true, ['zeng']],
    ['区', true, ['ou']],
    ['长孙', true, ['zhang', 'sun']],
    ['吕', false, ['lv']],
    ['张伟abc', false, ['zhang', 'wei']],
    ['', false, []],
  ])('%s (surname %s) → %j', (input, asSurname, expected) => {
    expect(hanPinyin(input, asSurname)).toEqual(expected);
  });
});
