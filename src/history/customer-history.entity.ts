import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type HistoryAction =
  | 'created'
  | 'linked'
  | 'updated'
  | 'detached'
  | 'merged'
  | 'merged_into'
  | 'split'
  | 'split_from'
  | 'review_opened'
  | 'review_decided'
  | 'pinned'
  | 'unpinned'
  | 'deactivated';

/** The audit trail of one customer: who did what, when, why, with the engine's explanation. */
@Entity('customer_history')
@Index('idx_customer_history_customer', ['customerId', 'id'])
export class CustomerHistoryEntity {
  @PrimaryGeneratedColumn('increment', {
    type: 'bigint',
    primaryKeyConstraintName: 'pk_customer_history',
  })
  id!: string;

  @Column({ name: 'customer_id', type: 'bigint' })
  customerId!: string;

  @Column({ type: 'varchar', length: 32 })
  action!: HistoryAction;

  @Column({ type: 'varchar', length: 100 })
  actor!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'source_record_id', type: 'bigint', nullable: true })
  sourceRecordId!: string | null;

  @Column({ name: 'related_customer_id', type: 'bigint', nullable: true })
  relatedCustomerId!: string | null;

  @Column({ name: 'review_id', type: 'bigint', nullable: true })
  reviewId!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
