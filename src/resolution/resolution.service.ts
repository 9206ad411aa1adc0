import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { sqlStateOf } from '../common/sql-state';
import { runFusedTransaction } from '../database/fused-transaction';
import {
  CONCURRENT_CHANGE_SQLSTATE,
  ConcurrentChangeError,
  CustomerWriter,
} from '../customers/customer-writer';
import type { LinkDecision } from '../customers/source-record.entity';
import { blockingKeys, type BlockingKey } from '../matching/blocking-keys';
import { decide } from '../matching/decide';
import type { CustomerRecordInput } from '../normalize/customer-record';
import { normalizeRecord } from '../normalize/normalize-record';
import type { NormalizedRecord } from '../normalize/normalized-record';
import { lockIdsFor } from './advisory-locks';
import { CandidateScorer, type RankedCustomer, type Ranking } from './candidate-scorer';
import { GenericKeyMemory } from './generic-key-memory';
import { MatchConfigHolder } from './match-config.provider';
import { contentHash, identityHash } from './record-hashes';
import type { MatchCandidate, ResolveResult } from './resolve-result';
import {
  ResolutionRepository,
  type NewSourceRecord,
  type ResolveReadItem,
  type ResolveReadSettings,
  type ResolveReads,
  type StoredSourceRecord,
} from './resolution.repository';

/** A resolve that lost a race with a merge is retried this many times in all. */
const MAX_ATTEMPTS = 3;

/** Counting a name's customers beyond this changes its weight by a negligible amount. */
const NAME_COUNT_CAP = 5000;

/**
 * What a resolve locks: its own source key and every blocking key not known to be generic
 * (GenericKeyMemory); imports lock a batch's union.
 */
function lockKeysOf(p: PreparedRecord, generic: GenericKeyMemory): string[] {
  const keys = [`src:${p.input.source}\u0000${p.input.sourceId}`];
  for (const k of p.keys) {
    const key = `${k.type}:${k.value}`;
    if (!generic.isGeneric(key)) keys.push(key);
  }
  return keys;
}

/** The customers whose records a resolve read: its candidates and its own customer. */
function customersReadBy(reads: ResolveReads): string[] {
  const own = reads.existing?.customerId;
  return own === null || own === undefined
    ? reads.candidateCustomerIds
    : [...reads.candidateCustomerIds, own];
}

/**
 * Per record of a batch, whether an earlier record has one of its lock keys: such a record is
 * always read again in resolveBatch (the earlier one touched the key), so the batch read draws no
 * ids for it, which could go unused.
 */
function sharesKeyWithEarlier(keysByRecord: readonly (readonly string[])[]): boolean[] {
  const seen = new Set<string>();
  return keysByRecord.map((keys) => {
    const shares = keys.some((k) => seen.has(k));
    for (const k of keys) seen.add(k);
    return shares;
  });
}

function readItemOf(p: PreparedRecord): ResolveReadItem {
  return {
    source: p.input.source,
    sourceId: p.input.sourceId,
    identityHash: p.identityHash,
    keys: p.keys,
  };
}

interface PreparedRecord {
  input: CustomerRecordInput;
  normalized: NormalizedRecord;
  keys: BlockingKey[];
  contentHash: string;
  identityHash: string;
}

/**
 * The resolution pipeline: normalise → blocking keys → lock → candidates → score → decide →
 * persist (link / mint / review) → survivorship → change events, in one transaction.
 */
