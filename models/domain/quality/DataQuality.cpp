#include "DataQuality.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace upstream::quality {

double qualityScore(std::uint64_t accepted, std::uint64_t total)
{
    return total == 0 ? 0.0 : double(accepted) / double(total);
}

const char *grade(double score)
{
    if (score >= 0.95)
        return "A+";
    if (score >= 0.90)
        return "A";
    if (score >= 0.85)
        return "B+";
    if (score >= 0.80)
        return "B";
    if (score >= 0.75)
        return "C+";
    if (score >= 0.70)
        return "C";
    if (score >= 0.60)
        return "D";
    return "F";
}

const char *severityName(Severity severity)
{
    switch (severity) {
    case Severity::Medium: return "medium";
    case Severity::High: return "high";
    case Severity::Critical: return "critical";
    }
    return "medium";
}

std::vector<Anomaly> detectAnomalies(const UploadStats &stats, const UploadHistory &history)
{
    std::vector<Anomaly> out;
    // Volume: z of this upload's row count against the last 30 days' uploads (sample deviation, >= 2 prior).
    const auto &prior = history.rowCountsLast30Days;
    if (prior.size() >= 2) {
        const double n = double(prior.size());
        const double mean = std::accumulate(prior.begin(), prior.end(), 0.0) / n;
        double ss = 0;
        for (std::uint64_t c : prior)
            ss += (double(c) - mean) * (double(c) - mean);
        const double sd = std::sqrt(ss / (n - 1));
        if (sd > 0) {
            const double z = std::fabs(double(stats.totalRows) - mean) / sd;
            if (z > 3)
                out.push_back({"volume", z > 5 ? Severity::High : Severity::Medium, {}, z});
        }
    }
    for (const ColumnFill &c : stats.columns) {
        if (c.applicable == 0)
            continue;
        const double share = double(c.empty) / double(c.applicable);
        if (share > 0.20)
            out.push_back({"missing_data", share > 0.50 ? Severity::High : Severity::Medium, c.column, share});
    }
    // Decided claims only: pending ones have no outcome yet, and a live export's share of them says nothing about
    // the payer's behaviour.
    const std::uint64_t decided = stats.paid + stats.denied + stats.other;
    if (decided > 0) {
        const OutcomeMix mix = history.trailing90DayMix.value_or(OutcomeMix{});
        const double shares[3] = {double(stats.paid) / double(decided), double(stats.denied) / double(decided),
                                  double(stats.other) / double(decided)};
        const double expected[3] = {mix.paid, mix.denied, mix.other};
        const char *names[3] = {"PAID", "DENIED", "OTHER"};
        int worst = 0;
        for (int k = 1; k < 3; ++k)
            if (std::fabs(shares[k] - expected[k]) > std::fabs(shares[worst] - expected[worst]))
                worst = k;
        const double dev = std::fabs(shares[worst] - expected[worst]);
        if (dev > 0.15)
            out.push_back({"outcome_shift", dev > 0.30 ? Severity::High : Severity::Medium, names[worst], dev});
    }
    if (stats.acceptedRows > 0) {
        const double share = double(stats.duplicates) / double(stats.acceptedRows);
        if (share > 0.05)
            out.push_back({"duplicates", share > 0.20 ? Severity::High : Severity::Medium, {}, share});
    }
    return out;
}

double timeliness(double lagDays)
{
    return std::max(0.0, 1.0 - lagDays / 30.0);
}

double healthScore(const HealthInputs &in)
{
    const double quality = (in.completeness + in.validity + timeliness(in.lagDays)) / 3.0;
    const double anomalies = 1.0 - double(in.openAnomalies) / double(std::max(1, in.uploads));
    const double score =
        70.0 * in.acceptedShare30Days + 20.0 * quality + 10.0 * anomalies - 5.0 * double(in.openCriticalAnomalies);
    return std::clamp(score, 0.0, 100.0);
}

HealthInputs healthInputs(const UploadStats &stats, const std::vector<Anomaly> &anomalies, const UploadHistory &history,
                          std::int32_t importDay)
{
    HealthInputs in;
    const double historyRows = history.acceptedRowsLast30Days ? std::accumulate(history.rowCountsLast30Days.begin(),
                                                                                history.rowCountsLast30Days.end(), 0.0)
                                                              : 0.0;
    const double rows = double(stats.totalRows) + historyRows;
    const double accepted = double(stats.acceptedRows) + double(history.acceptedRowsLast30Days.value_or(0));
    in.acceptedShare30Days = rows > 0 ? std::clamp(accepted / rows, 0.0, 1.0) : 0.0;
    std::uint64_t empty = 0, expected = 0;
    for (const ColumnFill &c : stats.columns) {
        empty += c.empty;
        expected += c.applicable;
    }
    in.completeness = expected > 0 ? 1.0 - double(empty) / double(expected) : 0.0;
    in.validity = stats.totalRows > 0
                      ? double(stats.acceptedRows - std::min(stats.rowsWithWarnings, stats.acceptedRows)) /
                            double(stats.totalRows)
                      : 0.0;
    in.lagDays = stats.newestSubmittedDay ? std::max(0.0, double(importDay) - double(*stats.newestSubmittedDay)) : 30.0;
    const auto critical = std::count_if(anomalies.begin(), anomalies.end(),
                                        [](const Anomaly &a) { return a.severity == Severity::Critical; });
    in.openAnomalies = int(anomalies.size()) + history.anomaliesLast30Days;
    in.openCriticalAnomalies = int(critical) + history.criticalAnomaliesLast30Days;
    in.uploads = int(history.rowCountsLast30Days.size()) + 1;
    return in;
}

const char *healthBand(double score)
{
    if (score >= 90)
        return "excellent";
    if (score >= 75)
        return "good";
    if (score >= 60)
        return "fair";
    return "poor";
}

} // namespace upstream::quality
