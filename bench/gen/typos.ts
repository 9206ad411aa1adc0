/**
 * Typing mistakes. Han text gets what a pinyin IME produces (a homophone picked from the
 * candidate list) or a dropped character; digits and Latin text get substitutions, swaps, drops.
 */
import type { Rng } from './prng';
import type { ReferenceData } from './reference-data';
import { textPinyin } from './script';

const homophoneIndexes = new WeakMap<ReferenceData, Map<string, string[]>>();

function homophones(ref: ReferenceData): Map<string, string[]> {
  let index = homophoneIndexes.get(ref);
  if (index === undefined) {
    index = new Map();
    for (const ch of ref.commonNameChars) {
      const syllable = textPinyin(ch)[0];
      const list = index.get(syllable);
      if (list === undefined) index.set(syllable, [ch]);
      else list.push(ch);
    }
    homophoneIndexes.set(ref, index);
  }
  return index;
}

/** Replaces one character at or after `from` by a homophone; drops it when none is known. */
export function hanTypo(rng: Rng, ref: ReferenceData, text: string, from = 0): string {
  const chars = [...text];
  if (chars.length <= from) return text;
  const i = rng.range(from, chars.length - 1);
  const candidates = (homophones(ref).get(textPinyin(chars[i])[0]) ?? []).filter(
    (ch) => ch !== chars[i],
  );
  if (candidates.length > 0) chars[i] = rng.pick(candidates);
  else if (chars.length > 2) chars.splice(i, 1);
  return chars.join('');
}

const DIGITS = '0123456789';
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** One substitution, swap of neighbours or dropped character among the positions of `alphabet`. */
export function keyTypo(rng: Rng, text: string, alphabet: 'digits' | 'letters'): string {
  const pool = alphabet === 'digits' ? DIGITS : LETTERS;
  const positions: number[] = [];
  for (let i = 0; i < text.length; i++) if (pool.includes(text[i].toLowerCase())) positions.push(i);
  if (positions.length < 2) return text;
  const i = positions[rng.int(positions.length - 1)];
  const op = rng.int(3);
  if (op === 0) return text.slice(0, i) + rng.pick([...pool]) + text.slice(i + 1);
  if (op === 1 && i + 1 < text.length)
    return text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
  return text.slice(0, i) + text.slice(i + 1);
}
