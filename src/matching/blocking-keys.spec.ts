import type { CustomerRecordInput } from '../normalize/customer-record';
import type { NormalizedRecord } from '../normalize/normalized-record';
import { normalizeRecord } from '../normalize/normalize-record';
import { blockingKeys, hash53 } from './blocking-keys';

const record = (input: Partial<CustomerRecordInput>): NormalizedRecord =>
  normalizeRecord({ source: 'test', sourceId: '1', kind: 'person', ...input }).record;

const keysOf = (r: NormalizedRecord) => new Set(blockingKeys(r).map((k) => `${k.type}:${k.value}`));
const shared = (a: NormalizedRecord, b: NormalizedRecord) =>
  [...keysOf(a)].filter((k) => keysOf(b).has(k));

const febrl = (
  given: string,
  family: string,
  dob: string,
  line1: string,
  postcode: string,
  city: string,
) =>
  record({
    givenName: given,
    familyName: family,
    birthDate: dob,
    idNumber: '1804974',
    idType: 'ssn',
    address: { line1, city, postcode, country: 'AU' },
  });

describe('blockingKeys', () => {
  it('indexes identifiers, phones and e-mails exactly', () => {
    const keys = keysOf(
      record({
        name: '张伟',
        idNumber: '11010519491231002X',
        phones: ['13812345678'],
        emails: ['zw@example.com'],
      }),
    );
    expect([...keys]).toEqual(
      expect.arrayContaining([
        'id:cn_resident|11010519491231002X',
        'phone:+8613812345678',
        'email:zw@example.com',
      ]),
    );
  });

  it.each([
    [
      'Han and pinyin spellings',
      record({ name: '张伟', birthDate: '1985-03-02' }),
      record({ name: 'Wei Zhang', birthDate: '19850302' }),
    ],
    [
      'traditional and simplified',
      record({ name: '張偉', address: '北京市朝阳区建国路88号' }),
      record({ name: '张伟', address: '北京市朝阳区朝阳路1号' }),
    ],
    [
      'a mistyped given name',
      febrl('madeline', 'mason', '19081128', '54 hoseason street', '4881', 'granville'),
      febrl('madelnie', 'mason', '19081128', '54 hoseason street', '4881', 'granville'),
    ],
    [
      'a mistyped family name and birth date',
      febrl('benjamin', 'camens', '19750706', '7 harrison street', '4505', 'lindfield'),
      febrl('benjamin', 'cames', '19750606', '16 harrison street', '4505', 'lindfield'),
    ],
    [
      'swapped name order',
      febrl('harvey', 'shepherdson', '19711002', '34 lumholtz place', '6430', 'roleystone'),
      febrl('shepherdosn', 'harvey', '19711002', '34 lumholtz place', '6403', 'wilsn'),
    ],
    [
      'a mistyped street name',
      febrl('nathan', 'challenor', '19600213', '1 wellington street', '5109', 'cronulla'),
      febrl('caleb', 'challenor', '19600113', '1 wellingtfn street', '5109', ''),
    ],
    [
      'a mistyped mail domain',
      record({ name: 'Theodore Morris', emails: ['t.m39@brooks-sawyer.com'] }),
      record({ name: 'eTheodroe', emails: ['t.m39@brooks-sawer.com'] }),
    ],
    [
      'the same company name',
      record({ kind: 'organization', name: '北京华为技术有限公司' }),
      record({ kind: 'organization', name: '华为技术有限公司' }),
    ],
    [
      'the trade name with other industry words',
      record({ kind: 'organization', name: '华为技术有限公司' }),
      record({ kind: 'organization', name: '华为科技有限公司' }),
    ],
    [
      'the bare trade name',
      record({ kind: 'organization', name: '黄冈李家铺子环保科技有限公司' }),
      record({ kind: 'organization', name: '李家铺子' }),
    ],
    [
      'a romanised company name',
      record({ kind: 'organization', name: '北京立天下网络科技有限公司' }),
      record({ kind: 'organization', name: 'Beijing Litianxia Network Technology Co., Ltd.' }),
    ],
  ])('lets records meet despite %s', (_, a, b) => {
    expect(shared(a, b).length).toBeGreaterThan(0);
  });

  it.each([
    [
      'a mistyped digit',
      record({ name: '张伟', phones: ['13812345678'] }),
      record({ name: '張偉', phones: ['13812345978'] }),
    ],
    [
      'a dropped digit',
      record({ name: '张伟', phones: ['13812345678'] }),
      record({ name: 'Zhang Wei', phones: ['1381234678'] }),
    ],
    [
      'a mistyped prefix',
      record({ name: '张伟', phones: ['13812345678'] }),
      record({ name: '张伟', phones: ['13912345678'] }),
    ],
  ])('keys a mobile with the name, so the same name meets despite %s', (_, a, b) => {
    expect(shared(a, b).filter((k) => k.startsWith('nameMobile'))).toHaveLength(1);
  });

  it('keys no mobile prefix or suffix alone, nor for another name or a company', () => {
    const mobile = (k: string) => k.startsWith('nameMobile');
    const zhang = record({ name: '张伟', phones: ['13812345678'] });
    expect([...keysOf(zhang)].filter(mobile)).toEqual([
      'nameMobileHead:weizhang|138123',
      'nameMobileTail:weizhang|45678',
    ]);
    expect([...keysOf(record({ phones: ['13812345678'] }))].filter(mobile)).toEqual([]);
    expect(shared(zhang, record({ name: '李娜', phones: ['13812345679'] }))).toEqual([]);
    const company = record({
      kind: 'organization',
      name: '华为技术有限公司',
      phones: ['13812345678'],
    });
    expect([...keysOf(company)].filter(mobile)).toEqual([]);
  });

  it('indexes no placeholder phone and no landline by its digits', () => {
    const keys = [...keysOf(record({ phones: ['13800000000', '010-88886666'] }))];
    expect(keys).toEqual(['phone:+861088886666']);
  });

  it('keeps the key count small: about ten for a typical record', () => {
    const typical = febrl('mitchell', 'green', '19560409', '7 wallaby place', '2119', 'cleveland');
    expect(blockingKeys(typical).length).toBeLessThanOrEqual(10);
  });

  it('bounds the key count of a record with many contacts', () => {
    const full = record({
      name: 'Mitchell Green',
      birthDate: '1956-04-09',
      idNumber: '1804974',
      phones: ['13812345678', '13912345678', '010-88886666', '13712345678'],
      emails: ['m.green@example.com'],
      address: {
        line1: '7 wallaby place',
        line2: 'delmar',
        city: 'cleveland',
        postcode: '2119',
        country: 'AU',
      },
    });
    // Two phones at most, each with its mobile head and tail keys.
    expect(blockingKeys(full).length).toBeLessThanOrEqual(17);
  });

  it('keeps every key value short', () => {
    const long = record({
      kind: 'organization',
      name: '中国长江三峡集团有限公司'.repeat(4),
      address: '北京市海淀区中关村大街一百二十三号院南区东侧'.repeat(3),
    });
    for (const key of blockingKeys(long)) expect(key.value.length).toBeLessThanOrEqual(48);
  });

  it('returns no duplicates', () => {
    const keys = blockingKeys(record({ name: 'Ann Ann', birthDate: '1985-03-02' }));
    expect(new Set(keys.map((k) => `${k.type}:${k.value}`)).size).toBe(keys.length);
  });
});

describe('hash53', () => {
  it('is stable and spreads similar inputs', () => {
    expect(hash53('abc')).toBe(hash53('abc'));
    expect(hash53('abc')).not.toBe(hash53('abd'));
    expect(hash53('x'.repeat(1000)).length).toBeLessThanOrEqual(12);
  });
});
