/**
 * The decision for one incoming record from its scored candidates and the two thresholds:
 * link to the best candidate, ask a steward, or create a new customer.
 */
import type { MatchThresholds } from './match-config';

export interface RankedCandidate<Id extends string | number = string> {
  customerId: Id;
  score: number;
}

export type DecisionKind = 'link' | 'review' | 'create';

export interface Decision<C extends RankedCandidate<string | number>> {
  decision: DecisionKind;
  /** The best candidate when it reaches at least the review threshold. */
  best?: C;
  /**
   * The record links to `best` yet also reaches the link threshold with another customer: the two
   * customers are probably one, so propose merging them (best first).
   */
  mergeProposal?: [C['customerId'], C['customerId']];
}

/** Higher score first; equal scores by customer id so the outcome never depends on input order. */
function better<C extends RankedCandidate<string | number>>(a: C, b: C): boolean {
  if (a.score !== b.score) return a.score > b.score;
  return a.customerId < b.customerId;
}

export function decide<C extends RankedCandidate<string | number>>(
  candidates: readonly C[],
  thresholds: MatchThresholds,
): Decision<C> {
  let best: C | undefined;
  let second: C | undefined;
  for (const candidate of candidates) {
    if (!best || better(candidate, best)) {
      second = best;
      best = candidate;
    } else if (!second || better(candidate, second)) {
      second = candidate;
    }
  }
  if (!best || best.score < thresholds.lower) return { decision: 'create' };
  if (best.score < thresholds.upper) return { decision: 'review', best };
  if (second && second.score >= thresholds.upper) {
    return { decision: 'link', best, mergeProposal: [best.customerId, second.customerId] };
  }
  return { decision: 'link', best };
}
