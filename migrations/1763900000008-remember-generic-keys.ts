import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  candidateRecordsSql,
  NEW_IDS_SQL,
  READ_ONE_V1,
  resolveReadFunctions,
  storedRecordSql,
} from './1763900000005-add-resolve-read-function';

/**
 * Generic blocking keys are remembered (table generic_keys) instead of being recognised anew on
 * every read. A key is generic when more than genericLimit customers share it (a very common name,
 * an e-mail local part such as "service"); finding that out meant reading up to 4 × genericLimit + 1
 * index entries with their rows, and the name frequency of a common name meant reading up to
 * nameCountCap more. Both grew with the database, so imports slowed down as it filled: at 400,000
 * records the reads of a 50-row chunk touched about 7,000 key rows.
 *
 * Now the first read that finds a key generic records it with its customer count; later reads skip
 * it with one index probe, and take a common name's frequency from the stored count, counted again
 * when the customers have grown by a quarter since. Once generic, a key stays generic (merges that
 * bring its customers back under the limit do not bring it back into the candidate search).
 *
 * Only the resolve path records keys (`allocate`); POST /v1/match writes nothing.
 *
 * Broad partial keys (p.partialKeyTypes: a mobile's prefix or suffix, shared by more than
 * p.partialLimit customers) only corroborate: a customer sharing one of them and nothing else is not
 * a candidate (PARTIAL_KEY_TYPES in blocking-keys.ts).
 *
 * The reads also answer json instead of jsonb: nesting each candidate record's stored jsonb
 * document into a jsonb answer rebuilt it value by value, 2.5 times the cost of writing it out as
 * text (43 against 17 ms for 2,000 candidate records).
 */
/**
 * The condition on blocking_keys for one key: by type and value, or (migration 22, hashedKeys) by
 * the key's hash alone, which the caller's expressions give.
 */
interface KeyRef {
  type: string;
  value: string;
  hash: string;
}
const keyWhere = (hashed: boolean, k: KeyRef): string =>
  hashed ? `key_hash = ${k.hash}` : `key_type = ${k.type} AND key_value = ${k.value}`;

/** The customers sharing a key, counted over at most v_name_cap of its rows (a name's frequency). */
function keyCustomers(where: string): string {
  return `(SELECT count(DISTINCT customer_id) FROM (SELECT customer_id FROM blocking_keys
             WHERE ${where} LIMIT v_name_cap) n)`;
}

/** A key's customers (at most 4 × genericLimit + 1 of its rows read). */
function keyHits(where: string): string {
  return `ARRAY(
            SELECT DISTINCT b.customer_id
              FROM (SELECT customer_id FROM blocking_keys
                     WHERE ${where}
                     LIMIT v_generic_limit * 4 + 1) b)`;
}

/** The loop's current key, the item's name key, and the rows of jsonb_to_recordset. */
const LOOP_KEY: KeyRef = { type: 'v_type', value: 'v_value', hash: 'v_hash' };
const NAME_KEY: KeyRef = {
  type: "item->>'nameKeyType'",
  value: "item->>'nameKeyValue'",
  hash: "(item->>'nameKeyHash')::bigint",
};
const ROW_KEY: KeyRef = { type: 'k.type', value: 'k.value', hash: 'k.hash' };

const KEY_BY_KEY = `        FOR v_type, v_value IN
          SELECT k.type, k.value FROM jsonb_to_recordset(item->'keys') AS k(type text, value text)
        LOOP
          v_is_name := v_type = item->>'nameKeyType' AND v_value = item->>'nameKeyValue';
          SELECT g.customers, g.population INTO v_known
            FROM generic_keys g WHERE g.key_type = v_type AND g.key_value = v_value;
          IF FOUND THEN`;

const KEY_HITS = `          v_key_hits := ${keyHits(keyWhere(false, LOOP_KEY))};
`;

/**
 * One query for all the keys: PL/pgSQL runs each statement through the executor's start and end,
 * which for two small lookups per key cost more than the lookups (0.36 ms per record read).
 */
const readKeysInOneQuery = (
  genericKeysJoin: string,
  hashed: boolean,
): string => `        FOR v_known IN
          SELECT k.type, k.value,${hashed ? ' k.hash,' : ''} g.customers, g.population,
                 CASE WHEN g.key_type IS NULL THEN ${keyHits(keyWhere(hashed, ROW_KEY))} END AS hits
            FROM jsonb_to_recordset(item->'keys') AS k(type text, value text${hashed ? ', hash bigint' : ''})
            ${genericKeysJoin}
        LOOP
          v_type := v_known.type;
          v_value := v_known.value;${hashed ? '\n          v_hash := v_known.hash;' : ''}
          v_is_name := v_type = item->>'nameKeyType' AND v_value = item->>'nameKeyValue';
          IF v_known.customers IS NOT NULL THEN`;

