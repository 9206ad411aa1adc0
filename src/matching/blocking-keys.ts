/**
 * Blocking keys: the few short strings under which a record is indexed so that its likely
 * duplicates are found without comparing against every customer. Several complementary keys per
 * record give recall when any one field is mistyped; each key combines fields so that a typical
 * value is shared by few customers.
 *
 * Every key type is subject to the generic-key limit (MatchConfig.genericKeyLimit): a value shared
 * by more customers (a placeholder phone, 未知, a very common name alone) is no longer used for
 * candidate search. The `broad` types below are expected to turn generic for common values and recall
 * never depends on them alone; the precise types hitting the limit means placeholder data.
 */
import type {
  NormalizedPersonName,
  NormalizedPhone,
  NormalizedRecord,
} from '../normalize/normalized-record';
import { houseNumberOf, streetOf } from './compare-address';
import { containsHan } from './compare-person-name';
import { effectiveBirthDate } from './compare-identity';
import { cyrb53 } from './key-hash';
import { soundex } from './phonetic';

export type BlockingKeyType =
  | 'id' // identifier type + value
  | 'phone' // E.164 (broad: landlines are shared by households and offices)
  | 'nameMobileHead' // full name + first six digits of a Chinese mobile: survives a typo in its tail
  | 'nameMobileTail' // full name + last five digits of a Chinese mobile: survives a typo in its head
  | 'email'
  | 'emailLocal' // the mailbox name before @: survives a mistyped domain
  | 'nameCodeDob' // code of the family or of the given name + birth date, one key each:
  //                 survives a mistyped other name and swapped name order
  | 'dobLocality' // birth date + district / postcode / city: survives mistyped names
  | 'name' // full name alone (broad)
  | 'nameLocality' // full name + district / postcode / city
  | 'phoneticLocality' // family-name code + given initial + postcode / district (Western data)
  | 'givenLocality' // given-name code + town / district: survives a mistyped family name
  | 'namePhonetic' // both name codes, sorted (broad): survives typos and swapped order
  | 'address' // locality + street + house number (broad: households share it)
  | 'orgCore' // pinyin of the name core (broad)
  | 'orgTrade' // trade name without industry words (broad)
  | 'orgCoreLocality'; // trade name pinyin + city / region affix

export interface BlockingKey {
  type: BlockingKeyType;
  value: string;
}

/** Key types expected to become generic for common values (see the file comment). */
export const BROAD_KEY_TYPES: ReadonlySet<BlockingKeyType> = new Set([
  'phone',
  'name',
  'address',
  'orgCore',
  'orgTrade',
]);

/**
 * Partial key types: a full name alone and its phonetic code. A value shared by more than
 * MatchConfig.partialKeyLimit customers is skipped as a generic one is (remembered in
 * generic_keys, migration 19): a common Chinese name is shared by tens of customers long before
 * it turns generic (100). In the 1,000,000-row import bench data a record found 3.3 candidates in
 * the first 100,000 rows and 10.9 in the last, 95 % of them through one key alone and 0.15 % of
 * those the same person; the import slowed down as the names filled up. A same-name customer is
 * still a candidate when it shares anything else (birth date, locality, phone, the name with a
 * mobile's prefix or suffix), or when few customers have the name.
 */
export const PARTIAL_KEY_TYPES: readonly BlockingKeyType[] = ['name', 'namePhonetic'];

/** Values longer than this are replaced by a hash so the key index stays compact. */
const MAX_VALUE_LENGTH = 48;
/** Shorter mailbox names (a@, bob@) are shared by too many people to be a useful key. */
const MIN_MAILBOX_LENGTH = 4;
/** Multi-valued fields contribute at most this many keys each, keeping the key count bounded. */
const MAX_PER_FIELD = 2;

/** cyrb53 in base 36: collisions only add a candidate, never a link. */
export function hash53(text: string): string {
  return '#' + cyrb53(text).toString(36);
}

function key(type: BlockingKeyType, ...parts: string[]): BlockingKey {
  const value = parts.join('|');
  return { type, value: value.length > MAX_VALUE_LENGTH ? hash53(value) : value };
}

/** A spelling-tolerant code: Soundex for Latin, toneless pinyin for Han (homophone slips meet). */
function nameCode(text: string | undefined, pinyin: string | undefined): string | undefined {
  if (!text) return undefined;
  if (containsHan(text)) return pinyin || undefined;
  return soundex(pinyin ?? text) || undefined;
}

/** District code, else postcode, else city: the finest locality the record states. */
function localityOf(record: NormalizedRecord): string | undefined {
  const address = record.address;
  if (!address) return undefined;
  return address.districtCode ?? address.postcode ?? address.cityCode ?? address.city;
}

