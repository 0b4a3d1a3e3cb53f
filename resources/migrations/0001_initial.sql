-- 0001_initial: the central schema of Upstream Workstation (see docs/schema.md).
--
-- Run by `upstream migrate` inside one transaction, as a superuser (or a role with CREATEROLE and BYPASSRLS):
-- the SECURITY DEFINER functions below run as that owner and read across tenants on the caller's behalf.
-- Rules that hold for every tenant table:
--   * customer_id is the first column of the primary key (a distributed PostgreSQL can shard by customer);
--   * row-level security is ENABLED and FORCED, keyed on upstream.current_customer_ids(), which reads the
--     memberships of session_user — never a GUC or any other value the client can set.

CREATE SCHEMA upstream;
REVOKE ALL ON SCHEMA upstream FROM PUBLIC;

CREATE TABLE upstream.schema_version (
    version    integer PRIMARY KEY,
    name       text        NOT NULL,
    checksum   text        NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    applied_by text        NOT NULL DEFAULT session_user
);

-- Group roles are cluster-wide: create them idempotently. Two databases migrating at the same moment can race on
-- the catalog, hence the exception handlers.
DO $roles$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['upstream_viewer', 'upstream_operator', 'upstream_analyst', 'upstream_supervisor',
                             'upstream_admin'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = r) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', r);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
    END LOOP;
END
$roles$;

-- Cumulative duties: operator ⊇ viewer, analyst ⊇ operator, supervisor ⊇ analyst; admin = viewer + users + mappings.
DO $hierarchy$
DECLARE
    pair text[];
BEGIN
    FOREACH pair SLICE 1 IN ARRAY ARRAY[['upstream_viewer', 'upstream_operator'],
                                        ['upstream_operator', 'upstream_analyst'],
                                        ['upstream_analyst', 'upstream_supervisor'],
                                        ['upstream_viewer', 'upstream_admin']] LOOP
        IF NOT pg_catalog.pg_has_role(pair[2], pair[1], 'MEMBER') THEN
            BEGIN
                EXECUTE format('GRANT %I TO %I', pair[1], pair[2]);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
    END LOOP;
END
$hierarchy$;

-- ---------------------------------------------------------------------------------------------------------------
-- Tenancy
-- ---------------------------------------------------------------------------------------------------------------

