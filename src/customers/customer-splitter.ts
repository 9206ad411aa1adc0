import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { ChangeEventsWriter } from '../events/change-events.writer';
import { HistoryWriter } from '../history/history.writer';
import type { CustomerView } from './customer-view';
import { CustomerWriter } from './customer-writer';
import { CustomersService } from './customers.service';
import type { LinkDecision } from './source-record.entity';
import { type SourceKey, StewardshipLocks } from './stewardship-locks';
import {
  type CustomerState,
  StewardshipRepository,
  type StewardedRecord,
} from './stewardship.repository';

export interface SplitOff {
  customerNumber: string;
  /** True when the records went back to the number they had before a merge moved them. */
  restored: boolean;
  sourceRecords: SourceKey[];
}

export interface SplitOutcome {
  customer: CustomerView;
  splitOff: SplitOff[];
}

interface SplitGroup {
  /** Existing customer to restore, or undefined for a newly minted one. */
  targetId: string | undefined;
  records: StewardedRecord[];
}

/**
 * Split (unmerge): moves chosen source records off a customer. Records a merge brought in go back
 * to the number they had (re-activated if it was merged away); the others share one new customer.
 * The moved and the remaining records are marked "not the same customer", so the next import does
 * not merge them straight back.
 */
@Injectable()
export class CustomerSplitter {
  constructor(
    private readonly locks: StewardshipLocks,
    private readonly repository: StewardshipRepository,
    private readonly customers: CustomersService,
    private readonly writer: CustomerWriter,
    private readonly history: HistoryWriter,
    private readonly events: ChangeEventsWriter,
  ) {}

  async split(
    number: string,
    keys: readonly SourceKey[],
    reason: string | undefined,
    actor: string,
  ): Promise<SplitOutcome> {
    const requested = await this.customers.requireCustomer(number);
    const unique = dedupe(keys);
    const outcome = await this.locks.transaction(async (manager) => {
      await this.locks.lockSourceRecords(manager, unique);
      const records = await this.loadRecords(manager, unique);
      const previous = records
        .map((r) => r.previousCustomerId)
        .filter((id): id is string => id !== null);
      const survivors = await this.locks.lockCustomers(manager, [requested.id, ...previous]);
      const customerId = survivors.get(requested.id) as string;
      const stray = records.filter((r) => r.status !== 'active' || r.customerId !== customerId);
      if (stray.length > 0) {
        throw new DomainError(
          'SPLIT_CONFLICT',
          'Some of these source records do not belong to this customer.',
          stray.map(recordError),
        );
      }
      const remaining = (await this.repository.activeRecords(manager, [customerId])).filter(
        (r) => !records.some((m) => m.id === r.id),
      );
      if (remaining.length === 0) {
        throw new DomainError(
          'SPLIT_CONFLICT',
          'At least one source record must stay with the customer.',
        );
      }
      const states = await this.repository.customerStates(manager, [customerId, ...previous]);
      const groups = groupByTarget(records, customerId, states);
      const splitOff: SplitOff[] = [];
      for (const group of groups)
        splitOff.push(await this.moveGroup(manager, customerId, group, reason, actor));
      const number = await this.writer.recomputeGolden(manager, customerId);
      await this.repository.insertExclusions(manager, records, remaining, null, actor);
      return { number, splitOff };
    });
    return {
      customer: await this.customers.getCustomer(outcome.number),
      splitOff: outcome.splitOff,
    };
  }

  private async loadRecords(
    manager: EntityManager,
    keys: readonly SourceKey[],
  ): Promise<StewardedRecord[]> {
    const records = await this.repository.findRecordsByKeys(manager, keys);
    const missing = keys.filter(
      (k) => !records.some((r) => r.source === k.source && r.sourceId === k.sourceId),
    );
    if (missing.length > 0) {
      throw new DomainError(
        'SOURCE_RECORD_NOT_FOUND',
        'No source record with this source and id.',
        missing.map((k) => ({
          field: `sourceRecords[${keys.indexOf(k)}]`,
          code: 'SOURCE_RECORD_NOT_FOUND',
          message: 'unknown source record',
        })),
      );
    }
    return records;
  }

  private async moveGroup(
    manager: EntityManager,
    fromId: string,
    group: SplitGroup,
    reason: string | undefined,
    actor: string,
  ): Promise<SplitOff> {
    const restored = group.targetId !== undefined;
    const targetId =
      group.targetId ??
      (await this.writer.mintCustomer(manager, group.records[0].normalized, actor));
    if (restored) await this.repository.reactivate(manager, targetId);
    const link: LinkDecision = {
      decision: 'split',
      score: null,
      explanation: [],
      actor,
      at: new Date().toISOString(),
    };
    await this.repository.moveRecords(
      manager,
      group.records.map((r) => r.id),
      targetId,
      link,
    );
    const targetNumber = await this.writer.recomputeGolden(manager, targetId);
    const [from] = await this.repository.customerStates(manager, [fromId]);
    const sourceRecords = group.records.map((r) => ({ source: r.source, sourceId: r.sourceId }));
    const why = reason ?? 'split by a steward';
    await this.history.append(manager, [
      {
        customerId: fromId,
        action: 'split',
        actor,
        reason: why,
        relatedCustomerId: targetId,
        details: { to: targetNumber, restored, sourceRecords },
      },
      {
        customerId: targetId,
        action: 'split_from',
        actor,
        reason: why,
        relatedCustomerId: fromId,
        details: { from: from.customerNumber, restored, sourceRecords },
      },
    ]);
    await this.events.write(manager, [
      {
        type: 'customer.split',
        customerNumber: from.customerNumber,
        payload: { from: from.customerNumber, to: targetNumber, restored, sourceRecords },
      },
    ]);
    return { customerNumber: targetNumber, restored, sourceRecords };
  }
}

/**
 * Records go back to their previous customer when that one can take them: it was merged into
 * this customer (or later emptied), and it is of the same kind. The rest share a new customer.
 */
function groupByTarget(
  records: readonly StewardedRecord[],
  customerId: string,
  states: readonly CustomerState[],
): SplitGroup[] {
  const groups = new Map<string, SplitGroup>();
  const fresh: SplitGroup = { targetId: undefined, records: [] };
  for (const record of records) {
    const previous = states.find((s) => s.id === record.previousCustomerId);
    const usable =
      previous !== undefined &&
      previous.id !== customerId &&
      previous.kind === record.normalized.kind &&
      (previous.status !== 'merged' || previous.mergedIntoId === customerId);
    if (!usable) {
      fresh.records.push(record);
      continue;
    }
    const group = groups.get(previous.id) ?? { targetId: previous.id, records: [] };
    group.records.push(record);
    groups.set(previous.id, group);
  }
  return fresh.records.length > 0 ? [...groups.values(), fresh] : [...groups.values()];
}

function dedupe(keys: readonly SourceKey[]): SourceKey[] {
  const seen = new Map<string, SourceKey>();
  for (const k of keys) seen.set(`${k.source}\u0000${k.sourceId}`, k);
  return [...seen.values()];
}

function recordError(record: StewardedRecord): { field: string; code: string; message: string } {
  return {
    field: 'sourceRecords',
    code: 'NOT_ON_THIS_CUSTOMER',
    message: `${record.source}/${record.sourceId} is not an active record of this customer`,
  };
}
