/**
 * Latin-script (and other alphabetic) person names: titles, "Family, Given" order, and romanised
 * Chinese names whose order is unknown ("Zhang Wei" and "Wei Zhang" are both common).
 */
import type { Gender } from './normalized-record';
import type { NameParts } from './name-parts';
import {
  COMMON_GIVEN_SYLLABLES,
  LATIN_SUFFIXES,
  LATIN_TITLES,
  PINYIN_SURNAMES,
} from './name-tables';
import { segmentPinyin } from './pinyin-syllables';
import { foldLatin } from './text';

interface Token {
  /** Folded: lower-case, no diacritics or punctuation. */
  text: string;
  /** Written in capitals while other tokens are not: "ZHANG Wei" marks the family name. */
  upper: boolean;
}

const SEPARATORS = /[\s.,;:/\\()[\]{}"!?&+*_|<>=~]+/u;
/** Joined, not split: O'Brien → obrien, Smith-Jones → smithjones, Xiao-Ming → xiaoming. */
const JOINERS = /['’`\-‐‑–—]/gu;
const NOT_LETTER = /[^\p{L}]/gu;

const UMLAUT_U = /[üÜǖǘǚǜǕǗǙǛ]/gu;
const HAS_UMLAUT_U = /[üÜǖǘǚǜǕǗǙǛ]/u;

/** Pinyin writes ü as v without diacritics (Lü → lv, 吕); elsewhere ü is u (Müller → muller). */
function foldWord(word: string): string {
  const plain = foldLatin(word).replace(NOT_LETTER, '');
  if (!HAS_UMLAUT_U.test(word)) return plain;
  const pinyin = foldLatin(word.replace(UMLAUT_U, 'v')).replace(NOT_LETTER, '');
  return segmentPinyin(pinyin) ? pinyin : plain;
}

function tokenize(raw: string): Token[] {
  return raw
    .replace(JOINERS, '')
    .split(SEPARATORS)
    .map((word) => ({
      text: foldWord(word),
      upper: word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase(),
    }))
    .filter((token) => token.text.length > 0);
}

/** Removes leading titles and trailing post-nominals; returns the gender a title implies. */
function stripTitles(tokens: Token[]): { tokens: Token[]; title: boolean; gender?: Gender } {
  let start = 0;
  let gender: Gender | undefined;
  while (start < tokens.length && LATIN_TITLES.has(tokens[start].text)) {
    gender ??= LATIN_TITLES.get(tokens[start].text);
    start++;
  }
  let end = tokens.length;
  while (end - start > 1 && LATIN_SUFFIXES.has(tokens[end - 1].text)) end--;
  return { tokens: tokens.slice(start, end), title: start > 0, gender };
}

function surnameScore(token: string): number {
  if (!PINYIN_SURNAMES.has(token)) return 0;
  return COMMON_GIVEN_SYLLABLES.has(token) ? 1 : 2;
}

/** Index of the family-name token, or undefined when the order cannot be told. */
function familyIndex(tokens: Token[], title: boolean): number | undefined {
  if (tokens.length === 1) return title ? 0 : undefined;
  const upper = tokens.filter((token) => token.upper);
  if (upper.length === 1 && upper.length < tokens.length) return tokens.indexOf(upper[0]);
  const allPinyin = tokens.every((token) => segmentPinyin(token.text) !== undefined);
  if (!allPinyin) return tokens.length - 1; // Western order: given names first
  const first = surnameScore(tokens[0].text);
  const last = surnameScore(tokens[tokens.length - 1].text);
  if (first === last) return undefined;
  return first > last ? 0 : tokens.length - 1;
}

function syllablesOf(tokens: Token[]): string[] {
  return tokens.flatMap((token) => segmentPinyin(token.text) ?? [token.text]);
}

function assemble(family: Token[], given: Token[], all: Token[], gender?: Gender): NameParts {
  const hasFamily = family.length > 0;
  return {
    family: hasFamily ? family.map((t) => t.text).join(' ') : undefined,
    given: given.length > 0 ? given.map((t) => t.text).join(' ') : undefined,
    familyPinyin: hasFamily ? family.map((t) => t.text).join('') : undefined,
    givenPinyin: given.length > 0 ? given.map((t) => t.text).join('') : undefined,
    syllables: syllablesOf(all),
    surnameOnly: hasFamily && given.length === 0,
    gender,
  };
}

/** "Family, Given": the comma states the order. */
function parseCommaName(before: string, after: string): NameParts {
  const family = stripTitles(tokenize(before));
  const given = stripTitles(tokenize(after));
  const gender = family.gender ?? given.gender;
  return assemble(family.tokens, given.tokens, [...family.tokens, ...given.tokens], gender);
}

/** Returns undefined when nothing but titles and punctuation is left. */
export function parseLatinName(display: string): NameParts | undefined {
  const comma = display.indexOf(',');
  if (comma > 0 && comma < display.length - 1) {
    const parts = parseCommaName(display.slice(0, comma), display.slice(comma + 1));
    if (parts.family && parts.given) return parts;
  }
  const { tokens, title, gender } = stripTitles(tokenize(display));
  if (tokens.length === 0)
    return gender ? { syllables: [], surnameOnly: false, gender } : undefined;
  const index = familyIndex(tokens, title);
  if (index === undefined) return assemble([], [], tokens, gender);
  const given = tokens.filter((_, i) => i !== index);
  return assemble([tokens[index]], given, tokens, gender);
}

/** Family or given name from its own field: tokens folded and kept in the order written. */
export function latinPart(value: string): { text: string; pinyin: string; syllables: string[] } {
  const tokens = tokenize(value);
  return {
    text: tokens.map((t) => t.text).join(' '),
    pinyin: tokens.map((t) => t.text).join(''),
    syllables: syllablesOf(tokens),
  };
}
