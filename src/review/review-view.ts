import type { CustomerStatus } from '../customers/customer.entity';
import type { CustomerView } from '../customers/customer-view';
import type {
  StoredGolden as GoldenRecord,
  StoredGoldenValue as GoldenValue,
} from '../customers/stored-golden';
import type { ExplanationItem, MatchRule } from '../matching/score';
import type { CustomerKind } from '../normalize/customer-record';
import type { ReviewDecision, ReviewKind, ReviewStatus } from './review-item.entity';
import type { CustomerSideRow, ReviewCounts, ReviewRow } from './review.repository';

/** One side of a review item in the queue: enough to tell two people apart at a glance. */
export interface ReviewSideSummary {
  /** The number the item was opened on. */
  customerNumber: string;
  /** The number answering for it now (differs after a merge). */
  currentNumber: string;
  kind: CustomerKind;
  status: CustomerStatus;
  name: string | null;
  birthDate: string | null;
  phones: string[];
  emails: string[];
  address: string | null;
  recordCount: number;
}

interface ReviewBase {
  id: string;
  kind: ReviewKind;
  status: ReviewStatus;
  /** Deferred by a steward and still open. */
  deferred: boolean;
  /** The engine's score when the item was opened (log2 likelihood ratio). */
  score: number;
  createdAt: string;
  decision: ReviewDecision | null;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
  /** The record that raised the item. */
  sourceRecord: { source: string; sourceId: string } | null;
}

export interface ReviewSummary extends ReviewBase {
  customer: ReviewSideSummary;
  candidate: ReviewSideSummary;
}

export interface ReviewPage {
  items: ReviewSummary[];
  nextCursor: string | null;
  counts: ReviewCounts;
}

export interface CurrentScore {
  score: number;
  rule?: MatchRule;
  /** Which record was compared with which customer. */
  compared: { source: string; sourceId: string; against: string };
  explanation: ExplanationItem[];
}

export interface ReviewDetail extends ReviewBase {
  customer: CustomerView;
  candidate: CustomerView;
  thresholds: { upper: number; lower: number };
  explanation: {
    /** Levels and weights as the engine saw them when it opened the item. */
    atOpen: unknown;
    /** Re-scored now, with masked values compared; null once both sides are one customer. */
    current: CurrentScore | null;
  };
}

export interface DecisionOutcome {
  review: ReviewSummary;
  /** The numbers answering for the two sides after the decision (one after a merge or link). */
  customerNumbers: string[];
}

export function toBase(row: ReviewRow): ReviewBase {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    deferred: row.deferred,
    score: row.score,
    createdAt: new Date(row.createdAt).toISOString(),
    decision: row.decision,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt === null ? null : new Date(row.decidedAt).toISOString(),
    comment: row.comment,
    sourceRecord:
      row.source === null || row.sourceId === null
        ? null
        : { source: row.source, sourceId: row.sourceId },
  };
}

export function toSummary(
  row: ReviewRow,
  sides: ReadonlyMap<string, CustomerSideRow>,
): ReviewSummary {
  return {
    ...toBase(row),
    customer: toSide(sides.get(row.customerId) as CustomerSideRow),
    candidate: toSide(sides.get(row.candidateCustomerId) as CustomerSideRow),
  };
}

function toSide(row: CustomerSideRow): ReviewSideSummary {
  const g = row.golden;
  const address = single(g, 'address') as { full?: string } | null;
  return {
    customerNumber: row.customerNumber,
    currentNumber: row.currentNumber,
    kind: row.kind,
    status: row.status,
    name: text(single(g, 'name') ?? single(g, 'orgName')),
    birthDate: text(single(g, 'birthDate')),
    phones: many(g, 'phones'),
    emails: many(g, 'emails'),
    address:
      typeof address === 'object' && address !== null ? (address.full ?? null) : text(address),
    recordCount: row.recordCount,
  };
}

function single(golden: GoldenRecord, name: string): unknown {
  const value = golden[name];
  return typeof value === 'object' && !Array.isArray(value) ? value.value : null;
}

function many(golden: GoldenRecord, name: string): string[] {
  const value = golden[name];
  const list: GoldenValue[] = Array.isArray(value)
    ? value
    : typeof value === 'object'
      ? [value]
      : [];
  return list.map((v) => String(v.value));
}

function text(value: unknown): string | null {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}
