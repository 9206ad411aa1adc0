import fc from 'fast-check';
import type { CustomerRecordInput } from '../normalize/customer-record';
import type { NormalizedRecord } from '../normalize/normalized-record';
import { normalizeRecord } from '../normalize/normalize-record';
import { DEFAULT_MATCH_CONFIG } from './match-config';
import { KIND_MISMATCH_SCORE, scoreCandidate, type ScoringContext } from './score';

const ctx: ScoringContext = { config: DEFAULT_MATCH_CONFIG };
const { upper } = DEFAULT_MATCH_CONFIG.thresholds;

function person(input: Partial<CustomerRecordInput>): NormalizedRecord {
  return normalizeRecord({ source: 'test', sourceId: '1', kind: 'person', ...input }).record;
}

function org(input: Partial<CustomerRecordInput>): NormalizedRecord {
  return person({ kind: 'organization', ...input });
}

const score = (a: NormalizedRecord, b: NormalizedRecord, context = ctx) =>
  scoreCandidate(a, [b], context).score;

const flat = { address: '北京市朝阳区建国路88号3单元502室', phones: ['010-88886666'] };

describe('scoreCandidate: decisions that must hold', () => {
  it.each([
    [
      '张伟 and "Wei Zhang" with the same mobile and birth date',
      person({ name: '张伟', phones: ['13812345678'], birthDate: '1985-03-02' }),
      person({ name: 'Wei Zhang', phones: ['+86 138 1234 5678'], birthDate: '19850302' }),
    ],
    [
      'the same valid resident ID despite a mistyped name',
      person({ name: '张伟', idNumber: '11010519491231002X' }),
      person({ name: '张玮', idNumber: '11010519491231002X' }),
    ],
    [
      'the same name, flat and landline',
      person({ name: '王建国', ...flat }),
      person({ name: '王建国', ...flat }),
    ],
    [
      'the same company with and without its region affix, same credit code',
      org({ name: '北京华为技术有限公司', idNumber: '91110000802100433B' }),
      org({ name: '华为技术有限公司', idNumber: '91110000802100433B' }),
    ],
    [
      'the same company name at the same address',
      org({ name: '华为技术有限公司', address: '北京市海淀区中关村大街1号' }),
      org({ name: '华为技术有限公司', address: '北京市海淀区中关村大街1号' }),
    ],
    [
      'a record with nothing but the mobile of a named customer',
      person({ phones: ['13812345678'] }),
      person({ name: '张伟', phones: ['138 1234 5678'], gender: '男' }),
    ],
    [
      '王先生 with the mobile of 王建国',
      person({ name: '王先生', phones: ['13812345678'] }),
      person({ name: '王建国', phones: ['13812345678'], gender: '男' }),
    ],
    [
      'the same e-mail address, nothing else known',
      person({ emails: ['zhang.wei@example.com'] }),
      person({ name: '张伟', emails: ['Zhang.Wei@example.com'] }),
    ],
    [
      'the same name and a mobile one digit off',
      person({ name: '林承霞', phones: ['14785256374'] }),
      person({ name: '林承霞', phones: ['1478525374'] }),
    ],
    [
      'the same registered company name, nothing else known',
      org({ name: '成都禅林生物科技股份有限公司' }),
      org({ name: '成都禪林生物科技股份有限公司' }),
    ],
    [
      'the bare trade name with the company’s switchboard number',
      org({ name: '李家铺子', phones: ['027-3519 9245'] }),
      org({ name: '黄冈李家铺子环保科技有限公司', phones: ['027-35199245'] }),
    ],
    [
      'the romanised company name with the company’s switchboard number',
      org({ name: 'Beijing Litianxia Network Technology Co., Ltd.', phones: ['010-87478349'] }),
      org({ name: '北京立天下网络科技有限公司', phones: ['010-87478349'] }),
    ],
  ])('links %s', (_, a, b) => {
    expect(score(a, b)).toBeGreaterThanOrEqual(upper);
  });

  it.each([
    [
      'two 王伟 in one district (common name, nothing else shared)',
      person({ name: '王伟', address: '北京市朝阳区建国路88号', gender: '男' }),
      person({ name: '王伟', address: '北京市朝阳区朝阳路12号', gender: '男' }),
    ],
    [
      'a rare name in the same district, nothing else shared',
      person({ name: '欧阳娜娜', address: '北京市朝阳区建国路88号', gender: '女' }),
      person({ name: '欧阳娜娜', address: '北京市朝阳区朝阳路12号', gender: '女' }),
    ],
    [
      'father and son sharing flat and landline',
      person({ name: '王建国', ...flat, birthDate: '1960-05-01' }),
      person({ name: '王小明', ...flat, birthDate: '1990-07-12' }),
    ],
    [
      'household members without birth dates',
      person({ name: '王建国', ...flat }),
      person({ name: '王小明', ...flat }),
    ],
    [
      'husband and wife sharing flat and landline',
      person({ name: '王建国', ...flat }),
      person({ name: '李秀英', ...flat }),
    ],
    [
      'twins without IDs (same birth date, flat, landline, surname)',
      person({ name: '王小明', ...flat, birthDate: '1990-07-12', gender: '男' }),
      person({ name: '王小刚', ...flat, birthDate: '1990-07-12', gender: '男' }),
    ],
    [
      'twins with their resident IDs',
      person({ name: '王小明', ...flat, idNumber: '110105199007120018' }),
      person({ name: '王小刚', ...flat, idNumber: '110105199007120034' }),
    ],
    [
      'conflicting valid resident IDs even with everything else equal',
      person({ name: '张伟', ...flat, idNumber: '11010519491231002X' }),
      person({ name: '张伟', ...flat, idNumber: '110105194912310038' }),
    ],
    [
      'siblings sharing a parent’s mobile',
      person({ name: '王小明', phones: ['13812345678'] }),
      person({ name: '王小红', phones: ['13812345678'] }),
    ],
    [
      'the same trade name in two cities',
      org({ name: '老王餐饮有限公司', address: '北京市朝阳区建国路88号' }),
      org({ name: '老王餐饮有限公司', address: '上海市浦东新区世纪大道100号' }),
    ],
    [
      'the same trade name with different region affixes',
      org({ name: '北京老王餐饮有限公司' }),
      org({ name: '上海老王餐饮有限公司' }),
    ],
    [
      'a branch and its head office sharing address and landline',
      org({ name: '华为技术有限公司', ...flat }),
      org({ name: '华为技术有限公司北京分公司', ...flat }),
    ],
    [
      'two people typing the placeholder 13800000000',
      person({ name: '张敏', phones: ['13800000000'], gender: '女' }),
      person({ name: '张明', phones: ['13800000000'], gender: '男' }),
    ],
    [
      'a mother and her son sharing her mobile',
      person({ name: '李秀英', phones: ['13812345678'] }),
      person({ name: '王小明', phones: ['13812345678'] }),
    ],
    [
      'the bare trade name with another company’s switchboard number',
      org({ name: '李家铺子', phones: ['027-3519 9245'] }),
      org({ name: '黄冈李家铺子环保科技有限公司', phones: ['027-35199999'] }),
    ],
    [
      'the same registered name as a branch of it',
      org({ name: '成都禅林生物科技股份有限公司' }),
      org({ name: '成都禅林生物科技股份有限公司武汉分公司' }),
    ],
    [
      'two companies with the same name apart from the region affix',
      org({ name: '成都禅林生物科技股份有限公司' }),
      org({ name: '重庆禅林生物科技股份有限公司' }),
    ],
  ])('does not link %s', (_, a, b) => {
    expect(score(a, b)).toBeLessThan(upper);
    expect(score(b, a)).toBeLessThan(upper);
  });

  it('never matches a person with an organisation', () => {
    const result = scoreCandidate(org({ name: '张伟' }), [person({ name: '张伟' })], ctx);
    expect(result).toMatchObject({ score: KIND_MISMATCH_SCORE, rule: 'kind-mismatch' });
  });

  it('names the deterministic rule that decided', () => {
    const a = person({ name: '张伟', idNumber: '11010519491231002X' });
    const b = person({ name: '张伟', idNumber: '110105194912310038' });
    expect(scoreCandidate(a, [a], ctx).rule).toBe('same-verified-id');
    expect(scoreCandidate(a, [b], ctx).rule).toBe('conflicting-verified-id');
  });

  it('does not let a guardian’s ID link a child whose birth date contradicts it', () => {
    const parent = person({ name: '王建国', idNumber: '11010519491231002X' });
    const child = person({
      name: '王小明',
      idNumber: '11010519491231002X',
      birthDate: '2015-06-01',
    });
    expect(scoreCandidate(child, [parent], ctx).rule).toBeUndefined();
  });
});

