-- 0006_hardening: what an insider with psql could still do (issue 16, server side). See docs/security.md.
--
-- 1. Ledger approvals are frozen. Approval needs state recovered or written_off; approved_at is the server's time
--    (whatever the client sent); the workstation's own approval time goes to approved_at_client (informational).
--    Once approved, any change of an entry's content and its deletion are refused (42501), for every role.
-- 2. Audit delivery for every role: any member may record its push of an audit event in applied_changes (kind
--    'audit'); other kinds stay with the roles that may apply them (a restrictive policy).
-- 3. Memberships are keyed on the role's OID (member_oid) as well as its name: a login dropped and re-created under
--    the same name has a new OID and inherits nothing. Rows whose role no longer exists are removed here, and when a
--    new login of that name is created.
-- 4. The audit trail no longer depends on the client: audit_append accepts only the actions a workstation records
--    (others: 42501), server-side acts go through upstream.audit_record (no grants), and judgments, ledger entries
--    and uploads write their own audit rows from triggers, in the writing transaction. Same hash chain.
-- 5. Change notifications name no customer: each customer has its own channel, an opaque random name stored in
--    upstream.change_channels (readable only by the customer's members); the payload is empty.

-- ---------------------------------------------------------------------------------------------------------------
-- 3. Memberships keyed on the role OID
-- ---------------------------------------------------------------------------------------------------------------

-- The OID of the role named `login`, or NULL.
CREATE FUNCTION upstream.role_oid(login text) RETURNS oid
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
AS $$
    SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = login
$$;
REVOKE ALL ON FUNCTION upstream.role_oid(text) FROM PUBLIC;

ALTER TABLE upstream.memberships ADD COLUMN member_oid oid;
UPDATE upstream.memberships m SET member_oid = r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = m.member_role;

-- The audit chain, unchanged (hash = sha256(prev_hash || audit_canonical(row))), for the server's own acts. Not
-- granted to anyone: only SECURITY DEFINER functions and triggers owned by the migrating role call it.
CREATE FUNCTION upstream.audit_record(customer bigint, action text, details jsonb DEFAULT '{}'::jsonb,
                                      workstation text DEFAULT NULL) RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    zero bytea := decode(repeat('00', 32), 'hex');
    head record;
    new_seq bigint;
    prev bytea;
    ts timestamptz := clock_timestamp();
    digest bytea;
BEGIN
    INSERT INTO upstream.audit_heads (customer_id, last_seq, last_hash) VALUES (customer, 0, zero)
        ON CONFLICT (customer_id) DO NOTHING;
    SELECT h.last_seq, h.last_hash INTO head FROM upstream.audit_heads h WHERE h.customer_id = customer FOR UPDATE;
    new_seq := head.last_seq + 1;
    prev := head.last_hash;
    digest := sha256(prev || upstream.audit_canonical(customer, new_seq, ts, session_user::text, action, workstation,
                                                      coalesce(details, '{}'::jsonb)));
    INSERT INTO upstream.audit_log (customer_id, seq, at, actor, action, workstation, details, prev_hash, hash)
        VALUES (customer, new_seq, ts, session_user, action, workstation, coalesce(details, '{}'::jsonb), prev, digest);
    UPDATE upstream.audit_heads SET last_seq = new_seq, last_hash = digest WHERE customer_id = customer;
    RETURN new_seq;
END
$$;
REVOKE ALL ON FUNCTION upstream.audit_record(bigint, text, jsonb, text) FROM PUBLIC;

-- Memberships of roles that no longer exist: removed, each with an audit row in its customer.
DO $orphans$
DECLARE
    gone record;
BEGIN
    FOR gone IN DELETE FROM upstream.memberships m WHERE m.member_oid IS NULL
                RETURNING m.customer_id, m.member_role, m.app_role LOOP
        PERFORM upstream.audit_record(gone.customer_id, 'membership.remove_dropped_role',
                                      jsonb_build_object('login', gone.member_role, 'role', gone.app_role));
    END LOOP;
END
$orphans$;

ALTER TABLE upstream.memberships ALTER COLUMN member_oid SET NOT NULL;
CREATE INDEX memberships_member_oid ON upstream.memberships (member_oid);

-- A row written by hand names a role: its OID is looked up (and must exist).
CREATE FUNCTION upstream.membership_oid() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NEW.member_oid IS NULL OR (TG_OP = 'UPDATE' AND NEW.member_role IS DISTINCT FROM OLD.member_role
                                  AND NEW.member_oid = OLD.member_oid) THEN
        NEW.member_oid := upstream.role_oid(NEW.member_role);
    END IF;
    IF NEW.member_oid IS NULL THEN
        RAISE EXCEPTION 'no database role named %', NEW.member_role USING ERRCODE = '23503';
    END IF;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION upstream.membership_oid() FROM PUBLIC;
CREATE TRIGGER memberships_oid BEFORE INSERT OR UPDATE ON upstream.memberships
    FOR EACH ROW EXECUTE FUNCTION upstream.membership_oid();

-- A membership counts only for the role it was made for: same OID and same name as the signed-in role.
CREATE OR REPLACE FUNCTION upstream.current_customer_ids() RETURNS bigint[]
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce(array_agg(m.customer_id), '{}'::bigint[])
    FROM upstream.memberships m JOIN pg_catalog.pg_roles r ON r.oid = m.member_oid AND r.rolname = m.member_role
    WHERE r.rolname = session_user AND NOT m.disabled
$$;

CREATE OR REPLACE FUNCTION upstream.has_app_role(customer bigint, app_role text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
    SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = session_user AND rolsuper)
        OR EXISTS (SELECT 1 FROM upstream.memberships m
                   JOIN pg_catalog.pg_roles r ON r.oid = m.member_oid AND r.rolname = m.member_role
                   WHERE m.customer_id = customer AND r.rolname = session_user AND NOT m.disabled
                     AND m.app_role = has_app_role.app_role)
$$;

CREATE OR REPLACE FUNCTION upstream.administered_customer(login text) RETURNS bigint
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    c bigint;
BEGIN
    -- Never let an app admin alter a privileged role, even if someone gave it a membership row by hand.
    IF EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = login AND (r.rolsuper OR r.rolcreaterole OR r.rolbypassrls
                                                                     OR r.rolreplication)) THEN
        RAISE EXCEPTION 'role % is privileged; manage it as a database superuser', login USING ERRCODE = '42501';
    END IF;
    FOR c IN SELECT m.customer_id FROM upstream.memberships m
             WHERE m.member_role = login AND m.member_oid = upstream.role_oid(login) LOOP
        IF upstream.has_app_role(c, 'admin') THEN
            RETURN c;
        END IF;
    END LOOP;
    RAISE EXCEPTION 'no user % in a customer you administer', login USING ERRCODE = '42501';