/** Migration 19: a partial key found shared by too many customers is remembered and skipped. */
const SKIP_PARTIAL = (
  reportGeneric: string,
  hashed: boolean,
): string => `            IF v_remember THEN
              INSERT INTO generic_keys (key_type, key_value, customers, population)
              VALUES (v_type, v_value, ${keyCustomers(keyWhere(hashed, LOOP_KEY))}, v_population)
              ON CONFLICT DO NOTHING;
            END IF;
${reportGeneric}            CONTINUE;
`;

const JOIN_GENERIC_KEYS =
  'LEFT JOIN generic_keys g ON g.key_type = k.type AND g.key_value = k.value';

/**
 * Migration 20: one index probe of generic_keys per key. A plain join is planned once for the
 * function (generic plan, jsonb_to_recordset estimated at 100 rows) as a hash join over the whole
 * of generic_keys, which every read then scanned: 0.47 against 0.08 ms for seven keys beside 2,500
 * remembered keys, and growing with them. OFFSET 0 keeps the subquery from being flattened into
 * that join.
 */
const PROBE_GENERIC_KEYS = `LEFT JOIN LATERAL (SELECT g.key_type, g.customers, g.population FROM generic_keys g
                        WHERE g.key_type = k.type AND g.key_value = k.value OFFSET 0) g ON true`;

/** What later migrations changed in mdm_read_one. */
export interface ReadOneOptions {
  /** Migration 9: the answer also lists the item's keys skipped as generic, as "type:value". */
  reportGeneric?: boolean;
  /** Migration 11: all the keys' generic entries and customers in one query, not two per key. */
  keysInOneQuery?: boolean;
  /** Migration 12: p.corroboratingKeyTypes never make a candidate alone, however rare. */
  corroborating?: boolean;
  /**
   * Migration 19: a partial key shared by more than p.partialLimit customers is remembered in
   * generic_keys and skipped like a generic one, instead of corroborating.
   */
  skipPartial?: boolean;
  /** Migration 20: generic_keys probed by index for each key, never scanned whole. */
  probeGenericKeys?: boolean;
  /**
   * Migration 22: blocking_keys looked up by key_hash; each item key carries its `hash`, and the
   * item its `nameKeyHash`.
   */
  hashedKeys?: boolean;
}

