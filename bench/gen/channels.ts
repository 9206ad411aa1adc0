/**
 * The seven channels and their habits: which fields each fills, how it writes phones, dates,
 * names and addresses, and how often its records carry typos, traditional script and bad IDs.
 * Probabilities are per record; the tables themselves are in person-habits.ts and org-habits.ts.
 */
import type { DateFormat } from './dates';
import type { PinyinStyle } from './names';
import type { LandlineFormat, MobileFormat } from './phones';

export const CHANNELS = ['crm', 'ecommerce', 'store', 'callcenter', 'web', 'app', 'erp'] as const;
export type Channel = (typeof CHANNELS)[number];

export type Weights<K extends string> = Partial<Record<K, number>>;

export type PersonNameStyle = 'full' | 'split' | 'pinyin' | 'pinyinSplit' | 'honorific' | 'none';
export type AddressStyle = 'structured' | 'free' | 'partial';
export type GenderStyle = 'MF' | 'zh' | 'word';
export type OrgNameStyle =
  'legal' | 'paren' | 'noLegalForm' | 'trade' | 'tradeIndustry' | 'english';

export interface CommonHabits {
  sourceIdPrefix: string;
  mobile: number;
  mobileFormats: Weights<MobileFormat>;
  landline: number;
  landlineFormats: Weights<LandlineFormat>;
  email: number;
  id: number;
  idType?: string;
  /** Share of the IDs it records that carry a typing mistake. */
  idMistyped: number;
  address: number;
  addressStyles: Weights<AddressStyle>;
  /** Per field: chance that a filled field has a typo. */
  typo: number;
  traditional: number;
}

export interface PersonHabits extends CommonHabits {
  nameStyles: Weights<PersonNameStyle>;
  pinyinStyles: Weights<PinyinStyle>;
  birthDate: number;
  dateFormats: Weights<DateFormat>;
  gender: number;
  genderStyle: GenderStyle;
  placeholderPhone: number;
}

export interface OrgHabits extends CommonHabits {
  nameStyles: Weights<OrgNameStyle>;
}

/** How often entities of each kind show up in each channel. */
// prettier-ignore
export const PERSON_CHANNEL_WEIGHTS: Record<Channel, number> = {
  ecommerce: 25, app: 20, store: 18, crm: 15, callcenter: 10, web: 10, erp: 2,
};
// prettier-ignore
export const ORG_CHANNEL_WEIGHTS: Record<Channel, number> = {
  erp: 30, crm: 30, web: 15, callcenter: 15, ecommerce: 10, store: 0, app: 0,
};
