import { sqlStateOf } from '../common/sql-state';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { lockIdsFor } from '../resolution/advisory-locks';
import { ResolutionRepository } from '../resolution/resolution.repository';
import { CustomersRepository } from './customers.repository';
import { StewardshipRepository } from './stewardship.repository';

/** PostgreSQL's deadlock_detected and serialization_failure: the transaction may simply be retried. */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 3;
/** Survivors can move while we wait for a lock (a concurrent merge); re-read at most this often. */
const LOCK_ROUNDS = 4;

export interface SourceKey {
  source: string;
  sourceId: string;
}

/**
 * The lock discipline of every steward write: the resolve path's advisory locks on the source
 * records being moved, then the customer rows (and their merge survivors) in id order, then the
 * rows being decided. The resolve path takes the same advisory locks first, so the two never wait
 * on each other in a cycle through a record.
 */
@Injectable()
export class StewardshipLocks {
  constructor(
    private readonly dataSource: DataSource,
    private readonly resolution: ResolutionRepository,
    private readonly customers: CustomersRepository,
    private readonly repository: StewardshipRepository,
  ) {}

  /** One transaction, retried when PostgreSQL broke a deadlock with a concurrent resolve. */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        if (attempt >= ATTEMPTS || !RETRYABLE.has(sqlStateOf(error))) throw error;
      }
    }
  }

  /** The resolve path's locks on these source records: taken first, before any row lock. */
  async lockSourceRecords(manager: EntityManager, records: readonly SourceKey[]): Promise<void> {
    if (records.length === 0) return;
    const keys = records.map((r) => `src:${r.source}\u0000${r.sourceId}`);
    await this.resolution.lock(manager, lockIdsFor(keys));
  }

  /**
   * Before a merge: the records that will move (as the resolve path locks them), then the
   * customers. A record linked meanwhile waits for us on its customer's row, never the reverse.
   */
  async lockForMerge(manager: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    const survivors = await this.repository.survivorsOf(manager, ids);
    await this.lockSourceRecords(
      manager,
      await this.repository.recordKeysOf(manager, [...new Set(survivors.values())]),
    );
    return this.lockCustomers(manager, ids);
  }

  /**
   * Locks the customers (and whoever they were merged into) and returns each id's current
   * survivor, stable until the transaction ends.
   */
  async lockCustomers(
    manager: EntityManager,
    ids: readonly string[],
  ): Promise<Map<string, string>> {
    const locked = new Set<string>();
    for (let round = 0; round < LOCK_ROUNDS; round++) {
      const survivors = await this.repository.survivorsOf(manager, ids);
      const wanted = [...new Set([...ids, ...survivors.values()])].filter((id) => !locked.has(id));
      if (wanted.length === 0) return survivors;
      await this.customers.lockCustomers(manager, wanted);
      for (const id of wanted) locked.add(id);
    }
    throw new DomainError(
      'MERGE_CONFLICT',
      'The customers are being merged by someone else; try again.',
    );
  }
}
