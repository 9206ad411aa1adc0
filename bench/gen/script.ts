/**
 * Script variants of Chinese text: traditional characters (opencc-js) and toneless pinyin
 * (pinyin-pro). Results for names are cached because the same names recur across records.
 */
import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';

type Convert = (text: string) => string;
interface OpenCc {
  Converter(options: { from: string; to: string }): Convert;
}

// opencc-js publishes no type declarations in its tarball (its "types" path is missing), so it is
// loaded untyped and described by the interface above instead of an ambient module declaration.
const loadCommonJs = createRequire(__filename);
let toTaiwan: Convert | undefined;

/** Simplified → traditional (Taiwan standard, phrase-aware). */
export function toTraditional(text: string): string {
  toTaiwan ??= (loadCommonJs('opencc-js') as OpenCc).Converter({ from: 'cn', to: 'tw' });
  return toTaiwan(text);
}

const surnameCache = new Map<string, string[]>();
const givenCache = new Map<string, string[]>();

/** Syllables of a family name read as a surname: 单 → shan, 曾 → zeng, 欧阳 → ou yang. */
export function surnamePinyin(surname: string): string[] {
  let syllables = surnameCache.get(surname);
  if (syllables === undefined) {
    syllables = pinyin(surname, { surname: 'all', toneType: 'none', type: 'array', v: true });
    surnameCache.set(surname, syllables);
  }
  return syllables;
}

/** Syllables of a given name or any other Han text. */
export function textPinyin(text: string): string[] {
  let syllables = givenCache.get(text);
  if (syllables === undefined) {
    syllables = pinyin(text, { toneType: 'none', type: 'array', v: true });
    givenCache.set(text, syllables);
  }
  return syllables;
}

export function capitalize(word: string): string {
  return word.length === 0 ? word : word[0].toUpperCase() + word.slice(1);
}

const FULL_WIDTH_OFFSET = 0xfee0;

/** ASCII digits and letters → full-width forms (１３８…), as some IMEs type them. */
export function toFullWidth(text: string): string {
  return text.replace(/[0-9A-Za-z]/g, (ch) =>
    String.fromCharCode(ch.charCodeAt(0) + FULL_WIDTH_OFFSET),
  );
}
