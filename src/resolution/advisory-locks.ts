import { cyrb53 } from '../matching/key-hash';

/**
 * Keys are hashed into 48-bit lock ids. The space must be wide: an import chunk holds the locks of
 * hundreds of keys, and in a space of 2^20 ids (as it once was) two chunks of unrelated rows shared
 * an id one time in five (200-row chunks: almost always), so their transactions ran one after the
 * other. A transaction's lock table entries are as many as its keys, whatever the space.
 *
 * The hash is cyrb53 (as for blocking keys), not a cryptographic one: an import locks eight keys
 * per row, and SHA-1 cost a few per cent of a worker's CPU. Lock ids are never stored, but every
 * process that resolves must compute them alike: processes of a version with another lock hash
 * (before 2026-12-03: SHA-1) must not resolve at the same time as this one.
 */
const LOCK_ID_BYTES = 6;
/** Above every 32-bit id, so our ids stay apart from the migration lock and other users. */
const LOCK_BASE = 2 ** 32;
const LOCK_SPACE = 2 ** (8 * LOCK_ID_BYTES);

export function lockIdsFor(keys: readonly string[]): string[] {
  const ids = new Set<number>();
  for (const key of keys) {
    // At most 2^32 + 2^48: exact as a JavaScript number.
    ids.add(LOCK_BASE + (cyrb53(key) % LOCK_SPACE));
  }
  // Always taken in ascending order, so two transactions can never wait on each other in a cycle.
  return [...ids].sort((a, b) => a - b).map(String);
}
