import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type BlockingKey } from '../matching/blocking-keys';
import { scoreCandidate, type ScoredCandidate, type TermFrequencies } from '../matching/score';
import type { ValueMode } from '../matching/explanation-values';
import type { NormalizedRecord } from '../normalize/normalized-record';
import { MatchConfigHolder } from './match-config.provider';
import { ResolutionRepository } from './resolution.repository';

export interface RankedCustomer extends ScoredCandidate {
  customerId: string;
}

/** More candidates than this are not scored: the keys already ranked them by shared evidence. */
const MAX_CANDIDATES = 50;
/** Counting a name's customers beyond this changes its weight by a negligible amount. */
const NAME_COUNT_CAP = 5000;

/** Finds a record's candidate customers through its blocking keys and scores each of them. */
@Injectable()
export class CandidateScorer {
  constructor(
    private readonly repository: ResolutionRepository,
    private readonly matchConfig: MatchConfigHolder,
  ) {}

  async rank(
    manager: EntityManager,
    record: NormalizedRecord,
    keys: readonly BlockingKey[],
    options: {
      excludeRecordId?: string;
      excludeCustomers?: ReadonlySet<string>;
      values?: ValueMode;
    },
  ): Promise<RankedCustomer[]> {
    const config = this.matchConfig.config;
    const found = await this.repository.findCandidateCustomers(
      manager,
      keys,
      config.genericKeyLimit,
    );
    const customerIds = found
      .filter((id) => !options.excludeCustomers?.has(id))
      .slice(0, MAX_CANDIDATES);
    if (customerIds.length === 0) return [];
    const records = await this.repository.loadActiveRecords(manager, customerIds);
    const byCustomer = new Map<string, NormalizedRecord[]>();
    for (const r of records) {
      if (r.recordId === options.excludeRecordId) continue;
      const list = byCustomer.get(r.customerId) ?? [];
      list.push(r.normalized);
      byCustomer.set(r.customerId, list);
    }
    const termFrequencies = await this.termFrequencies(manager, keys);
    const ranked: RankedCustomer[] = [];
    for (const [customerId, customerRecords] of byCustomer) {
      const scored = scoreCandidate(record, customerRecords, {
        config,
        termFrequencies,
        values: options.values,
      });
      ranked.push({ customerId, ...scored });
    }
    return ranked.sort((a, b) => b.score - a.score || (a.customerId < b.customerId ? -1 : 1));
  }

  private async termFrequencies(
    manager: EntityManager,
    keys: readonly BlockingKey[],
  ): Promise<TermFrequencies> {
    const nameKey = keys.find((k) => k.type === 'name');
    const [population, nameCount] = await Promise.all([
      this.repository.customerPopulation(manager),
      nameKey === undefined
        ? Promise.resolve(0)
        : this.repository.countCustomersWithKey(manager, nameKey, NAME_COUNT_CAP),
    ]);
    // The scorer asks only about the incoming record's own name key.
    return { population, nameCount: () => nameCount };
  }
}
