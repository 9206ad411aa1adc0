import {
  Check,
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
import type { CustomerKind } from '../normalize/customer-record';

export type CustomerStatus = 'active' | 'inactive' | 'merged';

/** A resolved person or organisation: the golden record behind one customer number. */
@Entity('customers')
@Unique('uq_customers_customer_number', ['customerNumber'])
@Check('ck_customers_status', `"status" IN ('active', 'inactive', 'merged')`)
@Check('ck_customers_kind', `"kind" IN ('person', 'organization')`)
@Index('idx_customers_merged_into', ['mergedIntoId'])
export class CustomerEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_customers' })
  id!: string;

  @Column({ name: 'customer_number', type: 'varchar', length: 32 })
  customerNumber!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: CustomerKind;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: CustomerStatus;

  @Column({ name: 'merged_into_id', type: 'bigint', nullable: true })
  mergedIntoId!: string | null;

  @ManyToOne(() => CustomerEntity, { nullable: true, onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'merged_into_id', foreignKeyConstraintName: 'fk_customers_merged_into' })
  mergedInto?: CustomerEntity | null;

  @Column({ name: 'region_code', type: 'varchar', length: 2 })
  regionCode!: string;

  /** Survivorship result: each attribute with the source record it came from. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  golden!: Record<string, unknown>;

  /** Steward-pinned values by attribute name; survivorship keeps them until unpinned. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  pins!: Record<string, PinnedValue>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

export interface PinnedValue {
  value: unknown;
  reason: string;
  pinnedBy: string;
  pinnedAt: string;
}
