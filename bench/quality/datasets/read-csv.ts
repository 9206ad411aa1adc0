/** CSV files of the labelled datasets, read as rows keyed by (trimmed) header name. */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { requireDatasetFile } from '../../common/project-paths';

export type CsvRow = Record<string, string>;

/**
 * All rows of `relativePath` under `dir`. Values are trimmed (FEBRL puts a space after every
 * comma) and kept as strings so postcodes and numbers keep their leading zeros.
 */
export function readCsvRows(
  dir: string,
  relativePath: string,
  requiredColumns: string[],
): CsvRow[] {
  const path = requireDatasetFile(dir, relativePath);
  const rows = parse<CsvRow>(readFileSync(path, 'utf8'), {
    columns: (header: string[]) => header.map((h) => h.trim()),
    skip_empty_lines: true,
    trim: true,
    bom: true,
  });
  const header = rows.length > 0 ? Object.keys(rows[0]) : [];
  const missing = requiredColumns.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new Error(`${path}: missing column(s) ${missing.join(', ')}; found ${header.join(', ')}`);
  }
  return rows;
}
