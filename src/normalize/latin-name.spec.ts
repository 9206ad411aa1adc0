import type { NameParts } from './name-parts';
import { latinPart, parseLatinName } from './latin-name';

describe('parseLatinName', () => {
  it.each<[string, Partial<NameParts>]>([
    ['Zhang Wei', { family: 'zhang', given: 'wei', syllables: ['zhang', 'wei'] }],
    ['Wei Zhang', { family: 'zhang', given: 'wei' }],
    ['Smith, John', { family: 'smith', given: 'john' }],
    ['Smith, Mr John', { family: 'smith', given: 'john', gender: 'M' }],
    [
      'ZHANG Xiaoming',
      { family: 'zhang', given: 'xiaoming', syllables: ['zhang', 'xiao', 'ming'] },
    ],
    ['John SMITH', { family: 'smith', given: 'john' }],
    ['Mrs Smith', { family: 'smith', surnameOnly: true, gender: 'F' }],
    ['Prof. Dr. Li', { family: 'li', surnameOnly: true, gender: undefined }],
    ['John Smith III', { family: 'smith', given: 'john' }],
    ['Mary-Jane Watson', { family: 'watson', given: 'maryjane' }],
    ['Lü Bu', { family: 'lv', syllables: ['lv', 'bu'] }],
    ['Jürgen Müller', { family: 'muller', given: 'jurgen' }],
  ])('%s', (name, expected) => {
    expect(parseLatinName(name)).toMatchObject(expected);
  });

  it('gives no split for a single word without a title', () => {
    expect(parseLatinName('Madonna')).toEqual({ syllables: ['madonna'], surnameOnly: false });
  });

  it('returns only the gender for a title alone', () => {
    expect(parseLatinName('Mr.')).toEqual({ syllables: [], surnameOnly: false, gender: 'M' });
  });

  it('returns undefined for punctuation only', () => {
    expect(parseLatinName('?? --')).toBeUndefined();
  });
});

describe('latinPart', () => {
  it.each([
    ['Mary Ann', { text: 'mary ann', pinyin: 'maryann', syllables: ['mary', 'ann'] }],
    ['XiaoMing', { text: 'xiaoming', pinyin: 'xiaoming', syllables: ['xiao', 'ming'] }],
  ])('%s', (value, expected) => {
    expect(latinPart(value)).toEqual(expected);
  });
});
