-- 0007_sync_batch: batched, set-based push (issue 19).
--
-- A workstation pushes its queued changes in batches, each batch in one server transaction. The batch first claims
-- every change id in upstream.applied_changes (a retry of an id that is already there is "already applied"; a
-- concurrent retry of the same id waits on the unique index until the first push commits or aborts), then applies
-- the changes one statement per kind. A change that turns out to be a conflict (a stale ledger version) or is held
-- back must not stay claimed, or its later resend would be skipped as "already applied". Operators may only insert
-- into applied_changes, so the claim is released through this function, which deletes nothing but rows the
-- calling transaction itself inserted (xmin = the current transaction id): committed history cannot be erased.

CREATE FUNCTION upstream.sync_release_changes(customer bigint, change_ids uuid[]) RETURNS integer
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
    WITH released AS (
        DELETE FROM upstream.applied_changes a
        WHERE a.customer_id = $1 AND a.change_id = ANY ($2) AND a.xmin = pg_current_xact_id()::xid
          AND $1 = ANY (upstream.current_customer_ids())
        RETURNING 1)
    SELECT count(*)::integer FROM released
$$;
REVOKE ALL ON FUNCTION upstream.sync_release_changes(bigint, uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION upstream.sync_release_changes(bigint, uuid[]) TO upstream_viewer, upstream_admin;

-- A batch writes hundreds of rows per statement. Per-row AFTER triggers that record each change (change_heads bump,
-- change_log row, NOTIFY) and each ledger history row cost more than the write itself, so on the tables a push
-- writes in bulk they become statement-level triggers over transition tables: one change_heads update per customer
-- and statement, the change_log rows numbered consecutively under that same row lock (held to commit, as before),
-- one NOTIFY per customer and statement (PostgreSQL folds identical notifications of a transaction anyway). What
-- the rows and notifications contain is unchanged: same change_log rows, same row keys, same channel and payload
-- as upstream.record_change() (both announce through upstream.notify_changes(), 0006).
CREATE FUNCTION upstream.record_changes() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    key_column text := TG_ARGV[0];
    per_customer record;
    first_seq bigint;
BEGIN
    FOR per_customer IN EXECUTE format(
            'SELECT customer_id, array_agg(%1$I ORDER BY %1$I) AS keys FROM %2$I GROUP BY customer_id',
            key_column, CASE WHEN TG_OP = 'DELETE' THEN 'old_rows' ELSE 'new_rows' END) LOOP
        INSERT INTO upstream.change_heads AS h (customer_id, last_seq)
            VALUES (per_customer.customer_id, cardinality(per_customer.keys))
            ON CONFLICT (customer_id) DO UPDATE SET last_seq = h.last_seq + cardinality(per_customer.keys)
            RETURNING h.last_seq - cardinality(per_customer.keys) INTO first_seq;
        INSERT INTO upstream.change_log (customer_id, seq, table_name, row_key, op)
            SELECT per_customer.customer_id, first_seq + k.n, TG_TABLE_NAME, jsonb_build_object(key_column, k.id),
                   TG_OP
            FROM unnest(per_customer.keys) WITH ORDINALITY AS k(id, n);
        PERFORM upstream.notify_changes(per_customer.customer_id);
    END LOOP;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION upstream.record_changes() FROM PUBLIC;

CREATE FUNCTION upstream.ledger_record_history_rows() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO upstream.ledger_history (customer_id, entry_id, op, changed_by, before, after)
            SELECT n.customer_id, n.entry_id, TG_OP, session_user, NULL, to_jsonb(n) FROM new_rows n ORDER BY n.entry_id;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO upstream.ledger_history (customer_id, entry_id, op, changed_by, before, after)
            SELECT n.customer_id, n.entry_id, TG_OP, session_user, to_jsonb(o), to_jsonb(n)
            FROM new_rows n JOIN old_rows o ON o.customer_id = n.customer_id AND o.entry_id = n.entry_id
            ORDER BY n.entry_id;
    ELSE
        INSERT INTO upstream.ledger_history (customer_id, entry_id, op, changed_by, before, after)
            SELECT o.customer_id, o.entry_id, TG_OP, session_user, to_jsonb(o), NULL FROM old_rows o ORDER BY o.entry_id;
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION upstream.ledger_record_history_rows() FROM PUBLIC;

DROP TRIGGER IF EXISTS ledger_entries_changes ON upstream.ledger_entries;
DROP TRIGGER IF EXISTS judgments_changes ON upstream.judgments;
DROP TRIGGER IF EXISTS alerts_changes ON upstream.alerts;
DROP TRIGGER IF EXISTS ledger_entries_history ON upstream.ledger_entries;

DO $statement_triggers$
DECLARE
    t text[];
BEGIN
    FOREACH t SLICE 1 IN ARRAY ARRAY[['ledger_entries', 'entry_id'], ['judgments', 'judgment_id'],
                                     ['alerts', 'alert_id']] LOOP
        EXECUTE format('CREATE TRIGGER %1$s_changes_ins AFTER INSERT ON upstream.%1$I REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION upstream.record_changes(%2$L)', t[1], t[2]);
        EXECUTE format('CREATE TRIGGER %1$s_changes_upd AFTER UPDATE ON upstream.%1$I REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION upstream.record_changes(%2$L)', t[1], t[2]);
        EXECUTE format('CREATE TRIGGER %1$s_changes_del AFTER DELETE ON upstream.%1$I REFERENCING OLD TABLE AS old_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION upstream.record_changes(%2$L)', t[1], t[2]);
    END LOOP;
END
$statement_triggers$;

CREATE TRIGGER ledger_entries_history_ins AFTER INSERT ON upstream.ledger_entries REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION upstream.ledger_record_history_rows();
CREATE TRIGGER ledger_entries_history_upd AFTER UPDATE ON upstream.ledger_entries
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION upstream.ledger_record_history_rows();
CREATE TRIGGER ledger_entries_history_del AFTER DELETE ON upstream.ledger_entries REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION upstream.ledger_record_history_rows();

-- Like claims in 0003: RLS already pins applied_changes.customer_id to the pushing user's customers, and the
-- per-row foreign-key check was a fifth of the cost of claiming a batch.
ALTER TABLE upstream.applied_changes DROP CONSTRAINT IF EXISTS applied_changes_customer_id_fkey;
