/** Splink's fake_1000: 1,000 synthetic British people, `cluster` is the true person. */
import type { CustomerRecordInput } from '../../../src/normalize/customer-record';
import { DatasetBuilder, compact, present, type LabelledDataset } from '../labelled-dataset';
import { readCsvRows } from './read-csv';

export function loadFake1000(dir: string): LabelledDataset {
  const builder = new DatasetBuilder('fake_1000');
  const rows = readCsvRows(dir, 'splink/fake_1000.csv', ['unique_id', 'cluster']);
  for (const row of rows) {
    const email = present(row.email);
    const city = present(row.city);
    const record = compact<CustomerRecordInput>({
      source: 'fake_1000',
      sourceId: row.unique_id,
      kind: 'person',
      givenName: present(row.first_name),
      familyName: present(row.surname),
      birthDate: present(row.dob),
      emails: email === undefined ? undefined : [email],
      address: city === undefined ? undefined : { city, country: 'GB' },
    });
    builder.add(record, `fake_1000/${row.cluster}`);
  }
  return builder.build();
}
