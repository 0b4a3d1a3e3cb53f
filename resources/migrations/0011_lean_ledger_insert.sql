-- 0011_lean_ledger_insert: per-row costs left in a pushed batch of new ledger entries (issue 19).
--
-- Measured on batches of 1,000 pushed new entries (PostgreSQL 15, signed in as a supervisor, about 48 ms for the
-- INSERT with its triggers): the foreign key to customers cost 4.3 ms and the guard trigger 3.3 ms, for checks that
-- already hold.
--
-- 1. No foreign key from ledger_entries to customers, as for claims (0003), applied_changes (0007) and audit_log
--    (0009): tenant_isolation's WITH CHECK pins customer_id to the signed-in user's customers, which exist, and
--    customers are never deleted. The composite keys to alerts and signals stay.
-- 2. On INSERT the guard runs only for a row it has something to do for. The app roles may insert only the columns
--    granted in 0001 and 0006 (customer_id, client_uuid, alert_id, signal_id, product, payer, expected_amount,
--    recovered_amount, recovered_date, state, owner, notes; a supervisor also approved_by, approved_at,
--    approved_at_client). Everything else the guard sets on INSERT already comes from the column defaults: version 1,
--    updated_at now(), updated_by session_user, recovered_by NULL. What is left is the approval check and its stamp
--    (any approval column given) and the recovered_by stamp (a recovered amount above 0): the trigger's WHEN clause.
--    UPDATE runs the guard for every row as before, and DELETE keeps ledger_entries_frozen_delete.

ALTER TABLE upstream.ledger_entries DROP CONSTRAINT ledger_entries_customer_id_fkey;

DROP TRIGGER ledger_entries_guard ON upstream.ledger_entries;
CREATE TRIGGER ledger_entries_guard_upd BEFORE UPDATE ON upstream.ledger_entries
    FOR EACH ROW EXECUTE FUNCTION upstream.ledger_guard();
CREATE TRIGGER ledger_entries_guard_ins BEFORE INSERT ON upstream.ledger_entries
    FOR EACH ROW WHEN (NEW.approved_by IS NOT NULL OR NEW.approved_at IS NOT NULL OR NEW.approved_at_client IS NOT NULL
                       OR NEW.recovered_amount > 0)
    EXECUTE FUNCTION upstream.ledger_guard();
