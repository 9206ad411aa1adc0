/**
 * Chinese (Han) person names: honorific removal, family / given split with compound surnames, and
 * pinyin with surname readings for the family name.
 */
import { COMPOUND_SURNAMES, HAN_HONORIFICS, type HanHonorific } from './name-tables';
import type { NameParts } from './name-parts';
import { hanPinyin } from './text';

/** Separators in transliterated names (阿依古丽·买买提); such names have no family name to split off. */
const NAME_DOT = /[·•・‧.]/u;
const NAME_DOTS = /[·•・‧.]/gu;

export function isBareSurname(value: string): boolean {
  return [...value].length === 1 || COMPOUND_SURNAMES.has(value);
}

/** 王先生 → 王 + 先生; 张总 → 张 + 总; 张志总 stays (a one-character title needs a bare surname). */
export function stripHanHonorific(name: string): { rest: string; honorific?: HanHonorific } {
  for (const honorific of HAN_HONORIFICS) {
    const { suffix } = honorific;
    // A bare 先生 / 女士 is a salutation without a name, not a person called 先 生.
    if (name === suffix && !honorific.bareSurnameOnly) return { rest: '', honorific };
    if (name.length <= suffix.length || !name.endsWith(suffix)) continue;
    const rest = name.slice(0, -suffix.length);
    if (!honorific.bareSurnameOnly || isBareSurname(rest)) return { rest, honorific };
  }
  return { rest: name };
}

/** 欧阳娜娜 → 欧阳 + 娜娜; 张伟 → 张 + 伟. Code points, so a surname outside the BMP is one character. */
export function splitHanName(name: string): { family: string; given: string } {
  const chars = [...name];
  const firstTwo = chars.slice(0, 2).join('');
  const familyLength = COMPOUND_SURNAMES.has(firstTwo) ? 2 : 1;
  return {
    family: chars.slice(0, familyLength).join(''),
    given: chars.slice(familyLength).join(''),
  };
}

/** Pinyin parts of an already split Han name. */
export function hanNameParts(family: string, given: string): NameParts {
  const familySyllables = hanPinyin(family, true);
  const givenSyllables = hanPinyin(given);
  return {
    family: family || undefined,
    given: given || undefined,
    familyPinyin: family ? familySyllables.join('') : undefined,
    givenPinyin: given ? givenSyllables.join('') : undefined,
    syllables: [...familySyllables, ...givenSyllables],
    surnameOnly: Boolean(family) && !given,
  };
}

/** A whole Han name without spaces: 张伟, 張偉先生 (already simplified), 欧阳娜娜, 阿依古丽·买买提. */
export function parseHanName(name: string): NameParts {
  const { rest, honorific } = stripHanHonorific(name);
  if (!rest) return { syllables: [], surnameOnly: false, gender: honorific?.gender };
  if (NAME_DOT.test(rest)) {
    return {
      syllables: [...hanPinyin(rest.replace(NAME_DOTS, ''))],
      surnameOnly: false,
      gender: honorific?.gender,
    };
  }
  const { family, given } = splitHanName(rest);
  return { ...hanNameParts(family, given), gender: honorific?.gender };
}
