import type { CustomerKind } from '../normalize/customer-record';
import type { CustomerStatus, PinnedValue } from './customer.entity';
import type { LinkDecision } from './source-record.entity';

export interface GoldenAttributeView {
  value: unknown;
  rule: string;
  /** The source record the value came from; null for a steward's pinned value. */
  source: { source: string; sourceId: string } | null;
}

export interface SourceRecordView {
  source: string;
  sourceId: string;
  status: 'active' | 'deleted';
  record: unknown;
  link: LinkDecision | null;
  createdAt: string;
  updatedAt: string;
}

export interface CustomerView {
  customerNumber: string;
  /** Set when the number asked for was merged: the answer is its survivor. */
  requestedNumber?: string;
  mergedInto?: string;
  kind: CustomerKind;
  status: CustomerStatus;
  regionCode: string;
  golden: Record<string, GoldenAttributeView | GoldenAttributeView[]>;
  pins: Record<string, PinnedValue>;
  sourceRecords: SourceRecordView[];
  createdAt: string;
  updatedAt: string;
}

export interface CustomerSummary {
  customerNumber: string;
  kind: CustomerKind;
  status: CustomerStatus;
  name: string | null;
  phones: string[];
  sourceRecordCount: number;
}
