import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ImportEntity } from './import.entity';

/** One problem with one row: where it is, which field, a stable code and a value-free message. */
@Entity('import_errors')
export class ImportErrorEntity {
  @PrimaryColumn({ name: 'import_id', type: 'uuid', primaryKeyConstraintName: 'pk_import_errors' })
  importId!: string;

  @ManyToOne(() => ImportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id', foreignKeyConstraintName: 'fk_import_errors_import' })
  import?: ImportEntity;

  /** 1-based position among the file's data rows (a CSV header is not a row). */
  @PrimaryColumn({
    name: 'row_number',
    type: 'integer',
    primaryKeyConstraintName: 'pk_import_errors',
  })
  rowNumber!: number;

  /** Several errors of one row are kept in the order found. */
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'pk_import_errors' })
  seq!: number;

  /** 1-based line of the file where the row starts. */
  @Column({ name: 'line_number', type: 'integer' })
  lineNumber!: number;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field!: string | null;

  @Column({ type: 'varchar', length: 48 })
  code!: string;

  @Column({ type: 'varchar', length: 500 })
  message!: string;
}