CREATE TABLE upstream.customers (
    customer_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text        NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE upstream.memberships (
    customer_id bigint      NOT NULL REFERENCES upstream.customers,
    member_role text        NOT NULL, -- the PostgreSQL LOGIN role
    app_role    text        NOT NULL CHECK (app_role IN ('viewer', 'operator', 'analyst', 'supervisor', 'admin')),
    disabled    boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (customer_id, member_role)
);
CREATE INDEX memberships_member_role ON upstream.memberships (member_role);

-- The customers the signed-in role belongs to. session_user, not current_user: inside this SECURITY DEFINER
-- function current_user is the owner, and session_user cannot be changed by SET ROLE.
CREATE FUNCTION upstream.current_customer_ids() RETURNS bigint[]
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce(array_agg(m.customer_id), '{}'::bigint[])
    FROM upstream.memberships m
    WHERE m.member_role = session_user AND NOT m.disabled
$$;

-- True when the signed-in role may act as `app_role` for `customer` (superusers always may).
CREATE FUNCTION upstream.has_app_role(customer bigint, app_role text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
    SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper)
        OR EXISTS (SELECT 1 FROM upstream.memberships m
                   WHERE m.customer_id = customer AND m.member_role = session_user AND NOT m.disabled
                     AND m.app_role = has_app_role.app_role)
$$;

-- ---------------------------------------------------------------------------------------------------------------
-- Mappings, uploads, claims
-- ---------------------------------------------------------------------------------------------------------------

CREATE TABLE upstream.payer_mappings (
    customer_id bigint      NOT NULL REFERENCES upstream.customers,
    mapping_id  bigint GENERATED ALWAYS AS IDENTITY,
    raw_name    text        NOT NULL CHECK (length(raw_name) BETWEEN 1 AND 255),
    payer       text        NOT NULL CHECK (length(payer) BETWEEN 1 AND 255),
    updated_by  text        NOT NULL DEFAULT session_user,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (customer_id, mapping_id)
);
CREATE UNIQUE INDEX payer_mappings_raw ON upstream.payer_mappings (customer_id, lower(raw_name));

CREATE TABLE upstream.cpt_group_mappings (
    customer_id bigint      NOT NULL REFERENCES upstream.customers,
    mapping_id  bigint GENERATED ALWAYS AS IDENTITY,
    cpt         text        NOT NULL CHECK (length(cpt) BETWEEN 1 AND 10),
    cpt_group   text        NOT NULL CHECK (length(cpt_group) BETWEEN 1 AND 100),
    updated_by  text        NOT NULL DEFAULT session_user,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (customer_id, mapping_id),
    UNIQUE (customer_id, cpt)
);

CREATE TABLE upstream.uploads (
    customer_id        bigint      NOT NULL REFERENCES upstream.customers,
    upload_id          bigint GENERATED ALWAYS AS IDENTITY,
    file_name          text,
    sha256             bytea       NOT NULL CHECK (length(sha256) = 32),
    header_fingerprint text,
    encoding           text,
    delimiter          text,
    total_rows         bigint      NOT NULL DEFAULT 0 CHECK (total_rows >= 0),
    accepted_rows      bigint      NOT NULL DEFAULT 0 CHECK (accepted_rows >= 0),
    rejected_rows      bigint      NOT NULL DEFAULT 0 CHECK (rejected_rows >= 0),
    warning_rows       bigint      NOT NULL DEFAULT 0 CHECK (warning_rows >= 0),
    uploaded_by        text        NOT NULL DEFAULT session_user,
    uploaded_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (customer_id, upload_id)
);
CREATE INDEX uploads_sha256 ON upstream.uploads (customer_id, sha256);

CREATE TABLE upstream.upload_reports (
    customer_id bigint      NOT NULL,
    upload_id   bigint      NOT NULL,
    report      jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (customer_id, upload_id),
    FOREIGN KEY (customer_id, upload_id) REFERENCES upstream.uploads
);

CREATE TABLE upstream.claims (
    customer_id        bigint        NOT NULL REFERENCES upstream.customers,
    claim_id           bigint GENERATED ALWAYS AS IDENTITY,
    upload_id          bigint,
    payer              text          NOT NULL,
    cpt                text          NOT NULL,
    cpt_group          text          NOT NULL,
    submitted_date     date          NOT NULL,
    decided_date       date          NOT NULL,
    outcome            text          NOT NULL CHECK (outcome IN ('PAID', 'DENIED', 'OTHER')),
    allowed_amount     numeric(12,2),
    billed_amount      numeric(12,2),
    paid_amount        numeric(12,2),
    payment_date       date,
    denial_reason_code text,
    denial_reason_text text,
    claim_ref_hmac     bytea,
    PRIMARY KEY (customer_id, claim_id),
    FOREIGN KEY (customer_id, upload_id) REFERENCES upstream.uploads
);
-- The engines aggregate by payer (and CPT group) over submitted_date windows.
CREATE INDEX claims_payer_submitted ON upstream.claims (customer_id, payer, submitted_date);
CREATE INDEX claims_upload ON upstream.claims (customer_id, upload_id);

-- ---------------------------------------------------------------------------------------------------------------
-- Signals, alerts, judgments
-- ---------------------------------------------------------------------------------------------------------------

CREATE TABLE upstream.signals (
    customer_id    bigint           NOT NULL REFERENCES upstream.customers,
    signal_id      bigint GENERATED ALWAYS AS IDENTITY,
    product        text             NOT NULL,
    signal_type    text             NOT NULL,
    payer          text,
    cpt_group      text,
    reason         text,
    window_start   date             NOT NULL,
    window_end     date             NOT NULL,
    baseline_start date,
    baseline_end   date,
    severity       text             NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    confidence     double precision NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    baseline_value double precision,
    current_value  double precision,
    delta          double precision,
    p_value        double precision,
    dollars        numeric(14,2),
    fingerprint    text             NOT NULL,
    evidence       jsonb            NOT NULL DEFAULT '{}'::jsonb,
    computed_at    timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (customer_id, signal_id),
    UNIQUE (customer_id, fingerprint),
    CHECK (window_start < window_end)
);

CREATE TABLE upstream.alerts (
    customer_id        bigint      NOT NULL,
    alert_id           bigint GENERATED ALWAYS AS IDENTITY,
    signal_id          bigint      NOT NULL,
    status             text        NOT NULL DEFAULT 'pending'
                                   CHECK (status IN ('pending', 'acknowledged', 'resolved')),
    suppressed         boolean     NOT NULL DEFAULT false,
    suppression_reason text,
    suppressed_until   timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (customer_id, alert_id),
    UNIQUE (customer_id, signal_id),
    FOREIGN KEY (customer_id, signal_id) REFERENCES upstream.signals
);

CREATE TABLE upstream.judgments (
    customer_id bigint      NOT NULL,
    judgment_id bigint GENERATED ALWAYS AS IDENTITY,
    alert_id    bigint      NOT NULL,
    operator    text        NOT NULL DEFAULT session_user,
    verdict     text        NOT NULL CHECK (verdict IN ('real', 'noise', 'needs_followup')),
    reason_code text CHECK (reason_code IN ('false_positive', 'data_entry_error', 'payer_policy_change',
                                            'coding_issue', 'expected_seasonal', 'other')),
    notes       text,
    client_uuid uuid        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (customer_id, judgment_id),
    UNIQUE (customer_id, alert_id, operator),
    UNIQUE (customer_id, client_uuid),
    FOREIGN KEY (customer_id, alert_id) REFERENCES upstream.alerts
);

-- ---------------------------------------------------------------------------------------------------------------
-- Recovery ledger
-- ---------------------------------------------------------------------------------------------------------------

CREATE TABLE upstream.ledger_entries (
    customer_id      bigint        NOT NULL REFERENCES upstream.customers,
    entry_id         bigint GENERATED ALWAYS AS IDENTITY,
    client_uuid      uuid          NOT NULL,
    alert_id         bigint,
    signal_id        bigint,
    product          text          NOT NULL,
    payer            text          NOT NULL,
    expected_amount  numeric(12,2) NOT NULL DEFAULT 0 CHECK (expected_amount >= 0),
    recovered_amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (recovered_amount >= 0),
    recovered_date   date,
    state            text          NOT NULL DEFAULT 'open'
                                   CHECK (state IN ('open', 'in_progress', 'recovered', 'written_off')),
    owner            text,
    notes            text,
    approved_by      text,
    approved_at      timestamptz,
    version          integer       NOT NULL DEFAULT 1,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    updated_by       text          NOT NULL DEFAULT session_user,
    PRIMARY KEY (customer_id, entry_id),
    UNIQUE (customer_id, client_uuid),
    FOREIGN KEY (customer_id, alert_id) REFERENCES upstream.alerts,
    FOREIGN KEY (customer_id, signal_id) REFERENCES upstream.signals,
    CHECK ((approved_by IS NULL) = (approved_at IS NULL))
);

CREATE TABLE upstream.ledger_history (
    customer_id bigint      NOT NULL,
    history_id  bigint GENERATED ALWAYS AS IDENTITY,
    entry_id    bigint      NOT NULL,
    op          text        NOT NULL CHECK (op IN ('INSERT', 'UPDATE', 'DELETE')),
    changed_by  text        NOT NULL DEFAULT session_user,
    changed_at  timestamptz NOT NULL DEFAULT now(),
    before      jsonb,
    after       jsonb,
    PRIMARY KEY (customer_id, history_id)
);
CREATE INDEX ledger_history_entry ON upstream.ledger_history (customer_id, entry_id);

-- ---------------------------------------------------------------------------------------------------------------
-- Audit log: append-only, hash-chained per customer. Rows enter only through upstream.audit_append().
-- hash = sha256(prev_hash || audit_canonical(row)); the first row of a customer chains to 32 zero bytes.
-- audit_heads keeps the newest (seq, hash) so that a deleted tail is detected too.
-- ---------------------------------------------------------------------------------------------------------------

CREATE TABLE upstream.audit_log (
    customer_id bigint      NOT NULL REFERENCES upstream.customers,
    seq         bigint      NOT NULL CHECK (seq > 0),
    at          timestamptz NOT NULL,
    actor       text        NOT NULL,
    action      text        NOT NULL,
    workstation text,
    details     jsonb       NOT NULL DEFAULT '{}'::jsonb,
    prev_hash   bytea       NOT NULL CHECK (length(prev_hash) = 32),
    hash        bytea       NOT NULL CHECK (length(hash) = 32),
    PRIMARY KEY (customer_id, seq)
);

CREATE TABLE upstream.audit_heads (
    customer_id bigint NOT NULL REFERENCES upstream.customers,
    last_seq    bigint NOT NULL,
    last_hash   bytea  NOT NULL,
    PRIMARY KEY (customer_id)
);

-- The exact bytes a row's hash covers. JSON encoding keeps the fields unambiguous; jsonb prints keys in a fixed
-- order, and the timestamp is printed in UTC with microseconds (its stored precision).
CREATE FUNCTION upstream.audit_canonical(p_customer bigint, p_seq bigint, p_at timestamptz, p_actor text,
                                         p_action text, p_workstation text, p_details jsonb) RETURNS bytea
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
AS $$
    SELECT convert_to(jsonb_build_array(p_customer, p_seq,
                                        to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                                        p_actor, p_action, p_workstation, p_details)::text, 'UTF8')
$$;

-- Appends one audit row for `customer` as session_user and returns its seq. The chain is computed here, under the
-- per-customer head row lock, so clients can neither forge it nor interleave two appends.
CREATE FUNCTION upstream.audit_append(customer bigint, action text, details jsonb DEFAULT '{}'::jsonb,
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
    IF customer IS NULL OR NOT (customer = ANY (upstream.current_customer_ids())
                                OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper)) THEN
        RAISE EXCEPTION 'you may not write to the audit log of customer %', customer USING ERRCODE = '42501';
    END IF;
    IF action IS NULL OR length(action) NOT BETWEEN 1 AND 100 THEN
        RAISE EXCEPTION 'an audit action needs a name of 1 to 100 characters' USING ERRCODE = '22023';
    END IF;
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

CREATE FUNCTION upstream.audit_log_immutable() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % is not allowed', TG_OP USING ERRCODE = '42501';
END
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON upstream.audit_log
    FOR EACH ROW EXECUTE FUNCTION upstream.audit_log_immutable();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON upstream.audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION upstream.audit_log_immutable();

-- ---------------------------------------------------------------------------------------------------------------
-- Change log for the sync service: per customer, seq counts 1, 2, 3 ... Numbers are handed out under the
-- change_heads row lock, held to commit, so a customer's changes commit in seq order and a puller reading
-- "seq > last seen" never skips a change committed late. NOTIFY upstream_changes carries the customer id.
-- ---------------------------------------------------------------------------------------------------------------

CREATE TABLE upstream.change_heads (
    customer_id bigint NOT NULL REFERENCES upstream.customers,
    last_seq    bigint NOT NULL,
    PRIMARY KEY (customer_id)
);

CREATE TABLE upstream.change_log (
    customer_id bigint      NOT NULL,
    seq         bigint      NOT NULL,
    table_name  text        NOT NULL,
    row_key     jsonb       NOT NULL,
    op          text        NOT NULL CHECK (op IN ('INSERT', 'UPDATE', 'DELETE')),
    at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (customer_id, seq)
);

-- TG_ARGV holds the key columns (besides customer_id) of the changed table.
CREATE FUNCTION upstream.record_change() RETURNS trigger
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
    PERFORM pg_notify('upstream_changes', customer::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER payer_mappings_changes AFTER INSERT OR UPDATE OR DELETE ON upstream.payer_mappings
    FOR EACH ROW EXECUTE FUNCTION upstream.record_change('mapping_id');
CREATE TRIGGER cpt_group_mappings_changes AFTER INSERT OR UPDATE OR DELETE ON upstream.cpt_group_mappings
    FOR EACH ROW EXECUTE FUNCTION upstream.record_change('mapping_id');
CREATE TRIGGER uploads_changes AFTER INSERT OR UPDATE OR DELETE ON upstream.uploads
    FOR EACH ROW EXECUTE FUNCTION upstream.record_change('upload_id');
CREATE TRIGGER upload_reports_changes AFTER INSERT OR UPDATE OR DELETE ON upstream.upload_reports
    FOR EACH ROW EXECUTE FUNCTION upstream.record_change('upload_id');
CREATE TRIGGER signals_changes AFTER INSERT OR UPDATE OR DELETE ON upstream.signals
    FOR EACH ROW EXECUTE FUNCTION upstream.record_change('signal_id');
CREATE TRIGGER alerts_changes AFTER INSERT OR UPDATE OR DELETE ON upstream.alerts
    FOR EACH ROW EXECUTE FUNCTION upstream.record_change('alert_id');
CREATE TRIGGER judgments_changes AFTER INSERT OR UPDATE OR DELETE ON upstream.judgments
    FOR EACH ROW EXECUTE FUNCTION upstream.record_change('judgment_id');
CREATE TRIGGER ledger_entries_changes AFTER INSERT OR UPDATE OR DELETE ON upstream.ledger_entries
    FOR EACH ROW EXECUTE FUNCTION upstream.record_change('entry_id');
CREATE TRIGGER memberships_changes AFTER INSERT OR UPDATE OR DELETE ON upstream.memberships
    FOR EACH ROW EXECUTE FUNCTION upstream.record_change('member_role');

-- ---------------------------------------------------------------------------------------------------------------
-- Row rules enforced by triggers
-- ---------------------------------------------------------------------------------------------------------------

-- A judgment always belongs to whoever writes it.
CREATE FUNCTION upstream.judgment_owner() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.operator <> session_user THEN
        RAISE EXCEPTION 'a judgment can only be changed by the operator who made it' USING ERRCODE = '42501';
    END IF;
    NEW.operator := session_user;
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER judgments_owner BEFORE INSERT OR UPDATE ON upstream.judgments
    FOR EACH ROW EXECUTE FUNCTION upstream.judgment_owner();

-- Ledger: approval is a supervisor's act in the customer, signed with their own name; every update bumps version.
CREATE FUNCTION upstream.ledger_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF (TG_OP = 'INSERT' AND (NEW.approved_by IS NOT NULL OR NEW.approved_at IS NOT NULL))
       OR (TG_OP = 'UPDATE' AND (NEW.approved_by IS DISTINCT FROM OLD.approved_by
                                 OR NEW.approved_at IS DISTINCT FROM OLD.approved_at)) THEN
        IF NOT upstream.has_app_role(NEW.customer_id, 'supervisor') THEN
            RAISE EXCEPTION 'only a supervisor may approve a ledger entry' USING ERRCODE = '42501';
        END IF;
        IF NEW.approved_by IS NOT NULL AND NEW.approved_by <> session_user THEN
            RAISE EXCEPTION 'an approval must carry the approving supervisor''s own name' USING ERRCODE = '42501';
        END IF;
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
CREATE TRIGGER ledger_entries_guard BEFORE INSERT OR UPDATE ON upstream.ledger_entries
    FOR EACH ROW EXECUTE FUNCTION upstream.ledger_guard();

CREATE FUNCTION upstream.ledger_record_history() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    INSERT INTO upstream.ledger_history (customer_id, entry_id, op, changed_by, before, after)
    VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.customer_id ELSE NEW.customer_id END,
            CASE WHEN TG_OP = 'DELETE' THEN OLD.entry_id ELSE NEW.entry_id END,
            TG_OP, session_user,
            CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) END,
            CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END);
    RETURN NULL;
