import { Injectable } from '@nestjs/common';
import type { ValueMode } from '../matching/explanation-values';
import { scoreCandidate, type ScoredCandidate } from '../matching/score';
import type { NormalizedRecord } from '../normalize/normalized-record';
import { MatchConfigHolder } from './match-config.provider';
import type { CandidateRecord, ResolveReads } from './resolution.repository';

export interface RankedCustomer extends ScoredCandidate {
  customerId: string;
}

export interface Ranking {
  ranked: RankedCustomer[];
  /** The candidates' active records by customer: the link path builds the golden record from them. */
  recordsByCustomer: Map<string, CandidateRecord[]>;
}

/** Scores a record against each candidate customer found through its blocking keys. */
@Injectable()
export class CandidateScorer {
  constructor(private readonly matchConfig: MatchConfigHolder) {}

  /** The candidates and their records come with the reads (mdm_resolve_read): no query here. */
  rank(
    record: NormalizedRecord,
    reads: ResolveReads,
    options: { values?: ValueMode } = {},
  ): Ranking {
    const config = this.matchConfig.config;
    const recordsByCustomer = new Map<string, CandidateRecord[]>();
    for (const r of reads.candidateRecords) {
      const list = recordsByCustomer.get(r.customerId) ?? [];
      list.push(r);
      recordsByCustomer.set(r.customerId, list);
    }
    // The scorer asks only about the incoming record's own name key.
    const termFrequencies = { population: reads.population, nameCount: () => reads.nameCount };
    const ranked: RankedCustomer[] = [];
    for (const [customerId, records] of recordsByCustomer) {
      const normalized = records.map((r) => r.normalized);
      ranked.push({
        customerId,
        ...scoreCandidate(record, normalized, { config, termFrequencies, values: options.values }),
      });
    }
    ranked.sort((a, b) => b.score - a.score || (a.customerId < b.customerId ? -1 : 1));
    return { ranked, recordsByCustomer };
  }
}
