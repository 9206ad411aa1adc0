import { Injectable } from '@nestjs/common';

/** Enough for every generic key of a large database; beyond it the memory starts over. */
const MAX_KEYS = 200_000;

/**
 * The blocking keys this process has seen the resolve reads skip as generic (generic_keys,
 * migration 1763900000008), or as partial keys of too many customers (migration 19), as
 * "type:value". A resolve takes no advisory lock on them.
 *
 * Why that is safe: the locks make two resolves that could find each other's customer through a
 * key run one after the other. A generic key finds nobody: once recorded generic it stays generic
 * and every later read skips it. A resolve whose reads began just before the key was recorded may
 * still use it (and locks it); the one that skips it neither finds nor is found through it, which
 * is what running it after the first one would give.
 *
 * Why it matters: "service@", "info@" or 王伟 are shared by unrelated rows in every import chunk,
 * and chunks holding the same key wait for each other.
 */
@Injectable()
export class GenericKeyMemory {
  private readonly keys = new Set<string>();

  remember(keys: readonly string[]): void {
    for (const key of keys) {
      if (this.keys.size >= MAX_KEYS) this.keys.clear();
      this.keys.add(key);
    }
  }

  isGeneric(key: string): boolean {
    return this.keys.has(key);
  }

  get size(): number {
    return this.keys.size;
  }
}
