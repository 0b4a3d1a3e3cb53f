#pragma once
// Ledger export: CSV and the HTML body of the PDF report (views/ledger renders it with QPdfWriter).
//
// Contract: only ledger columns leave the workstation — no claim or patient data — and free text is scrubbed:
// notes go through phi::redact (free-text detectors) and payer through the payer detectors, so a name or number
// typed into a note is exported as "[PHI:<type>]". CSV follows RFC 4180 (CRLF, quotes doubled) and neutralises
// spreadsheet formulas (a cell starting with = + - @ gets a leading apostrophe). Amounts are plain decimals.
#include "LedgerEntry.h"
#include "LedgerTotals.h"
#include "core/Result.h"

#include <vector>

namespace upstream::ledger {

QString exportCsv(const std::vector<LedgerEntry> &entries);
Status writeCsvFile(const QString &path, const std::vector<LedgerEntry> &entries);

// A self-contained HTML document: title, generation time, totals, one table row per entry.
QString exportHtmlReport(const std::vector<LedgerEntry> &entries, const LedgerTotals &totals,
                         const QDateTime &generatedAt);

QString scrubNotes(const QString &notes); // phi-redacted, single line
QString scrubPayer(const QString &payer);

} // namespace upstream::ledger
