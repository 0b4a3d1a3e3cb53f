#pragma once
// Internals shared by the three engines: rolling daily aggregate rows up into per-group day series over a
// span of days, window sums, and the severity ladders. Not part of the public engine API.
#include "engines/DailyAggregate.h"
#include "engines/Signal.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace upstream::engines::detail {

// Days of one group over `span`, indexed by day − span.start.
struct GroupSeries {
    std::vector<DayCounters> days;

    DayCounters sum(const Window &span, const Window &w) const
    {
        DayCounters s;
        for (EpochDay d = std::max(w.start, span.start); d < std::min(w.end, span.end); ++d)
            s.add(days[std::size_t(d - span.start)]);
        return s;
    }
};

// Rolls rows inside `span` up by keyOf(row) (a 64-bit group key; return false to skip the row).
// std::map-free: an unordered_map keyed by integers, then the caller sorts its output signals.
template<typename KeyOf>
std::unordered_map<std::uint64_t, GroupSeries> rollup(const AggregateSet &set, const Window &span, KeyOf keyOf)
{
    std::unordered_map<std::uint64_t, GroupSeries> groups;
    for (const AggregateRow &row : set.rows()) {
        if (!span.contains(row.day))
            continue;
        std::uint64_t key = 0;
        if (!keyOf(row, key))
            continue;
        GroupSeries &g = groups[key];
        if (g.days.empty())
            g.days.resize(std::size_t(span.days()));
        g.days[std::size_t(row.day - span.start)].add(row.c);
    }
    return groups;
}

inline Severity severityFromScore(double score) // DriftWatch ladder
{
    if (score >= 0.9)
        return Severity::Critical;
    if (score >= 0.7)
        return Severity::High;
    if (score >= 0.4)
        return Severity::Medium;
    return Severity::Low;
}

inline double relative(double delta, double base)
{
    return base != 0.0 ? delta / base : 0.0;
}

inline void finish(Signal &s)
{
    s.fingerprint = fingerprintOf(s);
}

inline void sortSignals(std::vector<Signal> &list)
{
    std::sort(list.begin(), list.end(), [](const Signal &a, const Signal &b) { return a.fingerprint < b.fingerprint; });
}

} // namespace upstream::engines::detail
