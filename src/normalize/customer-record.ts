/**
 * A customer record as a channel sends it (the body of POST /v1/resolve, one import row).
 * Pure data: no Nest or TypeORM here, so the engine, the API and imports share it.
 */
export type CustomerKind = 'person' | 'organization';

/** The fields of a structured address, in the order they are shown. */
export const STRUCTURED_ADDRESS_FIELDS = [
  'line1',
  'line2',
  'district',
  'city',
  'province',
  'postcode',
  'country',
] as const;

export interface StructuredAddress {
  line1?: string;
  line2?: string;
  district?: string;
  city?: string;
  province?: string;
  postcode?: string;
  country?: string;
}

export interface CustomerRecordInput {
  source: string;
  sourceId: string;
  kind: CustomerKind;
  name?: string;
  givenName?: string;
  familyName?: string;
  phones?: string[];
  emails?: string[];
  idNumber?: string;
  idType?: string;
  birthDate?: string;
  gender?: string;
  address?: string | StructuredAddress;
  attributes?: Record<string, unknown>;
}
