/**
 * The normalised form of a customer record: what blocking, comparison, scoring and
 * survivorship work on. Produced by normalizeRecord() (normalize-record.ts); pure data.
 */
import type { CustomerKind } from './customer-record';

export type NameScript = 'han' | 'latin' | 'mixed' | 'other';

export interface NormalizedPersonName {
  /** NFKC, full-width folded, traditional→simplified, trimmed, single spaces: what a person reads. */
  display: string;
  script: NameScript;
  /** Simplified Han (张) or lower-case Latin (zhang); undefined when unknown. */
  family?: string;
  /** Simplified Han (伟) or lower-case Latin tokens joined by a space (wei / "mary ann"). */
  given?: string;
  /** Toneless lower-case pinyin of family name ("zhang"); for Latin names the Latin family name. */
  familyPinyin?: string;
  /** Toneless lower-case pinyin of the given name without spaces ("wei", "xiaoming"). */
  givenPinyin?: string;
  /** Order-independent key: all pinyin/latin syllables of the name sorted and joined without spaces
   *  so 张伟 / 張偉 / "Zhang Wei" / "WEI ZHANG" all give "weizhang". */
  pinyinKey: string;
  /** True for 王先生 / 李女士 / "Mr Wang": only the family name is known. */
  surnameOnly: boolean;
}

export interface NormalizedOrgName {
  display: string;
  /** The distinctive trade name (字号) without region affix, legal form or branch: 华为技术 / "acme". */
  core: string;
  /** Pinyin (Han) or lower-case Latin of core, no spaces. */
  corePinyin: string;
  /** Canonical legal form: 有限公司, 有限责任公司, 股份有限公司, ltd, inc, gmbh ... */
  legalForm?: string;
  /** Region affix found in the name: 北京 (from 北京华为…, 华为(北京)…). */
  region?: string;
  /** Branch designation (…分公司 / 北京分公司 / branch): a branch is a different customer. */
  branch?: string;
  /** Core without its trailing industry words (华为技术 → 华为, "acme software" → "acme"): a
   *  blocking key that lets 华为技术 meet 华为科技; too coarse to decide a match on its own. */
  tradeName?: string;
  /** Pinyin (Han) or lower-case Latin of tradeName, no spaces: lets 立天下 meet "Litianxia …". */
  tradePinyin?: string;
  /** The industry words split off the core (技术, 计算机系统, "software"), when there are any. */
  industry?: string;
}

export type PhoneType = 'mobile' | 'fixed' | 'unknown';

export interface NormalizedPhone {
  /** E.164, extension dropped: +8613812345678, +861088886666. */
  e164: string;
  type: PhoneType;
  valid: boolean;
  /** 13800000000, 11111111111 …: filler typed for "no phone"; never matched or used as a key. */
  placeholder?: true;
}

export type IdType = 'cn_resident' | 'cn_uscc' | 'passport' | 'other';

export interface NormalizedId {
  type: IdType;
  /** Upper-case, no spaces or dashes. */
  value: string;
  /** Checksum valid (MOD 11-2 for resident IDs, GB 32100 for USCC); true for types without a checksum. */
  valid: boolean;
  /** From a resident ID: YYYY-MM-DD. */
  birthDate?: string;
  /** From a resident ID: 'M' | 'F'. */
  gender?: Gender;
  /** First 6 digits of a resident ID / digits 3-8 of a USCC: the division code. */
  divisionCode?: string;
}

export type Gender = 'M' | 'F';

export interface NormalizedAddress {
  /** Canonical one-line form used for comparison (simplified, no spaces, lower-case Latin). */
  full: string;
  province?: string;
  provinceCode?: string;
  city?: string;
  cityCode?: string;
  district?: string;
  districtCode?: string;
  /** Street / road / lane name without its number: 建国路 / "wallaby place". */
  street?: string;
  /** House number: 88 / 88号 → "88". */
  number?: string;
  /** What remains after street and number (building, unit, room; Western line2). */
  detail?: string;
  postcode?: string;
  /** ISO 3166 alpha-2 where known (CN default for Chinese addresses). */
  country?: string;
}

export interface NormalizedRecord {
  kind: CustomerKind;
  personName?: NormalizedPersonName;
  orgName?: NormalizedOrgName;
  phones: NormalizedPhone[];
  /** Trimmed, lower-cased; Gmail-style dots/plus tags kept (they can be different mailboxes elsewhere). */
  emails: string[];
  id?: NormalizedId;
  /** YYYY-MM-DD */
  birthDate?: string;
  gender?: Gender;
  address?: NormalizedAddress;
}

/** A problem with one field, reported to the caller (never containing the value itself). */
export interface FieldIssue {
  field: string;
  code: string;
  message: string;
}

export interface NormalizationResult {
  record: NormalizedRecord;
  /** Non-fatal problems: an unparseable phone is dropped and reported here, the record still resolves. */
  issues: FieldIssue[];
}
