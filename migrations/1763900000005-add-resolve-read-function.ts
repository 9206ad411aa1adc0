import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The start of mdm_read_one: the record's stored version (locked) and the customers a steward said
 * it is not; into v_existing (`type`), v_existing_id, v_existing_active and v_excluded.
 */
export function storedRecordSql(type: 'jsonb' | 'json'): string {
  return `        SELECT ${type}_build_object(
                 'id', r.id::text, 'customerId', r.customer_id::text, 'contentHash', r.content_hash,
                 'identityHash', r.identity_hash, 'status', r.status,
                 'customerNumber', (SELECT s.customer_number FROM customers c
                                      JOIN customers s ON s.id = COALESCE(c.merged_into_id, c.id)
                                     WHERE c.id = r.customer_id)),
               r.id, r.status = 'active' AND r.customer_id IS NOT NULL
          INTO v_existing, v_existing_id, v_existing_active
          FROM source_records r
         WHERE r.source = item->>'source' AND r.source_id = item->>'sourceId'
           FOR UPDATE;

        -- Customers a steward said this record is not, while both records are unchanged.
        IF v_existing_id IS NOT NULL THEN
          v_excluded := ARRAY(
            SELECT DISTINCT COALESCE(c.merged_into_id, c.id)
              FROM match_exclusions e
              JOIN source_records other
                ON other.id = CASE WHEN e.record_a_id = v_existing_id THEN e.record_b_id ELSE e.record_a_id END
              JOIN customers c ON c.id = other.customer_id
             WHERE (e.record_a_id = v_existing_id AND e.identity_hash_a = item->>'identityHash'
                    AND e.identity_hash_b = other.identity_hash)
                OR (e.record_b_id = v_existing_id AND e.identity_hash_b = item->>'identityHash'
                    AND e.identity_hash_a = other.identity_hash));
        END IF;

`;
}

/** The candidates' active records (without the record itself), as `type`, into v_records. */
export function candidateRecordsSql(type: 'jsonb' | 'json'): string {
  return `        SELECT COALESCE(${type}_agg(${type}_build_object(
                 'recordId', r.id::text, 'customerId', r.customer_id::text,
                 'customerNumber', c.customer_number, 'pins', c.pins, 'source', r.source,
                 'updatedAt', r.updated_at, 'normalized', r.normalized)), '[]'::${type})
          INTO v_records
          FROM source_records r JOIN customers c ON c.id = r.customer_id
         WHERE r.customer_id = ANY (v_candidates) AND r.status = 'active'
           AND r.id IS DISTINCT FROM v_existing_id;

`;
}

/**
 * The ids a resolve may need, allocated with the reads: the record's when it is new, and the
 * customer's when no candidate means a new customer for sure; into v_record_id, v_customer_id and
 * v_customer_sequence.
 */
export const NEW_IDS_SQL = `        IF v_existing_id IS NULL THEN
          v_record_id := nextval('source_records_id_seq')::text;
        END IF;
        -- No candidate means a new customer for sure: its ids come with the reads. (SELECT INTO
        -- without a row set v_existing_active to NULL.)
        IF NOT COALESCE(v_existing_active, false) AND cardinality(v_candidates) = 0 AND (p->>'allocate')::boolean THEN
          v_customer_id := nextval('customers_id_seq')::text;
          v_customer_sequence := nextval('customer_number_seq')::text;
        END IF;

`;