END
$$;

CREATE OR REPLACE FUNCTION upstream.admin_create_user(login text, scram_verifier text, customer bigint, app_role text)
    RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    gone record;
BEGIN
    PERFORM upstream.check_login_name(login);
    IF NOT upstream.has_app_role(customer, 'admin') THEN
        RAISE EXCEPTION 'you are not an administrator of customer %', customer USING ERRCODE = '42501';
    END IF;
    IF app_role IS NULL OR app_role NOT IN ('viewer', 'operator', 'analyst', 'supervisor', 'admin') THEN
        RAISE EXCEPTION 'unknown role %; use viewer, operator, analyst, supervisor or admin', app_role
            USING ERRCODE = '22023';
    END IF;
    IF scram_verifier IS NULL OR scram_verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
        RAISE EXCEPTION 'the password must arrive as a SCRAM-SHA-256 verifier' USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN
        RAISE EXCEPTION 'a database role named % already exists', login USING ERRCODE = '42710';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM upstream.customers c WHERE c.customer_id = customer) THEN
        RAISE EXCEPTION 'customer % does not exist', customer USING ERRCODE = '23503';
    END IF;
    -- No role has this name, so every membership still naming it belonged to a dropped role: remove them.
    FOR gone IN DELETE FROM upstream.memberships m WHERE m.member_role = login
                RETURNING m.customer_id, m.member_role, m.app_role LOOP
        PERFORM upstream.audit_record(gone.customer_id, 'membership.remove_dropped_role',
                                      jsonb_build_object('login', gone.member_role, 'role', gone.app_role));
    END LOOP;
    -- INHERIT: the login role uses its group's privileges without SET ROLE.
    EXECUTE format('CREATE ROLE %I LOGIN INHERIT PASSWORD %L', login, scram_verifier);
    EXECUTE format('GRANT %I TO %I', 'upstream_' || app_role, login);
    INSERT INTO upstream.memberships (customer_id, member_role, member_oid, app_role)
        VALUES (customer, login, upstream.role_oid(login), admin_create_user.app_role);
    PERFORM upstream.audit_record(customer, 'user.create',
                                  jsonb_build_object('login', login, 'role', admin_create_user.app_role));
