/**
 * Text primitives shared by every normaliser: Unicode and width folding, traditional → simplified,
 * Han detection, Latin folding and toneless pinyin. Pure functions; the converters are built once.
 */
import { Converter } from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { memoizeByString } from './string-memo';

/**
 * 'hk' → 'cn' rather than 't' or 'tw': it also folds the Hong Kong variant forms seen in names
 * (衞 → 卫) and, unlike 'tw', leaves the simplified 著 alone, so already-simplified text passes
 * through unchanged (normalisation stays idempotent).
 */
const toSimplifiedConverter = Converter({ from: 'hk', to: 'cn' });

/**
 * Distinct names, words and place names remembered per pinyin reading (see memoizeByString). Over
 * one worker's half of a 400,000-row import, 10,000 gave 76 % hits and 50,000 gave 80 %, but at
 * 50,000 the workers peaked at 576-593 MB in a 1,000,000-row import (by estimate some 200 MB of it
 * the full memos), against 422-427 MB at 10,000.
 */
const PINYIN_MEMO_CAPACITY = 10_000;
/** Distinct field values remembered by normalizeText: 50 % hits at 10,000, 53 % at 50,000. */
const TEXT_MEMO_CAPACITY = 10_000;

const WHITESPACE = /\s+/gu;
/** Control and format characters (zero-width spaces, BOM, bidi marks) that copy-paste leaves behind. */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
const HAN = /\p{Script=Han}/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;
const COMBINING_MARK = /\p{M}/gu;

/**
 * NFKC (which also folds full-width ASCII, the ideographic space and full-width brackets to their
 * half-width forms), whitespace collapsed to single spaces, invisible characters removed,
 * traditional → simplified, trimmed.
 */
export const normalizeText: (value: string) => string = memoizeByString((value) => {
  const folded = value.normalize('NFKC').replace(WHITESPACE, ' ').replace(INVISIBLE, '');
  return toSimplified(folded).trim();
}, TEXT_MEMO_CAPACITY);

/** Traditional (including Hong Kong and Taiwan variants) → simplified Chinese; other text unchanged. */
export function toSimplified(value: string): string {
  return HAN.test(value) ? toSimplifiedConverter(value) : value;
}

export function hasHan(value: string): boolean {
  return HAN.test(value);
}

export function isAllHan(value: string): boolean {
  return HAN_ONLY.test(value);
}

/** Lower-case Latin without diacritics: "Müller" → "muller", "José" → "jose", "Straße" → "strasse". */
export function foldLatin(value: string): string {
  return value
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/[øœ]/g, 'o')
    .replace(/đ/g, 'd')
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(COMBINING_MARK, '')
    .normalize('NFC');
}

function computeHanPinyin(han: string, asSurname: boolean): readonly string[] {
  const syllables = pinyin(han, {
    toneType: 'none',
    type: 'array',
    v: true,
    nonZh: 'removed',
    surname: asSurname ? 'all' : 'off',
  });
  return Object.freeze(syllables.map((syllable) => syllable.trim().toLowerCase()).filter(Boolean));
}

const surnamePinyin = memoizeByString((han) => computeHanPinyin(han, true), PINYIN_MEMO_CAPACITY);
const wordPinyin = memoizeByString((han) => computeHanPinyin(han, false), PINYIN_MEMO_CAPACITY);

/**
 * Toneless lower-case pinyin, one syllable per Han character; other characters are skipped.
 * `asSurname` applies the surname readings (单 shan, 曾 zeng, 区 ou) and should be used for the
 * family name only. A character without a reading is returned as itself so identical names still agree.
 */
export function hanPinyin(han: string, asSurname = false): readonly string[] {
  if (!han) return [];
  return asSurname ? surnamePinyin(han) : wordPinyin(han);
}
