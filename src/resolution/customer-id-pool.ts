import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RecordPlacementRepository } from './record-placement.repository';

/** New customers' ids fetched per round trip; at most this many numbers are skipped per process. */
const IDS_PER_FETCH = 32;

export interface CustomerIds {
  customerId: string;
  sequence: number;
}

/**
 * Ids and number sequences for new customers whose reads did not bring them (a record with
 * candidates that still makes a new customer: about one record in ten of an import). Fetched
 * IDS_PER_FETCH at a time, as a PostgreSQL sequence with CACHE would: a mint costs no round trip of
 * its own, and a run of placements is not cut in two by one (see fused-transaction). As with
 * CACHE, the numbers left when the process stops are never used, and customers minted by
 * different processes at the same time do not get their numbers in minting order.
 */
@Injectable()
export class CustomerIdPool {
  private readonly ready: CustomerIds[] = [];

  constructor(private readonly placement: RecordPlacementRepository) {}

  async take(manager: EntityManager): Promise<CustomerIds> {
    const next = this.ready.shift();
    if (next !== undefined) return next;
    const fetched = await this.placement.allocateCustomerIds(manager, IDS_PER_FETCH);
    // Another resolve may have filled the pool meanwhile: its ids go first, in order.
    this.ready.push(...fetched);
    return this.ready.shift() as CustomerIds;
  }
}
