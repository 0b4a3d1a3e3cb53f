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
// "missing_fields 3, phi_detections 1, invalid_dates 0, invalid_values 2"
QString rejectionCountsLine(const ValidationReport &report);

} // namespace upstream::importer
