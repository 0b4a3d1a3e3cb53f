#pragma once
// The quality report of a validation or import as JSON (the `validate --json` / `import --json` fields and the
// upload_reports.report column) and as a one-line count summary. PHI-free by construction: PHI values never reach
// an Issue, and source headers are printed only through safeHeaderLabel.
#include "importer/ImportValidation.h"

#include <QJsonObject>
#include <QString>

namespace upstream::importer {

// At most `maxIssues` issues are listed (issues_truncated says when more exist).
QJsonObject validationReportJson(const ValidationReport &report, std::size_t maxIssues = 100);
struct ImportResult;
// validationReportJson plus what the import did: upload_id, claims_loaded, claims_new, claims_updated,
// claims_unchanged, claims_repeated, duplicate_file, and file_warnings (code no_claim_ref when rows had no
// claim_ref). The `import --json` object and the stored report.
QJsonObject importReportJson(const ImportResult &result);
// The no_claim_ref warning's text, for the CLI and the wizard; empty when every accepted row had a claim_ref.
QString noClaimRefWarning(std::uint64_t rowsWithoutRef);

// "missing_fields 3, phi_detections 1, invalid_dates 0, invalid_values 2"
QString rejectionCountsLine(const ValidationReport &report);

// The rejection categories that rejected rows, most rows first (ties in category order): the main causes the
// quality gate names.
std::vector<std::pair<Category, std::uint64_t>> rejectionCauses(const ValidationReport &report);
// "invalid_dates: 812 rows, missing_fields: 40 rows" (translated row counts); empty when nothing was rejected.
QString rejectionCausesText(const ValidationReport &report);

} // namespace upstream::importer
