/**
 * Remembers a pure function's answers for recently seen strings. Names, words and addresses repeat
 * across the records of an import (the same people through several channels, common names), and
 * pinyin and script conversion are a large share of normalising a record.
 *
 * Two generations of at most `capacity` entries each: when the young one fills, it becomes the old
 * one and the previous old one is dropped, so memory stays bounded and a string seen in the last
 * `capacity` distinct inputs is still remembered. Answers are shared between callers, so the
 * function must return strings or frozen values.
 */
export function memoizeByString<R>(
  compute: (key: string) => R,
  capacity: number,
): (key: string) => R {
  let young = new Map<string, R>();
  let old = new Map<string, R>();
  return (key: string): R => {
    let value = young.get(key);
    if (value !== undefined) return value;
    value = old.get(key) ?? compute(key);
    if (young.size >= capacity) {
      old = young;
      young = new Map();
    }
    young.set(key, value);
    return value;
  };
}
