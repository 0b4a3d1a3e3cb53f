#pragma once
// The local workspace's daily aggregates (cache table daily_aggregates, one row per AggregateSet row: kind,
// payer, cpt_group, reason, ISO day, lag, data = the counters' JSON through engines/DayCountersJson). The one
// place that reads and writes that table: the importer merges an upload's aggregates in, compute reads them and
// writes the set it computed from.
//
// Failure modes: cache errors pass through; a stored row with an unknown kind or an invalid day is
// ErrorCode::Corrupt. Callers run merge/replace inside a cache transaction when they need atomicity with other
// writes (the importer and compute both do).
#include "core/Result.h"
#include "engines/DailyAggregate.h"

namespace upstream::storage {

class LocalCache;

Result<engines::AggregateSet> loadAggregates(LocalCache &cache);
// Adds (subtract = false) or removes (true) every row of `set` to the stored rows; rows that end at zero are
// deleted.
Status mergeAggregates(LocalCache &cache, const engines::AggregateSet &set, bool subtract = false);
// The stored rows become exactly `set`.
Status replaceAggregates(LocalCache &cache, const engines::AggregateSet &set);

} // namespace upstream::storage