END
$$;
CREATE TRIGGER ledger_entries_history AFTER INSERT OR UPDATE OR DELETE ON upstream.ledger_entries
    FOR EACH ROW EXECUTE FUNCTION upstream.ledger_record_history();

-- ---------------------------------------------------------------------------------------------------------------
-- Row-level security: one policy per tenant table, enabled and forced.
-- ---------------------------------------------------------------------------------------------------------------

DO $rls$
DECLARE
    t text;
BEGIN
    FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'customer_id' AND NOT a.attisdropped
             WHERE n.nspname = 'upstream' AND c.relkind = 'r' LOOP
        EXECUTE format('ALTER TABLE upstream.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE upstream.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON upstream.%I USING (customer_id = ANY '
                       '(upstream.current_customer_ids())) WITH CHECK (customer_id = ANY '
                       '(upstream.current_customer_ids()))', t);
    END LOOP;
END
$rls$;

-- An operator may withdraw (undo) only their own verdict.
CREATE POLICY judgments_own_delete ON upstream.judgments AS RESTRICTIVE FOR DELETE
    USING (operator = session_user);

-- ---------------------------------------------------------------------------------------------------------------
-- Administration (SECURITY DEFINER, owner = the migrating superuser). Callers: a superuser for any customer, a
-- member with app_role 'admin' for their own customer. Passwords arrive as SCRAM verifiers computed by the client.
-- ---------------------------------------------------------------------------------------------------------------

