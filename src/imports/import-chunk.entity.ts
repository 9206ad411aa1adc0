import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ImportEntity } from './import.entity';
import { ImportOutcomeCounts } from './import-outcome-counts';

export type ImportChunkStatus = 'pending' | 'done' | 'skipped';

/**
 * A byte range of an import's file holding whole rows. Its counters are written in the same
 * transaction as its rows, so summing them is exact however often a chunk was delivered.
 */
@Entity('import_chunks')
@Check('ck_import_chunks_status', `"status" IN ('pending', 'done', 'skipped')`)
// The chunks left to do (migration 1763900000023): an import's "anything pending?" is one probe.
@Index('idx_import_chunks_pending', ['importId', 'chunkIndex'], { where: `"status" = 'pending'` })
export class ImportChunkEntity {
  @PrimaryColumn({ name: 'import_id', type: 'uuid', primaryKeyConstraintName: 'pk_import_chunks' })
  importId!: string;

  @ManyToOne(() => ImportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id', foreignKeyConstraintName: 'fk_import_chunks_import' })
  import?: ImportEntity;

  @PrimaryColumn({
    name: 'chunk_index',
    type: 'integer',
    primaryKeyConstraintName: 'pk_import_chunks',
  })
  chunkIndex!: number;

  @Column({ name: 'start_offset', type: 'bigint' })
  startOffset!: string;

  @Column({ name: 'end_offset', type: 'bigint' })
  endOffset!: string;

  @Column({ name: 'first_row', type: 'integer' })
  firstRow!: number;

  @Column({ name: 'first_line', type: 'integer' })
  firstLine!: number;

  @Column({ name: 'row_count', type: 'integer' })
  rowCount!: number;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: ImportChunkStatus;

  @Column(() => ImportOutcomeCounts, { prefix: false })
  outcomes!: ImportOutcomeCounts;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
