import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor } from '../common/cursor';
import type { HistoryAction } from '../history/customer-history.entity';
import { CustomerHistoryRepository, type HistoryRow } from './customer-history.repository';
import { CustomersQueryRepository, type CustomerRow } from './customers-query.repository';
import { CustomersService } from './customers.service';

export interface HistoryEntryView {
  id: string;
  at: string;
  action: HistoryAction;
  /** Who: `key:<api key name>` or `system`. */
  actor: string;
  /** Why, as the actor gave it (a steward's comment, the engine's reason). */
  reason: string | null;
  /** The number the entry was written on (a merged number's entries show under its survivor). */
  customerNumber: string;
  relatedCustomerNumber: string | null;
  reviewId: string | null;
  sourceRecord: { source: string; sourceId: string } | null;
  details: Record<string, unknown>;
  /** The engine's per-field explanation behind a link or a review, when there was one. */
  explanation: unknown;
}

export interface HistoryPage {
  customerNumber: string;
  items: HistoryEntryView[];
  nextCursor: string | null;
}

@Injectable()
export class CustomerHistoryService {
  constructor(
    private readonly customers: CustomersService,
    private readonly query: CustomersQueryRepository,
    private readonly repository: CustomerHistoryRepository,
  ) {}

  /** Every link, detach, merge, split, review and pin of the customer, newest first. */
  async history(number: string, cursor: string | undefined, limit: number): Promise<HistoryPage> {
    const requested = await this.customers.requireCustomer(number);
    const customer =
      requested.mergedIntoId === null
        ? requested
        : ((await this.query.findById(requested.mergedIntoId)) as CustomerRow);
    const before = cursor === undefined ? null : decodeCursor(cursor, ['id']).id;
    const rows = await this.repository.listForCustomer(customer.id, before, limit + 1);
    const page = rows.slice(0, limit);
    return {
      customerNumber: customer.customerNumber,
      items: page.map(toView),
      nextCursor: rows.length > limit ? encodeCursor({ id: page[page.length - 1].id }) : null,
    };
  }
}

function toView(row: HistoryRow): HistoryEntryView {
  const { link, ...rest } = row.details as {
    link?: { explanation?: unknown } & Record<string, unknown>;
  };
  let details: Record<string, unknown> = rest;
  let explanation: unknown = null;
  if (link !== undefined) {
    const { explanation: linkExplanation, ...linkRest } = link;
    details = { ...rest, link: linkRest };
    explanation = linkExplanation ?? null;
  }
  if (explanation === null && row.reviewId !== null) explanation = row.reviewExplanation ?? null;
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    action: row.action,
    actor: row.actor,
    reason: row.reason,
    customerNumber: row.customerNumber,
    relatedCustomerNumber: row.relatedCustomerNumber,
    reviewId: row.reviewId,
    sourceRecord:
      row.source === null || row.sourceId === null
        ? null
        : { source: row.source, sourceId: row.sourceId },
    details,
    explanation,
  };
}
