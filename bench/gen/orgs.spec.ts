import { datasetsDir } from '../common/project-paths';
import { isValidUscc } from './checksums';
import { EmailRegistry } from './emails';
import { IdentifierRegistry } from './identifiers';
import { orgName } from './org-records';
import { OrgFactory, type Organization } from './orgs';
import { PhoneRegistry } from './phones';
import { Rng } from './prng';
import { loadReferenceData } from './reference-data';

function orgGroups(count: number): Organization[][] {
  const registries = {
    ids: new IdentifierRegistry(),
    phones: new PhoneRegistry(),
    emails: new EmailRegistry(),
  };
  const factory = new OrgFactory(new Rng(11), loadReferenceData(datasetsDir()), registries);
  return Array.from({ length: count }, () => factory.nextGroup(10));
}

describe('organisation groups', () => {
  const groups = orgGroups(600);

  it('makes branches separate companies under the parent name, each in its own city', () => {
    const families = groups.filter((g) => g[0].hardCases.includes('branch_parent'));
    expect(families.length).toBeGreaterThan(5);
    for (const [parent, ...branches] of families) {
      expect(branches.length).toBeGreaterThanOrEqual(1);
      const cities = new Set([parent, ...branches].map((o) => o.place.cityCode));
      expect(cities.size).toBe(branches.length + 1);
      for (const branch of branches) {
        expect(orgName(branch, 'legal')).toBe(
          `${orgName(parent, 'legal')}${branch.branchCity}分公司`,
        );
        expect(branch.uscc).not.toBe(parent.uscc);
        expect(branch.entityId).not.toBe(parent.entityId);
      }
    }
  });

  it('gives same-trade-name companies one 字号 in different cities and their own USCCs', () => {
    const namesakes = groups.filter((g) => g[0].hardCases.includes('same_trade_name'));
    expect(namesakes.length).toBeGreaterThan(5);
    for (const group of namesakes) {
      expect(new Set(group.map((o) => o.tradeName)).size).toBe(1);
      expect(new Set(group.map((o) => o.place.cityCode)).size).toBe(group.length);
      expect(new Set(group.map((o) => o.uscc)).size).toBe(group.length);
    }
  });

  it('issues checksum-valid USCCs carrying the registration county', () => {
    for (const org of groups.flat()) {
      expect(isValidUscc(org.uscc)).toBe(true);
      expect(org.uscc.slice(2, 8)).toBe(org.place.areaCode);
    }
  });
});

describe('organisation name forms', () => {
  const org = {
    tradeName: '华为',
    industry: ['技术', 'Technologies'],
    legalForm: ['有限公司', 'Co., Ltd.', 70],
    region: '深圳',
  } as unknown as Organization;
  const branch = { ...org, branchCity: '北京' } as Organization;

  it.each([
    [org, 'legal', '深圳华为技术有限公司'],
    [org, 'paren', '华为技术（深圳）有限公司'],
    [org, 'noLegalForm', '深圳华为技术'],
    [org, 'trade', '华为'],
    [org, 'tradeIndustry', '华为技术'],
    [org, 'english', 'Shenzhen Huawei Technologies Co., Ltd.'],
    [branch, 'legal', '深圳华为技术有限公司北京分公司'],
    [branch, 'english', 'Shenzhen Huawei Technologies Co., Ltd. Beijing Branch'],
  ] as const)('%#: %s → %s', (entity, style, expected) => {
    expect(orgName(entity, style)).toBe(expected);
  });
});