CREATE FUNCTION upstream.admin_create_customer(name text) RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    id bigint;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper) THEN
        RAISE EXCEPTION 'only a database superuser may create a customer' USING ERRCODE = '42501';
    END IF;
    INSERT INTO upstream.customers (name) VALUES (admin_create_customer.name) RETURNING customer_id INTO id;
    PERFORM upstream.audit_append(id, 'customer.create', jsonb_build_object('name', admin_create_customer.name));
    RETURN id;
END
$$;

CREATE FUNCTION upstream.check_login_name(login text) RETURNS void
    LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF login IS NULL OR login !~ '^[a-z_][a-z0-9_.@-]{0,62}$' OR login ~ '^(pg_|upstream_)' THEN
        RAISE EXCEPTION 'a login name is 1 to 63 lower-case letters, digits or _ . @ -, not starting with pg_ '
                        'or upstream_' USING ERRCODE = '22023';
    END IF;
END
$$;

CREATE FUNCTION upstream.admin_create_user(login text, scram_verifier text, customer bigint, app_role text)
    RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
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
    -- INHERIT: the login role uses its group's privileges without SET ROLE.
    EXECUTE format('CREATE ROLE %I LOGIN INHERIT PASSWORD %L', login, scram_verifier);
    EXECUTE format('GRANT %I TO %I', 'upstream_' || app_role, login);
    INSERT INTO upstream.memberships (customer_id, member_role, app_role)
        VALUES (customer, login, admin_create_user.app_role);
    PERFORM upstream.audit_append(customer, 'user.create',
                                  jsonb_build_object('login', login, 'role', admin_create_user.app_role));
