import fc from 'fast-check';
import type { NormalizedOrgName } from './normalized-record';
import { normalizeOrgName } from './org-name.normalizer';

describe('normalizeOrgName: Chinese names', () => {
  it.each<[string, string, Partial<NormalizedOrgName>]>([
    [
      'legal form',
      '华为技术有限公司',
      { core: '华为技术', corePinyin: 'huaweijishu', legalForm: '有限公司' },
    ],
    ['traditional script', '華為技術有限公司', { display: '华为技术有限公司', core: '华为技术' }],
    [
      'region in full-width brackets',
      '华为技术（北京）有限公司',
      { core: '华为技术', region: '北京' },
    ],
    ['region in square brackets', '华为技术【上海】有限公司', { core: '华为技术', region: '上海' }],
    ['region prefix', '北京华为技术有限公司', { core: '华为技术', region: '北京' }],
    [
      'region prefix with 市',
      '深圳市腾讯计算机系统有限公司',
      { core: '腾讯计算机系统', region: '深圳', tradeName: '腾讯', industry: '计算机系统' },
    ],
    ['branch without legal form', '华为技术北京分公司', { core: '华为技术', branch: '北京分公司' }],
    [
      'branch after legal form',
      '华为技术有限公司深圳龙岗分公司',
      { core: '华为技术', legalForm: '有限公司', branch: '深圳龙岗分公司' },
    ],
    ['bank branch', '招商银行深圳分行', { core: '招商银行', branch: '深圳分行' }],
    [
      'country prefix',
      '中国工商银行股份有限公司北京分行',
      { core: '工商银行', region: '中国', legalForm: '股份有限公司', branch: '北京分行' },
    ],
    [
      '有限责任公司',
      '北京字节跳动网络技术有限责任公司',
      { core: '字节跳动网络技术', legalForm: '有限责任公司', tradeName: '字节跳动' },
    ],
    ['股份公司 is 股份有限公司', '平安股份公司', { core: '平安', legalForm: '股份有限公司' }],
    [
      '集团 stays in the core',
      '海尔集团有限公司',
      { core: '海尔集团', legalForm: '有限公司', tradeName: '海尔' },
    ],
    [
      'partnership form in brackets',
      '宁波梅山投资合伙企业（有限合伙）',
      { legalForm: '有限合伙', core: '梅山投资', region: '宁波' },
    ],
    ['个体工商户', '张三烧烤个体工商户', { core: '张三烧烤', legalForm: '个体工商户' }],
    ['a place name that is the whole name stays', '北京大学', { core: '北京大学' }],
    [
      'a region prefix followed only by industry words stays',
      '上海电气集团股份有限公司',
      { core: '上海电气集团' },
    ],
    [
      'trade name in pinyin',
      '黄冈李家铺子环保科技有限公司',
      { core: '李家铺子环保科技', tradeName: '李家铺子', tradePinyin: 'lijiapuzi', region: '黄冈' },
    ],
    [
      'a bare trade name',
      '李家铺子',
      { core: '李家铺子', tradeName: '李家铺子', tradePinyin: 'lijiapuzi' },
    ],
    [
      'sales, development and garment are industry words',
      '四平高山流水汽车销售有限公司',
      { core: '高山流水汽车销售', tradeName: '高山流水', industry: '汽车销售' },
    ],
    ['新能源 is one industry word', '杭州时代东方新能源股份有限公司', { tradeName: '时代东方' }],
    [
      'Latin inside a Chinese name',
      'IBM（中国）有限公司',
      { core: 'ibm', region: '中国', legalForm: '有限公司' },
    ],
  ])('%s', (_, name, expected) => {
    expect(normalizeOrgName(name)).toMatchObject(expected);
  });

  it('gives 华为技术有限公司, 華為技術有限公司 and 华为技术（北京）有限公司 one core', () => {
    const names = [
      '华为技术有限公司',
      '華為技術有限公司',
      '华为技术（北京）有限公司',
      '北京华为技术有限公司',
    ];
    expect(new Set(names.map((name) => normalizeOrgName(name)?.core))).toEqual(
      new Set(['华为技术']),
    );
  });

  it('marks a branch but not its head office', () => {
    expect(normalizeOrgName('华为技术有限公司')).not.toHaveProperty('branch');
    expect(normalizeOrgName('华为技术北京分公司')?.branch).toBe('北京分公司');
  });
});

