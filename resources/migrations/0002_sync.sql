-- 0002_sync: exactly-once delivery of workstation changes.
--
-- Every change a workstation pushes (a verdict, a ledger edit, an approval, an audit event) carries the UUID the
-- workstation gave it when it was queued. The change and its row here commit in one transaction, so a push that is
-- retried after a lost acknowledgement finds its id and is skipped: nothing is applied twice.

CREATE TABLE upstream.applied_changes (
    customer_id bigint      NOT NULL REFERENCES upstream.customers,
    change_id   uuid        NOT NULL,
    kind        text        NOT NULL,
    applied_by  text        NOT NULL DEFAULT session_user,
    applied_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (customer_id, change_id)
);

ALTER TABLE upstream.applied_changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE upstream.applied_changes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON upstream.applied_changes
    USING (customer_id = ANY (upstream.current_customer_ids()))
    WITH CHECK (customer_id = ANY (upstream.current_customer_ids()));

-- Operators push verdicts and ledger edits; the rows are only ever inserted.
GRANT SELECT ON upstream.applied_changes TO upstream_viewer;
GRANT INSERT (customer_id, change_id, kind) ON upstream.applied_changes TO upstream_operator;
