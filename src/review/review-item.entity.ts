import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { CustomerEntity } from '../customers/customer.entity';
import { SourceRecordEntity } from '../customers/source-record.entity';

export type ReviewKind = 'record_match' | 'customer_merge';
export type ReviewStatus = 'open' | 'decided' | 'superseded';
export type ReviewDecision = 'merge' | 'link' | 'not-duplicate' | 'defer';

/**
 * A possible duplicate waiting for a steward: the customer a record landed on and the candidate
 * it resembled (record_match), or two customers a record matched strongly (customer_merge).
 */
@Entity('review_items')
@Index('idx_review_items_status_created', ['status', 'createdAt'])
@Index('uq_review_items_open_pair', { synchronize: false })
export class ReviewItemEntity {
  @PrimaryGeneratedColumn('increment', {
    type: 'bigint',
    primaryKeyConstraintName: 'pk_review_items',
  })
  id!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: ReviewKind;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status!: ReviewStatus;

  @Column({ name: 'customer_id', type: 'bigint' })
  customerId!: string;

  @ManyToOne(() => CustomerEntity)
  @JoinColumn({ name: 'customer_id', foreignKeyConstraintName: 'fk_review_items_customer' })
  customer?: CustomerEntity;

  @Column({ name: 'candidate_customer_id', type: 'bigint' })
  candidateCustomerId!: string;

  @ManyToOne(() => CustomerEntity)
  @JoinColumn({
    name: 'candidate_customer_id',
    foreignKeyConstraintName: 'fk_review_items_candidate_customer',
  })
  candidateCustomer?: CustomerEntity;

  @Column({ name: 'source_record_id', type: 'bigint', nullable: true })
  sourceRecordId!: string | null;

  @ManyToOne(() => SourceRecordEntity, { nullable: true })
  @JoinColumn({
    name: 'source_record_id',
    foreignKeyConstraintName: 'fk_review_items_source_record',
  })
  sourceRecord?: SourceRecordEntity | null;

  @Column({ type: 'double precision' })
  score!: number;

  @Column({ type: 'jsonb' })
  explanation!: unknown;

  @Column({ type: 'varchar', length: 16, nullable: true })
  decision!: ReviewDecision | null;

  @Column({ name: 'decided_by', type: 'varchar', length: 100, nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
