/** How each channel records a person (see CommonHabits for the meaning of each number). */
import type { AddressStyle, Channel, PersonHabits, Weights } from './channels';

const FREE: Weights<AddressStyle> = { free: 1 };

// prettier-ignore
export const PERSON_HABITS: Record<Channel, PersonHabits> = {
  crm: {
    sourceIdPrefix: 'CRM', nameStyles: { full: 60, split: 40 }, pinyinStyles: {},
    mobile: 0.95, mobileFormats: { plus86spaced: 4, plain: 4, spaced: 2 },
    landline: 0.3, landlineFormats: { dashed: 1 }, email: 0.7, id: 0.7, idType: 'cn_resident',
    idMistyped: 0.02, birthDate: 0.8, dateFormats: { iso: 1 }, gender: 0.9, genderStyle: 'MF',
    address: 0.9, addressStyles: { structured: 1 }, typo: 0.01, traditional: 0.01, placeholderPhone: 0,
  },
  ecommerce: {
    sourceIdPrefix: 'EC', nameStyles: { full: 93, pinyin: 3, honorific: 2, none: 2 },
    pinyinStyles: { familyFirstTitle: 1 }, mobile: 1, mobileFormats: { plain: 9, plus86: 1 },
    landline: 0, landlineFormats: {}, email: 0.5, id: 0, idMistyped: 0, birthDate: 0.1,
    dateFormats: { iso: 1 }, gender: 0.3, genderStyle: 'zh', address: 1,
    addressStyles: FREE, typo: 0.03, traditional: 0.04, placeholderPhone: 0,
  },
  store: {
    sourceIdPrefix: 'POS', nameStyles: { full: 90, none: 10 }, pinyinStyles: {},
    mobile: 0.95, mobileFormats: { dashed: 5, plain: 5 }, landline: 0.05,
    landlineFormats: { plain: 1 }, email: 0.05, id: 0.05, idType: 'cn_resident', idMistyped: 0.05,
    birthDate: 0.5, dateFormats: { slash: 1 }, gender: 0.7, genderStyle: 'zh', address: 0.3,
    addressStyles: { partial: 1 }, typo: 0.05, traditional: 0.01, placeholderPhone: 0.02,
  },
  callcenter: {
    sourceIdPrefix: 'CC', nameStyles: { honorific: 35, full: 60, none: 5 }, pinyinStyles: {},
    mobile: 0.98, mobileFormats: { intl0086: 3, spaced: 3, plain: 4 }, landline: 0.5,
    landlineFormats: { spacedLocal: 1, dashed: 1 }, email: 0.1, id: 0.2, idType: 'cn_resident',
    idMistyped: 0.08, birthDate: 0.3, dateFormats: { chinese: 1 }, gender: 0.6, genderStyle: 'zh',
    address: 0.5, addressStyles: { partial: 1 }, typo: 0.06, traditional: 0, placeholderPhone: 0,
  },
  web: {
    sourceIdPrefix: 'W', nameStyles: { full: 60, split: 15, pinyin: 20, none: 5 },
    pinyinStyles: { familyFirstTitle: 3, givenFirstTitle: 1, lower: 1 }, mobile: 0.7,
    mobileFormats: { plus86spaced: 3, plus86: 3, plain: 4 }, landline: 0.05,
    landlineFormats: { plus86: 1 }, email: 0.95, id: 0.1, idType: 'cn_resident', idMistyped: 0.03,
    birthDate: 0.5, dateFormats: { compact: 1, iso: 1 }, gender: 0.4, genderStyle: 'word',
    address: 0.6, addressStyles: FREE, typo: 0.02, traditional: 0.06, placeholderPhone: 0,
  },
  app: {
    sourceIdPrefix: 'A', nameStyles: { split: 40, full: 30, pinyinSplit: 5, pinyin: 5, none: 20 },
    pinyinStyles: { givenFirstUpper: 3, familyFirstTitle: 1 }, mobile: 1,
    mobileFormats: { plain: 8, plus86: 2 }, landline: 0, landlineFormats: {}, email: 0.3, id: 0.3,
    idMistyped: 0.005, birthDate: 0.6, dateFormats: { iso: 1 }, gender: 0.8, genderStyle: 'MF',
    address: 0.4, addressStyles: { structured: 1 }, typo: 0.01, traditional: 0.03, placeholderPhone: 0,
  },
  erp: {
    sourceIdPrefix: 'K', nameStyles: { full: 1 }, pinyinStyles: {}, mobile: 0.9,
    mobileFormats: { dashed: 1 }, landline: 0.5, landlineFormats: { dashed: 1 }, email: 0.3,
    id: 0.5, idType: 'cn_resident', idMistyped: 0.02, birthDate: 0, dateFormats: { iso: 1 },
    gender: 0, genderStyle: 'MF', address: 1, addressStyles: { structured: 1 }, typo: 0.01,
    traditional: 0.01, placeholderPhone: 0,
  },
};
