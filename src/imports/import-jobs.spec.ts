import { chunkPriority } from './import-jobs';

/** The chunk indexes of a file of `chunks` chunks, in the order their jobs run. */
function runOrder(chunks: number): number[] {
  return [...Array(chunks).keys()].sort((a, b) => chunkPriority(a) - chunkPriority(b));
}

/** The smallest distance between two of `width` chunks that run one after another. */
function closestInWindow(order: number[], start: number, width: number): number {
  const window = order.slice(start, start + width).sort((a, b) => a - b);
  let closest = Infinity;
  for (let i = 1; i < window.length; i++) closest = Math.min(closest, window[i] - window[i - 1]);
  return closest;
}

describe('chunkPriority', () => {
  it('is a priority BullMQ accepts, distinct for every chunk of a file', () => {
    const priorities = [...Array(100_000).keys()].map(chunkPriority);
    expect(Math.min(...priorities)).toBe(1);
    expect(Math.max(...priorities)).toBeLessThanOrEqual(2 ** 21);
    expect(new Set(priorities).size).toBe(priorities.length);
  });

  it('runs the first chunk first, then the middle of the file, then its quarters', () => {
    expect(runOrder(8)).toEqual([0, 4, 2, 6, 1, 5, 3, 7]);
  });

  it.each([100, 1000, 20_000])(
    'keeps four chunks running together far apart in a file of %i chunks',
    (chunks) => {
      const order = runOrder(chunks);
      const windows = chunks - 3;
      let apart = 0;
      for (let start = 0; start < windows; start++) {
        if (closestInWindow(order, start, 4) >= chunks / 16) apart++;
      }
      // File order would have them 1 chunk apart; nearly every window here is ≥ 1/16 of the file.
      expect(apart / windows).toBeGreaterThan(0.9);
      for (let i = 1; i < chunks; i++) expect(Math.abs(order[i] - order[i - 1])).toBeGreaterThan(1);
    },
  );
});
