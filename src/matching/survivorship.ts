/**
 * Survivorship: the golden record of a customer, chosen attribute by attribute from its source
 * records. Per attribute the candidates are ranked by the configured criteria (default: validity >
 * source trust > frequency > recency > completeness, a steward's pin above all) and every chosen
 * value remembers the source record it came from and the criterion that decided it.
 * Deterministic: the last tie-break is the source record id.
 */
import type { CustomerKind, CustomerRecordInput } from '../normalize/customer-record';
import type {
  Gender,
  NormalizedAddress,
  NormalizedId,
  NormalizedRecord,
} from '../normalize/normalized-record';
import { effectiveBirthDate, effectiveGender } from './compare-identity';
import { type Candidate, rankCandidates, type SurvivorshipCriterion } from './survivorship-ranking';

export interface SurvivorInput {
  sourceRecordId: string;
  source: string;
  updatedAt: Date;
  /** Not used to choose values; callers that have it may pass it. */
  raw?: CustomerRecordInput;
  normalized: NormalizedRecord;
}

/** How a value was chosen: a criterion that beat a different value, or no competition at all. */
export type SurvivorshipRule = 'pinned' | SurvivorshipCriterion | 'tiebreak' | 'unanimous';

export interface GoldenValue<T> {
  value: T;
  /** The source record the value came from; undefined only for a steward's own value. */
  sourceRecordId?: string;
  source: string;
  rule: SurvivorshipRule;
}

export interface GoldenId {
  type: NormalizedId['type'];
  value: string;
  valid: boolean;
}

export interface GoldenRecord {
  kind: CustomerKind;
  name?: GoldenValue<string>;
  orgName?: GoldenValue<string>;
  idNumber?: GoldenValue<GoldenId>;
  birthDate?: GoldenValue<string>;
  gender?: GoldenValue<Gender>;
  address?: GoldenValue<NormalizedAddress>;
  /** All distinct phones (E.164), best first. */
  phones: Array<GoldenValue<string>>;
  /** All distinct e-mail addresses, best first. */
  emails: Array<GoldenValue<string>>;
}

/** A steward's choice: a value, optionally naming the source record it was taken from. */
export interface Pin<T> {
  value: T;
  sourceRecordId?: string;
}

export interface GoldenPins {
  name?: Pin<string>;
  orgName?: Pin<string>;
  idNumber?: Pin<GoldenId>;
  birthDate?: Pin<string>;
  gender?: Pin<Gender>;
  address?: Pin<NormalizedAddress>;
  /** Pinned lists replace the merged list. */
  phones?: Array<Pin<string>>;
  emails?: Array<Pin<string>>;
}

export interface SurvivorshipConfig {
  /** Source systems, most trusted first; unlisted ones rank after all listed. */
  sourceTrust: readonly string[];
  /** Criteria in order of precedence (a pin always comes first). */
  survivorshipOrder: readonly SurvivorshipCriterion[];
}

const STEWARD = 'steward';

function pinned<T>(pin: Pin<T>, records: readonly SurvivorInput[]): GoldenValue<T> {
  const from = records.find((r) => r.sourceRecordId === pin.sourceRecordId);
  return from
    ? { value: pin.value, sourceRecordId: from.sourceRecordId, source: from.source, rule: 'pinned' }
    : { value: pin.value, source: STEWARD, rule: 'pinned' };
}

function single<T>(
  candidates: Array<Candidate<T>>,
  config: SurvivorshipConfig,
  pin: Pin<T> | undefined,
  records: readonly SurvivorInput[],
): GoldenValue<T> | undefined {
  if (pin) return pinned(pin, records);
  const [best] = rankCandidates(candidates, config);
  if (!best) return undefined;
  const { value, record } = best.candidate;
  return { value, sourceRecordId: record.sourceRecordId, source: record.source, rule: best.rule };
}

function multi<T>(
  candidates: Array<Candidate<T>>,
  config: SurvivorshipConfig,
  pins: Array<Pin<T>> | undefined,
  records: readonly SurvivorInput[],
): Array<GoldenValue<T>> {
  if (pins) return pins.map((pin) => pinned(pin, records));
  const seen = new Set<string>();
  const out: Array<GoldenValue<T>> = [];
  for (const { candidate, rule } of rankCandidates(candidates, config, true)) {
    if (seen.has(candidate.key)) continue;
    seen.add(candidate.key);
    const { value, record } = candidate;
    out.push({ value, sourceRecordId: record.sourceRecordId, source: record.source, rule });
  }
  return out;
}

/** One candidate per record that has the attribute. */
function collect<T>(
  records: readonly SurvivorInput[],
  pick: (r: SurvivorInput) => Omit<Candidate<T>, 'record'> | undefined,
): Array<Candidate<T>> {
  const out: Array<Candidate<T>> = [];
  for (const record of records) {
    const picked = pick(record);
    if (picked) out.push({ ...picked, record });
  }
  return out;
}

