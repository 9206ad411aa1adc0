import type { MigrationInterface, QueryRunner } from 'typeorm';
import { resolveReadFunctions } from './1763900000005-add-resolve-read-function';

/** How many of a key's rows are read to count its customers (a name's frequency). */
const countCustomers = (hash: string): string =>
  `(SELECT count(DISTINCT n.customer_id) FROM (SELECT customer_id FROM blocking_keys
             WHERE key_hash = ${hash} LIMIT v_name_cap) n)`;

/**
 * mdm_resolve_read_batch reads for all the records of an import chunk with one statement instead
 * of calling mdm_read_one for each record. The answer is the same: per record, in order, the
 * stored version (locked), the exclusions, the candidates with their records, the population, the
 * name frequency, the generic keys and the new ids.
 *
 * Why: mdm_read_one runs about ten statements per record, and PL/pgSQL takes each through the
 * executor's start and end, a snapshot and its own JSON extraction. In a 100,000-row import
 * (pg_stat_statements) the statements' own work was 157 µs per record and mdm_read_one 242 µs:
 * 85 µs per record, a seventh of PostgreSQL's time, was the per-statement overhead. Set-wise,
 * a chunk's reads are one statement, and a key that several records of the chunk share is
 * looked up once.
 *
 * Every lookup is a LATERAL subquery with OFFSET 0: the statement is planned once per connection
 * (generic plan, plan_cache_mode), where a set-returning function is estimated at 100 rows, and a
 * plain join would then be planned as a hash join over a whole table.
 *
 * What a record's reads decide depends only on the snapshot, so reading the records together
 * decides as reading them in turn did, with two exceptions that only move a threshold by a chunk's
 * worth of customers:
 * - a common name's stored frequency is refreshed when the customers that existed before the
 *   chunk's allocations have grown by a quarter since it was counted (before: before the record's
 *   own allocation);
 * - the population each record gets is still exact: the customers before the chunk plus those
 *   allocated for the records before it.
 * A key that one record finds generic is remembered once; the records after it found it generic
 * from generic_keys before and find it generic from its customers now, with the same count.
 *
 * The new ids are drawn in the records' order (a volatile function is evaluated above the sort).
 */
