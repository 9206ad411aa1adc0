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

describe('compareOrgNames', () => {
  it.each([
    ['same core', huawei, huawei, 'exact', 'exact', 'missing'],
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
      'exact',
      'different',
      'missing',
    ],
    [
      'two different branches',
      { ...huawei, branch: '北京分公司' },
      { ...huawei, branch: '上海分公司' },
      'exact',
      'different',
      'missing',
    ],
    [
      'same branch',
      { ...huawei, branch: '北京分公司' },
      { ...huawei, branch: '北京分公司' },
      'exact',
      'exact',
      'missing',
    ],
    [
      'different region affix',
      { ...huawei, region: '北京' },
      { ...huawei, region: '上海' },
      'exact',
      'exact',
      'different',
    ],
    [
      'same region affix',
      { ...huawei, region: '北京' },
      { ...huawei, region: '北京' },
      'exact',
      'exact',
      'exact',
    ],
    [
      'region affix on one side only',
      { ...huawei, region: '北京' },
      huawei,
      'exact',
      'exact',
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
