#pragma once
// validateCsv: the whole import check of SPEC sections 3–5 over one file, streamed and parallel, writing nothing
// unless asked to (the rejected-rows CSV). Pipeline: the calling thread reads blocks of complete records
// (csv::CsvBlockReader); worker threads parse and validate blocks independently; results are merged in file
// order (row numbers, issues, accepted rows). Memory is bounded by (workers + 2) blocks (workers <= 8) plus the
// kept issues (first `maxIssues`) and a fixed 16 MiB duplicate filter, whatever the file size.
// Failure: Error{InvalidInput} with a one-line reason for an unreadable or malformed file (see CsvReader.h,
// planColumns), Error{Cancelled} when `progress` returns false. A file whose rows are all rejected is NOT an
// error here: the report says so (the CLI turns it into exit 1).
#include "ClaimValidator.h"
#include "ColumnMapping.h"
#include "csv/CsvReader.h"
#include "quality/DataQuality.h"

#include <functional>
#include <optional>

namespace upstream::importer {

struct ValidationOptions {
    ValidatorConfig validator;            // import day, payer/CPT mappings, claim_ref key
    std::optional<ColumnMapping> mapping; // a confirmed mapping; auto-mapped when absent
    quality::UploadHistory history;       // for the volume and outcome-shift anomalies
    csv::ReaderLimits limits;
    int threads = 0;               // workers; 0 = hardware concurrency
    std::size_t maxIssues = 10000; // issues kept for display (counts are always complete)
    QString rejectedRowsCsvPath;   // when set, every rejection is written there (row,column,value,code,message)
    // Accepted rows in file order, in batches (called on the calling thread). Not set: rows are not built.
    std::function<void(std::vector<claims::ClaimRow> &&)> acceptedRows;
    // Duplicate-file check (SPEC 3): when set, the file's SHA-256 is computed while reading and passed here; true
    // means it was imported before, which becomes a warning in the report.
    std::function<bool(const QByteArray &sha256)> importedBefore;
    // Called after each block; return false to cancel.
    std::function<bool(std::uint64_t bytesDone, std::uint64_t bytesTotal, std::uint64_t rowsDone)> progress;
};

struct ValidationReport {
    csv::Encoding encoding = csv::Encoding::Utf8;
    char delimiter = ',';
    std::uint64_t fallbackRows = 0;  // rows read as Windows-1252 inside a file detected as UTF-8
    QByteArray fileSha256;           // raw bytes' SHA-256, when importedBefore or limits.computeSha256 was set
    bool duplicateFile = false;      // importedBefore said yes: warn the analyst
    std::vector<std::string> header; // source headers (may contain PHI: print only via safeHeaderLabel)
    ColumnPlan plan;
    std::uint64_t totalRows = 0, accepted = 0, rejected = 0;
    std::uint64_t warnings = 0; // warning instances on accepted rows
    std::uint64_t rowsWithWarnings = 0;
    // Accepted rows without a claim_ref: they have no identity (SPEC 3), so an import appends them and a later
    // export of the same claims would count them twice.
    std::uint64_t withoutClaimRef = 0;
    std::array<std::uint64_t, kRejectCategoryCount> categoryCounts{};
    std::array<std::uint64_t, kIssueCodeCount> codeCounts{};
    std::array<std::uint64_t, phi::kPhiTypeCount> phiCounts{}; // rejected or blanked values by PHI type
    std::vector<Issue> issues;                                 // first maxIssues, in row order
    bool issuesTruncated = false;
    quality::UploadStats stats;
    double qualityScore = 0;
    std::string grade;
    bool passes = false;
    std::vector<quality::Anomaly> anomalies;
    // SPEC 4's health score of the customer with this upload (quality::healthInputs says how each term is measured
    // from the stats and options.history, relative to options.validator.importDay).
    quality::HealthInputs health;
    double healthScore = 0; // 0..100
    std::string healthBand; // "excellent", "good", "fair", "poor"
};

Result<ValidationReport> validateCsvFile(const QString &path, const ValidationOptions &options);
Result<ValidationReport> validateCsvBytes(std::string bytes, const ValidationOptions &options);

// Rejected-rows export: header `row,column,value,code,message`, RFC 4180 quoting; PHI values are never written
// (they are never kept in an Issue in the first place). Every cell that starts with = + - @, a tab or a carriage
// return is written with a leading ' so that a spreadsheet shows it as text instead of running it as a formula.
std::string rejectedRowsCsvHeader();
void appendRejectedRowCsv(const Issue &issue, std::string &out);

} // namespace upstream::importer