describe('scoreCandidate: term frequencies', () => {
  const wangWei = () => person({ name: '王伟', birthDate: '1985-03-02' });
  const frequencies = (count: number) => ({ population: 100_000, nameCount: () => count });

  it('weighs a common name less than a rare one', () => {
    const rare = score(wangWei(), wangWei(), { ...ctx, termFrequencies: frequencies(1) });
    const common = scoreCandidate(wangWei(), [wangWei()], {
      ...ctx,
      termFrequencies: frequencies(300),
    });
    expect(common.score).toBeLessThan(rare - 5);
    expect(common.explanation).toContainEqual(
      expect.objectContaining({ field: 'nameFrequency', level: 'exact' }),
    );
  });

  it('ignores frequencies of a small customer base', () => {
    const small = { population: 10, nameCount: () => 5 };
    expect(score(wangWei(), wangWei(), { ...ctx, termFrequencies: small })).toBe(
      score(wangWei(), wangWei()),
    );
  });
});

describe('scoreCandidate: across a customer’s records', () => {
  it('takes the best level per field from any record', () => {
    const incoming = person({ name: '张伟', phones: ['13812345678'], birthDate: '1985-03-02' });
    const records = [
      person({ name: '张伟', phones: ['13812345678'] }),
      person({ name: '张伟', birthDate: '1985-03-02' }),
    ];
    expect(scoreCandidate(incoming, records, ctx).score).toBe(score(incoming, incoming));
  });

  it('lets a conflicting birth date count even if another record has none', () => {
    const incoming = person({ name: '张伟', birthDate: '1985-03-02' });
    const records = [person({ name: '张伟' }), person({ name: '张伟', birthDate: '1960-01-01' })];
    const result = scoreCandidate(incoming, records, ctx);
    expect(result.explanation).toContainEqual(
      expect.objectContaining({ field: 'birthDate', level: 'different' }),
    );
  });
});

