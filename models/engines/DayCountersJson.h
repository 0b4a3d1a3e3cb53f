#pragma once
// The stored form of one day's counters in a local workspace (daily_aggregates.data): a flat JSON object with one
// integer per DayCounters field ("total", "paid", ..., "decision_pd_count", "decision_pd_sum", ...). The importer
// writes it, compute reads and rewrites it: one codec, so neither can drift from the other.
#include "engines/DailyAggregate.h"

#include <QString>

namespace upstream::engines {

QString dayCountersToJson(const DayCounters &counters);
// Missing fields read as 0. Rows written by development builds before 0.1.0 kept the three day-sum triples as
// arrays ("decision_pd": [n, sum, sumsq], ...); those are read too.
DayCounters dayCountersFromJson(const QString &json);

} // namespace upstream::engines
