import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * mdm_place_records writes a run of placed records (new customers with their first record, and
 * records linked to existing customers) with one statement per table, instead of one function
 * call per record of five or six statements each. An import chunk's writes travel together (see
 * fused-transaction), so a run is usually several records long; PostgreSQL's fixed cost per
 * statement (executor start and end, the call and its two dozen typed literals) was about a third
 * of the placement's time (pg_stat_statements, 100,000-row import: 349 µs per record for the two
 * functions, their statements' own work about two thirds of it).
 *
 * `p` is a JSON array of placements in the order they were decided, each
 * `{ op: "insert" | "link", customerId, recordId, source, sourceId, kind, raw, normalized,
 * contentHash, identityHash, link, keys: [[type, value], ...], golden, customerNumber?,
 * regionCode?, history: [...], events: [...] }` (RecordPlacementRepository).
 *
 * Order within the run is kept where it shows: history and events are inserted in placement
 * order, so their ids follow it, and a customer linked twice gets the golden record of its last
 * link (which was computed with the earlier one). A linked customer that is no longer active
 * (merged away or emptied since the reads) fails the whole statement with MDM01 (mdm_require), as
 * mdm_link_record did: nothing is written and the resolve starts again. mdm_link_record and
 * mdm_insert_customer_with_record stay for rolling back.
 */
export const PLACE_RECORDS = `
  CREATE FUNCTION mdm_place_records(p jsonb) RETURNS void LANGUAGE plpgsql VOLATILE
  SET plan_cache_mode = force_generic_plan AS $fn$
  DECLARE
    v_linked int;
    v_updated int;
  BEGIN
    INSERT INTO customers (id, customer_number, kind, region_code, golden)
    SELECT (i->>'customerId')::bigint, i->>'customerNumber', i->>'kind', i->>'regionCode', i->'golden'
      FROM jsonb_array_elements(p) AS x(i)
     WHERE i->>'op' = 'insert';

    SELECT count(DISTINCT i->>'customerId') INTO v_linked
      FROM jsonb_array_elements(p) AS x(i) WHERE i->>'op' = 'link';
    IF v_linked > 0 THEN
      WITH last_golden AS (
        SELECT DISTINCT ON ((i->>'customerId')::bigint) (i->>'customerId')::bigint AS id, i->'golden' AS golden
          FROM jsonb_array_elements(p) WITH ORDINALITY AS x(i, ord)
         WHERE i->>'op' = 'link'
         ORDER BY (i->>'customerId')::bigint, ord DESC),
      updated AS (
        UPDATE customers c SET golden = l.golden, updated_at = now()
          FROM last_golden l
         WHERE c.id = l.id AND c.status = 'active'
        RETURNING 1)
      SELECT count(*) INTO v_updated FROM updated;
      PERFORM mdm_require(v_updated = v_linked);
    END IF;

    INSERT INTO source_records (id, source, source_id, customer_id, kind, raw, normalized, content_hash, identity_hash, link)
    SELECT (i->>'recordId')::bigint, i->>'source', i->>'sourceId', (i->>'customerId')::bigint, i->>'kind',
           i->'raw', i->'normalized', i->>'contentHash', i->>'identityHash', i->'link'
      FROM jsonb_array_elements(p) AS x(i);

    -- The records are new (ids fresh from source_records_id_seq): their key rows cannot exist yet.
    INSERT INTO blocking_keys (key_type, key_value, source_record_id, customer_id)
    SELECT DISTINCT k->>0, k->>1, (i->>'recordId')::bigint, (i->>'customerId')::bigint
      FROM jsonb_array_elements(p) AS x(i)
     CROSS JOIN LATERAL jsonb_array_elements(i->'keys') AS y(k);

    INSERT INTO customer_history (customer_id, action, actor, reason, source_record_id, related_customer_id, review_id, details)
    SELECT (h->>'customerId')::bigint, h->>'action', h->>'actor', h->>'reason', (h->>'sourceRecordId')::bigint,
           (h->>'relatedCustomerId')::bigint, (h->>'reviewId')::bigint, COALESCE(h->'details', '{}')
      FROM jsonb_array_elements(p) WITH ORDINALITY AS x(i, ord)
     CROSS JOIN LATERAL jsonb_array_elements(i->'history') WITH ORDINALITY AS y(h, hord)
     ORDER BY ord, hord;

    INSERT INTO change_events (tx_id, type, customer_number, payload)
    SELECT pg_current_xact_id()::text::bigint, e->>'type', e->>'customerNumber', COALESCE(e->'payload', '{}')
      FROM jsonb_array_elements(p) WITH ORDINALITY AS x(i, ord)
     CROSS JOIN LATERAL jsonb_array_elements(i->'events') WITH ORDINALITY AS y(e, eord)
     ORDER BY ord, eord;
  END $fn$`;

export class PlaceRecordsInBatches1763900000021 implements MigrationInterface {
  name = 'PlaceRecordsInBatches1763900000021';

  async up(db: QueryRunner): Promise<void> {
    await db.query(PLACE_RECORDS);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION mdm_place_records(jsonb)');
  }
}
