import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type ChangeEventInput, ChangeEventsWriter } from '../events/change-events.writer';
import { type HistoryEntry, HistoryWriter } from '../history/history.writer';
import type { BlockingKey } from '../matching/blocking-keys';
import type { ScoredCandidate } from '../matching/score';
import type { NormalizedRecord } from '../normalize/normalized-record';
import { MatchConfigHolder } from '../resolution/match-config.provider';
import { RecordPlacementRepository } from '../resolution/record-placement.repository';
import {
  type CandidateRecord,
  ResolutionRepository,
  type NewSourceRecord,
} from '../resolution/resolution.repository';
import type { ReviewKind } from '../review/review-item.entity';
import { formatCustomerNumber, regionCodeFor } from '../matching/customer-number';
import { CustomersRepository } from './customers.repository';
import { buildGoldenRecord } from '../matching/survivorship';

/** What mdm_require raises when a write finds its customer merged or emptied meanwhile. */
export const CONCURRENT_CHANGE_SQLSTATE = 'MDM01';

/** The customer chosen for a link was merged or emptied by another transaction meanwhile. */
export class ConcurrentChangeError extends Error {
  constructor() {
    super('The customer changed concurrently; resolve again');
    this.name = 'ConcurrentChangeError';
  }
}

/**
 * The writes that change customers: mint, attach and update records, merge, recompute golden
 * records, open reviews. Each writes its history and change events in the caller's transaction.
 */
@Injectable()
export class CustomerWriter {
  constructor(
    private readonly resolution: ResolutionRepository,
    private readonly customers: CustomersRepository,
    private readonly history: HistoryWriter,
    private readonly events: ChangeEventsWriter,
    private readonly matchConfig: MatchConfigHolder,
    private readonly placement: RecordPlacementRepository,
  ) {}

  async mintCustomer(
    manager: EntityManager,
    record: NormalizedRecord,
    actor: string,
  ): Promise<string> {
    const sequence = await this.resolution.nextCustomerSequence(manager);
    const number = formatCustomerNumber(record.kind, regionCodeFor(record), sequence);
    const id = await this.resolution.insertCustomer(
      manager,
      number,
      record.kind,
      regionCodeFor(record),
    );
    await this.history.append(manager, [{ customerId: id, action: 'created', actor }]);
    await this.events.write(manager, [
      { type: 'customer.created', customerNumber: number, payload: { kind: record.kind } },
    ]);
    return id;
  }

  /**
   * The mint path: a new customer and its first source record, golden record computed in memory.
   * A new record is written in one statement; a revived (once deleted) record takes the long way.
   */
  async createCustomerWithRecord(
    manager: EntityManager,
    record: Omit<NewSourceRecord, 'customerId'>,
    revivedRecordId: string | undefined,
    newRecordId: string,
    keys: readonly BlockingKey[],
    actor: string,
    allocated?: { customerId: string; sequence: number },
  ): Promise<{ customerId: string; customerNumber: string; recordId: string }> {
    const ids = allocated ?? (await this.placement.allocateCustomerIds(manager));
    const recordId = revivedRecordId ?? newRecordId;
    const regionCode = regionCodeFor(record.normalized);
    const customerNumber = formatCustomerNumber(record.kind, regionCode, ids.sequence);
    const customerId = ids.customerId;
    const golden = buildGoldenRecord(
      [
        {
          sourceRecordId: recordId,
          source: record.source,
          updatedAt: new Date(),
          normalized: record.normalized,
        },
      ],
      this.matchConfig.config,
    );
    const key = { source: record.source, sourceId: record.sourceId };
    const history: HistoryEntry[] = [
      { customerId, action: 'created', actor },
      {
        customerId,
        action: 'linked',
        actor,
        sourceRecordId: recordId,
        details: { ...key, link: record.link },
      },
    ];
    const events: ChangeEventInput[] = [
      { type: 'customer.created', customerNumber, payload: { kind: record.kind } },
      {
        type: 'record.linked',
        customerNumber,
        payload: { ...key, decision: record.link.decision },
      },
    ];
    const full = { ...record, customerId };
    if (revivedRecordId === undefined) {
      await this.placement.insertCustomerWithRecord(
        manager,
        { recordId, record: full, keys, golden, history, events },
        { customerNumber, regionCode },
      );
    } else {
      await this.resolution.insertCustomerWithId(
        manager,
        customerId,
        customerNumber,
        record.kind,
        regionCode,
        golden,
      );
      await this.resolution.updateSourceRecord(manager, recordId, full);
      await this.resolution.replaceBlockingKeys(manager, recordId, customerId, keys);
      await this.events.writeWithHistory(manager, events, history);
    }
    return { customerId, customerNumber, recordId };
  }

