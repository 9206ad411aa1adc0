import { createHash } from 'node:crypto';

/**
 * Blocking keys are hashed into this many lock ids. Bounded, so the lock table stays small; two
 * unrelated keys sharing an id only serialise two resolves, never mix their data.
 */
const LOCK_SPACE = 1 << 20;
/** Keeps our lock ids apart from the migration lock and any other advisory lock user. */
const LOCK_BASE = 1_000_000_000;

export function lockIdsFor(keys: readonly string[]): string[] {
  const ids = new Set<number>();
  for (const key of keys) {
    const digest = createHash('sha1').update(key).digest();
    ids.add(LOCK_BASE + (digest.readUInt32BE(0) % LOCK_SPACE));
  }
  // Always taken in ascending order, so two transactions can never wait on each other in a cycle.
  return [...ids].sort((a, b) => a - b).map(String);
}
