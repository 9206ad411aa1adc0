/** Deterministic job ids, so enqueuing the same work twice is a no-op (BullMQ forbids ":"). */
export function planJobId(importId: string): string {
  return `import-${importId}-plan`;
}

export function chunkJobId(importId: string, chunkIndex: number): string {
  return `import-${importId}-chunk-${chunkIndex}`;
}