  /**
   * Links a new (or revived) source record to an existing customer. The golden record is rebuilt
   * in memory from the customer's records, already loaded for scoring, plus the new one; a new
   * record is written in one statement.
   */
  async linkNewRecord(
    manager: EntityManager,
    record: NewSourceRecord,
    revivedRecordId: string | undefined,
    newRecordId: string,
    keys: readonly BlockingKey[],
    customerRecords: readonly CandidateRecord[],
    actor: string,
  ): Promise<{ recordId: string; customerNumber: string }> {
    const first = customerRecords[0];
    if (first === undefined) throw new ConcurrentChangeError();
    const recordId = revivedRecordId ?? newRecordId;
    const survivors = [
      ...customerRecords.map((r) => ({
        sourceRecordId: r.recordId,
        source: r.source,
        updatedAt: new Date(r.updatedAt),
        normalized: r.normalized,
      })),
      {
        sourceRecordId: recordId,
        source: record.source,
        updatedAt: new Date(),
        normalized: record.normalized,
      },
    ];
    const golden = buildGoldenRecord(survivors, this.matchConfig.config, first.pins);
    const key = { source: record.source, sourceId: record.sourceId };
    const history: HistoryEntry[] = [
      {
        customerId: record.customerId,
        action: 'linked',
        actor,
        sourceRecordId: recordId,
        details: { ...key, link: record.link },
      },
    ];
    const events: ChangeEventInput[] = [
      {
        type: 'record.linked',
        customerNumber: first.customerNumber,
        payload: { ...key, decision: record.link.decision },
      },
      { type: 'customer.updated', customerNumber: first.customerNumber },
    ];
    if (revivedRecordId === undefined) {
      await this.placement.linkRecord(manager, { recordId, record, keys, golden, history, events });
    } else {
      if ((await this.customers.lockActiveCustomer(manager, record.customerId)) === undefined)
        throw new ConcurrentChangeError();
      await this.resolution.updateSourceRecord(manager, recordId, record);
      await this.resolution.replaceBlockingKeys(manager, recordId, record.customerId, keys);
      await this.customers.saveGolden(manager, record.customerId, golden, 'active');
      await this.events.writeWithHistory(manager, events, history);
    }
    return { recordId, customerNumber: first.customerNumber };
  }

  /** Inserts a new source record (or revives a deleted one) on a customer. Returns its id. */
  async attachRecord(
    manager: EntityManager,
    record: NewSourceRecord,
    deletedRecordId: string | undefined,
    keys: readonly BlockingKey[],
    actor: string,
  ): Promise<string> {
    let recordId: string;
    if (deletedRecordId === undefined) {
      recordId = await this.resolution.insertSourceRecord(manager, record);
    } else {
      recordId = deletedRecordId;
      await this.resolution.updateSourceRecord(manager, recordId, record);
    }
    await this.resolution.replaceBlockingKeys(manager, recordId, record.customerId, keys);
    const number = await this.recomputeGolden(manager, record.customerId);
    await this.history.append(manager, [
      {
        customerId: record.customerId,
        action: 'linked',
        actor,
        sourceRecordId: recordId,
        details: { source: record.source, sourceId: record.sourceId, link: record.link },
      },
    ]);
    await this.events.write(manager, [
      {
        type: 'record.linked',
        customerNumber: number,
        payload: {
          source: record.source,
          sourceId: record.sourceId,
          decision: record.link.decision,
        },
      },
    ]);
    return recordId;
  }

  async updateRecord(
    manager: EntityManager,
    recordId: string,
    record: NewSourceRecord,
    keys: readonly BlockingKey[],
    actor: string,
  ): Promise<void> {
    await this.resolution.updateSourceRecord(manager, recordId, record);
    await this.resolution.replaceBlockingKeys(manager, recordId, record.customerId, keys);
    await this.recomputeGolden(manager, record.customerId);
    await this.history.append(manager, [
      {
        customerId: record.customerId,
        action: 'updated',
        actor,
        sourceRecordId: recordId,
        details: { source: record.source, sourceId: record.sourceId },
      },
    ]);
  }

