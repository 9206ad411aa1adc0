/**
 * Phonetic codes for blocking keys on Latin names: spelling variants and most typos of a surname
 * (mcarthy / mccarthy, smyth / smith) share a code, so they still meet as candidates.
 */

const SOUNDEX_CODES: Record<string, string> = {
  b: '1',
  f: '1',
  p: '1',
  v: '1',
  c: '2',
  g: '2',
  j: '2',
  k: '2',
  q: '2',
  s: '2',
  x: '2',
  z: '2',
  d: '3',
  t: '3',
  l: '4',
  m: '5',
  n: '5',
  r: '6',
};

/**
 * American Soundex (first letter + three digits, "robert" → r163). Letters outside a–z are skipped;
 * an empty string yields ''. h and w do not separate equal codes, vowels do.
 */
export function soundex(text: string): string {
  let code = '';
  let previous = '';
  for (const char of text.toLowerCase()) {
    if (char < 'a' || char > 'z') continue;
    const digit = SOUNDEX_CODES[char] ?? '';
    if (code === '') {
      code = char;
      previous = digit;
      continue;
    }
    if (digit !== '' && digit !== previous) {
      code += digit;
      if (code.length === 4) return code;
    }
    if (char !== 'h' && char !== 'w') previous = digit;
  }
  return code === '' ? '' : code.padEnd(4, '0');
}
