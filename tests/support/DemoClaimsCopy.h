#pragma once
// Loads the demo generator's claims into upstream.claims for one customer with COPY (needs a role that may COPY
// into an RLS table: the superuser), optionally feeding the same claims to an in-process aggregator.
#include "demo/DemoDataGenerator.h"
#include "engines/DailyAggregate.h"
#include "storage/pg/PgConnection.h"

namespace upstream::test {

// Returns an error text, empty on success.
QString copyDemoClaims(storage::PgConnection &conn, qint64 customerId, const demo::DemoDataGenerator &generator,
                       engines::ClaimAggregator *alsoAggregate = nullptr);

} // namespace upstream::test