  async detachRecord(
    manager: EntityManager,
    recordId: string,
    customerId: string,
    key: { source: string; sourceId: string },
    actor: string,
  ): Promise<void> {
    await this.resolution.markDeleted(manager, recordId);
    const number = await this.recomputeGolden(manager, customerId);
    await this.history.append(manager, [
      {
        customerId,
        action: 'detached',
        actor,
        sourceRecordId: recordId,
        reason: 'deleted by its source system',
        details: key,
      },
    ]);
    await this.events.write(manager, [
      { type: 'record.detached', customerNumber: number, payload: key },
    ]);
  }

  /** Opens a review for a pair of customers unless one is already open; returns the item id. */
  async openReview(
    manager: EntityManager,
    kind: ReviewKind,
    customerId: string,
    candidateId: string,
    recordId: string,
    scored: ScoredCandidate,
    actor: string,
  ): Promise<string> {
    const { id, created } = await this.customers.insertOpenReview(
      manager,
      kind,
      customerId,
      candidateId,
      recordId,
      scored.score,
      scored.explanation,
    );
    if (created) {
      await this.history.append(manager, [
        {
          customerId,
          action: 'review_opened',
          actor,
          reviewId: id,
          relatedCustomerId: candidateId,
          sourceRecordId: recordId,
          details: { kind, score: scored.score },
        },
        {
          customerId: candidateId,
          action: 'review_opened',
          actor,
          reviewId: id,
          relatedCustomerId: customerId,
          sourceRecordId: recordId,
          details: { kind, score: scored.score },
        },
      ]);
    }
    return id;
  }

  /**
   * Merges two customers: the older number survives, the other becomes `merged` and redirects to
   * it forever. Records remember where they came from so a split can restore them.
   */
  async mergeCustomers(
    manager: EntityManager,
    a: string,
    b: string,
    actor: string,
    reason: string,
    reviewId?: string,
  ): Promise<string> {
    const [survivor, merged] = BigInt(a) < BigInt(b) ? [a, b] : [b, a];
    await this.customers.lockCustomers(manager, [survivor, merged]);
    await this.customers.moveRecords(manager, merged, survivor);
    await this.customers.markMerged(manager, merged, survivor);
    const survivorNumber = await this.recomputeGolden(manager, survivor);
    const mergedNumber = await this.resolution.customerNumberOf(manager, merged);
    const ownNumber =
      (await this.resolution.customerNumbersOf(manager, [merged])).get(merged) ?? mergedNumber;
    await this.history.append(manager, [
      {
        customerId: survivor,
        action: 'merged',
        actor,
        reason,
        relatedCustomerId: merged,
        reviewId,
        details: { merged: ownNumber },
      },
      {
        customerId: merged,
        action: 'merged_into',
        actor,
        reason,
        relatedCustomerId: survivor,
        reviewId,
        details: { survivor: survivorNumber },
      },
    ]);
    await this.events.write(manager, [
      {
        type: 'customer.merged',
        customerNumber: survivorNumber,
        payload: { survivor: survivorNumber, merged: ownNumber },
      },
    ]);
    return survivor;
  }

  /**
   * Golden record from the customer's active records (and pins). A customer left without records
   * becomes inactive; its number is kept, never reused. Returns the customer number.
   */
  async recomputeGolden(manager: EntityManager, customerId: string): Promise<string> {
    const state = await this.customers.loadForSurvivorship(manager, customerId);
    if (state.records.length === 0) {
      if (state.status === 'active') {
        await this.customers.setStatus(manager, customerId, 'inactive');
        await this.history.append(manager, [
          { customerId, action: 'deactivated', actor: 'system', reason: 'no source records left' },
        ]);
        await this.events.write(manager, [
          { type: 'customer.deactivated', customerNumber: state.customerNumber },
        ]);
      }
      return state.customerNumber;
    }
    const golden = buildGoldenRecord(state.records, this.matchConfig.config, state.pins);
    await this.customers.saveGolden(
      manager,
      customerId,
      golden,
      state.status === 'inactive' ? 'active' : state.status,
    );
    return state.customerNumber;
  }
}
