#pragma once
// Renders the ledger report (ledger::exportHtmlReport: ledger columns only, notes PHI-redacted) to a PDF file,
// A4 landscape. Fails with PermissionDenied when the file cannot be written.
#include "core/Result.h"

#include <QString>

namespace upstream::views {

Status writeLedgerPdf(const QString &path, const QString &html);
// The same for any report of ours (the dashboard table export): `title` is the PDF's document title.
Status writeReportPdf(const QString &path, const QString &html, const QString &title);

} // namespace upstream::views
