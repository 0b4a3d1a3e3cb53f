#pragma once
// The SQL path of the daily aggregates: one GROUP BY over upstream.claims that yields exactly the numbers the
// in-process ClaimAggregator computes (integer counts, cents and day sums; same reason expression), so the
// engines give the same signals whichever path fed them. A distributed PostgreSQL (Citus) can run it per shard
// unchanged: it filters and groups by customer first.
//
// Failure modes: the statement's errors (permission, missing table, connection) come back as the Error of
// PgConnection::exec; a result with unexpected columns is ErrorCode::Internal.
#include "core/Result.h"
#include "engines/DailyAggregate.h"

#include <QDate>

namespace upstream::storage {
class PgConnection;
}

namespace upstream::engines {

// $1 customer_id, $2 first day (inclusive), $3 last day (exclusive); each kind's day (decided day for Decided and
// Payment rows, submitted day for Adjudication rows) is bounded. Columns, in order: kind (0 decided, 1
// adjudication, 2 payment — AggregateKind), payer, cpt_group, reason, day (days since 1970-01-01), lag (days,
// 65535 = unfinished), then claims, paid, denied, other, allowed cents (paid, denied, other), at-risk cents — the
// order loadDailyAggregates reads them in. Three scans joined by UNION ALL: each kind is keyed on its own date.
inline constexpr const char *kDailyAggregateSql = R"sql(
SELECT 0 AS kind, payer, cpt_group,
       CASE WHEN outcome = 'DENIED'
            THEN COALESCE(NULLIF(denial_reason_code, ''), NULLIF(denial_reason_text, ''), 'UNSPECIFIED')
            ELSE '' END AS reason,
       (decided_date - DATE '1970-01-01') AS day, 0 AS lag,
       count(*),
       count(*) FILTER (WHERE outcome = 'PAID'),
       count(*) FILTER (WHERE outcome = 'DENIED'),
       count(*) FILTER (WHERE outcome NOT IN ('PAID', 'DENIED')),
       COALESCE(sum((allowed_amount * 100)::bigint) FILTER (WHERE outcome = 'PAID'), 0)::bigint,
       COALESCE(sum((allowed_amount * 100)::bigint) FILTER (WHERE outcome = 'DENIED'), 0)::bigint,
       COALESCE(sum((allowed_amount * 100)::bigint) FILTER (WHERE outcome NOT IN ('PAID', 'DENIED')), 0)::bigint,
       0::bigint
  FROM upstream.claims
 WHERE customer_id = $1 AND outcome <> 'PENDING' AND decided_date >= $2 AND decided_date < $3
 GROUP BY 2, 3, 4, 5
UNION ALL
SELECT 1, payer, '', '', (submitted_date - DATE '1970-01-01'),
       CASE WHEN outcome = 'PENDING' OR decided_date IS NULL THEN 65535
            ELSE LEAST(GREATEST(decided_date - submitted_date, 0), 65534) END AS lag,
       count(*), 0, 0, 0, 0, 0, 0,
       COALESCE(sum((COALESCE(billed_amount, allowed_amount) * 100)::bigint), 0)::bigint
  FROM upstream.claims
 WHERE customer_id = $1 AND submitted_date >= $2 AND submitted_date < $3
 GROUP BY 2, 5, 6
UNION ALL
SELECT 2, payer, '', '', (decided_date - DATE '1970-01-01'),
       CASE WHEN payment_date IS NULL THEN 65535
            ELSE LEAST(GREATEST(payment_date - decided_date, 0), 65534) END AS lag,
       count(*), 0, 0, 0, 0, 0, 0,
       COALESCE(sum((COALESCE(billed_amount, allowed_amount) * 100)::bigint), 0)::bigint
  FROM upstream.claims
 WHERE customer_id = $1 AND outcome = 'PAID' AND decided_date >= $2 AND decided_date < $3
 GROUP BY 2, 5, 6
)sql";

// The newest submitted or decided date of the customer's claims (NULL when there are none): the default as-of
// is the day after (SPEC 6).
inline constexpr const char *kNewestClaimDateSql = R"sql(
SELECT max(GREATEST(submitted_date, decided_date)) FROM upstream.claims WHERE customer_id = $1
)sql";

// Runs kDailyAggregateSql for [from, to) and returns the aggregates.
Result<AggregateSet> loadDailyAggregates(storage::PgConnection &connection, const QString &customerId, QDate from,
                                         QDate to);
// Runs kNewestClaimDateSql: an invalid QDate when the customer has no claims.
Result<QDate> newestClaimDate(storage::PgConnection &connection, const QString &customerId);

} // namespace upstream::engines
