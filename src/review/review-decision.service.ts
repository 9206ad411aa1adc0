import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { CustomerWriter } from '../customers/customer-writer';
import { StewardshipLocks } from '../customers/stewardship-locks';
import { StewardshipRepository } from '../customers/stewardship.repository';
import { StewardshipService } from '../customers/stewardship.service';
import { ChangeEventsWriter } from '../events/change-events.writer';
import { HistoryWriter } from '../history/history.writer';
import type { ReviewDecision } from './review-item.entity';
import type { DecisionOutcome } from './review-view';
import { ReviewRepository, type ReviewRow } from './review.repository';
import { ReviewService } from './review.service';

interface Sides {
  /** The customers answering for the item's two sides now (after any merge since). */
  a: string;
  b: string;
}

/**
 * A steward's answer to a review item, applied in one transaction with who, when and why:
 * merge the two customers, link the record to the candidate, remember "not the same", or defer.
 */
@Injectable()
export class ReviewDecisionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly locks: StewardshipLocks,
    private readonly reviews: ReviewService,
    private readonly repository: ReviewRepository,
    private readonly records: StewardshipRepository,
    private readonly stewardship: StewardshipService,
    private readonly writer: CustomerWriter,
    private readonly history: HistoryWriter,
    private readonly events: ChangeEventsWriter,
  ) {}

  async decide(
    id: string,
    decision: ReviewDecision,
    comment: string | undefined,
    actor: string,
  ): Promise<DecisionOutcome> {
    const item = await this.reviews.require(id);
    if (item.status !== 'open') throw alreadyDecided();
    if (decision === 'link' && (item.kind !== 'record_match' || item.sourceRecordId === null)) {
      throw new DomainError(
        'REVIEW_DECISION_NOT_APPLICABLE',
        'Only a record match can be answered with link; merge the two customers instead.',
      );
    }
    // Merge and link move records: lock them first, as the resolve path does.
    const moves = decision === 'merge' || decision === 'link';
    const customerIds = await this.locks.transaction(async (manager) => {
      const pair = [item.customerId, item.candidateCustomerId];
      const survivors = moves
        ? await this.locks.lockForMerge(manager, pair)
        : await this.locks.lockCustomers(manager, pair);
      if ((await this.repository.lockStatus(manager, id)) !== 'open') throw alreadyDecided();
      const sides = {
        a: survivors.get(item.customerId) as string,
        b: survivors.get(item.candidateCustomerId) as string,
      };
      const after = await this.apply(manager, item, decision, sides, comment, actor);
      await this.repository.recordDecision(manager, id, decision, actor, comment ?? null);
      await this.audit(manager, item, decision, sides, comment, actor);
      return after;
    });
    const states = await this.records.customerStates(this.dataSource.manager, customerIds);
    const customerNumbers = customerIds.map(
      (cid) => states.find((s) => s.id === cid)?.customerNumber as string,
    );
    return { review: await this.reviews.summary(id), customerNumbers };
  }

  /** Returns the customers answering for the two sides afterwards. */
  private async apply(
    manager: EntityManager,
    item: ReviewRow,
    decision: ReviewDecision,
    sides: Sides,
    comment: string | undefined,
    actor: string,
  ): Promise<string[]> {
    const { a, b } = sides;
    switch (decision) {
      case 'merge':
        if (a === b) return [a];
        return [
          await this.stewardship.mergeLocked(
            manager,
            a,
            b,
            actor,
            comment ?? `review ${item.id}: same customer`,
            item.id,
          ),
        ];
      case 'link':
        return this.link(manager, item, sides, comment, actor);
      case 'not-duplicate': {
        if (a === b) {
          throw new DomainError(
            'MERGE_CONFLICT',
            'The two sides have been merged since; split them instead.',
          );
        }
        const records = await this.records.activeRecords(manager, [a, b]);
        await this.records.insertExclusions(
          manager,
          records.filter((r) => r.customerId === a),
          records.filter((r) => r.customerId === b),
          item.id,
          actor,
        );
        return [a, b];
      }
      case 'defer':
        return a === b ? [a] : [a, b];
    }
  }

  /**
   * The record belongs to the candidate: it moves there. A customer left with no other record is
   * merged instead, so its number redirects (the older number survives, as in every merge).
   */
  private async link(
    manager: EntityManager,
    item: ReviewRow,
    { a, b }: Sides,
    comment: string | undefined,
    actor: string,
  ): Promise<string[]> {
    if (a === b) return [a];
    const record = await this.records.findRecordById(manager, item.sourceRecordId as string);
    if (record === undefined || record.status !== 'active' || record.customerId !== a) {
      throw new DomainError(
        'REVIEW_DECISION_NOT_APPLICABLE',
        'The record is no longer on this customer; merge or dismiss the item instead.',
      );
    }
    const records = await this.records.activeRecords(manager, [a, b]);
    const reason = comment ?? `review ${item.id}: record belongs to the candidate`;
    if (!records.some((r) => r.customerId === a && r.id !== record.id)) {
      return [await this.stewardship.mergeLocked(manager, a, b, actor, reason, item.id)];
    }
    const link = {
      decision: 'manual' as const,
      score: item.score,
      explanation: item.explanation,
      actor,
      at: new Date().toISOString(),
    };
    await this.records.deleteExclusionsBetween(
      manager,
      [record.id],
      records.filter((r) => r.customerId === b).map((r) => r.id),
    );
    await this.records.moveRecords(manager, [record.id], b, link);
    const fromNumber = await this.writer.recomputeGolden(manager, a);
    const toNumber = await this.writer.recomputeGolden(manager, b);
    const key = { source: record.source, sourceId: record.sourceId };
    await this.history.append(manager, [
      {
        customerId: b,
        action: 'linked',
        actor,
        reason,
        sourceRecordId: record.id,
        reviewId: item.id,
        relatedCustomerId: a,
        details: { ...key, from: fromNumber, link },
      },
      {
        customerId: a,
        action: 'detached',
        actor,
        reason,
        sourceRecordId: record.id,
        reviewId: item.id,
        relatedCustomerId: b,
        details: { ...key, to: toNumber },
      },
    ]);
    await this.events.write(manager, [
      {
        type: 'record.linked',
        customerNumber: toNumber,
        payload: { ...key, decision: 'manual', from: fromNumber },
      },
      {
        type: 'record.detached',
        customerNumber: fromNumber,
        payload: { ...key, movedTo: toNumber },
      },
    ]);
    return [b, a];
  }

  private async audit(
    manager: EntityManager,
    item: ReviewRow,
    decision: ReviewDecision,
    { a, b }: Sides,
    comment: string | undefined,
    actor: string,
  ): Promise<void> {
    const details = { decision, kind: item.kind, score: item.score };
    const entry = {
      action: 'review_decided' as const,
      actor,
      reason: comment ?? null,
      reviewId: item.id,
      sourceRecordId: item.sourceRecordId,
      details,
    };
    await this.history.append(
      manager,
      a === b
        ? [{ customerId: a, ...entry }]
        : [
            { customerId: a, relatedCustomerId: b, ...entry },
            { customerId: b, relatedCustomerId: a, ...entry },
          ],
    );
    const numbers = await this.records.customerStates(manager, [
      item.customerId,
      item.candidateCustomerId,
    ]);
    const numberOf = (id: string): string =>
      numbers.find((c) => c.id === id)?.customerNumber as string;
    await this.events.write(manager, [
      {
        type: 'review.decided',
        customerNumber: numberOf(item.customerId),
        payload: {
          reviewId: item.id,
          kind: item.kind,
          decision,
          customer: numberOf(item.customerId),
          candidate: numberOf(item.candidateCustomerId),
        },
      },
    ]);
  }
}

function alreadyDecided(): DomainError {
  return new DomainError('REVIEW_ALREADY_DECIDED', 'This review item has already been decided.');
}
