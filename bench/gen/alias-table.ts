/**
 * Walker's alias method: O(1) weighted sampling from a fixed distribution, so drawing a surname
 * out of ~1,000 or a name character out of ~9,000 costs the same as a uniform pick.
 */
import type { Rng } from './prng';

export class AliasTable<T> {
  private readonly probability: Float64Array;
  private readonly alias: Uint32Array;

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    const n = items.length;
    if (n === 0 || weights.length !== n) throw new Error('AliasTable needs one weight per item');
    const total = weights.reduce((sum, w) => sum + w, 0);
    if (!(total > 0)) throw new Error('AliasTable needs a positive total weight');
    this.probability = new Float64Array(n);
    this.alias = new Uint32Array(n);
    const scaled = weights.map((w) => (w * n) / total);
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
    while (small.length > 0 && large.length > 0) {
      const s = small.pop() as number;
      const l = large.pop() as number;
      this.probability[s] = scaled[s];
      this.alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1;
      (scaled[l] < 1 ? small : large).push(l);
    }
    for (const i of [...small, ...large]) this.probability[i] = 1;
  }

  sample(rng: Rng): T {
    const i = rng.int(this.items.length);
    return this.items[rng.next() < this.probability[i] ? i : this.alias[i]];
  }
}
