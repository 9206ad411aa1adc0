import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ChangeEventType =
  | 'customer.created'
  | 'customer.updated'
  | 'customer.merged'
  | 'customer.split'
  | 'customer.deactivated'
  | 'record.linked'
  | 'record.detached'
  | 'review.decided';

/**
 * The outbox: one row per change, written in the change's own transaction. The feed orders by
 * (tx_id, id) and only serves transactions older than every one still running, so a reader
 * resuming from a cursor never skips an event that committed late.
 */
@Entity('change_events')
@Index('idx_change_events_position', ['txId', 'id'])
export class ChangeEventEntity {
  @PrimaryGeneratedColumn('increment', {
    type: 'bigint',
    primaryKeyConstraintName: 'pk_change_events',
  })
  id!: string;

  /** pg_current_xact_id() of the writing transaction. */
  @Column({ name: 'tx_id', type: 'bigint' })
  txId!: string;

  @Column({ type: 'varchar', length: 40 })
  type!: ChangeEventType;

  @Column({ name: 'customer_number', type: 'varchar', length: 32, nullable: true })
  customerNumber!: string | null;

  /** Ids and numbers only, never personal data: consumers fetch the customer for its values. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
