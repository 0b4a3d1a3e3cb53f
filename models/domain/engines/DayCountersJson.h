#pragma once
// The stored form of one day's counters in a local workspace (daily_aggregates.data): a flat JSON object with one
// integer per DayCounters field ("claims", "paid", ..., "at_risk_cents"). The importer writes it, compute reads and
// rewrites it: one codec, so neither can drift from the other.
#include "engines/DailyAggregate.h"

#include <QString>

namespace upstream::engines {

QString dayCountersToJson(const DayCounters &counters);
// Missing fields read as 0.
DayCounters dayCountersFromJson(const QString &json);

} // namespace upstream::engines