END
$$;

-- The customer of a login that the caller administers; raises otherwise.
CREATE FUNCTION upstream.administered_customer(login text) RETURNS bigint
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    c bigint;
BEGIN
    FOR c IN SELECT m.customer_id FROM upstream.memberships m WHERE m.member_role = login LOOP
        IF upstream.has_app_role(c, 'admin') THEN
            RETURN c;
        END IF;
    END LOOP;
    RAISE EXCEPTION 'no user % in a customer you administer', login USING ERRCODE = '42501';
END
$$;

CREATE FUNCTION upstream.admin_set_role(login text, app_role text) RETURNS void
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
                                       AND am.member = login::regrole) THEN
            EXECUTE format('REVOKE %I FROM %I', 'upstream_' || r, login);
        END IF;
    END LOOP;
    EXECUTE format('GRANT %I TO %I', 'upstream_' || app_role, login);
    UPDATE upstream.memberships m SET app_role = admin_set_role.app_role, updated_at = now()
        WHERE m.member_role = login;
    PERFORM upstream.audit_append(customer, 'user.set_role',
                                  jsonb_build_object('login', login, 'role', admin_set_role.app_role));
END
$$;

CREATE FUNCTION upstream.admin_disable_user(login text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    customer bigint := upstream.administered_customer(login);
BEGIN
    EXECUTE format('ALTER ROLE %I NOLOGIN', login);
    UPDATE upstream.memberships m SET disabled = true, updated_at = now() WHERE m.member_role = login;
    -- Open sessions lose their rows at once (current_customer_ids skips disabled memberships); end them too.
    PERFORM pg_terminate_backend(a.pid) FROM pg_stat_activity a
        WHERE a.usename = login AND a.pid <> pg_backend_pid();
    PERFORM upstream.audit_append(customer, 'user.disable', jsonb_build_object('login', login));
END
$$;

-- ---------------------------------------------------------------------------------------------------------------
-- Privileges (least privilege; see the role/permission table in docs/schema.md)
-- ---------------------------------------------------------------------------------------------------------------

REVOKE ALL ON ALL TABLES IN SCHEMA upstream FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA upstream FROM PUBLIC;
GRANT USAGE ON SCHEMA upstream TO upstream_viewer, upstream_admin;

GRANT SELECT ON upstream.schema_version, upstream.customers, upstream.memberships, upstream.payer_mappings,
    upstream.cpt_group_mappings, upstream.uploads, upstream.upload_reports, upstream.claims, upstream.signals,
    upstream.alerts, upstream.judgments, upstream.ledger_entries, upstream.ledger_history, upstream.change_log
    TO upstream_viewer;
GRANT EXECUTE ON FUNCTION upstream.current_customer_ids(), upstream.has_app_role(bigint, text),
    upstream.audit_append(bigint, text, jsonb, text) TO upstream_viewer;

-- operator: judge alerts, move alert status, work the ledger (never its approval columns).
GRANT INSERT, UPDATE, DELETE ON upstream.judgments TO upstream_operator;
GRANT UPDATE (status, updated_at) ON upstream.alerts TO upstream_operator;
GRANT INSERT (customer_id, client_uuid, alert_id, signal_id, product, payer, expected_amount, recovered_amount,
              recovered_date, state, owner, notes) ON upstream.ledger_entries TO upstream_operator;
GRANT UPDATE (alert_id, signal_id, product, payer, expected_amount, recovered_amount, recovered_date, state, owner,
              notes, version) ON upstream.ledger_entries TO upstream_operator;

-- analyst: import and recompute; fix mappings.
GRANT INSERT, UPDATE ON upstream.uploads, upstream.upload_reports TO upstream_analyst;
GRANT INSERT ON upstream.claims TO upstream_analyst;
GRANT INSERT, UPDATE ON upstream.signals TO upstream_analyst;
GRANT INSERT, UPDATE ON upstream.alerts TO upstream_analyst;
GRANT INSERT, UPDATE, DELETE ON upstream.payer_mappings, upstream.cpt_group_mappings TO upstream_analyst;

-- supervisor: approve ledger entries; read the audit log.
GRANT INSERT (approved_by, approved_at) ON upstream.ledger_entries TO upstream_supervisor;
GRANT UPDATE (approved_by, approved_at) ON upstream.ledger_entries TO upstream_supervisor;
GRANT SELECT ON upstream.audit_log, upstream.audit_heads TO upstream_supervisor;
GRANT EXECUTE ON FUNCTION upstream.audit_canonical(bigint, bigint, timestamptz, text, text, text, jsonb)
    TO upstream_supervisor;

-- admin: users and mappings; read the audit log.
GRANT INSERT, UPDATE, DELETE ON upstream.payer_mappings, upstream.cpt_group_mappings TO upstream_admin;
GRANT SELECT ON upstream.audit_log, upstream.audit_heads TO upstream_admin;
GRANT EXECUTE ON FUNCTION upstream.audit_canonical(bigint, bigint, timestamptz, text, text, text, jsonb),
    upstream.admin_create_user(text, text, bigint, text), upstream.admin_set_role(text, text),
    upstream.admin_disable_user(text) TO upstream_admin;
