-- 0003_rls_per_statement: performance and hardening on top of 0001/0002.
--
-- 1. Every tenant_isolation policy calls upstream.current_customer_ids() inside a scalar sub-select, so the planner
--    evaluates it once per statement (an InitPlan) instead of once per row. Measured on 1M claims loaded with
--    INSERT ... SELECT as an analyst: 44 s → 18 s. New tenant tables should use the same form.
-- 2. claims carries no foreign keys: a per-row RI check more than doubles the cost of a large import, and RLS
--    already pins customer_id to the importing user's customer (18 s → 8 s on the same load). upload_id is written
--    by the importer in the same transaction as its upload row.
-- 3. Who-columns (uploads.uploaded_by, *_mappings.updated_by) are stamped with session_user by trigger.
-- 4. App admins cannot alter privileged roles (superuser, CREATEROLE, BYPASSRLS, REPLICATION) even when a
--    membership row names one; audit rows are capped (64 KiB details, 255-character workstation).

DO $policies$
DECLARE
    t text;
BEGIN
    FOR t IN SELECT p.tablename FROM pg_policies p
             WHERE p.schemaname = 'upstream' AND p.policyname = 'tenant_isolation' LOOP
        EXECUTE format('ALTER POLICY tenant_isolation ON upstream.%I USING (customer_id = ANY '
                       '((SELECT upstream.current_customer_ids())::bigint[])) WITH CHECK (customer_id = ANY '
                       '((SELECT upstream.current_customer_ids())::bigint[]))', t);
    END LOOP;
END
$policies$;

ALTER TABLE upstream.claims DROP CONSTRAINT IF EXISTS claims_customer_id_fkey;
ALTER TABLE upstream.claims DROP CONSTRAINT IF EXISTS claims_customer_id_upload_id_fkey;

-- Who-columns name the signed-in role, whatever the client sent. TG_ARGV[0] is the column.
CREATE FUNCTION upstream.stamp_actor() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    NEW := jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], session_user::text, 'updated_at', now()));
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION upstream.stamp_actor() FROM PUBLIC;
CREATE TRIGGER uploads_actor BEFORE INSERT OR UPDATE ON upstream.uploads
    FOR EACH ROW EXECUTE FUNCTION upstream.stamp_actor('uploaded_by');
CREATE TRIGGER payer_mappings_actor BEFORE INSERT OR UPDATE ON upstream.payer_mappings
    FOR EACH ROW EXECUTE FUNCTION upstream.stamp_actor('updated_by');
CREATE TRIGGER cpt_group_mappings_actor BEFORE INSERT OR UPDATE ON upstream.cpt_group_mappings
    FOR EACH ROW EXECUTE FUNCTION upstream.stamp_actor('updated_by');

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
    FOR c IN SELECT m.customer_id FROM upstream.memberships m WHERE m.member_role = login LOOP
        IF upstream.has_app_role(c, 'admin') THEN
            RETURN c;
        END IF;
    END LOOP;
    RAISE EXCEPTION 'no user % in a customer you administer', login USING ERRCODE = '42501';
END
$$;

CREATE OR REPLACE FUNCTION upstream.audit_append(customer bigint, action text, details jsonb DEFAULT '{}'::jsonb,
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
    IF length(workstation) > 255 OR octet_length(details::text) > 65536 THEN
        RAISE EXCEPTION 'audit details are limited to 64 KiB and the workstation name to 255 characters'
            USING ERRCODE = '22023';
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
