import { Column } from 'typeorm';

/**
 * The rows processed and what became of them: the columns a chunk holds for itself and an import
 * holds as the sum of its chunks' (embedded in both entities without a prefix).
 */
export class ImportOutcomeCounts {
  @Column({ type: 'integer', default: 0 })
  processed!: number;

  @Column({ type: 'integer', default: 0 })
  created!: number;

  @Column({ type: 'integer', default: 0 })
  linked!: number;

  @Column({ type: 'integer', default: 0 })
  review!: number;

  @Column({ type: 'integer', default: 0 })
  unchanged!: number;

  @Column({ type: 'integer', default: 0 })
  rejected!: number;
}
