import type { CustomerRecordInput } from '../normalize/customer-record';
import { normalizeRecord } from '../normalize/normalize-record';
import { COMPARISON_LEVELS } from './comparison-level';
import { compareRecords, createFieldLevels } from './compare-records';
import { DEFAULT_MATCH_CONFIG, MATCH_FIELDS } from './match-config';

const record = (input: Partial<CustomerRecordInput>) =>
  normalizeRecord({ source: 'test', sourceId: '1', kind: 'person', ...input }).record;

function levels(a: Partial<CustomerRecordInput>, b: Partial<CustomerRecordInput>) {
  const out = compareRecords(
    record(a),
    record(b),
    DEFAULT_MATCH_CONFIG.similarity,
    createFieldLevels(),
  );
  return Object.fromEntries(
    MATCH_FIELDS.map((field, f) => [field, COMPARISON_LEVELS[out.levels[f]]]).filter(
      ([, l]) => l !== 'missing',
    ),
  );
}

describe('compareRecords', () => {
  it.each([
    [
      'a person in two scripts',
      { name: '张伟', phones: ['13812345678'], birthDate: '1985-03-02' },
      { name: 'Wei Zhang', phones: ['13812345678'], birthDate: '19850302' },
      { familyName: 'pinyin', givenName: 'pinyin', phone: 'exact', birthDate: 'exact' },
    ],
    [
      'verified and unverified identifiers go to separate fields',
      { name: '张伟', idNumber: '11010519491231002X' },
      { name: '张伟', idNumber: '11010519491231002X' },
      {
        familyName: 'exact',
        givenName: 'exact',
        idVerified: 'exact',
        birthDate: 'exact',
        gender: 'exact',
      },
    ],
    [
      'birth date and gender read from the resident ID',
      { name: '张伟', idNumber: '11010519491231002X' },
      { name: '张伟', birthDate: '1949-12-31', gender: '男' },
      { familyName: 'exact', givenName: 'exact', birthDate: 'exact', gender: 'different' },
    ],
    [
      'organisations',
      { kind: 'organization', name: '北京华为技术有限公司' },
      { kind: 'organization', name: '华为技术有限公司北京分公司' },
      { orgName: 'normalized', orgBranch: 'different' },
    ],
    [
      'the same registered organisation name in two scripts of one office',
      { kind: 'organization', name: '北京华为技术有限公司', phones: ['010-88886666'] },
      { kind: 'organization', name: '北京華為技術有限公司', phones: ['01088886666'] },
      { orgName: 'exact', orgBranch: 'exact', orgRegion: 'exact', phone: 'exact' },
    ],
    [
      'a shared landline between people is household evidence',
      { name: '王小明', phones: ['010-88886666'] },
      { name: '王小明', phones: ['01088886666'] },
      { familyName: 'exact', givenName: 'exact', phone: 'partial' },
    ],
  ] as Array<
    [string, Partial<CustomerRecordInput>, Partial<CustomerRecordInput>, Record<string, string>]
  >)('%s', (_, a, b, expected) => {
    expect(levels(a, b)).toEqual(expected);
    expect(levels(b, a)).toEqual(expected);
  });
});