export const READ_BATCH_SET_BASED = `
  CREATE OR REPLACE FUNCTION mdm_resolve_read_batch(p jsonb) RETURNS json LANGUAGE plpgsql VOLATILE
  SET plan_cache_mode = force_generic_plan AS $fn$
  DECLARE
    v_generic_limit int := (p->>'genericLimit')::int;
    v_partial_limit int := COALESCE((p->>'partialLimit')::int, (p->>'genericLimit')::int);
    v_partial_types text[] := ARRAY(SELECT jsonb_array_elements_text(COALESCE(p->'partialKeyTypes', '[]')));
    v_name_cap int := (p->>'nameCountCap')::int;
    v_max_candidates int := (p->>'maxCandidates')::int;
    v_remember boolean := (p->>'allocate')::boolean;
    v_population bigint;
    v_answer json;
  BEGIN
    PERFORM mdm_take_locks(p->'locks');
    -- After the locks, in a statement of its own: the reads below see every transaction that held them.
    SELECT CASE WHEN is_called THEN last_value ELSE 0 END INTO v_population FROM customer_number_seq;

    WITH items AS (
      SELECT i.ord, i.value AS item
        FROM jsonb_array_elements(p->'items') WITH ORDINALITY AS i(value, ord)),
    existing AS (
      SELECT it.ord, r.id, r.status = 'active' AND r.customer_id IS NOT NULL AS active,
             json_build_object(
               'id', r.id::text, 'customerId', r.customer_id::text, 'contentHash', r.content_hash,
               'identityHash', r.identity_hash, 'status', r.status,
               'customerNumber', (SELECT s.customer_number FROM customers c
                                    JOIN customers s ON s.id = COALESCE(c.merged_into_id, c.id)
                                   WHERE c.id = r.customer_id)) AS stored
        FROM items it
        CROSS JOIN LATERAL (SELECT r.id, r.customer_id, r.content_hash, r.identity_hash, r.status
                              FROM source_records r
                             WHERE r.source = it.item->>'source' AND r.source_id = it.item->>'sourceId'
                             OFFSET 0 FOR UPDATE) r),
    -- Customers a steward said the stored record is not, while both records are unchanged.
    excluded AS (
      SELECT ex.ord, x.ids
        FROM existing ex JOIN items it USING (ord)
        CROSS JOIN LATERAL (
          SELECT array_agg(DISTINCT COALESCE(c.merged_into_id, c.id)) AS ids
            FROM match_exclusions e
            JOIN source_records other
              ON other.id = CASE WHEN e.record_a_id = ex.id THEN e.record_b_id ELSE e.record_a_id END
            JOIN customers c ON c.id = other.customer_id
           WHERE (e.record_a_id = ex.id AND e.identity_hash_a = it.item->>'identityHash'
                  AND e.identity_hash_b = other.identity_hash)
              OR (e.record_b_id = ex.id AND e.identity_hash_b = it.item->>'identityHash'
                  AND e.identity_hash_a = other.identity_hash)) x
       WHERE x.ids IS NOT NULL),
    keys AS (
      SELECT it.ord, k.n, k.key->>'type' AS type, k.key->>'value' AS value, (k.key->>'hash')::bigint AS hash
        FROM items it
        CROSS JOIN LATERAL jsonb_array_elements(it.item->'keys') WITH ORDINALITY AS k(key, n)),
    -- Each distinct key once: its generic_keys entry, else its customers (at most 4 × genericLimit + 1 rows).
    key_lookups AS (
      SELECT d.type, d.value, d.hash, g.customers AS known_customers, g.population AS known_population,
             CASE WHEN g.key_type IS NULL THEN ARRAY(
               SELECT DISTINCT b.customer_id
                 FROM (SELECT customer_id FROM blocking_keys WHERE key_hash = d.hash
                        LIMIT v_generic_limit * 4 + 1) b) END AS hits
        FROM (SELECT DISTINCT type, value, hash FROM keys) d
        LEFT JOIN LATERAL (SELECT g.key_type, g.customers, g.population FROM generic_keys g
                            WHERE g.key_type = d.type AND g.key_value = d.value OFFSET 0) g ON true),
    key_states AS (
      SELECT l.*, CASE
               WHEN l.known_customers IS NOT NULL THEN 'known'
               WHEN cardinality(l.hits) > v_generic_limit THEN 'found'
               WHEN l.type = ANY (v_partial_types) AND cardinality(l.hits) > v_partial_limit THEN 'found'
               ELSE 'usable' END AS state
        FROM key_lookups l),
    -- Keys found generic now are remembered (only by the resolve path, not by POST /v1/match).
    remembered AS (
      INSERT INTO generic_keys (key_type, key_value, customers, population)
      SELECT s.type, s.value, ${countCustomers('s.hash')}, v_population
        FROM key_states s WHERE s.state = 'found' AND v_remember
      ON CONFLICT DO NOTHING),
    -- A remembered common name is counted again once the customers grew by a quarter.
    name_recounts AS (
      SELECT s.type, s.value, ${countCustomers('s.hash')} AS customers
        FROM key_states s
       WHERE s.state = 'known' AND v_remember AND v_population > s.known_population * 1.25
         AND EXISTS (SELECT 1 FROM items it
                      WHERE it.item->>'nameKeyType' = s.type AND it.item->>'nameKeyValue' = s.value)),
    recounted AS (
      UPDATE generic_keys g SET customers = n.customers, population = v_population
        FROM name_recounts n WHERE g.key_type = n.type AND g.key_value = n.value),
    item_keys AS (
      SELECT k.ord, k.n, k.type, k.value, s.state, s.hits, s.known_customers
        FROM keys k JOIN key_states s ON s.hash = k.hash AND s.type = k.type AND s.value = k.value),
    -- Merged customers are followed to their survivor; those sharing the most keys come first.
    shared AS (
      SELECT ik.ord, COALESCE(c.merged_into_id, c.id) AS cid, count(*) AS shared_keys
        FROM item_keys ik
        CROSS JOIN LATERAL unnest(ik.hits) AS h(id)
        CROSS JOIN LATERAL (SELECT c.id, c.merged_into_id FROM customers c
                             WHERE c.id = h.id AND c.status <> 'inactive' OFFSET 0) c
       WHERE ik.state = 'usable'
       GROUP BY 1, 2),
    ranked AS (
      SELECT s.ord, s.cid, row_number() OVER (PARTITION BY s.ord ORDER BY s.shared_keys DESC, s.cid) AS rank
        FROM shared s LEFT JOIN excluded x USING (ord)
       WHERE s.cid <> ALL (COALESCE(x.ids, '{}'))),
    candidates AS (
      SELECT r.ord, r.cid, r.rank FROM ranked r WHERE r.rank <= v_max_candidates),
    candidate_records AS (
      SELECT c.ord, json_agg(json_build_object(
               'recordId', r.id::text, 'customerId', r.customer_id::text,
               'customerNumber', r.customer_number, 'pins', r.pins, 'source', r.source,
               'updatedAt', r.updated_at, 'normalized', r.normalized) ORDER BY c.rank, r.id) AS records
        FROM candidates c
        LEFT JOIN existing ex USING (ord)
        CROSS JOIN LATERAL (SELECT r.id, r.customer_id, cu.customer_number, cu.pins, r.source, r.updated_at, r.normalized
                              FROM source_records r JOIN customers cu ON cu.id = r.customer_id
                             WHERE r.customer_id = c.cid AND r.status = 'active'
                               AND r.id IS DISTINCT FROM ex.id
                             OFFSET 0) r
       GROUP BY c.ord),
    item_candidates AS (
      SELECT c.ord, array_agg(c.cid ORDER BY c.rank) AS ids FROM candidates c GROUP BY c.ord),
    item_generic AS (
      SELECT ik.ord, array_agg(ik.type || ':' || ik.value ORDER BY ik.n) AS keys
        FROM item_keys ik WHERE ik.state <> 'usable' GROUP BY ik.ord),
    -- A remembered name's count, counted again or as stored.
    item_known_names AS (
      SELECT DISTINCT ON (ik.ord) ik.ord, COALESCE(n.customers, ik.known_customers) AS customers
        FROM item_keys ik
        JOIN items it USING (ord)
        LEFT JOIN name_recounts n ON n.type = ik.type AND n.value = ik.value
       WHERE ik.state = 'known'
         AND ik.type = it.item->>'nameKeyType' AND ik.value = it.item->>'nameKeyValue'
       ORDER BY ik.ord),
    per_item AS (
      SELECT it.ord, it.item, ex.stored, ex.id AS existing_id, COALESCE(ex.active, false) AS existing_active,
             COALESCE(x.ids, '{}') AS excluded, COALESCE(ic.ids, '{}') AS candidates,
             COALESCE(cr.records, '[]'::json) AS records, COALESCE(ig.keys, '{}') AS generic,
             kn.customers AS known_name_count
        FROM items it
        LEFT JOIN existing ex USING (ord)
        LEFT JOIN excluded x USING (ord)
        LEFT JOIN item_candidates ic USING (ord)
        LEFT JOIN candidate_records cr USING (ord)
        LEFT JOIN item_generic ig USING (ord)
        LEFT JOIN item_known_names kn USING (ord)),
    -- No candidate means a new customer for sure: its ids come with the reads.
    needs AS (
      SELECT i.*, i.existing_id IS NULL AS needs_record,
             NOT i.existing_active AND cardinality(i.candidates) = 0 AND v_remember AS needs_customer
        FROM per_item i ORDER BY i.ord),
    allocated AS (
      SELECT n.*,
             CASE WHEN n.needs_record THEN nextval('source_records_id_seq')::text END AS record_id,
             CASE WHEN n.needs_customer THEN nextval('customers_id_seq')::text END AS customer_id,
             CASE WHEN n.needs_customer THEN nextval('customer_number_seq')::text END AS customer_sequence,
             v_population + COALESCE(count(*) FILTER (WHERE n.needs_customer)
               OVER (ORDER BY n.ord ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS population
        FROM needs n)
    SELECT COALESCE(json_agg(json_build_object(
             'existing', a.stored,
             'newRecordId', a.record_id,
             'excluded', to_json(a.excluded::text[]),
             'candidates', to_json(a.candidates::text[]),
             'records', a.records,
             'population', a.population,
             'nameCount', COALESCE(a.known_name_count, ${countCustomers("(a.item->>'nameKeyHash')::bigint")}),
             'newCustomer', CASE WHEN a.customer_id IS NULL THEN NULL
                                 ELSE json_build_object('customerId', a.customer_id, 'sequence', a.customer_sequence) END,
             'generic', to_json(a.generic)) ORDER BY a.ord), '[]'::json)
      INTO v_answer
      FROM allocated a;
    RETURN v_answer;
  END $fn$`;

export class SetBasedBatchReads1763900000025 implements MigrationInterface {
  name = 'SetBasedBatchReads1763900000025';

  async up(db: QueryRunner): Promise<void> {
    await db.query(READ_BATCH_SET_BASED);
  }

  async down(db: QueryRunner): Promise<void> {
    const perRecord = resolveReadFunctions('json')[1].replace(
      'CREATE FUNCTION',
      'CREATE OR REPLACE FUNCTION',
    );
    await db.query(perRecord);
    await db.query(
      'ALTER FUNCTION mdm_resolve_read_batch SET plan_cache_mode = force_generic_plan',
    );
  }
}
