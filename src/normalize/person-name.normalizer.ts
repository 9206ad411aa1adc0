/**
 * Person names → NormalizedPersonName. Han names are split into family / given (compound surnames
 * aware) and read in pinyin; Latin names keep their family / given when the order can be told; every
 * name gets an order-independent pinyin key so 张伟, 張偉, "Zhang Wei" and "WEI ZHANG" meet.
 */
import type { NameScript, NormalizedPersonName } from './normalized-record';
import type { NameParts } from './name-parts';
import { parseHanName } from './han-name';
import { latinPart, parseLatinName } from './latin-name';
import { hanPinyin, hasHan, normalizeText } from './text';

export interface PersonNameInput {
  name?: string;
  givenName?: string;
  familyName?: string;
}

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;
const OTHER_LETTER = /(?![\p{Script=Han}\p{Script=Latin}])\p{L}/u;
const SPACE_BETWEEN_HAN = /(\p{Script=Han})\s+(?=\p{Script=Han})/gu;
const DOT_BETWEEN_HAN = /(\p{Script=Han})\s*[·•・‧.]\s*(?=\p{Script=Han})/gu;
/** Digits and stray punctuation in a Han name are noise (张伟2, 张伟。). */
const NOT_HAN_NAME = /[^\p{Script=Han}·]/gu;
const HAN_RUN = /\p{Script=Han}+(?:·\p{Script=Han}+)*/gu;

/** Normalised text with the spaces inside Han names removed (张 伟 → 张伟) and name dots unified. */
function cleanName(value: string | undefined): string {
  if (!value) return '';
  return normalizeText(value).replace(DOT_BETWEEN_HAN, '$1·').replace(SPACE_BETWEEN_HAN, '$1');
}

export function detectScript(text: string): NameScript {
  const han = HAN.test(text);
  const latin = LATIN.test(text);
  if (OTHER_LETTER.test(text)) return 'other';
  if (han && latin) return 'mixed';
  if (han) return 'han';
  return latin ? 'latin' : 'other';
}

/** "张伟 David": the Han run carries the family / given split, every part feeds the key. */
function parseMixedName(display: string): NameParts {
  const runs = display.match(HAN_RUN) ?? [];
  const latin = parseLatinName(display.replace(HAN_RUN, ' '));
  const latinSyllables = latin?.syllables ?? [];
  if (runs.length !== 1) {
    const syllables = [...runs.flatMap((run) => hanPinyin(run)), ...latinSyllables];
    return { syllables, surnameOnly: false, gender: latin?.gender };
  }
  const han = parseHanName(runs[0]);
  return {
    ...han,
    syllables: [...han.syllables, ...latinSyllables],
    gender: han.gender ?? latin?.gender,
  };
}

function parseFreeName(display: string, script: NameScript): NameParts | undefined {
  switch (script) {
    case 'han':
      return parseHanName(display.replace(NOT_HAN_NAME, ''));
    case 'mixed':
      return parseMixedName(display);
    case 'latin':
    case 'other':
      return parseLatinName(display);
  }
}

function namePart(value: string, asSurname: boolean) {
  if (!hasHan(value)) return latinPart(value);
  const han = value.replace(/\s+/gu, '');
  const syllables = hanPinyin(han, asSurname);
  return { text: han, pinyin: syllables.join(''), syllables };
}

/** Family and given names from their own fields: kept as given, never re-split or reordered. */
function parseStructuredName(family: string, given: string): NameParts {
  const familyPart = namePart(family, true);
  const givenPart = namePart(given, false);
  return {
    family: familyPart.text || undefined,
    given: givenPart.text || undefined,
    familyPinyin: familyPart.text ? familyPart.pinyin : undefined,
    givenPinyin: givenPart.text ? givenPart.pinyin : undefined,
    syllables: [...familyPart.syllables, ...givenPart.syllables],
    surnameOnly: Boolean(familyPart.text) && !givenPart.text,
  };
}

function structuredDisplay(family: string, given: string): string {
  if (hasHan(family) && (!given || hasHan(given))) return family + given;
  return [given, family].filter(Boolean).join(' ');
}

/** The pinyin key: syllables sorted, so the order of family and given name does not matter. */
export function pinyinKey(syllables: readonly string[]): string {
  return [...syllables].sort().join('');
}

function toNormalized(display: string, parts: NameParts): NormalizedPersonName {
  const result: NormalizedPersonName = {
    display,
    script: detectScript(display),
    pinyinKey: pinyinKey(parts.syllables),
    surnameOnly: parts.surnameOnly,
  };
  if (parts.family !== undefined) result.family = parts.family;
  if (parts.given !== undefined) result.given = parts.given;
  if (parts.familyPinyin !== undefined) result.familyPinyin = parts.familyPinyin;
  if (parts.givenPinyin !== undefined) result.givenPinyin = parts.givenPinyin;
  return result;
}

/**
 * Undefined when no name is given or nothing name-like is left (only punctuation or a title).
 * Separate family / given fields win over splitting `name`; `name` then only supplies the display.
 */
export function normalizePersonName(input: PersonNameInput): NormalizedPersonName | undefined {
  const family = cleanName(input.familyName);
  const given = cleanName(input.givenName);
  const name = cleanName(input.name);
  let display: string;
  let parts: NameParts | undefined;
  if (family || given) {
    display = name || structuredDisplay(family, given);
    parts = parseStructuredName(family, given);
  } else {
    display = name;
    parts = name ? parseFreeName(name, detectScript(name)) : undefined;
  }
  if (!parts || parts.syllables.length === 0) return undefined;
  return toNormalized(display, parts);
}

/** The gender an honorific in a free-text name implies (王先生 → M, Mrs Smith → F). */
export function honorificGender(name: string | undefined): NameParts['gender'] {
  const display = cleanName(name);
  if (!display) return undefined;
  return parseFreeName(display, detectScript(display))?.gender;
}
