import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { datasetsDir } from '../../common/project-paths';
import { recordKey } from '../labelled-dataset';
import { countLinkedPairs } from '../metrics';
import { HISTORICAL_50K_FILE, loadHistorical50k } from './historical-50k';
import { loadDataset } from './registry';

const dir = datasetsDir();

describe('labelled dataset loaders read the real files', () => {
  it.each([
    ['febrl1', 1000, 500],
    ['febrl2', 5000, 1934],
    ['febrl3', 5000, 6538],
    ['febrl4', 10000, 5000],
    ['fake_1000', 1000, 2031],
  ] as const)('%s has %i records and %i true pairs', (name, records, pairs) => {
    const dataset = loadDataset(name, dir);
    expect(dataset.records).toHaveLength(records);
    expect(dataset.truth.size).toBe(records);
    expect(countLinkedPairs(dataset.truth)).toBe(pairs);
    for (const record of dataset.records) expect(dataset.truth.has(recordKey(record))).toBe(true);
  });

  it('maps a FEBRL row field by field, numbers kept as strings, blanks left out', () => {
    const dataset = loadDataset('febrl1', dir);
    expect(dataset.records[0]).toEqual({
      source: 'febrl1',
      sourceId: 'rec-223-org',
      kind: 'person',
      familyName: 'waller',
      birthDate: '19081209',
      idNumber: '6988048',
      idType: 'ssn',
      address: {
        line1: '6 tullaroop street',
        line2: 'willaroo',
        city: 'st james',
        postcode: '4011',
        province: 'wa',
        country: 'AU',
      },
    });
    expect(dataset.truth.get('febrl1/rec-223-org')).toBe('febrl1/223');
  });

  it('links FEBRL4 across files: every person has one record in 4a and one in 4b', () => {
    const dataset = loadDataset('febrl4', dir);
    const sources = new Map<string, string[]>();
    for (const record of dataset.records) {
      const entity = dataset.truth.get(recordKey(record)) as string;
      sources.set(entity, [...(sources.get(entity) ?? []), record.source]);
    }
    expect(sources.size).toBe(5000);
    for (const list of sources.values()) expect(list).toEqual(['febrl4a', 'febrl4b']);
    // 4a has no trailing newline: its last row must still be there, whole.
    const last4a = dataset.records[4999];
    expect(last4a.source).toBe('febrl4a');
    expect(last4a.idNumber).toMatch(/^\d+$/);
  });

  it('groups fake_1000 into its 251 clusters', () => {
    const dataset = loadDataset('fake_1000', dir);
    expect(new Set(dataset.truth.values()).size).toBe(251);
    expect(dataset.records[2]).toMatchObject({
      givenName: 'Rob',
      familyName: 'Allen',
      birthDate: '1971-06-24',
      emails: ['roberta25@smith.net'],
      address: { city: 'London', country: 'GB' },
    });
  });

  it('names the missing path when historical_50k is absent', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-datasets-'));
    expect(() => loadHistorical50k(empty)).toThrow(join(empty, HISTORICAL_50K_FILE));
  });

  (existsSync(join(dir, HISTORICAL_50K_FILE)) ? it : it.skip)(
    'reads historical_50k by header name: 50,578 records, 5,156 people, 303,961 pairs',
    () => {
      const dataset = loadDataset('historical_50k', dir);
      expect(dataset.records).toHaveLength(50578);
      expect(new Set(dataset.truth.values()).size).toBe(5156);
      expect(countLinkedPairs(dataset.truth)).toBe(303961);
    },
  );

  it('generates the synthetic dataset with one truth entry per record', () => {
    const dataset = loadDataset('synthetic', dir);
    expect(dataset.truth.size).toBe(dataset.records.length);
    expect(new Set(dataset.truth.values()).size).toBe(25000);
  });
});