@Injectable()
export class ResolutionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ResolutionRepository,
    private readonly scorer: CandidateScorer,
    private readonly writer: CustomerWriter,
    private readonly matchConfig: MatchConfigHolder,
    private readonly genericKeys: GenericKeyMemory,
  ) {}

  prepare(input: CustomerRecordInput): PreparedRecord {
    const { record } = normalizeRecord(input);
    if (!hasIdentifyingField(record)) {
      throw new DomainError(
        'NO_IDENTIFYING_FIELD',
        'The record needs at least one of name, phone, e-mail or id number.',
        [
          {
            field: 'name',
            code: 'NO_IDENTIFYING_FIELD',
            message: 'none of name, phones, emails, idNumber is usable',
          },
        ],
      );
    }
    return {
      input,
      normalized: record,
      keys: blockingKeys(record),
      contentHash: contentHash(input),
      identityHash: identityHash(record),
    };
  }

  /**
   * One transaction per record. If a steward merged the chosen customer away between our read and
   * our write, or a deadlock with a steward's merge aborted us, the record is resolved again.
   */
  async resolve(input: CustomerRecordInput, actor: string): Promise<ResolveResult> {
    const prepared = this.prepare(input);
    for (let attempt = 1; ; attempt++) {
      try {
        return await runFusedTransaction(this.dataSource, (manager) =>
          this.resolvePrepared(manager, prepared, actor),
        );
      } catch (error) {
        if (!isRetryable(error) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * Imports: resolves prepared records in order inside the caller's transaction, so rows of one
   * batch see each other (two rows of one new person make one customer).
   *
   * The locks of all the records are taken first, in one ascending call (record by record, two
   * batches sharing keys could each hold one and wait for the other), and the reads of all the
   * records come back from the same call. Those reads stay true for a record unless an earlier
   * record of the batch shared one of its keys (it may have added a candidate) or touched one of
   * its candidates or its customer (their records changed): such a record is read again, alone,
   * which costs a round trip; the others cost none.
   *
   * The population used for term frequencies is the customer numbers drawn before the batch plus
   * the customers the batch minted before the record, as resolving one by one counts them. Neither
   * read gives that alone: the batch read counts the ids it drew for the records before (not those
   * drawn later in a decision), a re-read every id drawn so far, including those drawn for records
   * after it. A record sharing a key with an earlier one draws no ids in the batch read: it is read
   * again and may well link, and an id drawn for it would be a gap in the numbers that every later
   * population counts.
   */
  async resolveBatch(
    manager: EntityManager,
    prepared: readonly PreparedRecord[],
    actor: string,
  ): Promise<ResolveResult[]> {
    const settings = this.readSettings(true);
    const keysByRecord = prepared.map((p) => lockKeysOf(p, this.genericKeys));
    const sharesEarlierKey = sharesKeyWithEarlier(keysByRecord);
    const batchReads = await this.repository.readBatchForResolve(
      manager,
      lockIdsFor(keysByRecord.flat()),
      prepared.map((p, i) => ({ ...readItemOf(p), deferCustomer: sharesEarlierKey[i] })),
      settings,
    );
    for (const reads of batchReads) this.genericKeys.remember(reads.genericKeys);
    // The first record's population is the customers before the batch (nothing allocated before it).
    const populationBefore = batchReads[0]?.population ?? 0;
    const touchedCustomers = new Set<string>();
    let minted = 0;
    const results: ResolveResult[] = [];
    for (const [i, p] of prepared.entries()) {
      let reads = batchReads[i];
      const customers = customersReadBy(reads);
      // An earlier record touched every key it had: sharing one means it may have added a candidate.
      if (sharesEarlierKey[i] || customers.some((c) => touchedCustomers.has(c))) {
        // Its locks are held already: no other transaction can have changed what it reads.
        const again = await this.repository.readForResolve(manager, [], readItemOf(p), {
          ...settings,
          allocate: reads.newCustomer === null,
        });
        reads = { ...again, newCustomer: again.newCustomer ?? reads.newCustomer };
      }
      reads = { ...reads, population: populationBefore + minted };
      const result = await this.resolveWithReads(manager, p, reads, actor);
      results.push(result);
      for (const c of customersReadBy(reads)) touchedCustomers.add(c);
      if (result.decision === 'created' || result.decision === 'review') minted++;
    }
    return results;
  }

  /** One record: its locks and reads in one call, then the decision and the writes. */
  private async resolvePrepared(
    manager: EntityManager,
    p: PreparedRecord,
    actor: string,
  ): Promise<ResolveResult> {
    const reads = await this.repository.readForResolve(
      manager,
      lockIdsFor(lockKeysOf(p, this.genericKeys)),
      readItemOf(p),
      this.readSettings(true),
    );
    this.genericKeys.remember(reads.genericKeys);
    return this.resolveWithReads(manager, p, reads, actor);
  }

  private async resolveWithReads(
    manager: EntityManager,
    p: PreparedRecord,
    reads: ResolveReads,
    actor: string,
  ): Promise<ResolveResult> {
    const existing = reads.existing;
    if (
      existing?.status === 'active' &&
      existing.customerId !== null &&
      existing.contentHash === p.contentHash &&
      existing.customerNumber !== null
    ) {
      return {
        customerNumber: existing.customerNumber,
        decision: 'unchanged',
        score: null,
        explanation: [],
      };
    }
    const ranking = this.scorer.rank(p.normalized, reads);
    return existing?.status === 'active' && existing.customerId !== null
      ? this.reevaluate(
          manager,
          p,
          existing as StoredSourceRecord & { customerId: string },
          ranking.ranked,
          actor,
        )
      : this.placeNewRecord(manager, p, existing, reads, ranking, actor);
  }

  private readSettings(allocate: boolean): ResolveReadSettings {
    return {
      genericKeyLimit: this.matchConfig.config.genericKeyLimit,
      partialKeyLimit: this.matchConfig.config.partialKeyLimit,
      maxCandidates: this.matchConfig.config.maxCandidates,
      nameCountCap: NAME_COUNT_CAP,
      allocate,
    };
  }

  /** A record never seen (or deleted before): link, or mint a customer (with a review if unsure). */
  private async placeNewRecord(
    manager: EntityManager,
    p: PreparedRecord,
    existing: StoredSourceRecord | undefined,
    reads: ResolveReads,
    ranking: Ranking,
    actor: string,
  ): Promise<ResolveResult> {
    const ranked = ranking.ranked;
    // A record never seen has an id from the reads; a deleted one is revived under its own.
    const newRecordId = existing?.id ?? (reads.newRecordId as string);
    const decision = decide(ranked, this.matchConfig.config.thresholds);
    const best = decision.best;
    if (decision.decision === 'link' && best !== undefined) {
      const { recordId, customerNumber } = await this.writer.linkNewRecord(
        manager,
        this.newRecord(p, best.customerId, linkDecision('linked', best, actor)),
        existing?.id,
        newRecordId,
        p.keys,
        ranking.recordsByCustomer.get(best.customerId) ?? [],
        actor,
      );
      const result: ResolveResult = {
        customerNumber,
        decision: 'linked',
        score: best.score,
        explanation: best.explanation,
      };
      if (decision.mergeProposal !== undefined) {
        const [a, b] = decision.mergeProposal;
        const second = ranked.find((c) => c.customerId === b) as RankedCustomer;
        result.reviewId = await this.writer.openReview(
          manager,
          'customer_merge',
          a,
          b,
          recordId,
          second,
          actor,
        );
        result.mergeProposedWith = await this.repository.customerNumberOf(manager, b);
      }
      return result;
    }
    const kind = decision.decision === 'review' ? 'review' : 'created';
    const { customerId, customerNumber, recordId } = await this.writer.createCustomerWithRecord(
      manager,
      this.newRecordFields(p, linkDecision(kind, best, actor)),
      existing?.id,
      newRecordId,
      p.keys,
      actor,
      reads.newCustomer ?? undefined,
    );
    const result: ResolveResult = {
      customerNumber,
      decision: kind,
      score: best?.score ?? null,
      explanation: best?.explanation ?? [],
    };
    if (decision.decision === 'review' && best !== undefined) {
      result.reviewId = await this.writer.openReview(
        manager,
        'record_match',
        customerId,
        best.customerId,
        recordId,
        best,
        actor,
      );
    }
    return result;
  }

  /**
   * A changed record is re-evaluated. It stays with its customer unless it now strongly matches
   * another one: then, if it was its customer's only record, that customer is merged into the
   * match (the old number keeps working); otherwise a steward is asked to merge.
   */
  private async reevaluate(
    manager: EntityManager,
    p: PreparedRecord,
    existing: StoredSourceRecord & { customerId: string },
    ranked: RankedCustomer[],
    actor: string,
  ): Promise<ResolveResult> {
    const current = existing.customerId;
    const others = ranked.filter((c) => c.customerId !== current);
    const own = ranked.find((c) => c.customerId === current);
    const decision = decide(others, this.matchConfig.config.thresholds);
    const best = decision.best;
    const link = linkDecision('linked', own ?? best, actor);
    await this.writer.updateRecord(
      manager,
      existing.id,
      this.newRecord(p, current, link),
      p.keys,
      actor,
    );
    if (
      decision.decision === 'link' &&
      best !== undefined &&
      (own === undefined || best.score > own.score)
    ) {
      if ((await this.repository.countActiveRecords(manager, current)) === 1) {
        const survivor = await this.writer.mergeCustomers(
          manager,
          best.customerId,
          current,
          actor,
          'record changed and now matches',
        );
        return this.answer(manager, survivor, 'linked', best);
      }
      const result = await this.answer(manager, current, 'review', best);
      result.reviewId = await this.writer.openReview(
        manager,
        'customer_merge',
        best.customerId,
        current,
        existing.id,
        best,
        actor,
      );
      return result;
    }
    if (decision.decision === 'review' && best !== undefined) {
      const result = await this.answer(manager, current, 'review', best);
      result.reviewId = await this.writer.openReview(
        manager,
        'record_match',
        current,
        best.customerId,
        existing.id,
        best,
        actor,
      );
      return result;
    }
    return this.answer(manager, current, 'linked', own);
  }

  /** The channel deleted its record: detach it and recompute (or deactivate) its customer. */
  async detach(source: string, sourceId: string, actor: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.repository.lock(manager, lockIdsFor([`src:${source}\u0000${sourceId}`]));
      const existing = await this.repository.findSourceRecord(manager, source, sourceId);
      if (existing === undefined || existing.status === 'deleted' || existing.customerId === null) {
        throw new DomainError(
          'SOURCE_RECORD_NOT_FOUND',
          'No active source record with this source and id.',
        );
      }
      await this.writer.detachRecord(
        manager,
        existing.id,
        existing.customerId,
        { source, sourceId },
        actor,
      );
    });
  }

  /** Ranked candidates without writing anything (POST /v1/match). */
  async match(input: CustomerRecordInput): Promise<MatchCandidate[]> {
    const p = this.prepare(input);
    const { upper, lower } = this.matchConfig.config.thresholds;
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const reads = await this.repository.readForResolve(
        manager,
        [],
        readItemOf(p),
        this.readSettings(false),
      );
      const { ranked } = this.scorer.rank(p.normalized, reads, { values: 'masked' });
      const numbers = await this.repository.customerNumbersOf(
        manager,
        ranked.map((r) => r.customerId),
      );
      return ranked.map((r) => ({
        customerNumber: numbers.get(r.customerId) as string,
        score: r.score,
        decision: r.score >= upper ? 'link' : r.score >= lower ? 'review' : 'below-threshold',
        ...(r.rule === undefined ? {} : { rule: r.rule }),
        explanation: r.explanation,
      }));
    });
  }

  private newRecord(p: PreparedRecord, customerId: string, link: LinkDecision): NewSourceRecord {
    return { ...this.newRecordFields(p, link), customerId };
  }

  private newRecordFields(
    p: PreparedRecord,
    link: LinkDecision,
  ): Omit<NewSourceRecord, 'customerId'> {
    return {
      source: p.input.source,
      sourceId: p.input.sourceId,
      kind: p.input.kind,
      raw: p.input,
      normalized: p.normalized,
      contentHash: p.contentHash,
      identityHash: p.identityHash,
      link,
    };
  }

  private async answer(
    manager: EntityManager,
    customerId: string,
    decision: ResolveResult['decision'],
    best: RankedCustomer | undefined,
  ): Promise<ResolveResult> {
    return {
      customerNumber: await this.repository.customerNumberOf(manager, customerId),
      decision,
      score: best?.score ?? null,
      explanation: best?.explanation ?? [],
    };
  }
}

function linkDecision(
  decision: LinkDecision['decision'],
  best: RankedCustomer | undefined,
  actor: string,
): LinkDecision {
  return {
    decision,
    score: best?.score ?? null,
    explanation: best?.explanation ?? [],
    actor,
    at: new Date().toISOString(),
  };
}

function hasIdentifyingField(record: NormalizedRecord): boolean {
  return (
    record.personName !== undefined ||
    record.orgName !== undefined ||
    record.phones.length > 0 ||
    record.emails.length > 0 ||
    record.id !== undefined
  );
}

/** Lost a race with a merge, or PostgreSQL chose this transaction as a deadlock victim. */
function isRetryable(error: unknown): boolean {
  if (error instanceof ConcurrentChangeError) return true;
  const code = sqlStateOf(error);
  return code === '40P01' || code === '40001' || code === CONCURRENT_CHANGE_SQLSTATE;
}
