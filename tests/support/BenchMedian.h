#pragma once
// The median of one figure over a benchmark's rounds (bench_sync, bench_cache_encryption): one run on a shared
// machine varies by ±10%, so both print medians. `runs` must not be empty; with an even count the upper middle.
#include <algorithm>
#include <vector>

namespace upstream::test {

template<typename Run>
double medianOf(const std::vector<Run> &runs, double Run::*figure)
{
    std::vector<double> values;
    values.reserve(runs.size());
    for (const Run &run : runs)
        values.push_back(run.*figure);
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace upstream::test
