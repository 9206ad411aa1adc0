/** Deterministic job ids, so enqueuing the same work twice is a no-op (BullMQ forbids ":"). */
export function planJobId(importId: string): string {
  return `import-${importId}-plan`;
}

export function chunkJobId(importId: string, chunkIndex: number): string {
  return `import-${importId}-chunk-${chunkIndex}`;
}

/** A chunk index's bits that order its job (BullMQ priorities go up to 2^21). */
const ORDER_BITS = 20;

/**
 * A chunk job's priority: its index with the bits reversed, so chunks run in the order 0, N/2,
 * N/4, 3N/4, N/8, ... and the chunks running at one time lie far apart in the file. Nearby rows
 * often belong to the same customers or share key values (an export sorted by name, by date or
 * by store): chunks holding them would wait for each other's locks and run one after another.
 */
export function chunkPriority(chunkIndex: number): number {
  let rest = chunkIndex % 2 ** ORDER_BITS;
  let reversed = 0;
  for (let bit = 0; bit < ORDER_BITS; bit++) {
    reversed = reversed * 2 + (rest % 2);
    rest = Math.floor(rest / 2);
  }
  return reversed + 1;
}
