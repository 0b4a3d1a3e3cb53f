#include "DashboardExport.h"

#include "phi/PhiScanner.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QSaveFile>

namespace upstream::dashboard {
namespace {

QString scrub(const QString &text, bool payer)
{
    if (!payer)
        return phi::redact(text);
    const QByteArray utf8 = text.toUtf8();
    return QString::fromStdString(
        phi::redact(std::string_view(utf8.constData(), size_t(utf8.size())), phi::FieldKind::Payer));
}

QString csvCell(QString s)
{
    // "+5.0 pts", "-12", "0.003", a lone "-": numbers as shown, not formulas.
    static const QRegularExpression number(QStringLiteral("^([+-]?\\d[\\d.,]*( ?[%\\p{L}]+)?|[+-])$"));
    if (!s.isEmpty() && QStringLiteral("=+-@").contains(s.front()) && !number.match(s).hasMatch())
        s.prepend(QLatin1Char('\''));
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')) ||
        s.contains(QLatin1Char('\r'))) {
        s.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + s + QLatin1Char('"');
    }
    return s;
}

QString csvLine(const QStringList &cells)
{
    QStringList out;
    out.reserve(cells.size());
    for (const QString &c : cells)
        out << csvCell(c);
    return out.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

} // namespace

Result<TableExport> collectTable(const QAbstractItemModel &model, const QList<int> &columns, int payerColumn,
                                 const ExportProgress &progress)
{
    TableExport t;
    for (int c : columns)
        t.header << scrub(model.headerData(c, Qt::Horizontal).toString(), false);
    const int total = model.rowCount();
    t.rows.reserve(size_t(total));
    for (int r = 0; r < total; ++r) {
        if (progress && r % 500 == 0 && !progress(r, total))
            return makeError(ErrorCode::Cancelled,
                             QCoreApplication::translate("DashboardExport", "Export cancelled: nothing was written."));
        QStringList row;
        row.reserve(columns.size());
        for (int c : columns)
            row << scrub(model.index(r, c).data().toString(), c == payerColumn);
        t.rows.push_back(std::move(row));
    }
    if (progress)
        (void)progress(total, total);
    return t;
}

QString tableCsv(const TableExport &table)
{
    QString out = csvLine(table.header);
    for (const QStringList &row : table.rows)
        out += csvLine(row);
    return out;
}

Status writeTableCsv(const QString &path, const TableExport &table)
{
    QSaveFile file(path); // all or nothing: a failed export leaves no half-written file
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::PermissionDenied,
                         QCoreApplication::translate(
                             "DashboardExport", "Could not write the CSV file. Choose a folder you can write to."));
    file.write(tableCsv(table).toUtf8());
    if (!file.commit())
        return makeError(ErrorCode::PermissionDenied,
                         QCoreApplication::translate(
                             "DashboardExport", "Could not write the CSV file. Choose a folder you can write to."));
    return Status::success();
}

QString tableHtml(const TableExport &table, const QString &title, const QDateTime &generatedAt)
{
    auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    QString html = QStringLiteral("<html><body style='font-family:sans-serif;font-size:8pt'>");
    html += QStringLiteral("<h2>%1</h2><p>%2</p>")
                .arg(esc(title),
                     esc(QCoreApplication::translate("DashboardExport", "Generated %1 · %2 rows, as filtered and "
                                                                        "sorted on screen")
                             .arg(QLocale().toString(generatedAt.toLocalTime(), QLocale::ShortFormat))
                             .arg(QLocale().toString(qlonglong(table.rows.size())))));
    html += QStringLiteral("<table border='1' cellspacing='0' cellpadding='2'><tr>");
    for (const QString &h : table.header)
        html += QStringLiteral("<th>%1</th>").arg(esc(h));
    html += QStringLiteral("</tr>");
    for (const QStringList &row : table.rows) {
        html += QStringLiteral("<tr>");
        for (const QString &c : row)
            html += QStringLiteral("<td>%1</td>").arg(esc(c));
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table></body></html>");
}

std::vector<QStringList> parseCsv(const QString &csv)
{
    std::vector<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < csv.size(); ++i) {
        const QChar ch = csv.at(i);
        if (quoted) {
            if (ch == QLatin1Char('"')) {
                if (i + 1 < csv.size() && csv.at(i + 1) == QLatin1Char('"')) {
                    cell += ch;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                cell += ch;
            }
        } else if (ch == QLatin1Char('"')) {
            quoted = true;
        } else if (ch == QLatin1Char(',')) {
            row << cell;
            cell.clear();
        } else if (ch == QLatin1Char('\r')) {
            continue;
        } else if (ch == QLatin1Char('\n')) {
            row << cell;
            cell.clear();
            rows.push_back(row);
            row.clear();
        } else {
            cell += ch;
        }
    }
    if (!cell.isEmpty() || !row.isEmpty()) {
        row << cell;
        rows.push_back(row);
    }
    return rows;
}

} // namespace upstream::dashboard
