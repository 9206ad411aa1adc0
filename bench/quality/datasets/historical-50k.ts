/**
 * Splink's historical_figures_with_errors_50k: Wikidata people with synthetic errors; `cluster`
 * is the true person. Read by header name so a file with fewer or reordered columns still loads;
 * only unique_id and cluster are required.
 */
import type { CustomerRecordInput } from '../../../src/normalize/customer-record';
import { DatasetBuilder, compact, present, type LabelledDataset } from '../labelled-dataset';
import { readCsvRows, type CsvRow } from './read-csv';

export const HISTORICAL_50K_FILE = 'splink/historical_figures_with_errors_50k.csv';

export function historicalRecord(row: CsvRow): CustomerRecordInput {
  const givenName = present(row.first_name);
  const familyName = present(row.surname);
  const fullName = present(row.full_name) ?? present(row.first_and_surname);
  const city = present(row.birth_place);
  const postcode = present(row.postcode_fake);
  const occupation = present(row.occupation);
  return compact<CustomerRecordInput>({
    source: 'historical_50k',
    sourceId: row.unique_id,
    kind: 'person',
    // The split name when the file has it; the full name only when both parts are missing.
    givenName,
    familyName,
    name: givenName === undefined && familyName === undefined ? fullName : undefined,
    birthDate: present(row.dob),
    gender: present(row.gender),
    address:
      city === undefined && postcode === undefined
        ? undefined
        : compact({ city, postcode, country: 'GB' }),
    attributes: occupation === undefined ? undefined : { occupation },
  });
}

export function loadHistorical50k(dir: string): LabelledDataset {
  const builder = new DatasetBuilder('historical_50k');
  for (const row of readCsvRows(dir, HISTORICAL_50K_FILE, ['unique_id', 'cluster'])) {
    builder.add(historicalRecord(row), `historical_50k/${row.cluster}`);
  }
  return builder.build();
}
