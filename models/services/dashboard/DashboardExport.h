#pragma once
// Export of a dashboard's table exactly as the user sees it: the visible columns in view order, the rows the
// current filter and sort show, the texts the cells display. PHI-safe like the ledger export: the payer column goes
// through the payer detectors and every other text through the free-text detectors (phi::redact), so a name or a
// number that slipped into a payer or reason is exported as "[PHI:<type>]". CSV follows RFC 4180 (CRLF, quotes
// doubled) and neutralises spreadsheet formulas (a text cell starting with = + - @ gets a leading apostrophe; plain
// numbers such as "+5.0 pts" are left alone). GUI-free: the table is read through QAbstractItemModel.
#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

#include <functional>
#include <vector>

class QAbstractItemModel;

namespace upstream::dashboard {

struct TableExport {
    QStringList header;
    std::vector<QStringList> rows;
};

// progress(done, total) is called every few hundred rows; returning false cancels (ErrorCode::Cancelled).
using ExportProgress = std::function<bool(int done, int total)>;

Result<TableExport> collectTable(const QAbstractItemModel &model, const QList<int> &columns, int payerColumn,
                                 const ExportProgress &progress = {});
QString tableCsv(const TableExport &table);
Status writeTableCsv(const QString &path, const TableExport &table);
// A self-contained HTML document (title, generation time, row count, the table) for the PDF report.
QString tableHtml(const TableExport &table, const QString &title, const QDateTime &generatedAt);
// Reads a CSV written by tableCsv back into rows (tests, and a check that the file says what the view said).
std::vector<QStringList> parseCsv(const QString &csv);

} // namespace upstream::dashboard
