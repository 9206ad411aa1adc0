import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type { CustomerKind, CustomerRecordInput } from '../normalize/customer-record';
import type { NormalizedRecord } from '../normalize/normalized-record';
import { CustomerEntity } from './customer.entity';

export type SourceRecordStatus = 'active' | 'deleted';

/** How a source record came to belong to its customer: kept for stewards and history. */
export interface LinkDecision {
  decision: 'created' | 'linked' | 'review' | 'merged' | 'split' | 'manual';
  score: number | null;
  explanation: unknown;
  actor: string;
  at: string;
}

/** One record as a channel sent it, keyed by (source, sourceId); never lost. */
@Entity('source_records')
@Unique('uq_source_records_source_key', ['source', 'sourceId'])
@Index('idx_source_records_customer', ['customerId'])
export class SourceRecordEntity {
  @PrimaryGeneratedColumn('increment', {
    type: 'bigint',
    primaryKeyConstraintName: 'pk_source_records',
  })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  source!: string;

  @Column({ name: 'source_id', type: 'varchar', length: 256 })
  sourceId!: string;

  /** Null once the channel deleted the record (detached). */
  @Column({ name: 'customer_id', type: 'bigint', nullable: true })
  customerId!: string | null;

  @ManyToOne(() => CustomerEntity, { nullable: true })
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'fk_source_records_customer' })
  customer?: CustomerEntity | null;

  /** The customer this record belonged to before a merge moved it: a split restores it. */
  @Column({ name: 'previous_customer_id', type: 'bigint', nullable: true })
  previousCustomerId!: string | null;

  @ManyToOne(() => CustomerEntity, { nullable: true })
  @JoinColumn({
    name: 'previous_customer_id',
    foreignKeyConstraintName: 'fk_source_records_previous_customer',
  })
  previousCustomer?: CustomerEntity | null;

  @Column({ type: 'varchar', length: 16 })
  kind!: CustomerKind;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: SourceRecordStatus;

  @Column({ type: 'jsonb' })
  raw!: CustomerRecordInput;

  @Column({ type: 'jsonb' })
  normalized!: NormalizedRecord;

  /** Hash of the whole record as sent: the same record again is "unchanged". */
  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash!: string;

  /** Hash of the identifying fields only: a steward's "not duplicate" holds until it changes. */
  @Column({ name: 'identity_hash', type: 'varchar', length: 64 })
  identityHash!: string;

  @Column({ type: 'jsonb', nullable: true })
  link!: LinkDecision | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
