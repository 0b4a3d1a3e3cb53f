-- 0008_recovered_by: who recovered the money (issue 18; SPEC 7 "totals … by operator").
--
-- The ledger's "by operator" totals credit the person who recorded the recovered amount, not the entry's owner
-- (an owner can be a supervisor who hands the work out, or nobody). recovered_by is stamped by the server with
-- session_user whenever recovered_amount changes (cleared when it goes back to 0); nobody writes it directly, so a
-- workstation cannot credit a recovery to someone else. It is bookkeeping of the amount, so it never changes on
-- its own and an approved (frozen) entry keeps it.

ALTER TABLE upstream.ledger_entries ADD COLUMN recovered_by text;

CREATE FUNCTION upstream.ledger_stamp_recovered_by() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.recovered_amount IS DISTINCT FROM OLD.recovered_amount THEN
        NEW.recovered_by := CASE WHEN NEW.recovered_amount > 0 THEN session_user END;
    ELSE
        NEW.recovered_by := OLD.recovered_by;
    END IF;
    RETURN NEW;
END
$$;
-- BEFORE triggers fire in name order: ledger_entries_guard (0001/0006) has already accepted or refused the row.
CREATE TRIGGER ledger_entries_recovered_by BEFORE INSERT OR UPDATE ON upstream.ledger_entries
    FOR EACH ROW EXECUTE FUNCTION upstream.ledger_stamp_recovered_by();

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
