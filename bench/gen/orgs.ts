/**
 * Organisation entities: a trade name (字号) from the corpus with an industry word and a legal
 * form, registered in a city with its own USCC; some share a trade name with unrelated companies
 * elsewhere, some have branch offices (…北京分公司), each branch a customer of its own.
 */
import { drawOfficeAddress, type PostalAddress } from './addresses';
import { orgDomain } from './emails';
import { ORG_GROUP_SHARES, ORG_GROUP_SIZES, type OrgHardCase } from './hard-cases';
import type { Landline } from './phones';
import type { Registries } from './persons';
import type { Place } from './places';
import type { Rng } from './prng';
import type { ReferenceData } from './reference-data';

// prettier-ignore
export const INDUSTRIES: ReadonlyArray<readonly [string, string]> = [
  ['科技', 'Technology'], ['网络科技', 'Network Technology'], ['信息技术', 'Information Technology'],
  ['贸易', 'Trading'], ['商贸', 'Commerce and Trade'], ['餐饮管理', 'Catering Management'],
  ['电子', 'Electronics'], ['建筑工程', 'Construction Engineering'], ['物流', 'Logistics'],
  ['医药', 'Pharmaceutical'], ['文化传媒', 'Culture Media'], ['食品', 'Food'],
  ['机械设备', 'Machinery and Equipment'], ['服装', 'Garment'], ['房地产开发', 'Real Estate Development'],
  ['教育咨询', 'Education Consulting'], ['环保科技', 'Environmental Technology'],
  ['投资管理', 'Investment Management'], ['实业', 'Industrial'], ['汽车销售', 'Automobile Sales'],
  ['生物科技', 'Biotechnology'], ['新能源', 'New Energy'], ['供应链管理', 'Supply Chain Management'],
  ['广告', 'Advertising'], ['装饰工程', 'Decoration Engineering'], ['农业发展', 'Agricultural Development'],
];

// prettier-ignore
export const LEGAL_FORMS: ReadonlyArray<readonly [string, string, number]> = [
  ['有限公司', 'Co., Ltd.', 70], ['有限责任公司', 'Co., Ltd.', 15],
  ['股份有限公司', 'Corporation', 10], ['集团有限公司', 'Group Co., Ltd.', 5],
];

export interface Organization {
  entityId: string;
  tradeName: string;
  industry: readonly [string, string];
  legalForm: readonly [string, string, number];
  /** City prefix of the registered name (杭州), or undefined for a name without region. */
  region?: string;
  /** Branch city (北京) for a branch office. */
  branchCity?: string;
  place: Place;
  uscc: string;
  landline: Landline;
  mobile?: string;
  emailDomain: string;
  address: PostalAddress;
  hardCases: OrgHardCase[];
}

type GroupKind = keyof typeof ORG_GROUP_SHARES | 'single';

const GROUP_WEIGHTS: Record<GroupKind, number> = {
  same_trade_name: ORG_GROUP_SHARES.same_trade_name / ORG_GROUP_SIZES.same_trade_name,
  branch_family: ORG_GROUP_SHARES.branch_family / ORG_GROUP_SIZES.branch_family,
  single: 1 - ORG_GROUP_SHARES.same_trade_name - ORG_GROUP_SHARES.branch_family,
};

function pickLegalForm(rng: Rng): readonly [string, string, number] {
  let r = rng.int(100);
  for (const form of LEGAL_FORMS) {
    r -= form[2];
    if (r < 0) return form;
  }
  return LEGAL_FORMS[0];
}

export class OrgFactory {
  private count = 0;

  constructor(
    private readonly rng: Rng,
    private readonly ref: ReferenceData,
    private readonly registries: Registries,
  ) {}

  nextGroup(limit: number): Organization[] {
    const kind = this.rng.weighted(GROUP_WEIGHTS);
    const group =
      kind === 'single'
        ? [this.company()]
        : kind === 'same_trade_name'
          ? this.namesakes()
          : this.branchFamily();
    return group.slice(0, Math.max(1, limit));
  }

  private place(): Place {
    const { rng, ref } = this;
    return rng.chance(0.5) ? rng.pick(ref.bigCityPlaces) : rng.pick(ref.places);
  }

  private company(tradeName?: string, place: Place = this.place()): Organization {
    const { rng, ref, registries } = this;
    this.count += 1;
    const trade = tradeName ?? rng.pick(ref.tradeNames);
    return {
      entityId: `O${String(this.count).padStart(7, '0')}`,
      tradeName: trade,
      industry: rng.pick(INDUSTRIES),
      legalForm: pickLegalForm(rng),
      region: rng.chance(0.8) ? place.cityShort : undefined,
      place,
      uscc: registries.ids.uscc(rng, place.areaCode),
      landline: registries.phones.landline(rng, place),
      mobile: rng.chance(0.5) ? registries.phones.mobile(rng) : undefined,
      emailDomain: orgDomain(rng, registries.emails, trade, place.cityShort),
      address: drawOfficeAddress(rng, place),
      hardCases: [],
    };
  }

  private namesakes(): Organization[] {
    const trade = this.rng.pick(this.ref.tradeNames);
    const size = this.rng.range(2, 3);
    const group: Organization[] = [];
    const usedCities = new Set<string>();
    while (group.length < size) {
      const place = this.place();
      if (usedCities.has(place.cityCode)) continue;
      usedCities.add(place.cityCode);
      const org = this.company(trade, place);
      org.region = place.cityShort;
      org.hardCases.push('same_trade_name');
      group.push(org);
    }
    return group;
  }

  private branchFamily(): Organization[] {
    const { rng, registries } = this;
    const parent = this.company();
    parent.hardCases.push('branch_parent');
    const family: Organization[] = [parent];
    const cities = new Set([parent.place.cityCode]);
    const branches = rng.range(1, 3);
    while (family.length <= branches) {
      const place = this.place();
      if (cities.has(place.cityCode)) continue;
      cities.add(place.cityCode);
      this.count += 1;
      family.push({
        ...parent,
        entityId: `O${String(this.count).padStart(7, '0')}`,
        branchCity: place.cityShort,
        place,
        uscc: registries.ids.uscc(rng, place.areaCode),
        landline: registries.phones.landline(rng, place),
        mobile: rng.chance(0.5) ? registries.phones.mobile(rng) : undefined,
        address: drawOfficeAddress(rng, place),
        hardCases: ['branch'],
      });
    }
    return family;
  }
}
