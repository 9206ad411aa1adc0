/** How each channel records an organisation; stores and the app serve consumers only. */
import type { AddressStyle, Channel, OrgHabits, Weights } from './channels';

const FREE: Weights<AddressStyle> = { free: 1 };

// prettier-ignore
const NO_ORGS: OrgHabits = {
  sourceIdPrefix: '-', nameStyles: { legal: 1 }, mobile: 0, mobileFormats: { plain: 1 },
  landline: 0, landlineFormats: { dashed: 1 }, email: 0, id: 0, idMistyped: 0, address: 0,
  addressStyles: FREE, typo: 0, traditional: 0,
};

// prettier-ignore
export const ORG_HABITS: Record<Channel, OrgHabits> = {
  erp: {
    sourceIdPrefix: 'KB', nameStyles: { legal: 85, english: 8, paren: 7 }, mobile: 0.3,
    mobileFormats: { dashed: 1 }, landline: 0.95, landlineFormats: { dashed: 3, parenthesized: 1 },
    email: 0.4, id: 0.95, idType: 'cn_uscc', idMistyped: 0.02, address: 1,
    addressStyles: { structured: 1 }, typo: 0.01, traditional: 0.01,
  },
  crm: {
    sourceIdPrefix: 'CRMB', nameStyles: { legal: 70, noLegalForm: 20, tradeIndustry: 10 },
    mobile: 0.5, mobileFormats: { plain: 1, spaced: 1 }, landline: 0.8,
    landlineFormats: { dashed: 2, plain: 1 }, email: 0.6, id: 0.6, idType: 'cn_uscc',
    idMistyped: 0.02, address: 0.9, addressStyles: { structured: 5, free: 4 }, typo: 0.02,
    traditional: 0.02,
  },
  web: {
    sourceIdPrefix: 'WB', nameStyles: { legal: 80, trade: 10, english: 10 }, mobile: 0.7,
    mobileFormats: { plus86: 1, plain: 1 }, landline: 0.5, landlineFormats: { plus86: 1, dashed: 1 },
    email: 0.9, id: 0.3, idType: 'cn_uscc', idMistyped: 0.03, address: 0.7, addressStyles: FREE,
    typo: 0.02, traditional: 0.08,
  },
  callcenter: {
    sourceIdPrefix: 'CCB', nameStyles: { trade: 50, tradeIndustry: 20, legal: 30 }, mobile: 0.6,
    mobileFormats: { spaced: 1, plain: 1 }, landline: 0.7, landlineFormats: { spacedLocal: 1 },
    email: 0.1, id: 0.05, idType: 'cn_uscc', idMistyped: 0.1, address: 0.4,
    addressStyles: { partial: 1 }, typo: 0.06, traditional: 0,
  },
  ecommerce: {
    // Invoice title and taxpayer number (发票抬头, 纳税人识别号): usually copied exactly.
    sourceIdPrefix: 'ECB', nameStyles: { legal: 90, noLegalForm: 10 }, mobile: 0.9,
    mobileFormats: { plain: 1 }, landline: 0.3, landlineFormats: { plain: 1 }, email: 0.3, id: 0.8,
    idType: 'cn_uscc', idMistyped: 0.02, address: 0.9, addressStyles: FREE, typo: 0.02,
    traditional: 0.02,
  },
  store: NO_ORGS,
  app: NO_ORGS,
};