function personKeys(name: NormalizedPersonName, record: NormalizedRecord, out: BlockingKey[]) {
  const dob = effectiveBirthDate(record);
  const locality = localityOf(record);
  const family = nameCode(name.family, name.familyPinyin);
  const given = nameCode(name.given, name.givenPinyin);
  const givenInitial = (name.givenPinyin ?? name.given ?? '').charAt(0);
  if (name.pinyinKey) {
    out.push(key('name', name.pinyinKey));
    if (locality) out.push(key('nameLocality', name.pinyinKey, locality));
  }
  if (dob && family) out.push(key('nameCodeDob', family, dob));
  if (dob && given && !name.surnameOnly) out.push(key('nameCodeDob', given, dob));
  if (dob && locality) out.push(key('dobLocality', dob, locality));
  const latin = !containsHan(name.family ?? '') && !containsHan(name.given ?? '');
  if (latin && locality && family && givenInitial) {
    out.push(key('phoneticLocality', family, givenInitial, locality));
  }
  // By town name rather than postcode: a mistyped postcode must not hide both locality keys.
  const town = record.address?.districtCode ?? record.address?.city ?? locality;
  if (latin && town && given && !name.surnameOnly) out.push(key('givenLocality', given, town));
  if (latin && family && given && !name.surnameOnly) {
    out.push(key('namePhonetic', ...[family, given].sort()));
  }
}

function orgKeys(record: NormalizedRecord, out: BlockingKey[]): void {
  const org = record.orgName;
  if (!org?.corePinyin) return;
  out.push(key('orgCore', org.corePinyin));
  // The trade name without industry words, in pinyin, lets 华为技术 meet 华为科技, the bare trade name
  // 华为 and "Huawei Technologies".
  const trade = org.tradePinyin ?? org.tradeName;
  if (trade) out.push(key('orgTrade', trade));
  const place = record.address?.cityCode ?? record.address?.city ?? org.region;
  if (place) out.push(key('orgCoreLocality', org.corePinyin, place));
}

/** Chinese mobiles: +86 1xx xxxx xxxx; a mistyped one may have lost a digit and its type. */
const CN_MOBILE = /^\+861\d{9,10}$/u;
const MOBILE_HEAD = 6;
const MOBILE_TAIL = 5;

/**
 * One wrong, dropped or extra digit leaves either the first six or the last five digits of a
 * mobile intact, so one of the two keys still meets the correct number under the same name.
 *
 * With the name, not alone: a prefix or suffix alone is shared by dozens of unrelated people in
 * a million records, and the number grows with the database. As keys of their own that only
 * corroborated (a customer sharing one and nothing else was no candidate) they still had every
 * row read: at 650,000 records of the import bench data they were 21 of the 36 key rows a record
 * read (16.8 and 8.1 rows per lookup), and a record's reads grew from 0.34 to 1.18 ms over the
 * million. What they were there for is a common name (a partial key, no candidate alone) with a
 * mistyped mobile, and the name and the digits together are shared by almost no one.
 */
function mobileKeys(phone: NormalizedPhone, name: string, out: BlockingKey[]): void {
  if (phone.type === 'fixed' || !CN_MOBILE.test(phone.e164)) return;
  const national = phone.e164.slice(3);
  out.push(key('nameMobileHead', name, national.slice(0, MOBILE_HEAD)));
  out.push(key('nameMobileTail', name, national.slice(-MOBILE_TAIL)));
}

function addressKey(record: NormalizedRecord, out: BlockingKey[]): void {
  const address = record.address;
  const locality = localityOf(record);
  const street = address && streetOf(address);
  const number = address && houseNumberOf(address);
  if (street && number && locality) {
    // A Latin street name by its Soundex code, so "wellingtfn street" still meets "wellington street".
    out.push(key('address', locality, containsHan(street) ? street : soundex(street), number));
  }
}

/** The record's blocking keys, de-duplicated, in a stable order. */
export function blockingKeys(record: NormalizedRecord): BlockingKey[] {
  const out: BlockingKey[] = [];
  if (record.id) out.push(key('id', record.id.type, record.id.value));
  const phones = record.phones.filter((phone) => !phone.placeholder);
  const name = record.kind === 'person' ? record.personName?.pinyinKey : undefined;
  for (const phone of phones.slice(0, MAX_PER_FIELD)) {
    out.push(key('phone', phone.e164));
    if (name) mobileKeys(phone, name, out);
  }
  record.emails.slice(0, MAX_PER_FIELD).forEach((email, i) => {
    out.push(key('email', email));
    // The first mailbox name alone still meets a mistyped domain (brooks-sawer.com).
    const local = email.slice(0, email.lastIndexOf('@'));
    if (i === 0 && local.length >= MIN_MAILBOX_LENGTH) out.push(key('emailLocal', local));
  });
  if (record.kind === 'person' && record.personName) personKeys(record.personName, record, out);
  if (record.kind === 'organization') orgKeys(record, out);
  addressKey(record, out);
  const seen = new Set<string>();
  return out.filter((k) => {
    const id = `${k.type}:${k.value}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
