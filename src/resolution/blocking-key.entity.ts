import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SourceRecordEntity } from '../customers/source-record.entity';

/**
 * Candidate-search index: a key (its hash, src/matching/key-hash.ts) → the customer of one source
 * record. Looked up by key hash or by record, never by customer (migrations 15, 22). The type and
 * value are kept beside the hash, unindexed.
 */
@Entity('blocking_keys')
@Index('idx_blocking_keys_source_record', ['sourceRecordId'])
export class BlockingKeyEntity {
  @PrimaryColumn({
    name: 'key_hash',
    type: 'bigint',
    primaryKeyConstraintName: 'pk_blocking_keys',
  })
  keyHash!: string;

  @Column({ name: 'key_type', type: 'varchar', length: 24 })
  keyType!: string;

  @Column({ name: 'key_value', type: 'varchar', length: 128 })
  keyValue!: string;

  @PrimaryColumn({
    name: 'source_record_id',
    type: 'bigint',
    primaryKeyConstraintName: 'pk_blocking_keys',
  })
  sourceRecordId!: string;

  /** No foreign key: the keys are derived and written beside their record (migration 14). */
  @ManyToOne(() => SourceRecordEntity, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'source_record_id' })
  sourceRecord?: SourceRecordEntity;

  @Column({ name: 'customer_id', type: 'bigint' })
  customerId!: string;
}