/** mdm_read_one as this migration made it (migration 1763900000008 replaces it, its down restores it). */
export const READ_ONE_V1 = `mdm_read_one(p jsonb, item jsonb) RETURNS jsonb LANGUAGE plpgsql VOLATILE AS $fn$
      DECLARE
        v_existing jsonb;
        v_existing_id bigint;
        v_existing_active boolean := false;
        v_excluded bigint[] := '{}';
        v_candidates bigint[];
        v_records jsonb;
        v_generic_limit int := (p->>'genericLimit')::int;
        v_record_id text;
        v_customer_id text;
        v_customer_sequence text;
        v_population bigint;
      BEGIN
${storedRecordSql('jsonb')}        -- Customers sharing a blocking key, skipping generic keys (shared by more than the limit);
        -- merged customers are followed to their survivor. Beyond maxCandidates, those sharing
        -- the most keys are kept.
        v_candidates := ARRAY(
          SELECT cid FROM (
            SELECT COALESCE(c.merged_into_id, c.id) AS cid, count(*) AS shared_keys
              FROM jsonb_to_recordset(item->'keys') AS k(type text, value text)
              CROSS JOIN LATERAL (
                SELECT array_agg(DISTINCT b.customer_id) AS customer_ids
                  FROM (SELECT customer_id FROM blocking_keys b
                         WHERE b.key_type = k.type AND b.key_value = k.value
                         LIMIT v_generic_limit * 4 + 1) b) hits
              CROSS JOIN LATERAL unnest(hits.customer_ids) AS hit(id)
              JOIN customers c ON c.id = hit.id
             WHERE cardinality(hits.customer_ids) <= v_generic_limit AND c.status <> 'inactive'
             GROUP BY 1) found
           WHERE cid <> ALL (v_excluded)
           ORDER BY shared_keys DESC, cid
           LIMIT (p->>'maxCandidates')::int);

${candidateRecordsSql('jsonb')}        -- Before this resolve's own allocation: the customers that exist.
        SELECT CASE WHEN is_called THEN last_value ELSE 0 END INTO v_population FROM customer_number_seq;

${NEW_IDS_SQL}        RETURN jsonb_build_object(
          'existing', v_existing,
          'newRecordId', v_record_id,
          'excluded', to_jsonb(v_excluded::text[]),
          'candidates', to_jsonb(v_candidates::text[]),
          'records', v_records,
          'population', v_population,
          'nameCount', (SELECT count(DISTINCT customer_id) FROM
                          (SELECT customer_id FROM blocking_keys
                            WHERE key_type = item->>'nameKeyType' AND key_value = item->>'nameKeyValue'
                            LIMIT (p->>'nameCountCap')::int) n),
          'newCustomer', CASE WHEN v_customer_id IS NULL THEN NULL
                              ELSE jsonb_build_object('customerId', v_customer_id, 'sequence', v_customer_sequence) END);
      END $fn$`;

/**
 * mdm_resolve_read and mdm_resolve_read_batch (the locks, then mdm_read_one), returning `type`:
 * jsonb as this migration made them, json since migration 1763900000008.
 */
export function resolveReadFunctions(type: 'jsonb' | 'json'): string[] {
  return [
    `CREATE FUNCTION mdm_resolve_read(p jsonb) RETURNS ${type} LANGUAGE plpgsql VOLATILE AS $fn$
      BEGIN
        PERFORM mdm_take_locks(p->'locks');
        RETURN mdm_read_one(p, p);
      END $fn$`,
    `CREATE FUNCTION mdm_resolve_read_batch(p jsonb) RETURNS ${type} LANGUAGE plpgsql VOLATILE AS $fn$
      BEGIN
        PERFORM mdm_take_locks(p->'locks');
        RETURN (SELECT COALESCE(${type}_agg(mdm_read_one(p, i.value) ORDER BY i.ord), '[]'::${type})
                  FROM jsonb_array_elements(p->'items') WITH ORDINALITY AS i(value, ord));
      END $fn$`,
  ];
}

/**
 * The resolve path's reads as one server-side function (mdm_resolve_read; mdm_resolve_read_batch
 * reads for all the records of an import chunk at once). On the 2-core target machine a round trip
 * to PostgreSQL costs a quarter to half a millisecond of CPU on each side, more than the reads
 * themselves, so the locks, the stored record, the candidates with their records, the exclusions,
 * the term-frequency inputs and the new ids travel in one call.
 *
 * A PL/pgSQL function takes a new snapshot for every statement under READ COMMITTED, so the reads
 * after the advisory locks see every transaction that held them (a single SQL statement could
 * not: its snapshot would predate the locks).
 *
 * mdm_require raises SQLSTATE MDM01 ("the row changed under us"): a write statement that finds
 * its customer merged away fails as a whole, and the resolve is retried.
 */
export class AddResolveReadFunction1763900000005 implements MigrationInterface {
  name = 'AddResolveReadFunction1763900000005';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION mdm_require(ok boolean) RETURNS boolean LANGUAGE plpgsql AS $fn$
      BEGIN
        IF ok IS NOT TRUE THEN
          RAISE EXCEPTION 'concurrent change' USING ERRCODE = 'MDM01';
        END IF;
        RETURN true;
      END $fn$`);
    await db.query(`CREATE FUNCTION ${READ_ONE_V1}`);
    await db.query(`
      CREATE FUNCTION mdm_take_locks(locks jsonb) RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        -- In the given (ascending) order, so that two resolves never wait on each other crosswise.
        PERFORM pg_advisory_xact_lock(l.id::bigint)
           FROM jsonb_array_elements_text(locks) WITH ORDINALITY AS l(id, ord) ORDER BY l.ord;
      END $fn$`);
    for (const sql of resolveReadFunctions('jsonb')) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION mdm_resolve_read_batch(jsonb)');
    await db.query('DROP FUNCTION mdm_resolve_read(jsonb)');
    await db.query('DROP FUNCTION mdm_take_locks(jsonb)');
    await db.query('DROP FUNCTION mdm_read_one(jsonb, jsonb)');
    await db.query('DROP FUNCTION mdm_require(boolean)');
  }
}
