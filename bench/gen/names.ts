/** Chinese personal names: drawing them by frequency, and the forms channels write them in. */
import type { Gender } from './identifiers';
import type { Rng } from './prng';
import type { ReferenceData } from './reference-data';
import { capitalize, surnamePinyin, textPinyin } from './script';

/** Given name of one (about one in seven) or two characters, drawn by per-gender frequency. */
export function drawGivenName(rng: Rng, ref: ReferenceData, gender: Gender): string {
  const table = ref.givenChars[gender];
  const first = table.sample(rng);
  return rng.chance(0.14) ? first : first + table.sample(rng);
}

/** A second given name for a sibling: shares the generation character half of the time. */
export function drawSiblingGivenName(
  rng: Rng,
  ref: ReferenceData,
  gender: Gender,
  sibling: string,
): string {
  for (;;) {
    const name =
      sibling.length === 2 && rng.chance(0.5)
        ? sibling[0] + ref.givenChars[gender].sample(rng)
        : drawGivenName(rng, ref, gender);
    if (name !== sibling) return name;
  }
}

/** The most frequent full names in China's household registration statistics. */
// prettier-ignore
export const COMMON_FULL_NAMES: ReadonlyArray<readonly [string, string, Gender]> = [
  ['张', '伟', 'M'], ['王', '伟', 'M'], ['王', '芳', 'F'], ['李', '伟', 'M'], ['李', '娜', 'F'],
  ['张', '敏', 'F'], ['李', '静', 'F'], ['王', '静', 'F'], ['刘', '伟', 'M'], ['王', '秀英', 'F'],
  ['张', '丽', 'F'], ['李', '秀英', 'F'], ['王', '丽', 'F'], ['张', '静', 'F'], ['张', '秀英', 'F'],
  ['李', '强', 'M'], ['王', '敏', 'F'], ['李', '敏', 'F'], ['王', '磊', 'M'], ['刘', '洋', 'M'],
  ['王', '艳', 'F'], ['王', '勇', 'M'], ['李', '军', 'M'], ['张', '勇', 'M'], ['李', '杰', 'M'],
  ['张', '杰', 'M'], ['张', '磊', 'M'], ['王', '强', 'M'], ['李', '娟', 'F'], ['王', '军', 'M'],
  ['张', '艳', 'F'], ['张', '涛', 'M'], ['王', '涛', 'M'], ['李', '艳', 'F'], ['王', '超', 'M'],
  ['李', '明', 'M'], ['李', '勇', 'M'], ['王', '娟', 'F'], ['刘', '杰', 'M'], ['陈', '静', 'F'],
];

export type PinyinStyle = 'familyFirstTitle' | 'givenFirstUpper' | 'givenFirstTitle' | 'lower';

/** Romanised forms: "Zhang Wei", "WEI ZHANG", "Xiaoming Zhang", "zhang xiaoming". */
export function pinyinName(surname: string, given: string, style: PinyinStyle): string {
  const family = capitalize(surnamePinyin(surname).join(''));
  const givenLatin = capitalize(textPinyin(given).join(''));
  switch (style) {
    case 'familyFirstTitle':
      return `${family} ${givenLatin}`;
    case 'givenFirstUpper':
      return `${givenLatin} ${family}`.toUpperCase();
    case 'givenFirstTitle':
      return `${givenLatin} ${family}`;
    case 'lower':
      return `${family} ${givenLatin}`.toLowerCase();
  }
}

export function pinyinParts(surname: string, given: string): { family: string; given: string } {
  return {
    family: capitalize(surnamePinyin(surname).join('')),
    given: capitalize(textPinyin(given).join('')),
  };
}

/** 王先生 / 李女士 / 陈小姐: all a call-centre agent may note. */
export function honorificName(
  rng: Rng,
  surname: string,
  gender: Gender,
  birthYear: number,
): string {
  if (gender === 'M') return `${surname}先生`;
  return birthYear >= 1990 && rng.chance(0.4) ? `${surname}小姐` : `${surname}女士`;
}