END
$$;

CREATE OR REPLACE FUNCTION upstream.admin_set_role(login text, app_role text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    customer bigint := upstream.administered_customer(login);
    r text;
BEGIN
    IF app_role IS NULL OR app_role NOT IN ('viewer', 'operator', 'analyst', 'supervisor', 'admin') THEN
        RAISE EXCEPTION 'unknown role %; use viewer, operator, analyst, supervisor or admin', app_role
            USING ERRCODE = '22023';
    END IF;
    FOREACH r IN ARRAY ARRAY['viewer', 'operator', 'analyst', 'supervisor', 'admin'] LOOP
        IF r <> app_role AND EXISTS (SELECT 1 FROM pg_auth_members am
                                     WHERE am.roleid = ('upstream_' || r)::regrole
                                       AND am.member = upstream.role_oid(login)) THEN
            EXECUTE format('REVOKE %I FROM %I', 'upstream_' || r, login);
        END IF;
    END LOOP;
    EXECUTE format('GRANT %I TO %I', 'upstream_' || app_role, login);
    UPDATE upstream.memberships m SET app_role = admin_set_role.app_role, updated_at = now()
        WHERE m.member_role = login AND m.member_oid = upstream.role_oid(login);
    PERFORM upstream.audit_record(customer, 'user.set_role',
                                  jsonb_build_object('login', login, 'role', admin_set_role.app_role));
END
$$;

CREATE OR REPLACE FUNCTION upstream.admin_disable_user(login text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    customer bigint := upstream.administered_customer(login);
BEGIN
    EXECUTE format('ALTER ROLE %I NOLOGIN', login);
    UPDATE upstream.memberships m SET disabled = true, updated_at = now()
        WHERE m.member_role = login AND m.member_oid = upstream.role_oid(login);
    -- Open sessions lose their rows at once (current_customer_ids skips disabled memberships); end them too.
    PERFORM pg_terminate_backend(a.pid) FROM pg_stat_activity a
        WHERE a.usename = login AND a.pid <> pg_backend_pid();
    PERFORM upstream.audit_record(customer, 'user.disable', jsonb_build_object('login', login));
END
$$;

-- ---------------------------------------------------------------------------------------------------------------
-- 4. Audit: a fixed set of client actions; server acts and row changes recorded by the server
-- ---------------------------------------------------------------------------------------------------------------

-- The actions a workstation (or the importer and engines it runs) records. Keep in step with the app: grep
-- enqueueAudit / audit( / AuditLog::append. Everything else is the server's to write.
CREATE FUNCTION upstream.audit_client_actions() RETURNS text[]
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp
AS $$
    SELECT ARRAY['sign_in', 'sign_in_failed', 'lock', 'unlock', 'import', 'export', 'verdict', 'verdict.undo',
                 'ledger.create', 'ledger.update', 'ledger.approve', 'ledger.conflict_resolved',
                 'signals.compute']::text[]
$$;
GRANT EXECUTE ON FUNCTION upstream.audit_client_actions() TO upstream_viewer;

CREATE OR REPLACE FUNCTION upstream.audit_append(customer bigint, action text, details jsonb DEFAULT '{}'::jsonb,
                                                 workstation text DEFAULT NULL) RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    superuser boolean := EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper);
BEGIN
    IF customer IS NULL OR NOT (customer = ANY (upstream.current_customer_ids()) OR superuser) THEN
        RAISE EXCEPTION 'you may not write to the audit log of customer %', customer USING ERRCODE = '42501';
    END IF;
    IF action IS NULL OR length(action) NOT BETWEEN 1 AND 100 THEN
        RAISE EXCEPTION 'an audit action needs a name of 1 to 100 characters' USING ERRCODE = '22023';
    END IF;
    IF NOT superuser AND NOT (action = ANY (upstream.audit_client_actions())) THEN
        RAISE EXCEPTION 'audit action "%" is not one a workstation may record (the server records it itself)',
            action USING ERRCODE = '42501',
            HINT = 'allowed: ' || array_to_string(upstream.audit_client_actions(), ', ');
    END IF;
    IF length(workstation) > 255 OR octet_length(details::text) > 65536 THEN
        RAISE EXCEPTION 'audit details are limited to 64 KiB and the workstation name to 255 characters'
            USING ERRCODE = '22023';
    END IF;
    RETURN upstream.audit_record(customer, action, details, workstation);
END
$$;

-- One audit row per changed row, in the writing transaction. TG_ARGV[0] names the thing ('judgment' gives
-- judgment.insert / judgment.update / judgment.delete); the other arguments are the columns copied to details.
CREATE FUNCTION upstream.audit_row_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    rec jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
    details jsonb := '{}'::jsonb;
    i integer;
BEGIN
    FOR i IN 1 .. TG_NARGS - 1 LOOP
        details := details || jsonb_build_object(TG_ARGV[i], rec -> TG_ARGV[i]);
    END LOOP;
    PERFORM upstream.audit_record((rec ->> 'customer_id')::bigint, TG_ARGV[0] || '.' || lower(TG_OP), details);
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION upstream.audit_row_change() FROM PUBLIC;

CREATE TRIGGER judgments_audit AFTER INSERT OR UPDATE OR DELETE ON upstream.judgments
    FOR EACH ROW EXECUTE FUNCTION upstream.audit_row_change('judgment', 'judgment_id', 'alert_id', 'operator',
                                                            'verdict', 'reason_code', 'client_uuid');
CREATE TRIGGER ledger_entries_audit AFTER INSERT OR UPDATE OR DELETE ON upstream.ledger_entries
    FOR EACH ROW EXECUTE FUNCTION upstream.audit_row_change('ledger_entry', 'entry_id', 'client_uuid', 'state',
                                                            'version', 'approved_by', 'approved_at',
                                                            'approved_at_client');
CREATE TRIGGER uploads_audit AFTER INSERT OR UPDATE OR DELETE ON upstream.uploads
    FOR EACH ROW EXECUTE FUNCTION upstream.audit_row_change('upload', 'upload_id', 'sha256', 'total_rows',
                                                            'accepted_rows', 'rejected_rows', 'warning_rows');

-- ---------------------------------------------------------------------------------------------------------------
-- 1. Ledger approvals
-- ---------------------------------------------------------------------------------------------------------------

ALTER TABLE upstream.ledger_entries ADD COLUMN approved_at_client timestamptz; -- client-reported, informational
ALTER TABLE upstream.ledger_entries ADD CONSTRAINT ledger_entries_client_time_needs_approval
    CHECK (approved_at_client IS NULL OR approved_by IS NOT NULL);
-- NOT VALID: an entry approved in another state before this migration stays as it is (and frozen).
ALTER TABLE upstream.ledger_entries ADD CONSTRAINT ledger_entries_approved_only_when_closed
    CHECK (approved_by IS NULL OR state IN ('recovered', 'written_off')) NOT VALID;

-- Approval is a supervisor's act, signed with their own name, on a recovered or written-off entry, at the server's
-- time. An approved entry is frozen: any change of its content, and its deletion, are refused. Every update bumps
-- version.
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
    RETURN NEW;
END
$$;
CREATE TRIGGER ledger_entries_frozen_delete BEFORE DELETE ON upstream.ledger_entries
    FOR EACH ROW EXECUTE FUNCTION upstream.ledger_guard();

GRANT INSERT (approved_at_client), UPDATE (approved_at_client) ON upstream.ledger_entries TO upstream_supervisor;

-- ---------------------------------------------------------------------------------------------------------------
-- 2. Audit delivery for every role
-- ---------------------------------------------------------------------------------------------------------------

GRANT INSERT (customer_id, change_id, kind) ON upstream.applied_changes TO upstream_viewer;
-- Any member may mark an audit event delivered; a verdict or ledger change only a role that may apply it.
CREATE POLICY push_kind_by_role ON upstream.applied_changes AS RESTRICTIVE FOR INSERT
    WITH CHECK (kind = 'audit' OR upstream.has_app_role(customer_id, 'operator')
                OR upstream.has_app_role(customer_id, 'analyst') OR upstream.has_app_role(customer_id, 'supervisor'));

-- ---------------------------------------------------------------------------------------------------------------
-- 5. One opaque notification channel per customer
-- ---------------------------------------------------------------------------------------------------------------

CREATE FUNCTION upstream.new_change_channel() RETURNS text
    LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
AS $$
    SELECT 'upstream_c_' || replace(pg_catalog.gen_random_uuid()::text, '-', '')
$$;
REVOKE ALL ON FUNCTION upstream.new_change_channel() FROM PUBLIC;

CREATE TABLE upstream.change_channels (
    customer_id bigint      NOT NULL PRIMARY KEY REFERENCES upstream.customers,
    channel     text        NOT NULL UNIQUE CHECK (channel ~ '^upstream_c_[0-9a-f]{32}$'),
    created_at  timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE upstream.change_channels ENABLE ROW LEVEL SECURITY;
ALTER TABLE upstream.change_channels FORCE ROW LEVEL SECURITY;
REVOKE ALL ON upstream.change_channels FROM PUBLIC;
CREATE POLICY tenant_isolation ON upstream.change_channels
    USING (customer_id = ANY ((SELECT upstream.current_customer_ids())::bigint[]))
    WITH CHECK (customer_id = ANY ((SELECT upstream.current_customer_ids())::bigint[]));
GRANT SELECT ON upstream.change_channels TO upstream_viewer;

INSERT INTO upstream.change_channels (customer_id, channel)
SELECT customer_id, upstream.new_change_channel() FROM upstream.customers;

CREATE OR REPLACE FUNCTION upstream.admin_create_customer(name text) RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    id bigint;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper) THEN
        RAISE EXCEPTION 'only a database superuser may create a customer' USING ERRCODE = '42501';
    END IF;
    INSERT INTO upstream.customers (name) VALUES (admin_create_customer.name) RETURNING customer_id INTO id;
    INSERT INTO upstream.claim_keys (customer_id, claim_key) VALUES (id, upstream.new_claim_key());
    INSERT INTO upstream.change_channels (customer_id, channel) VALUES (id, upstream.new_change_channel());
    PERFORM upstream.audit_record(id, 'customer.create', jsonb_build_object('name', admin_create_customer.name));
    RETURN id;
END
$$;

-- Announces a change of one customer on that customer's own channel with an empty payload (the channel is made
-- here for a customer inserted by hand). Every change trigger calls it.
CREATE FUNCTION upstream.notify_changes(customer bigint) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    ch text;
BEGIN
    SELECT c.channel INTO ch FROM upstream.change_channels c WHERE c.customer_id = customer;
    IF ch IS NULL THEN
        INSERT INTO upstream.change_channels (customer_id, channel) VALUES (customer, upstream.new_change_channel())
            ON CONFLICT (customer_id) DO NOTHING;
        SELECT c.channel INTO ch FROM upstream.change_channels c WHERE c.customer_id = customer;
    END IF;
    PERFORM pg_notify(ch, '');
END
$$;
REVOKE ALL ON FUNCTION upstream.notify_changes(bigint) FROM PUBLIC;

-- As in 0001, but announced through notify_changes().
CREATE OR REPLACE FUNCTION upstream.record_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    rec jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
    customer bigint := (rec ->> 'customer_id')::bigint;
    row_key_value jsonb := '{}'::jsonb;
    col text;
    next_seq bigint;
BEGIN
    FOREACH col IN ARRAY TG_ARGV LOOP
        row_key_value := row_key_value || jsonb_build_object(col, rec -> col);
    END LOOP;
    INSERT INTO upstream.change_heads AS h (customer_id, last_seq) VALUES (customer, 1)
        ON CONFLICT (customer_id) DO UPDATE SET last_seq = h.last_seq + 1
        RETURNING h.last_seq INTO next_seq;
    INSERT INTO upstream.change_log (customer_id, seq, table_name, row_key, op)
        VALUES (customer, next_seq, TG_TABLE_NAME, row_key_value, TG_OP);
    PERFORM upstream.notify_changes(customer);
    RETURN NULL;
END
$$;

-- ---------------------------------------------------------------------------------------------------------------
-- 6. Logins of other customers: the catalog views that list roles and sessions are closed to PUBLIC in this
--    database (libpq, the workstation and the CLI never read them; the SECURITY DEFINER functions above run as the
--    owner). A limit, stated in docs/security.md: PostgreSQL still names any role by OID to anyone
--    (pg_get_userbyid(), ::regrole), so this stops listing, not enumeration; login names must not identify a
--    customer.
-- ---------------------------------------------------------------------------------------------------------------

REVOKE SELECT ON pg_catalog.pg_roles, pg_catalog.pg_user, pg_catalog.pg_group, pg_catalog.pg_auth_members,
    pg_catalog.pg_stat_activity FROM PUBLIC;
