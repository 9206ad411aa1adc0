import type { BlockingKey } from './blocking-keys';

/**
 * A blocking key's 53-bit hash, under which its rows are indexed (blocking_keys.key_hash,
 * migration 22): an 8-byte integer makes an index entry a third the size of the type and value
 * strings, and compares in one instruction. The hash is stored, so it must never change: the
 * vectors in key-hash.spec.ts pin it.
 *
 * cyrb53 of `type`, a NUL and `value`: two 32-bit multiply-xor lanes over the UTF-16 code units,
 * mixed into 53 bits, a safe JavaScript integer that travels as a JSON number. Two keys sharing a
 * hash (about one pair in 10^16) only make extra candidates, which scoring then rejects; lookups
 * never miss a key.
 */
export function keyHash(key: BlockingKey): number {
  return cyrb53(`${key.type}\u0000${key.value}`);
}

/** cyrb53 (bryc, public domain): a fast, well-mixed 53-bit string hash, a safe integer. */
export function cyrb53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ unit, 2654435761);
    h2 = Math.imul(h2 ^ unit, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
