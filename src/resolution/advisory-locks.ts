import { createHash } from 'node:crypto';

/**
 * Keys are hashed into 48-bit lock ids. The space must be wide: an import chunk holds the locks of
 * hundreds of keys, and in a space of 2^20 ids (as it once was) two chunks of unrelated rows shared
 * an id one time in five (200-row chunks: almost always), so their transactions ran one after the
 * other. A transaction's lock table entries are as many as its keys, whatever the space.
 */
const LOCK_ID_BYTES = 6;
/** Above every 32-bit id, so our ids stay apart from the migration lock and other users. */
const LOCK_BASE = 2 ** 32;

export function lockIdsFor(keys: readonly string[]): string[] {
  const ids = new Set<number>();
  for (const key of keys) {
    const digest = createHash('sha1').update(key).digest();
    // At most 2^32 + 2^48: exact as a JavaScript number.
    ids.add(LOCK_BASE + digest.readUIntBE(0, LOCK_ID_BYTES));
  }
  // Always taken in ascending order, so two transactions can never wait on each other in a cycle.
  return [...ids].sort((a, b) => a - b).map(String);
}
