#pragma once
// The three signal engines (SPEC section 6) as pure functions over daily aggregates. Deterministic: the same
// aggregates and as-of date give the same signals in the same order (sorted by fingerprint), so recompute is
// idempotent. Windows end at asOf (exclusive). A group below the minimum volume yields no signal.
//
// Returned signals are the groups whose trigger fired; DriftWatch also returns improving changes (shown,
// never alerted — see alerts::shouldAlert). No failure modes: empty or sparse input gives an empty vector.
#include "engines/DailyAggregate.h"
#include "engines/Signal.h"

#include <QDate>

#include <vector>

namespace upstream::engines {

std::vector<Signal> runDriftWatch(const AggregateSet &aggregates, QDate asOf);
std::vector<Signal> runDenialScope(const AggregateSet &aggregates, QDate asOf);
std::vector<Signal> runDelayGuard(const AggregateSet &aggregates, QDate asOf);

std::vector<Signal> run(const AggregateSet &aggregates, Product product, QDate asOf);
std::vector<Signal> runAll(const AggregateSet &aggregates, QDate asOf);

// SPEC 6's default as-of: the day after the newest submitted or decided date in the aggregates (the export's own
// date), never "today". Invalid when the set holds no claims.
QDate defaultAsOf(const AggregateSet &aggregates);

// The windows each product uses for an as-of date (also used by the SQL path to bound its query).
struct ProductWindows {
    Window baseline;
    Window current;
};
ProductWindows windowsFor(Product product, QDate asOf);

} // namespace upstream::engines
