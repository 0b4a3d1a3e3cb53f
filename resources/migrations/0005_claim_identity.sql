-- 0005_claim_identity: claims keep their identity across re-exports (SPEC 3).
--
-- 1. upstream.claim_keys: one 256-bit key per customer, the HMAC-SHA256 key under which claim_ref is stored. No
--    role but the owner can read the table (no grants, RLS forced with no policy); the customer's importing roles
--    (analyst, supervisor) read their own key through the SECURITY DEFINER function upstream.claim_key(customer).
--    A key is made with every new customer (admin_create_customer) and here for the existing ones. The key is
--    SHA-256 over three version-4 UUIDs (366 bits from pg_strong_random, the server's CSPRNG), so no extension is
--    needed on the server.
-- 2. A claim is identified by (customer_id, claim_ref_hmac): a unique partial index (it leads with customer_id, so
--    a distributed PostgreSQL can shard it). Rows without claim_ref have no identity and are appended.
-- 3. Analysts may update a claim's state (a re-export replaces it; the importer does this, never the UI).

CREATE TABLE upstream.claim_keys (
    customer_id bigint      NOT NULL PRIMARY KEY REFERENCES upstream.customers,
    claim_key   bytea       NOT NULL CHECK (length(claim_key) = 32),
    created_at  timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE upstream.claim_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE upstream.claim_keys FORCE ROW LEVEL SECURITY;
REVOKE ALL ON upstream.claim_keys FROM PUBLIC;
-- The tenant policy every tenant table has, and a restrictive one that no row passes: even a grant made by mistake
-- would show an app role nothing. Only the owner (the definer function below) reads the keys.
CREATE POLICY tenant_isolation ON upstream.claim_keys
    USING (customer_id = ANY ((SELECT upstream.current_customer_ids())::bigint[]))
    WITH CHECK (customer_id = ANY ((SELECT upstream.current_customer_ids())::bigint[]));
CREATE POLICY claim_keys_only_through_claim_key ON upstream.claim_keys AS RESTRICTIVE USING (false) WITH CHECK (false);

CREATE FUNCTION upstream.new_claim_key() RETURNS bytea
    LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
AS $$
    SELECT pg_catalog.sha256(pg_catalog.uuid_send(pg_catalog.gen_random_uuid())
                             || pg_catalog.uuid_send(pg_catalog.gen_random_uuid())
                             || pg_catalog.uuid_send(pg_catalog.gen_random_uuid()))
$$;
REVOKE ALL ON FUNCTION upstream.new_claim_key() FROM PUBLIC;

INSERT INTO upstream.claim_keys (customer_id, claim_key)
SELECT customer_id, upstream.new_claim_key() FROM upstream.customers;

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
    PERFORM upstream.audit_append(id, 'customer.create', jsonb_build_object('name', admin_create_customer.name));
    RETURN id;
END
$$;

-- The customer's claim key, for an import by one of its analysts or supervisors (or a superuser). Anyone else,
-- including the customer's own viewers, operators and admins, gets SQLSTATE 42501.
CREATE FUNCTION upstream.claim_key(customer bigint) RETURNS bytea
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT (upstream.has_app_role(customer, 'analyst') OR upstream.has_app_role(customer, 'supervisor')) THEN
        RAISE EXCEPTION 'only an analyst or supervisor of customer % may read its claim key', customer
            USING ERRCODE = '42501';
    END IF;
    RETURN (SELECT k.claim_key FROM upstream.claim_keys k WHERE k.customer_id = customer);
END
$$;
REVOKE ALL ON FUNCTION upstream.claim_key(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION upstream.claim_key(bigint) TO upstream_analyst;

-- No key was ever configured before this migration, so no two claims share an identity; should a database say
-- otherwise, the newest row of an identity is kept.
DELETE FROM upstream.claims c USING upstream.claims newer
WHERE c.customer_id = newer.customer_id AND c.claim_ref_hmac = newer.claim_ref_hmac AND c.claim_id < newer.claim_id;
CREATE UNIQUE INDEX claims_identity ON upstream.claims (customer_id, claim_ref_hmac)
    WHERE claim_ref_hmac IS NOT NULL;

GRANT UPDATE (upload_id, payer, cpt, cpt_group, submitted_date, decided_date, outcome, allowed_amount, billed_amount,
              paid_amount, payment_date, denial_reason_code, denial_reason_text) ON upstream.claims
    TO upstream_analyst;
