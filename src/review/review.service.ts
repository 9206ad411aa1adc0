import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { DomainError } from '../common/domain-error';
import { CustomersService } from '../customers/customers.service';
import { StewardshipRepository, type StewardedRecord } from '../customers/stewardship.repository';
import { scoreCandidate } from '../matching/score';
import { MatchConfigHolder } from '../resolution/match-config.provider';
import type { ReviewKind, ReviewStatus } from './review-item.entity';
import {
  type CurrentScore,
  type ReviewDetail,
  type ReviewPage,
  type ReviewSummary,
  toBase,
  toSummary,
} from './review-view';
import {
  ReviewRepository,
  type ReviewPosition,
  type ReviewRow,
  type ReviewSort,
} from './review.repository';

export interface ReviewQuery {
  status: ReviewStatus;
  kind?: ReviewKind;
  sort: ReviewSort;
  cursor?: string;
  limit: number;
}

/** The review queue and its items, read side. Decisions live in ReviewDecisionService. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ReviewRepository,
    private readonly records: StewardshipRepository,
    private readonly customers: CustomersService,
    private readonly matchConfig: MatchConfigHolder,
  ) {}

  async list(query: ReviewQuery): Promise<ReviewPage> {
    const after = query.cursor === undefined ? undefined : decodePosition(query.cursor, query.sort);
    const rows = await this.repository.list({ ...query, after, limit: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: await this.summarize(page),
      nextCursor: rows.length > query.limit ? encodePosition(last, query.sort) : null,
      counts: await this.repository.counts(),
    };
  }

  async summary(id: string): Promise<ReviewSummary> {
    const [summary] = await this.summarize([await this.require(id)]);
    return summary;
  }

  /** Both sides in full, and the pair re-scored now with the values compared (masked). */
  async detail(id: string): Promise<ReviewDetail> {
    const row = await this.require(id);
    const [customer, candidate] = await Promise.all([
      this.customers.getCustomer(await this.numberOf(row.customerId)),
      this.customers.getCustomer(await this.numberOf(row.candidateCustomerId)),
    ]);
    const { upper, lower } = this.matchConfig.config.thresholds;
    return {
      ...toBase(row),
      customer,
      candidate,
      thresholds: { upper, lower },
      explanation: { atOpen: row.explanation, current: await this.rescore(row) },
    };
  }

  async require(id: string): Promise<ReviewRow> {
    const row = /^\d{1,18}$/.test(id) ? await this.repository.findById(id) : undefined;
    if (row === undefined) throw new DomainError('REVIEW_NOT_FOUND', 'No review item has this id.');
    return row;
  }

  private async summarize(rows: readonly ReviewRow[]): Promise<ReviewSummary[]> {
    const ids = rows.flatMap((r) => [r.customerId, r.candidateCustomerId]);
    const sides = new Map((await this.repository.customerSides(ids)).map((s) => [s.id, s]));
    return rows.map((r) => toSummary(r, sides));
  }

  private async numberOf(customerId: string): Promise<string> {
    const [state] = await this.records.customerStates(this.dataSource.manager, [customerId]);
    return state.customerNumber;
  }

  /**
   * The record that raised the item against the other side; without it (deleted since), the
   * best-scoring record of one side against the other.
   */
  private async rescore(row: ReviewRow): Promise<CurrentScore | null> {
    const manager = this.dataSource.manager;
    const survivors = await this.records.survivorsOf(manager, [
      row.customerId,
      row.candidateCustomerId,
    ]);
    const a = survivors.get(row.customerId) as string;
    const b = survivors.get(row.candidateCustomerId) as string;
    if (a === b) return null;
    const records = await this.records.activeRecords(manager, [a, b]);
    const trigger = records.find((r) => r.id === row.sourceRecordId);
    const probes = trigger !== undefined ? [trigger] : records.filter((r) => r.customerId === a);
    const numbers = await this.records.customerStates(manager, [a, b]);
    let best: CurrentScore | null = null;
    for (const probe of probes) {
      const against = probe.customerId === a ? b : a;
      const others = records.filter((r) => r.customerId === against).map((r) => r.normalized);
      if (others.length === 0) continue;
      const scored = scoreCandidate(probe.normalized, others, {
        config: this.matchConfig.config,
        values: 'masked',
      });
      if (best === null || scored.score > best.score) {
        const number = numbers.find((c) => c.id === against)?.customerNumber as string;
        best = { ...scored, compared: compared(probe, number) };
      }
    }
    return best;
  }
}

function compared(record: StewardedRecord, against: string): CurrentScore['compared'] {
  return { source: record.source, sourceId: record.sourceId, against };
}

function encodePosition(row: ReviewRow, sort: ReviewSort): string {
  const position: Record<string, string> = { d: row.deferred ? '1' : '0', id: row.id };
  if (sort === 'score') position.s = String(row.score);
  return encodeCursor(position);
}

function decodePosition(cursor: string, sort: ReviewSort): ReviewPosition {
  const raw = decodeCursor(cursor, ['d', 'id']) as Record<string, unknown>;
  const score = typeof raw.s === 'string' ? Number(raw.s) : Number.NaN;
  const deferred = raw.d === '1' ? 1 : 0;
  if (sort === 'age') return { deferred, id: raw.id as string };
  if (!Number.isFinite(score)) {
    throw new DomainError('INVALID_CURSOR', 'The cursor is not one this service issued.', [
      { field: 'cursor', code: 'INVALID_CURSOR', message: 'cursor does not belong to sort=score' },
    ]);
  }
  return { deferred, id: raw.id as string, score };
}
