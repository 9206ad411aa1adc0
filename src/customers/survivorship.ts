/**
 * Survivorship (pure): builds the golden record from a customer's source records. Per attribute
 * the winner is chosen by: steward pin > validity (a checksum-valid ID beats an invalid one) >
 * source trust > frequency > recency > completeness > lowest record id (deterministic). Every
 * golden value keeps its lineage: the source record it came from and the rule that chose it.
 */
import type { CustomerRecordInput } from '../normalize/customer-record';
import type { NormalizedRecord } from '../normalize/normalized-record';

export interface SurvivorInput {
  sourceRecordId: string;
  source: string;
  updatedAt: Date;
  raw: CustomerRecordInput;
  normalized: NormalizedRecord;
}

export type SurvivorRule =
  | 'pinned'
  | 'only-value'
  | 'validity'
  | 'source-trust'
  | 'frequency'
  | 'recency'
  | 'completeness'
  | 'tie';

export interface GoldenValue {
  value: unknown;
  sourceRecordId: string | null;
  source: string | null;
  rule: SurvivorRule;
}

export type GoldenRecord = Record<string, GoldenValue | GoldenValue[]>;

export interface PinnedAttribute {
  value: unknown;
}

interface Offer {
  value: unknown;
  /** Equal keys are the same value for frequency (normalised form). */
  key: string;
  valid: boolean;
  completeness: number;
  input: SurvivorInput;
}

type Extractor = (n: NormalizedRecord) => Omit<Offer, 'input'> | undefined;

const SINGLE_VALUED: Record<string, Extractor> = {
  name: (n) => {
    const name = n.personName?.display ?? n.orgName?.display;
    const key = n.personName?.pinyinKey ?? n.orgName?.corePinyin;
    return name === undefined
      ? undefined
      : {
          value: name,
          key: key ?? name,
          valid: !(n.personName?.surnameOnly ?? false),
          completeness: name.length,
        };
  },
  idNumber: (n) =>
    n.id === undefined
      ? undefined
      : {
          value: { type: n.id.type, value: n.id.value },
          key: n.id.value,
          valid: n.id.valid,
          completeness: 1,
        },
  birthDate: (n) =>
    n.birthDate === undefined
      ? undefined
      : { value: n.birthDate, key: n.birthDate, valid: true, completeness: 1 },
  gender: (n) =>
    n.gender === undefined
      ? undefined
      : { value: n.gender, key: n.gender, valid: true, completeness: 1 },
  address: (n) =>
    n.address === undefined
      ? undefined
      : {
          value: n.address,
          key: n.address.full,
          valid: n.address.provinceCode !== undefined || n.address.postcode !== undefined,
          completeness: Object.keys(n.address).length,
        },
  legalForm: (n) =>
    n.orgName?.legalForm === undefined
      ? undefined
      : { value: n.orgName.legalForm, key: n.orgName.legalForm, valid: true, completeness: 1 },
};

const MULTI_VALUED: Record<string, (n: NormalizedRecord) => Omit<Offer, 'input'>[]> = {
  phones: (n) =>
    n.phones.map((p) => ({
      value: p.e164,
      key: p.e164,
      valid: p.valid,
      completeness: p.type === 'mobile' ? 2 : 1,
    })),
  emails: (n) => n.emails.map((e) => ({ value: e, key: e, valid: true, completeness: 1 })),
};

/** Multi-valued attributes keep at most this many values, best first. */
const MAX_VALUES = 5;

export function buildGoldenRecord(
  records: readonly SurvivorInput[],
  sourceTrust: readonly string[],
  pins: Readonly<Record<string, PinnedAttribute>> = {},
): GoldenRecord {
  const golden: GoldenRecord = {};
  const rank = (source: string): number => {
    const i = sourceTrust.indexOf(source);
    return i === -1 ? sourceTrust.length : i;
  };
  for (const [attribute, extract] of Object.entries(SINGLE_VALUED)) {
    const offers = records.flatMap((input) => {
      const offer = extract(input.normalized);
      return offer === undefined ? [] : [{ ...offer, input }];
    });
    const chosen = choose(offers, rank);
    if (chosen !== undefined) golden[attribute] = chosen;
  }
  for (const [attribute, extract] of Object.entries(MULTI_VALUED)) {
    const offers = records.flatMap((input) =>
      extract(input.normalized).map((o) => ({ ...o, input })),
    );
    const values = chooseMany(offers, rank);
    if (values.length > 0) golden[attribute] = values;
  }
  for (const [attribute, pin] of Object.entries(pins)) {
    golden[attribute] = { value: pin.value, sourceRecordId: null, source: null, rule: 'pinned' };
  }
  return golden;
}

type Criterion = [SurvivorRule, (a: Offer, b: Offer) => number];

function criteria(rank: (source: string) => number, frequency: Map<string, number>): Criterion[] {
  return [
    ['validity', (a, b) => Number(b.valid) - Number(a.valid)],
    ['source-trust', (a, b) => rank(a.input.source) - rank(b.input.source)],
    ['frequency', (a, b) => (frequency.get(b.key) ?? 0) - (frequency.get(a.key) ?? 0)],
    ['recency', (a, b) => b.input.updatedAt.getTime() - a.input.updatedAt.getTime()],
    ['completeness', (a, b) => b.completeness - a.completeness],
    ['tie', (a, b) => compareIds(a.input.sourceRecordId, b.input.sourceRecordId)],
  ];
}

function sortOffers(
  offers: Offer[],
  rank: (source: string) => number,
): { sorted: Offer[]; rule: SurvivorRule } {
  const frequency = new Map<string, number>();
  for (const o of offers) frequency.set(o.key, (frequency.get(o.key) ?? 0) + 1);
  const list = criteria(rank, frequency);
  const sorted = [...offers].sort((a, b) => {
    for (const [, compare] of list) {
      const d = compare(a, b);
      if (d !== 0) return d;
    }
    return 0;
  });
  if (sorted.length < 2 || sorted.every((o) => o.key === sorted[0].key))
    return { sorted, rule: 'only-value' };
  const runnerUp = sorted.find((o) => o.key !== sorted[0].key) as Offer;
  const decisive = list.find(([, compare]) => compare(sorted[0], runnerUp) !== 0);
  return { sorted, rule: decisive?.[0] ?? 'tie' };
}

function choose(offers: Offer[], rank: (source: string) => number): GoldenValue | undefined {
  if (offers.length === 0) return undefined;
  const { sorted, rule } = sortOffers(offers, rank);
  return lineage(sorted[0], rule);
}

function chooseMany(offers: Offer[], rank: (source: string) => number): GoldenValue[] {
  const { sorted } = sortOffers(offers, rank);
  const seen = new Set<string>();
  const values: GoldenValue[] = [];
  for (const offer of sorted) {
    if (seen.has(offer.key)) continue;
    seen.add(offer.key);
    values.push(lineage(offer, values.length === 0 ? 'frequency' : 'completeness'));
    if (values.length === MAX_VALUES) break;
  }
  return values;
}

function lineage(offer: Offer, rule: SurvivorRule): GoldenValue {
  return {
    value: offer.value,
    sourceRecordId: offer.input.sourceRecordId,
    source: offer.input.source,
    rule,
  };
}

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
