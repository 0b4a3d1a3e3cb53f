#pragma once
// Data quality of one upload (SPEC section 4): quality score and grade, anomalies against the customer's
// history, and the customer's health score. Pure functions over counts, no I/O; the import validator fills
// UploadStats while it streams, the caller supplies the history it has (an empty history disables the
// anomalies that need one, the outcome shift then compares with the default mix).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace upstream::quality {

inline constexpr double kPassScore = 0.95;

double qualityScore(std::uint64_t accepted, std::uint64_t total); // 0 when total is 0
const char *grade(double score);                                  // "A+", "A", "B+", "B", "C+", "C", "D", "F"
inline bool passes(double score)
{
    return score >= kPassScore;
}

struct OutcomeMix {
    double paid = 0.75;
    double denied = 0.15;
    double other = 0.10;
};

// What the target knows of the customer's earlier uploads, relative to the import day (see
// storage::uploadHistory): the uploads of the 30 days ending on the import day, and the decided claims of the 90
// days ending on it.
struct UploadHistory {
    std::vector<std::uint64_t> rowCountsLast30Days; // prior uploads' total rows; volume needs >= 2
    std::optional<OutcomeMix> trailing90DayMix;     // absent: the default mix; decided claims only
    // For the health score: the same uploads' accepted rows (absent: not known, the accepted share is this upload's
    // alone) and the anomalies their stored reports recorded.
    std::optional<std::uint64_t> acceptedRowsLast30Days;
    int anomaliesLast30Days = 0;
    int criticalAnomaliesLast30Days = 0;
};

struct ColumnFill {
    std::string column;           // canonical column name
    std::uint64_t empty = 0;      // rows where the column was empty
    std::uint64_t applicable = 0; // rows where it is expected (e.g. denial reason only on denials)
};

struct UploadStats {
    std::uint64_t totalRows = 0;
    std::uint64_t acceptedRows = 0;
    std::vector<ColumnFill> columns;                // mapped columns only
    std::uint64_t paid = 0, denied = 0, other = 0;  // accepted decided rows by outcome: the outcome mix
    std::uint64_t pending = 0;                      // accepted pending rows (not yet decided; not in the mix)
    std::uint64_t duplicates = 0;                   // accepted rows repeating an earlier row's key
    std::uint64_t rowsWithWarnings = 0;             // accepted rows with at least one warning
    std::optional<std::int32_t> newestSubmittedDay; // of the accepted rows, days since 1970-01-01
};

enum class Severity : std::uint8_t { Medium, High, Critical };
const char *severityName(Severity severity);

struct Anomaly {
    std::string type; // "volume", "missing_data", "outcome_shift", "duplicates"
    Severity severity = Severity::Medium;
    std::string subject; // column or outcome concerned, empty for the whole upload
    double value = 0;    // z, share or deviation that fired
};

std::vector<Anomaly> detectAnomalies(const UploadStats &stats, const UploadHistory &history);

struct HealthInputs {
    double acceptedShare30Days = 0; // 0..1
    double completeness = 0;        // 0..1
    double validity = 0;            // 0..1
    double lagDays = 0;             // upload lag, for timeliness
    int openAnomalies = 0;
    int uploads = 0;
    int openCriticalAnomalies = 0;
};

double timeliness(double lagDays);          // max(0, 1 - lag/30)
double healthScore(const HealthInputs &in); // 0..100
const char *healthBand(double score);       // "excellent", "good", "fair", "poor"

// SPEC 4's health inputs for one upload and the customer's history. SPEC names the terms, not how to measure them;
// this is the one place that decides:
//  - accepted share (30 days) = (this upload's accepted + the history's accepted rows) ÷ (this upload's rows + the
//    history's rows), the history being the uploads of the 30 days ending on the import day (a history without
//    accepted counts: this upload's share);
//  - completeness = 1 − empty ÷ expected cells over the mapped columns (the missing-data anomaly's counts: a column
//    is expected only on the rows it applies to, e.g. denial reasons on denials);
//  - validity = rows that passed every check without a warning ÷ all rows (rejections and warnings both count);
//  - lag_days = import day − the newest submitted date among the accepted rows (an export covers up to the day it
//    was taken); no accepted row: lag 30, timeliness 0;
//  - open anomalies = this upload's anomalies plus those stored with the history's uploads (no workflow closes an
//    upload anomaly, so every one of the 30 days is open); uploads = the history's uploads + this one; critical
//    anomalies are counted the same way.
HealthInputs healthInputs(const UploadStats &stats, const std::vector<Anomaly> &anomalies, const UploadHistory &history,
                          std::int32_t importDay);

} // namespace upstream::quality