/** Several candidates per record (phones, e-mails). */
function collectMany<T>(
  records: readonly SurvivorInput[],
  pick: (r: SurvivorInput) => Array<Omit<Candidate<T>, 'record'>>,
): Array<Candidate<T>> {
  return records.flatMap((record) => pick(record).map((picked) => ({ ...picked, record })));
}

function addressCompleteness(address: NormalizedAddress): number {
  const parts = [address.province, address.city, address.district, address.street, address.number];
  return parts.filter(Boolean).length + (address.detail ? 1 : 0) + (address.postcode ? 1 : 0);
}

function idValidity(id: NormalizedId): number {
  if (!id.valid) return 0;
  return id.type === 'cn_resident' || id.type === 'cn_uscc' ? 2 : 1;
}

function mostCommonKind(records: readonly SurvivorInput[]): CustomerKind {
  const persons = records.filter((r) => r.normalized.kind === 'person').length;
  return persons * 2 >= records.length ? 'person' : 'organization';
}

export function buildGoldenRecord(
  records: readonly SurvivorInput[],
  config: SurvivorshipConfig,
  pins: GoldenPins = {},
): GoldenRecord {
  const c = config;
  const golden: GoldenRecord = {
    kind: mostCommonKind(records),
    phones: multi(phoneCandidates(records), c, pins.phones, records),
    emails: multi(emailCandidates(records), c, pins.emails, records),
  };
  const set = <K extends keyof GoldenRecord>(key: K, value: GoldenRecord[K] | undefined): void => {
    if (value !== undefined) golden[key] = value;
  };
  set('name', single(nameCandidates(records), c, pins.name, records));
  set('orgName', single(orgCandidates(records), c, pins.orgName, records));
  set('idNumber', single(idCandidates(records), c, pins.idNumber, records));
  set('birthDate', single(birthDateCandidates(records), c, pins.birthDate, records));
  set('gender', single(genderCandidates(records), c, pins.gender, records));
  set('address', single(addressCandidates(records), c, pins.address, records));
  return golden;
}

function nameCandidates(records: readonly SurvivorInput[]): Array<Candidate<string>> {
  return collect(records, ({ normalized: { personName: name } }) =>
    name
      ? {
          value: name.display,
          key: name.pinyinKey || name.display,
          validity: 1,
          completeness: (name.family ? 1 : 0) + (name.given && !name.surnameOnly ? 1 : 0),
        }
      : undefined,
  );
}

function orgCandidates(records: readonly SurvivorInput[]): Array<Candidate<string>> {
  return collect(records, ({ normalized: { orgName: org } }) =>
    org
      ? {
          value: org.display,
          key: org.display,
          validity: 1,
          completeness: [org.legalForm, org.region, org.core].filter(Boolean).length,
        }
      : undefined,
  );
}

function idCandidates(records: readonly SurvivorInput[]): Array<Candidate<GoldenId>> {
  return collect(records, ({ normalized: { id } }) =>
    id
      ? {
          value: { type: id.type, value: id.value, valid: id.valid },
          key: `${id.type}:${id.value}`,
          validity: idValidity(id),
          completeness: 1,
        }
      : undefined,
  );
}

function birthDateCandidates(records: readonly SurvivorInput[]): Array<Candidate<string>> {
  return collect(records, ({ normalized }) => {
    const date = effectiveBirthDate(normalized);
    // A date from a checksum-valid resident ID outranks a typed one.
    const fromValidId = !normalized.birthDate && normalized.id?.valid === true;
    return date
      ? { value: date, key: date, validity: fromValidId ? 2 : 1, completeness: 1 }
      : undefined;
  });
}

function genderCandidates(records: readonly SurvivorInput[]): Array<Candidate<Gender>> {
  return collect(records, ({ normalized }) => {
    const gender = effectiveGender(normalized);
    return gender ? { value: gender, key: gender, validity: 1, completeness: 1 } : undefined;
  });
}

function addressCandidates(records: readonly SurvivorInput[]): Array<Candidate<NormalizedAddress>> {
  return collect(records, ({ normalized: { address } }) =>
    address?.full
      ? {
          value: address,
          key: address.full,
          validity: 1,
          completeness: addressCompleteness(address),
        }
      : undefined,
  );
}

function phoneCandidates(records: readonly SurvivorInput[]): Array<Candidate<string>> {
  return collectMany(records, ({ normalized }) =>
    normalized.phones.map((phone) => ({
      value: phone.e164,
      key: phone.e164,
      validity: phone.valid ? 1 : 0,
      completeness: phone.type === 'mobile' ? 1 : 0,
    })),
  );
}

function emailCandidates(records: readonly SurvivorInput[]): Array<Candidate<string>> {
  return collectMany(records, ({ normalized }) =>
    normalized.emails.map((email) => ({ value: email, key: email, validity: 1, completeness: 1 })),
  );
}
