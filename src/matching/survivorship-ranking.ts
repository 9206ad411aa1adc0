/**
 * Ranking of candidate values for one golden attribute by the configured survivorship criteria,
 * remembering which criterion put each value ahead of the next different value.
 */
import type { SurvivorInput, SurvivorshipConfig, SurvivorshipRule } from './survivorship';

export type SurvivorshipCriterion = 'validity' | 'trust' | 'frequency' | 'recency' | 'completeness';

export const SURVIVORSHIP_CRITERIA: readonly SurvivorshipCriterion[] = [
  'validity',
  'trust',
  'frequency',
  'recency',
  'completeness',
];

export interface Candidate<T> {
  value: T;
  /** Values with equal keys are the same value (frequency counts them together). */
  key: string;
  /** Higher is better: a checksum-valid ID beats an unchecked one beats an invalid one. */
  validity: number;
  /** Higher is better: more parts filled in. */
  completeness: number;
  record: SurvivorInput;
}

export interface RankedCandidate<T> {
  candidate: Candidate<T>;
  rule: SurvivorshipRule;
}

interface Scored<T> {
  candidate: Candidate<T>;
  trust: number;
  frequency: number;
  time: number;
}

function score<T>(
  candidates: ReadonlyArray<Candidate<T>>,
  trust: readonly string[],
): Array<Scored<T>> {
  const frequency = new Map<string, Set<string>>();
  for (const c of candidates) {
    const holders = frequency.get(c.key) ?? new Set<string>();
    holders.add(c.record.sourceRecordId);
    frequency.set(c.key, holders);
  }
  return candidates.map((candidate) => {
    const rank = trust.indexOf(candidate.record.source);
    return {
      candidate,
      trust: rank < 0 ? trust.length : rank,
      frequency: frequency.get(candidate.key)?.size ?? 0,
      time: candidate.record.updatedAt.getTime(),
    };
  });
}

/** Positive when a should come after b on this criterion, negative when before, 0 when tied. */
function compareOn<T>(criterion: SurvivorshipCriterion, a: Scored<T>, b: Scored<T>): number {
  switch (criterion) {
    case 'validity':
      return b.candidate.validity - a.candidate.validity;
    case 'trust':
      return a.trust - b.trust;
    case 'frequency':
      return b.frequency - a.frequency;
    case 'recency':
      return b.time - a.time;
    case 'completeness':
      return b.candidate.completeness - a.candidate.completeness;
  }
}

/** Code-unit order, not locale order: the result must not depend on the server's locale. */
function order(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function tiebreak<T>(a: Scored<T>, b: Scored<T>): number {
  const byRecord = order(a.candidate.record.sourceRecordId, b.candidate.record.sourceRecordId);
  return byRecord !== 0 ? byRecord : order(a.candidate.key, b.candidate.key);
}

function decidingRule<T>(
  a: Scored<T>,
  b: Scored<T> | undefined,
  order: readonly SurvivorshipCriterion[],
): SurvivorshipRule {
  if (!b) return 'unanimous';
  return order.find((criterion) => compareOn(criterion, a, b) !== 0) ?? 'tiebreak';
}

/**
 * Candidates best first. Each entry's rule is the criterion that ranked it ahead of the next
 * candidate with a different value ('unanimous' when none follows). With `all` false only the
 * winner is returned.
 */
export function rankCandidates<T>(
  candidates: ReadonlyArray<Candidate<T>>,
  config: SurvivorshipConfig,
  all = false,
): Array<RankedCandidate<T>> {
  const criteria = config.survivorshipOrder;
  const sorted = score(candidates, config.sourceTrust).sort((a, b) => {
    for (const criterion of criteria) {
      const difference = compareOn(criterion, a, b);
      if (difference !== 0) return difference;
    }
    return tiebreak(a, b);
  });
  const count = all ? sorted.length : Math.min(1, sorted.length);
  const ranked: Array<RankedCandidate<T>> = [];
  for (let i = 0; i < count; i++) {
    const next = sorted.slice(i + 1).find((s) => s.candidate.key !== sorted[i].candidate.key);
    ranked.push({ candidate: sorted[i].candidate, rule: decidingRule(sorted[i], next, criteria) });
  }
  return ranked;
}