/** mdm_read_one as of this migration, or with the options of later ones. */
export function readOneV2({
  reportGeneric = false,
  keysInOneQuery = false,
  corroborating = false,
  skipPartial = false,
  probeGenericKeys = false,
  hashedKeys = false,
}: ReadOneOptions = {}): string {
  const generic = (indent: string): string =>
    reportGeneric ? `${indent}v_generic := v_generic || (v_type || ':' || v_value);\n` : '';
  return `mdm_read_one(p jsonb, item jsonb) RETURNS json LANGUAGE plpgsql VOLATILE AS $fn$
      DECLARE
        v_existing json;
        v_existing_id bigint;
        v_existing_active boolean := false;
        v_excluded bigint[] := '{}';
        v_candidates bigint[];
        v_hits bigint[] := '{}';
        v_partial_hits bigint[] := '{}';
        v_partial_types text[] := ARRAY(SELECT jsonb_array_elements_text(COALESCE(p->'partialKeyTypes', '[]')));
        v_partial_limit int := COALESCE((p->>'partialLimit')::int, (p->>'genericLimit')::int);
${corroborating ? "        v_corroborating_types text[] := ARRAY(SELECT jsonb_array_elements_text(COALESCE(p->'corroboratingKeyTypes', '[]')));\n" : ''}        v_key_hits bigint[];
        v_records json;
        v_generic_limit int := (p->>'genericLimit')::int;
        v_name_cap int := (p->>'nameCountCap')::int;
        v_remember boolean := (p->>'allocate')::boolean;
        v_record_id text;
        v_customer_id text;
        v_customer_sequence text;
        v_population bigint;
        v_type text;
        v_value text;
${hashedKeys ? '        v_hash bigint;\n' : ''}        v_is_name boolean;
        v_known record;
        v_name_count bigint;
${reportGeneric ? "        v_generic text[] := '{}';\n" : ''}      BEGIN
${storedRecordSql('json')}        -- Before this resolve's own allocation: the customers that exist.
        SELECT CASE WHEN is_called THEN last_value ELSE 0 END INTO v_population FROM customer_number_seq;

        -- Each key's customers, unless the key is generic (known, or found now: then remembered).
        -- The record's own name key also gives the name frequency.
${keysInOneQuery ? readKeysInOneQuery(probeGenericKeys ? PROBE_GENERIC_KEYS : JOIN_GENERIC_KEYS, hashedKeys) : KEY_BY_KEY}
            IF v_is_name THEN
              v_name_count := v_known.customers;
              IF v_remember AND v_population > v_known.population * 1.25 THEN
                v_name_count := ${keyCustomers(keyWhere(hashedKeys, LOOP_KEY))};
                UPDATE generic_keys SET customers = v_name_count, population = v_population
                 WHERE key_type = v_type AND key_value = v_value;
              END IF;
            END IF;
${generic('            ')}            CONTINUE;
          END IF;
${keysInOneQuery ? '          v_key_hits := v_known.hits;\n' : KEY_HITS}          IF cardinality(v_key_hits) > v_generic_limit THEN
            IF v_remember THEN
              INSERT INTO generic_keys (key_type, key_value, customers, population)
              VALUES (v_type, v_value, ${keyCustomers(keyWhere(hashedKeys, LOOP_KEY))}, v_population)
              ON CONFLICT DO NOTHING;
            END IF;
${generic('            ')}            CONTINUE;
          END IF;
          IF ${corroborating ? 'v_type = ANY (v_corroborating_types) OR (' : ''}v_type = ANY (v_partial_types) AND cardinality(v_key_hits) > v_partial_limit${corroborating ? ')' : ''} THEN
${skipPartial ? SKIP_PARTIAL(generic('            '), hashedKeys) : '            v_partial_hits := v_partial_hits || v_key_hits;\n'}          ELSE
            v_hits := v_hits || v_key_hits;
          END IF;
        END LOOP;

        -- Merged customers are followed to their survivor. A customer sharing a single broad partial
        -- key and nothing else is no candidate. Beyond maxCandidates, those sharing the most keys are kept.
        v_candidates := ARRAY(
          SELECT cid FROM (
            SELECT COALESCE(c.merged_into_id, c.id) AS cid, count(*) AS shared_keys,
                   bool_or(NOT hit.partial) AS full_key
              FROM (SELECT h, false FROM unnest(v_hits) AS h
                    UNION ALL SELECT h, true FROM unnest(v_partial_hits) AS h) AS hit(id, partial)
              JOIN customers c ON c.id = hit.id
             WHERE c.status <> 'inactive'
             GROUP BY 1) found
           WHERE cid <> ALL (v_excluded) AND (full_key OR shared_keys > 1)
           ORDER BY shared_keys DESC, cid
           LIMIT (p->>'maxCandidates')::int);

${candidateRecordsSql('json')}        IF v_name_count IS NULL THEN
          v_name_count := ${keyCustomers(keyWhere(hashedKeys, NAME_KEY))};
        END IF;

${NEW_IDS_SQL}        RETURN json_build_object(
          'existing', v_existing,
          'newRecordId', v_record_id,
          'excluded', to_json(v_excluded::text[]),
          'candidates', to_json(v_candidates::text[]),
          'records', v_records,
          'population', v_population,
          'nameCount', v_name_count,
          'newCustomer', CASE WHEN v_customer_id IS NULL THEN NULL
                              ELSE json_build_object('customerId', v_customer_id, 'sequence', v_customer_sequence) END${
                                reportGeneric ? ",\n          'generic', to_json(v_generic)" : ''
                              });
      END $fn$`;
}

/** The return type changes (jsonb to json), which CREATE OR REPLACE cannot do. */
async function dropReadFunctions(db: QueryRunner): Promise<void> {
  await db.query('DROP FUNCTION mdm_resolve_read_batch(jsonb)');
  await db.query('DROP FUNCTION mdm_resolve_read(jsonb)');
  await db.query('DROP FUNCTION mdm_read_one(jsonb, jsonb)');
}

export class RememberGenericKeys1763900000008 implements MigrationInterface {
  name = 'RememberGenericKeys1763900000008';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE generic_keys (
        key_type varchar(24) NOT NULL,
        key_value varchar(128) NOT NULL,
        -- Distinct customers counted (at most nameCountCap key rows read), and the customers that
        -- existed then: a name's count is refreshed once they grew by a quarter.
        customers integer NOT NULL,
        population bigint NOT NULL,
        CONSTRAINT pk_generic_keys PRIMARY KEY (key_type, key_value))`);
    await dropReadFunctions(db);
    await db.query(`CREATE FUNCTION ${readOneV2()}`);
    for (const sql of resolveReadFunctions('json')) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    await dropReadFunctions(db);
    await db.query(`CREATE FUNCTION ${READ_ONE_V1}`);
    for (const sql of resolveReadFunctions('jsonb')) await db.query(sql);
    await db.query('DROP TABLE generic_keys');
  }
}
