-- 0010_change_origin: which workstation made a change (issue 15, "the pull skips changes this workstation made").
--
-- A workstation's sync connection sets the session setting upstream.change_origin to a random token that only its
-- encrypted cache knows (storage/cache/SyncCacheStore changeOrigin). Every change_log row written while it is set
-- carries origin = sha256(token); rows written without it (imports, recomputes, the CLI, another workstation) carry
-- NULL. The pull then leaves out the keys whose changes in the pulled range all came from the pulling connection's
-- own token: the workstation already holds them (its push acknowledgement carried the server-stamped values).
-- Only the hash is stored, so the tokens of other workstations cannot be read back from change_log, and without
-- the token nobody can make a workstation skip a change it did not make. What the rows and notifications contain
-- is otherwise unchanged.

ALTER TABLE upstream.change_log ADD COLUMN origin bytea;

-- As in 0006 (per row: mappings, uploads, reports, signals, memberships), with the origin stamped.
CREATE OR REPLACE FUNCTION upstream.record_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    rec jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
    customer bigint := (rec ->> 'customer_id')::bigint;
    row_key_value jsonb := '{}'::jsonb;
    col text;
    next_seq bigint;
    origin_hash bytea := sha256(convert_to(nullif(current_setting('upstream.change_origin', true), ''), 'UTF8'));
BEGIN
    FOREACH col IN ARRAY TG_ARGV LOOP
        row_key_value := row_key_value || jsonb_build_object(col, rec -> col);
    END LOOP;
    INSERT INTO upstream.change_heads AS h (customer_id, last_seq) VALUES (customer, 1)
        ON CONFLICT (customer_id) DO UPDATE SET last_seq = h.last_seq + 1
        RETURNING h.last_seq INTO next_seq;
    INSERT INTO upstream.change_log (customer_id, seq, table_name, row_key, op, origin)
        VALUES (customer, next_seq, TG_TABLE_NAME, row_key_value, TG_OP, origin_hash);
    PERFORM upstream.notify_changes(customer);
    RETURN NULL;
END
$$;

-- As in 0007 (per statement: ledger_entries, judgments, alerts), with the origin stamped once per statement.
CREATE OR REPLACE FUNCTION upstream.record_changes() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    key_column text := TG_ARGV[0];
    per_customer record;
    first_seq bigint;
    origin_hash bytea := sha256(convert_to(nullif(current_setting('upstream.change_origin', true), ''), 'UTF8'));
BEGIN
    FOR per_customer IN EXECUTE format(
            'SELECT customer_id, array_agg(%1$I ORDER BY %1$I) AS keys FROM %2$I GROUP BY customer_id',
            key_column, CASE WHEN TG_OP = 'DELETE' THEN 'old_rows' ELSE 'new_rows' END) LOOP
        INSERT INTO upstream.change_heads AS h (customer_id, last_seq)
            VALUES (per_customer.customer_id, cardinality(per_customer.keys))
            ON CONFLICT (customer_id) DO UPDATE SET last_seq = h.last_seq + cardinality(per_customer.keys)
            RETURNING h.last_seq - cardinality(per_customer.keys) INTO first_seq;
        INSERT INTO upstream.change_log (customer_id, seq, table_name, row_key, op, origin)
            SELECT per_customer.customer_id, first_seq + k.n, TG_TABLE_NAME, jsonb_build_object(key_column, k.id),
                   TG_OP, origin_hash
            FROM unnest(per_customer.keys) WITH ORDINALITY AS k(id, n);
        PERFORM upstream.notify_changes(per_customer.customer_id);
    END LOOP;
    RETURN NULL;
END
$$;

-- The operator's own time of a verdict, as the workstation recorded it (kept apart like ledger_entries'
-- approved_at_client; updated_at stays the server's receipt). A verdict made offline keeps the time it was made,
-- and the cache of the workstation that made it already holds exactly what the server now does, so it has nothing
-- to pull back. Informational, client-reported; NULL for verdicts pushed before this migration.
ALTER TABLE upstream.judgments ADD COLUMN judged_at_client timestamptz;
