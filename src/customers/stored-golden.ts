/**
 * The golden record as stored (JSONB) and read back by the API: the engine's GoldenRecord
 * (src/matching/survivorship.ts), read loosely because stored rows may predate a field.
 */
export interface StoredGoldenValue {
  value: unknown;
  /** The source record the value came from; absent (or null) for a steward's pinned value. */
  sourceRecordId?: string | null;
  source?: string | null;
  rule: string;
}

export type StoredGolden = Record<
  string,
  StoredGoldenValue | StoredGoldenValue[] | string | undefined
>;

/** The attribute values of a stored golden record, skipping scalar entries such as `kind`. */
export function goldenValues(golden: StoredGolden): StoredGoldenValue[] {
  return Object.values(golden).flatMap((v) =>
    Array.isArray(v) ? v : typeof v === 'object' ? [v] : [],
  );
}