describe('scoreCandidate: explanation values', () => {
  const a = person({
    name: '张伟',
    phones: ['13812345678'],
    idNumber: '11010519491231002X',
    emails: ['zhang.wei@example.com'],
  });

  it('omits values unless asked', () => {
    expect(scoreCandidate(a, [a], ctx).explanation.every((line) => line.values === undefined)).toBe(
      true,
    );
  });

  it('masks personal values by default when asked for them', () => {
    const lines = scoreCandidate(a, [a], { ...ctx, values: 'masked' }).explanation;
    const values = Object.fromEntries(lines.map((line) => [line.field, line.values?.[0]]));
    expect(values).toMatchObject({
      familyName: '张',
      givenName: '*',
      phone: '+86*******5678',
      idVerified: '110*************2X',
      birthDate: '1949-**-**',
      email: 'z********@example.com',
    });
  });

  it('shows plain values when asked', () => {
    const lines = scoreCandidate(a, [a], { ...ctx, values: 'plain' }).explanation;
    expect(lines.find((line) => line.field === 'phone')?.values).toEqual([
      '+8613812345678',
      '+8613812345678',
    ]);
  });
});

describe('scoreCandidate: symmetry', () => {
  const pick = <T>(values: T[]) => fc.option(fc.constantFrom(...values), { nil: undefined });
  const input = fc
    .record({
      name: pick([
        '张伟',
        '張偉',
        'Zhang Wei',
        '王伟',
        '王先生',
        'John Smith',
        'Smith John',
        'Jon Smyth',
      ]),
      birthDate: pick(['1985-03-02', '1985-02-03', '1985-03-28', '1990-07-12']),
      phones: pick([['13812345678'], ['13812345679'], ['010-88886666'], []]),
      idNumber: pick(['11010519491231002X', '110105194912310038', '1804974', '1804975']),
      address: pick([
        '北京市朝阳区建国路88号',
        '北京市朝阳区建国路90号',
        '上海市浦东新区世纪大道100号',
      ]),
      gender: pick(['男', '女']),
    })
    .map((fields) =>
      person(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))),
    );
  const symmetric = { population: 1000, nameCount: () => 20 };

  it('scores a against b as b against a (single-record candidates)', () => {
    fc.assert(
      fc.property(input, input, (a, b) => {
        const context = { ...ctx, termFrequencies: symmetric };
        expect(score(a, b, context)).toBeCloseTo(score(b, a, context), 9);
      }),
      { numRuns: 300 },
    );
  });
});