describe('normalizeOrgName: Western names', () => {
  it.each<[string, string, Partial<NormalizedOrgName>]>([
    [
      'Co., Ltd.',
      'Huawei Technologies Co., Ltd.',
      { core: 'huawei technologies', legalForm: 'ltd', tradeName: 'huawei' },
    ],
    [
      'region in brackets',
      'Huawei Technologies (Beijing) Co., Ltd.',
      { core: 'huawei technologies', region: '北京' },
    ],
    ['Corp', 'ACME Corp', { core: 'acme', legalForm: 'corp' }],
    [
      'Company Limited and a leading The',
      'The Acme Company Limited',
      { core: 'acme', legalForm: 'ltd' },
    ],
    ['Inc.', 'Apple Inc.', { core: 'apple', legalForm: 'inc' }],
    ['LLC with dots', 'Acme Widgets L.L.C.', { core: 'acme widgets', legalForm: 'llc' }],
    ['GmbH & Co. KG', 'Siemens GmbH & Co. KG', { core: 'siemens', legalForm: 'gmbh & co kg' }],
    ['S.A. with a diacritic', 'Nestlé S.A.', { core: 'nestle', legalForm: 'sa' }],
    ['ampersand', 'Johnson & Johnson', { core: 'johnson and johnson' }],
    [
      'branch',
      'Acme Ltd, Shanghai Branch',
      { core: 'acme', legalForm: 'ltd', branch: 'shanghai branch' },
    ],
    ['a legal form alone is kept as the name', 'Limited', { core: 'limited' }],
    [
      'region prefix, as 北京立天下网络科技有限公司 is romanised',
      'Beijing Litianxia Network Technology Co., Ltd.',
      {
        core: 'litianxia network technology',
        region: '北京',
        tradeName: 'litianxia',
        tradePinyin: 'litianxia',
        industry: 'network technology',
      },
    ],
    [
      'two-word region prefix and industry words joined by and',
      'Hong Kong Acme Commerce and Trade Ltd',
      { core: 'acme commerce and trade', region: '香港', tradeName: 'acme' },
    ],
    [
      'two-word industry term',
      'Acme New Energy Co., Ltd.',
      { core: 'acme new energy', tradeName: 'acme', industry: 'new energy' },
    ],
    [
      'a place name followed only by industry words stays the name',
      'Shanghai Electronics Co',
      { core: 'shanghai electronics', tradeName: 'shanghai' },
    ],
    ['a lone place name is the name', 'Beijing Ltd', { core: 'beijing' }],
  ])('%s', (_, name, expected) => {
    expect(normalizeOrgName(name)).toMatchObject(expected);
  });
});

describe('normalizeOrgName: empty input', () => {
  it.each([undefined, '', '   ', '()', '（北京）'])('returns undefined for %j', (name) => {
    expect(normalizeOrgName(name)).toBeUndefined();
  });
});

describe('normalizeOrgName properties', () => {
  const orgLike = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.stringMatching(/^(?:北京|（上海）|华为|腾讯|技术|科技|有限公司|分公司|集团| )+$/u),
    fc.stringMatching(/^(?:Acme|Huawei|\(Beijing\)|Co\.,|Ltd\.?|Inc|Branch|Shanghai| )+$/u),
  );

  it('is idempotent on its display form', () => {
    fc.assert(
      fc.property(orgLike, (name) => {
        const once = normalizeOrgName(name);
        if (once) expect(normalizeOrgName(once.display)).toEqual(once);
      }),
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (name) => void normalizeOrgName(name)));
  });
});
