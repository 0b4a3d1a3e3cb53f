-- 0004_pending_claims: a live claim export holds unfinished claims (SPEC 3). They are stored with outcome
-- 'PENDING' and no decided_date; a decided claim still always has one.
--
-- 1. decided_date becomes nullable, the outcome check allows 'PENDING', and one check ties the two together:
--    decided_date IS NULL exactly when outcome = 'PENDING'. Existing rows all have a decided date and a decided
--    outcome, so the new check validates at once.
-- 2. An index for decided-date windows per payer (the engines' decision-based windows), beside the existing
--    (customer_id, payer, submitted_date) one. Pending rows (NULL) sort last and cost nothing to range scans.

ALTER TABLE upstream.claims ALTER COLUMN decided_date DROP NOT NULL;

ALTER TABLE upstream.claims DROP CONSTRAINT IF EXISTS claims_outcome_check;
ALTER TABLE upstream.claims ADD CONSTRAINT claims_outcome_check
    CHECK (outcome IN ('PAID', 'DENIED', 'OTHER', 'PENDING'));

ALTER TABLE upstream.claims ADD CONSTRAINT claims_decided_date_iff_decided
    CHECK ((decided_date IS NULL) = (outcome = 'PENDING'));

CREATE INDEX claims_payer_decided ON upstream.claims (customer_id, payer, decided_date);
