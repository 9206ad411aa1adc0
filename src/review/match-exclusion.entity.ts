import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * A steward said these two source records are not the same customer. Honoured by matching
 * while both identity hashes are unchanged (a changed identifying field may be proposed again).
 * The lower record id is always record_a.
 */
@Entity('match_exclusions')
@Unique('uq_match_exclusions_pair', ['recordAId', 'recordBId'])
@Index('idx_match_exclusions_record_b', ['recordBId'])
export class MatchExclusionEntity {
  @PrimaryGeneratedColumn('increment', {
    type: 'bigint',
    primaryKeyConstraintName: 'pk_match_exclusions',
  })
  id!: string;

  @Column({ name: 'record_a_id', type: 'bigint' })
  recordAId!: string;

  @Column({ name: 'record_b_id', type: 'bigint' })
  recordBId!: string;

  @Column({ name: 'identity_hash_a', type: 'varchar', length: 64 })
  identityHashA!: string;

  @Column({ name: 'identity_hash_b', type: 'varchar', length: 64 })
  identityHashB!: string;

  @Column({ name: 'review_id', type: 'bigint', nullable: true })
  reviewId!: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 100 })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
