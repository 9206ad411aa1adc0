/**
 * The hard cases the synthetic data contains, each at a known rate. Group shares are shares of
 * entities of that kind; trait rates are per entity; record-level rates live with each channel's
 * habits (channels.ts). A run prints the realised counts (GeneratorStats).
 */
export type PersonHardCase =
  | 'common_name' // a very common full name shared with 1–3 other people in the same city
  | 'household' // shares address and landline with 1–3 relatives
  | 'twin' // same surname, birth date, address; different given name and ID
  | 'changed_phone' // some records carry the old mobile number
  | 'moved'; // some records carry the old address

export type OrgHardCase =
  | 'same_trade_name' // same 字号 as 1–2 unrelated companies in other cities
  | 'branch_parent' // a company with branch offices
  | 'branch'; // …北京分公司: a separate customer under its parent's name

export type RecordHardCase =
  | 'mistyped_id' // ID with a typing mistake: checksum fails
  | 'typo' // name, phone, email, address or date mistyped
  | 'old_phone'
  | 'old_address'
  | 'traditional' // traditional characters
  | 'pinyin_name' // name in Latin letters
  | 'honorific_name' // 王先生
  | 'placeholder_phone' // 13800000000 typed for "no phone"
  | 'channel_duplicate'; // a second account of the same customer in the same channel

/** Share of persons in each kind of group (the rest are on their own). */
export const PERSON_GROUP_SHARES = { household: 0.12, twin: 0.02, common_name: 0.05 } as const;
/** Average group size, used to turn shares of people into group draw probabilities. */
export const PERSON_GROUP_SIZES = { household: 3, twin: 2, common_name: 3 } as const;

export const PERSON_TRAIT_RATES = { changed_phone: 0.06, moved: 0.05 } as const;

/** Share of organisations in same-trade-name groups and in parent-with-branches families. */
export const ORG_GROUP_SHARES = { same_trade_name: 0.06, branch_family: 0.1 } as const;
export const ORG_GROUP_SIZES = { same_trade_name: 2.5, branch_family: 3 } as const;

/** How many channels an entity appears in (k), by weight. */
export const CHANNEL_COUNT_WEIGHTS = {
  '1': 35,
  '2': 30,
  '3': 20,
  '4': 10,
  '5': 3,
  '6': 2,
} as const;

/** Chance that an entity has a second account in one of its channels. */
export const CHANNEL_DUPLICATE_RATE = 0.03;

/** Chance that a record of a phone-changer or mover predates the change. */
export const OLD_VALUE_RATE = 0.5;
