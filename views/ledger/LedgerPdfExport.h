#pragma once
// Renders the ledger report (ledger::exportHtmlReport: ledger columns only, notes PHI-redacted) to a PDF file,
// A4 landscape. Fails with PermissionDenied when the file cannot be written.
#include "core/Result.h"

#include <QString>

namespace upstream::views {

Status writeLedgerPdf(const QString &path, const QString &html);

} // namespace upstream::views
