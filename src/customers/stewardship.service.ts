import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { ChangeEventsWriter } from '../events/change-events.writer';
import { HistoryWriter } from '../history/history.writer';
import type { CustomerView } from './customer-view';
import { CustomerWriter } from './customer-writer';
import type { PinnedValue } from './customer.entity';
import { CustomersService } from './customers.service';
import { StewardshipLocks } from './stewardship-locks';
import { type CustomerState, StewardshipRepository } from './stewardship.repository';

export interface MergeOutcome {
  survivor: string;
  merged: string;
  customer: CustomerView;
}

/**
 * Multi-valued golden attributes are lists chosen from every record; a single pinned value would
 * silently replace the list, so they cannot be pinned.
 */
const UNPINNABLE = new Set(['phones', 'emails']);

/** A steward's merge and pins. Split lives in CustomerSplitter, history in CustomerHistoryService. */
@Injectable()
export class StewardshipService {
  constructor(
    private readonly locks: StewardshipLocks,
    private readonly repository: StewardshipRepository,
    private readonly customers: CustomersService,
    private readonly writer: CustomerWriter,
    private readonly history: HistoryWriter,
    private readonly events: ChangeEventsWriter,
  ) {}

  /** Manual merge: the older number survives, the other redirects to it forever. */
  async merge(
    number: string,
    otherNumber: string,
    reason: string | undefined,
    actor: string,
  ): Promise<MergeOutcome> {
    const [one, other] = [
      await this.customers.requireCustomer(number),
      await this.customers.requireCustomer(otherNumber),
    ];
    const numbers = await this.locks.transaction(async (manager) => {
      const survivors = await this.locks.lockForMerge(manager, [one.id, other.id]);
      const a = survivors.get(one.id) as string;
      const b = survivors.get(other.id) as string;
      const survivor = await this.mergeLocked(
        manager,
        a,
        b,
        actor,
        reason ?? 'manual merge by a steward',
      );
      const states = await this.repository.customerStates(manager, [a, b]);
      const numberOf = (id: string): string =>
        states.find((c) => c.id === id)?.customerNumber as string;
      return { survivor: numberOf(survivor), merged: numberOf(survivor === a ? b : a) };
    });
    return { ...numbers, customer: await this.customers.getCustomer(numbers.survivor) };
  }

  /**
   * Merges two locked, current (not merged) customers. Earlier "not the same" answers between
   * their records are void once a steward says they are the same. Returns the survivor's id.
   */
  async mergeLocked(
    manager: EntityManager,
    a: string,
    b: string,
    actor: string,
    reason: string,
    reviewId?: string,
  ): Promise<string> {
    if (a === b) {
      throw new DomainError('MERGE_CONFLICT', 'These numbers already belong to one customer.');
    }
    const [left, right] = await this.repository.customerStates(manager, [a, b]);
    if (left.kind !== right.kind) {
      throw new DomainError('MERGE_CONFLICT', 'A person cannot be merged with an organisation.');
    }
    const records = await this.repository.activeRecords(manager, [a, b]);
    await this.repository.deleteExclusionsBetween(
      manager,
      records.filter((r) => r.customerId === a).map((r) => r.id),
      records.filter((r) => r.customerId === b).map((r) => r.id),
    );
    return this.writer.mergeCustomers(manager, a, b, actor, reason, reviewId);
  }

  async pin(
    number: string,
    attribute: string,
    value: unknown,
    reason: string,
    actor: string,
  ): Promise<CustomerView> {
    if (UNPINNABLE.has(attribute)) {
      throw new DomainError('VALIDATION_FAILED', 'Multi-valued attributes cannot be pinned.', [
        {
          field: 'name',
          code: 'ATTRIBUTE_NOT_PINNABLE',
          message: `${attribute} is a list chosen from every record`,
        },
      ]);
    }
    const pinned: PinnedValue = {
      value,
      reason,
      pinnedBy: actor,
      pinnedAt: new Date().toISOString(),
    };
    return this.changePins(number, actor, (customer) => {
      const previous = customer.pins[attribute];
      return {
        pins: { ...customer.pins, [attribute]: pinned },
        history: {
          action: 'pinned',
          reason,
          details: { attribute, value, ...(previous ? { previous: previous.value } : {}) },
        },
        event: { attribute, change: 'pinned' },
      };
    });
  }

  async unpin(
    number: string,
    attribute: string,
    reason: string | undefined,
    actor: string,
  ): Promise<CustomerView> {
    return this.changePins(number, actor, (customer) => {
      const previous = customer.pins[attribute];
      if (previous === undefined) {
        throw new DomainError('PIN_NOT_FOUND', 'This attribute is not pinned on this customer.');
      }
      const { [attribute]: _removed, ...rest } = customer.pins;
      return {
        pins: rest,
        history: {
          action: 'unpinned',
          reason: reason ?? null,
          details: { attribute, previous: previous.value },
        },
        event: { attribute, change: 'unpinned' },
      };
    });
  }

  private async changePins(
    number: string,
    actor: string,
    change: (customer: CustomerState) => {
      pins: Record<string, PinnedValue>;
      history: {
        action: 'pinned' | 'unpinned';
        reason: string | null;
        details: Record<string, unknown>;
      };
      event: Record<string, unknown>;
    },
  ): Promise<CustomerView> {
    const requested = await this.customers.requireCustomer(number);
    const customerNumber = await this.locks.transaction(async (manager) => {
      const survivors = await this.locks.lockCustomers(manager, [requested.id]);
      const id = survivors.get(requested.id) as string;
      const [customer] = await this.repository.customerStates(manager, [id]);
      const { pins, history, event } = change(customer);
      await this.repository.savePins(manager, id, pins);
      const current = await this.writer.recomputeGolden(manager, id);
      await this.history.append(manager, [{ customerId: id, actor, ...history }]);
      await this.events.write(manager, [
        { type: 'customer.updated', customerNumber: current, payload: event },
      ]);
      return current;
    });
    return this.customers.getCustomer(customerNumber);
  }
}
