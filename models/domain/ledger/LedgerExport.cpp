#include "LedgerExport.h"

#include "phi/PhiScanner.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <QStringList>

namespace upstream::ledger {
namespace {

QString plainAmount(qint64 cents)
{
    return QStringLiteral("%1%2.%3")
        .arg(cents < 0 ? QStringLiteral("-") : QString())
        .arg(qAbs(cents) / 100)
        .arg(int(qAbs(cents) % 100), 2, 10, QLatin1Char('0'));
}

QString csvCell(QString s)
{
    if (!s.isEmpty() && QStringLiteral("=+-@").contains(s.front()))
        s.prepend(QLatin1Char('\''));
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')) ||
        s.contains(QLatin1Char('\r')) || s.contains(QLatin1Char('\''))) {
        s.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + s + QLatin1Char('"');
    }
    return s;
}

} // namespace

QString scrubNotes(const QString &notes)
{
    QString s = phi::redact(notes);
    s.replace(QLatin1String("\r\n"), QLatin1String(" "));
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    s.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return s;
}

QString scrubPayer(const QString &payer)
{
    const QByteArray utf8 = payer.toUtf8();
    return QString::fromStdString(
        phi::redact(std::string_view(utf8.constData(), size_t(utf8.size())), phi::FieldKind::Payer));
}

QString exportCsv(const std::vector<LedgerEntry> &entries)
{
    QString out;
    const QStringList header = {QStringLiteral("id"),
                                QStringLiteral("product"),
                                QStringLiteral("payer"),
                                QStringLiteral("state"),
                                QStringLiteral("expected_usd"),
                                QStringLiteral("recovered_usd"),
                                QStringLiteral("recovered_date"),
                                QStringLiteral("owner"),
                                QStringLiteral("approved_by"),
                                QStringLiteral("approved_at"),
                                QStringLiteral("alert_id"),
                                QStringLiteral("signal_id"),
                                QStringLiteral("version"),
                                QStringLiteral("updated_at"),
                                QStringLiteral("notes")};
    out += header.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (const LedgerEntry &e : entries) {
        const QStringList cells = {e.id,
                                   e.product,
                                   scrubPayer(e.payer),
                                   stateId(e.state),
                                   plainAmount(e.expectedCents),
                                   plainAmount(e.recoveredCents),
                                   e.recoveredDate.isValid() ? e.recoveredDate.toString(Qt::ISODate) : QString(),
                                   e.owner,
                                   e.approvedBy,
                                   e.approvedAt.isValid() ? e.approvedAt.toUTC().toString(Qt::ISODate) : QString(),
                                   e.alertId,
                                   e.signalId,
                                   QString::number(e.version),
                                   e.updatedAt.isValid() ? e.updatedAt.toUTC().toString(Qt::ISODate) : QString(),
                                   scrubNotes(e.notes)};
        QStringList escaped;
        for (const QString &c : cells)
            escaped << csvCell(c);
        out += escaped.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out;
}

Status writeCsvFile(const QString &path, const std::vector<LedgerEntry> &entries)
{
    // QSaveFile: a failed export never leaves a half-written file that looks complete.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::PermissionDenied,
                         QCoreApplication::translate(
                             "LedgerExport", "Could not write the export file. Choose a folder you can write to."));
    file.write(exportCsv(entries).toUtf8());
    if (!file.commit())
        return makeError(
            ErrorCode::PermissionDenied,
            QCoreApplication::translate(
                "LedgerExport", "Could not finish writing the export file. Check the free disk space and try again."));
    return Status::success();
}

QString exportHtmlReport(const std::vector<LedgerEntry> &entries, const LedgerTotals &totals,
                         const QDateTime &generatedAt)
{
    auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    QString html = QStringLiteral("<html><head><style>"
                                  "body{font-family:'DejaVu Sans';font-size:8pt;color:#1f2933}"
                                  "h1{font-size:15pt;margin:0}"
                                  "p.meta{color:#52606d}"
                                  "table{border-collapse:collapse}"
                                  "th{background:#e4e7eb;text-align:left;padding:3px 6px}"
                                  "td{padding:3px 6px;border-bottom:1px solid #d9dde2}"
                                  "td.num{text-align:right}"
                                  "</style></head><body>");
    html += QStringLiteral("<h1>%1</h1>").arg(esc(QCoreApplication::translate("LedgerExport", "Recovery ledger")));
    html += QStringLiteral("<p class='meta'>%1</p>")
                .arg(esc(QCoreApplication::translate("LedgerExport", "Generated %1 · %n entries", nullptr,
                                                     int(entries.size()))
                             .arg(generatedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")))));
    html += QStringLiteral("<table width='60%'><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th></tr>"
                           "<tr><td class='num'>%5</td><td class='num'>%6</td><td class='num'>%7</td>"
                           "<td class='num'>%8</td></tr></table><br/>")
                .arg(esc(QCoreApplication::translate("LedgerExport", "Recovered this month")),
                     esc(QCoreApplication::translate("LedgerExport", "Last 30 days")),
                     esc(QCoreApplication::translate("LedgerExport", "All time")),
                     esc(QCoreApplication::translate("LedgerExport", "Outstanding")),
                     formatCents(totals.recoveredThisMonthCents), formatCents(totals.recoveredLast30DaysCents),
                     formatCents(totals.allTime.recoveredCents), formatCents(totals.allTime.outstandingCents));
    html += QStringLiteral("<table width='100%'><tr>");
    for (const QString &h :
         {QCoreApplication::translate("LedgerExport", "Payer"), QCoreApplication::translate("LedgerExport", "Product"),
          QCoreApplication::translate("LedgerExport", "State"), QCoreApplication::translate("LedgerExport", "Expected"),
          QCoreApplication::translate("LedgerExport", "Recovered"),
          QCoreApplication::translate("LedgerExport", "Recovered on"),
          QCoreApplication::translate("LedgerExport", "Owner"),
          QCoreApplication::translate("LedgerExport", "Approved by"),
          QCoreApplication::translate("LedgerExport", "Notes")})
        html += QStringLiteral("<th>%1</th>").arg(esc(h));
    html += QStringLiteral("</tr>");
    for (const LedgerEntry &e : entries) {
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td class='num'>%4</td><td class='num'>%5</td>"
                               "<td>%6</td><td>%7</td><td>%8</td><td>%9</td></tr>")
                    .arg(esc(scrubPayer(e.payer)), esc(productLabel(e.product)), esc(stateLabel(e.state)),
                         formatCents(e.expectedCents), formatCents(e.recoveredCents),
                         esc(fieldText(e, LedgerField::RecoveredDate)), esc(e.owner), esc(e.approvedBy),
                         esc(scrubNotes(e.notes)));
    }
    html += QStringLiteral("</table></body></html>");
    return html;
}

} // namespace upstream::ledger
