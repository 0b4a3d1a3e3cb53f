-- 0008_recovered_by: who recovered the money (issue 18; SPEC 7 "totals … by operator").
--
-- The ledger's "by operator" totals credit the person who recorded the recovered amount, not the entry's owner
-- (an owner can be a supervisor who hands the work out, or nobody). recovered_by is stamped by the server with
-- session_user whenever recovered_amount changes (cleared when it goes back to 0); nobody writes it directly, so a
-- workstation cannot credit a recovery to someone else. It is bookkeeping of the amount, so it never changes on
-- its own and an approved (frozen) entry keeps it.

ALTER TABLE upstream.ledger_entries ADD COLUMN recovered_by text;

-- The stamp lives in the ledger's guard trigger (0006's, restated here with the stamp added before its end), not in
-- a trigger of its own: a second per-row trigger cost 6 ms per 1,000 pushed entries (measured).
CREATE OR REPLACE FUNCTION upstream.ledger_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    bookkeeping constant text[] := ARRAY['version', 'updated_at', 'updated_by'];
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.approved_by IS NOT NULL THEN
            RAISE EXCEPTION 'ledger entry % was approved by % and is frozen: it cannot be deleted', OLD.entry_id,
                OLD.approved_by USING ERRCODE = '42501';
        END IF;
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.approved_by IS NOT NULL THEN
        IF (to_jsonb(NEW) - bookkeeping) IS DISTINCT FROM (to_jsonb(OLD) - bookkeeping) THEN
            RAISE EXCEPTION 'ledger entry % was approved by % and is frozen; record a correction as a new entry',
                OLD.entry_id, OLD.approved_by USING ERRCODE = '42501';
        END IF;
        RETURN OLD; -- an update that changes nothing leaves the entry (and its version) as it is
    END IF;
    IF NEW.approved_by IS NOT NULL OR NEW.approved_at IS NOT NULL OR NEW.approved_at_client IS NOT NULL THEN
        IF NOT upstream.has_app_role(NEW.customer_id, 'supervisor') THEN
            RAISE EXCEPTION 'only a supervisor may approve a ledger entry' USING ERRCODE = '42501';
        END IF;
        IF NEW.approved_by IS NULL OR NEW.approved_by <> session_user THEN
            RAISE EXCEPTION 'an approval must carry the approving supervisor''s own name' USING ERRCODE = '42501';
        END IF;
        IF NEW.state NOT IN ('recovered', 'written_off') THEN
            RAISE EXCEPTION 'only a recovered or written-off entry can be approved; this one is %', NEW.state
                USING ERRCODE = '23514';
        END IF;
        NEW.approved_at := now(); -- the server's time, never the client's
    END IF;
    IF TG_OP = 'UPDATE' THEN
        NEW.version := OLD.version + 1;
    ELSE
        NEW.version := 1;
    END IF;
    NEW.updated_at := now();
    NEW.updated_by := session_user;
    -- 0008: whoever sets the recovered amount is credited with it; nobody writes recovered_by directly.
    IF TG_OP = 'INSERT' OR NEW.recovered_amount IS DISTINCT FROM OLD.recovered_amount THEN
        NEW.recovered_by := CASE WHEN NEW.recovered_amount > 0 THEN session_user END;
    ELSE
        NEW.recovered_by := OLD.recovered_by;
    END IF;
    RETURN NEW;
END
$$;

-- Entries recovered before this migration: the last person whose change set the current recovered amount, read
-- from the server's ledger history. A schema backfill is not a user's change: the ledger's own triggers (freeze,
-- version, history, audit, change notifications) stay out of it. Workstations pick the column up with a full pull
-- (their cache migration v5 resets the pull cursor).
ALTER TABLE upstream.ledger_entries DISABLE TRIGGER USER;
UPDATE upstream.ledger_entries l SET recovered_by = h.changed_by
FROM (SELECT DISTINCT ON (customer_id, entry_id) customer_id, entry_id, changed_by
      FROM upstream.ledger_history
      WHERE after IS NOT NULL
        AND (before IS NULL OR before -> 'recovered_amount' IS DISTINCT FROM after -> 'recovered_amount')
      ORDER BY customer_id, entry_id, history_id DESC) h
WHERE l.customer_id = h.customer_id AND l.entry_id = h.entry_id AND l.recovered_amount > 0;
ALTER TABLE upstream.ledger_entries ENABLE TRIGGER USER;
