/**
 * FEBRL data sets as shipped with the Python Record Linkage Toolkit. rec-N-org and rec-N-dup-k
 * with the same N are one person. febrl1–3 are one file each (deduplication); febrl4 is two
 * files, 4a then 4b, whose records link across (rec-N-org in 4a, rec-N-dup-0 in 4b).
 */
import type { CustomerRecordInput } from '../../../src/normalize/customer-record';
import { DatasetBuilder, compact, present, type LabelledDataset } from '../labelled-dataset';
import { readCsvRows, type CsvRow } from './read-csv';

const COLUMNS = [
  'rec_id', 'given_name', 'surname', 'street_number', 'address_1', 'address_2',
  'suburb', 'postcode', 'state', 'date_of_birth', 'soc_sec_id',
]; // prettier-ignore

/** The person number N of rec-N-org / rec-N-dup-k. */
export function febrlPersonNumber(recId: string): string {
  const match = /^rec-(\d+)-(?:org|dup-\d+)$/.exec(recId);
  if (match === null) throw new Error(`unexpected FEBRL rec_id ${recId}`);
  return match[1];
}

export function febrlRecord(source: string, row: CsvRow): CustomerRecordInput {
  const socSecId = present(row.soc_sec_id);
  const line1 = [present(row.street_number), present(row.address_1)].filter(Boolean).join(' ');
  const address = compact({
    line1: present(line1),
    line2: present(row.address_2),
    city: present(row.suburb),
    postcode: present(row.postcode),
    province: present(row.state),
    country: 'AU',
  });
  return compact<CustomerRecordInput>({
    source,
    sourceId: row.rec_id,
    kind: 'person',
    givenName: present(row.given_name),
    familyName: present(row.surname),
    birthDate: present(row.date_of_birth),
    idNumber: socSecId,
    idType: socSecId === undefined ? undefined : 'ssn',
    address,
  });
}

function addFile(
  builder: DatasetBuilder,
  dir: string,
  file: string,
  source: string,
  dataset: string,
): void {
  for (const row of readCsvRows(dir, `febrl/${file}`, COLUMNS)) {
    builder.add(febrlRecord(source, row), `${dataset}/${febrlPersonNumber(row.rec_id)}`);
  }
}

export function loadFebrl(dir: string, n: 1 | 2 | 3): LabelledDataset {
  const name = `febrl${n}`;
  const builder = new DatasetBuilder(name);
  addFile(builder, dir, `febrl_dataset${n}.csv`, name, name);
  return builder.build();
}

export function loadFebrl4(dir: string): LabelledDataset {
  const builder = new DatasetBuilder('febrl4');
  addFile(builder, dir, 'febrl_dataset4a.csv', 'febrl4a', 'febrl4');
  addFile(builder, dir, 'febrl_dataset4b.csv', 'febrl4b', 'febrl4');
  return builder.build();
}
