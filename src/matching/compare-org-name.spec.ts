import fc from 'fast-check';
import type { NormalizedOrgName } from '../normalize/normalized-record';
import { compareOrgNames } from './compare-org-name';

function org(
  core: string,
  corePinyin: string,
  extra: Partial<NormalizedOrgName> = {},
): NormalizedOrgName {
  return { display: core, core, corePinyin, ...extra };
}

const huawei = org('华为技术', 'huaweijishu', { tradeName: '华为', industry: '技术' });
const huaweiLtd: NormalizedOrgName = { ...huawei, legalForm: '有限公司' };
const litianxia = org('立天下网络科技', 'litianxiawangluokeji', {
  tradeName: '立天下',
  tradePinyin: 'litianxia',
  industry: '网络科技',
});
/** A name that is nothing but its trade name. */
const bare = (core: string, pinyin: string, extra: Partial<NormalizedOrgName> = {}) =>
  org(core, pinyin, { tradeName: core, tradePinyin: pinyin, ...extra });

describe('compareOrgNames', () => {
  it.each([
    ['same core, legal form unknown', huawei, huawei, 'normalized', 'exact', 'missing'],
    [
      'traditional vs simplified spelled the same in pinyin',
      huawei,
      org('華爲技術', 'huaweijishu'),
      'pinyin',
      'exact',
      'missing',
    ],
    [
      'same trade name, other industry words (华为技术 / 华为科技)',
      huawei,
      org('华为科技', 'huaweikeji', { tradeName: '华为', industry: '科技' }),
      'partial',
      'exact',
      'missing',
    ],
    [
      'Latin typo',
      org('acme tools', 'acmetools'),
      org('acme toolz', 'acmetoolz'),
      'close',
      'exact',
      'missing',
    ],
    [
      'different companies',
      huawei,
      org('中兴通讯', 'zhongxingtongxun'),
      'different',
      'exact',
      'missing',
    ],
    [
      'branch vs head office',
      huawei,
      { ...huawei, branch: '北京分公司' },
      'normalized',
      'different',
      'missing',
    ],
    [
      'two different branches',
      { ...huawei, branch: '北京分公司' },
      { ...huawei, branch: '上海分公司' },
      'normalized',
      'different',
      'missing',
    ],
    [
      'same branch',
      { ...huawei, branch: '北京分公司' },
      { ...huawei, branch: '北京分公司' },
      'normalized',
      'exact',
      'missing',
    ],
    [
      'different region affix',
      { ...huawei, region: '北京' },
      { ...huawei, region: '上海' },
      'normalized',
      'exact',
      'different',
    ],
    [
      'same region affix, legal form unknown',
      { ...huawei, region: '北京' },
      { ...huawei, region: '北京' },
      'normalized',
      'exact',
      'exact',
    ],
    [
      'region affix on one side only',
      { ...huawei, region: '北京' },
      huawei,
      'normalized',
      'exact',
      'missing',
    ],
    // The same registered name is nearly an identifier: `exact`; the same core alone `normalized`.
    ['same registered name', huaweiLtd, huaweiLtd, 'exact', 'exact', 'missing'],
    [
      'same registered name with its region affix',
      { ...huaweiLtd, region: '北京' },
      { ...huaweiLtd, region: '北京' },
      'exact',
      'exact',
      'exact',
    ],
    [
      'legal form left out on one side, region affix on both',
      { ...huaweiLtd, region: '北京' },
      { ...huawei, region: '北京' },
      'exact',
      'exact',
      'exact',
    ],
    [
      'legal form left out on one side, no region affix',
      huaweiLtd,
      huawei,
      'normalized',
      'exact',
      'missing',
    ],
    [
      'different legal forms',
      huaweiLtd,
      { ...huaweiLtd, legalForm: '股份有限公司' },
      'normalized',
      'exact',
      'missing',
    ],
    [
      'region affix on one side only, same legal form',
      { ...huaweiLtd, region: '北京' },
      huaweiLtd,
      'normalized',
      'exact',
      'missing',
    ],
    // Trade names: a bare one or one in another script does not contradict the full name.
    [
      'the bare trade name (华为 / 华为技术)',
      { ...huawei, tradePinyin: 'huawei' },
      bare('华为', 'huawei'),
      'close',
      'exact',
      'missing',
    ],
    [
      'the same trade name across scripts',
      litianxia,
      org('litianxia network technology', 'litianxianetworktechnology', {
        tradeName: 'litianxia',
        tradePinyin: 'litianxia',
        industry: 'network technology',
      }),
      'close',
      'exact',
      'missing',
    ],
    [
      'a romanised name beginning with the Han trade name',
      litianxia,
      org('litianxiawangluo co', 'litianxiawangluoco', {
        tradeName: 'litianxiawangluo co',
        tradePinyin: 'litianxiawangluoco',
      }),
      'close',
      'exact',
      'missing',
    ],
    [
      'a short trade name is not looked for inside a romanised name',
      bare('李', 'li'),
      bare('lixing', 'lixing'),
      'different',
      'exact',
      'missing',
    ],
    [
      'a romanised region read as a homophone (Fuzhou: 福州 / 抚州)',
      { ...litianxia, region: '抚州' },
      bare('litianxia', 'litianxia', { region: '福州' }),
      'close',
      'exact',
      'exact',
    ],
    [
      'homophone regions in one script are different regions',
      { ...litianxia, region: '抚州' },
      { ...litianxia, region: '福州' },
      'normalized',
      'exact',
      'different',
    ],
    [
      'the same branch across scripts (武汉分公司 / "Wuhan Branch")',
      { ...litianxia, branch: '武汉分公司' },
      bare('litianxia', 'litianxia', { branch: 'wuhan branch' }),
      'close',
      'exact',
      'missing',
    ],
    [
      'another branch across scripts',
      { ...litianxia, branch: '武汉分公司' },
      bare('litianxia', 'litianxia', { branch: 'suzhou branch' }),
      'close',
      'different',
      'missing',
    ],
  ])('%s', (_, a, b, core, branch, region) => {
    expect(compareOrgNames(a, b)).toEqual({ core, branch, region });
    expect(compareOrgNames(b, a)).toEqual({ core, branch, region });
  });

  it('is symmetric', () => {
    const arbitraryOrg = fc
      .record({
        core: fc.constantFrom('华为技术', '华为', '中兴通讯', 'acme', 'acme tools'),
        branch: fc.option(fc.constantFrom('北京分公司', '上海分公司'), { nil: undefined }),
        region: fc.option(fc.constantFrom('北京', '上海'), { nil: undefined }),
      })
      .map(({ core, branch, region }) => org(core, core, { branch, region }));
    fc.assert(
      fc.property(arbitraryOrg, arbitraryOrg, (a, b) => {
        expect(compareOrgNames(a, b)).toEqual(compareOrgNames(b, a));
      }),
    );
  });
});
