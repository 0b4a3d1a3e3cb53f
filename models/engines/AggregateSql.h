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

// $1 customer_id, $2 first submitted_date (inclusive), $3 last submitted_date (exclusive).
// Columns, in order: payer, cpt_group, reason, day (days since 1970-01-01), then total, paid, denied, other,
// allowed cents (paid, denied, other), decision days count/sum/sumsq (paid+denied, then other), payment days
// count/sum/sumsq — the order loadDailyAggregates reads them in.
inline constexpr const char *kDailyAggregateSql = R"sql(
SELECT payer,
       cpt_group,
       CASE WHEN outcome = 'DENIED'
            THEN COALESCE(NULLIF(denial_reason_code, ''), NULLIF(denial_reason_text, ''), 'UNSPECIFIED')
            ELSE '' END AS reason,
       (submitted_date - DATE '1970-01-01') AS day,
       count(*) AS total,
       count(*) FILTER (WHERE outcome = 'PAID') AS paid,
       count(*) FILTER (WHERE outcome = 'DENIED') AS denied,
       count(*) FILTER (WHERE outcome NOT IN ('PAID', 'DENIED')) AS other,
       COALESCE(sum((allowed_amount * 100)::bigint) FILTER (WHERE outcome = 'PAID'), 0)::bigint,
       COALESCE(sum((allowed_amount * 100)::bigint) FILTER (WHERE outcome = 'DENIED'), 0)::bigint,
       COALESCE(sum((allowed_amount * 100)::bigint) FILTER (WHERE outcome NOT IN ('PAID', 'DENIED')), 0)::bigint,
       count(decided_date) FILTER (WHERE outcome IN ('PAID', 'DENIED')),
       COALESCE(sum(decided_date - submitted_date) FILTER (WHERE outcome IN ('PAID', 'DENIED')), 0)::bigint,
       COALESCE(sum((decided_date - submitted_date)::bigint * (decided_date - submitted_date))
                FILTER (WHERE outcome IN ('PAID', 'DENIED')), 0)::bigint,
       count(decided_date) FILTER (WHERE outcome NOT IN ('PAID', 'DENIED')),
       COALESCE(sum(decided_date - submitted_date) FILTER (WHERE outcome NOT IN ('PAID', 'DENIED')), 0)::bigint,
       COALESCE(sum((decided_date - submitted_date)::bigint * (decided_date - submitted_date))
                FILTER (WHERE outcome NOT IN ('PAID', 'DENIED')), 0)::bigint,
       count(payment_date) FILTER (WHERE outcome = 'PAID'),
       COALESCE(sum(payment_date - submitted_date) FILTER (WHERE outcome = 'PAID'), 0)::bigint,
       COALESCE(sum((payment_date - submitted_date)::bigint * (payment_date - submitted_date))
                FILTER (WHERE outcome = 'PAID'), 0)::bigint
  FROM upstream.claims
 WHERE customer_id = $1 AND submitted_date >= $2 AND submitted_date < $3
 GROUP BY 1, 2, 3, 4
)sql";

// Runs kDailyAggregateSql for [from, to) and returns the aggregates.
Result<AggregateSet> loadDailyAggregates(storage::PgConnection &connection, const QString &customerId, QDate from,
                                         QDate to);

} // namespace upstream::engines
