import type { ExplanationItem } from '../matching/score';

export type ResolveDecision = 'created' | 'linked' | 'review' | 'unchanged';

export interface ResolveResult {
  customerNumber: string;
  decision: ResolveDecision;
  /** The best candidate's score (log2 likelihood ratio); null when there was no candidate. */
  score: number | null;
  reviewId?: string;
  /** Number of the customer proposed for merging with this one (record matched both strongly). */
  mergeProposedWith?: string;
  explanation: ExplanationItem[];
}

export interface MatchCandidate {
  customerNumber: string;
  score: number;
  decision: 'link' | 'review' | 'below-threshold';
  rule?: string;
  explanation: ExplanationItem[];
}
