import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ImportEntity } from './import.entity';

export type RowOutcome = 'created' | 'linked' | 'review' | 'unchanged' | 'rejected';

/**
 * A row's outcome, written in the row's own transaction when a chunk falls back to one transaction
 * per row: a re-run after a crash skips these rows, so no outcome is counted twice.
 */
@Entity('import_row_outcomes')
@Check(
  'ck_import_row_outcomes_outcome',
  `"outcome" IN ('created', 'linked', 'review', 'unchanged', 'rejected')`,
)
export class ImportRowOutcomeEntity {
  @PrimaryColumn({
    name: 'import_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_import_row_outcomes',
  })
  importId!: string;

  @ManyToOne(() => ImportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id', foreignKeyConstraintName: 'fk_import_row_outcomes_import' })
  import?: ImportEntity;

  @PrimaryColumn({
    name: 'row_number',
    type: 'integer',
    primaryKeyConstraintName: 'pk_import_row_outcomes',
  })
  rowNumber!: number;

  @Column({ type: 'varchar', length: 16 })
  outcome!: RowOutcome;
}
