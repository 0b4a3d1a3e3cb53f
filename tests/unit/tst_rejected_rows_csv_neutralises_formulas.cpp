// Proves that the rejected-rows export cannot carry a spreadsheet formula (CSV injection, issue 17): a claim file
// whose rejected rows hold values starting with = + - @ is validated with the export on (the one writer the wizard
// uses); every such cell of the exported CSV starts with a single quote followed by the raw value, ordinary values
// are written unchanged (control), no cell of the file starts with = + - @, a tab or a carriage return, and the file
// still parses as RFC 4180 into one record per rejected row with the five columns. Tab- and CR-leading values are
// checked on the writer directly (the validator trims fields, so they never reach it from a file).
#include "importer/ImportValidation.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace upstream;
using namespace upstream::importer;

namespace {

const QByteArray kHeader = "claim_ref,payer,cpt,submitted_date,decided_date,outcome,allowed_amount,billed_amount,"
                           "paid_amount,payment_date,denial_reason_code,denial_reason_text\n";

// A valid paid claim with one field replaced (index as in kHeader); `value` is written as given (quote it there).
QByteArray row(int n, int replace = -1, const QByteArray &value = {})
{
    QList<QByteArray> f = {"C" + QByteArray::number(n),
                           "Aetna",
                           "99213",
                           "2024-01-02",
                           "2024-01-10",
                           "PAID",
                           "100.00",
                           "150.00",
                           "90.00",
                           "2024-01-20",
                           "",
                           ""};
    if (replace >= 0)
        f[replace] = value;
    return f.join(',') + '\n';
}

// An independent RFC 4180 reader (not the product's): fields separated by commas, records by CRLF or LF, quoted
// fields may hold commas, quotes ("") and line breaks. Returns false on a malformed file.
bool parseRfc4180(const QByteArray &in, QList<QStringList> *records)
{
    QStringList record;
    QByteArray field;
    bool quoted = false, wasQuoted = false;
    auto endField = [&] {
        record << QString::fromUtf8(field);
        field.clear();
        wasQuoted = false;
    };
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (quoted) {
            if (c == '"' && i + 1 < in.size() && in[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            if (!field.isEmpty() || wasQuoted)
                return false; // a quote inside an unquoted field
            quoted = wasQuoted = true;
        } else if (c == ',') {
            endField();
        } else if (c == '\n' || (c == '\r' && i + 1 < in.size() && in[i + 1] == '\n')) {
            if (c == '\r')
                ++i;
            endField();
            records->append(record);
            record.clear();
        } else {
            if (wasQuoted)
                return false; // text after a closing quote
            field += c;
        }
    }
    if (quoted)
        return false;
    if (!field.isEmpty() || !record.isEmpty()) {
        endField();
        records->append(record);
    }
    return true;
}

bool startsWithFormula(const QString &cell)
{
    return !cell.isEmpty() && QStringLiteral("=+-@\t\r").contains(cell.front());
}

} // namespace

class TstRejectedRowsCsvNeutralisesFormulas : public QObject {
    Q_OBJECT

private slots:
    void formulaCellsGetAQuoteOrdinaryCellsDoNot()
    {
        QTemporaryDir dir;
        const QString input = dir.filePath(QStringLiteral("claims.csv"));
        const QString output = dir.filePath(QStringLiteral("rejected.csv"));
        // Raw values as they are in the file (after CSV unquoting) → the column they were put in.
        struct Planted {
            QString raw;
            QString column;
        };
        const QList<Planted> formulas = {{QStringLiteral("=HYPERLINK(\"x\")"), QStringLiteral("submitted_date")},
                                         {QStringLiteral("+1"), QStringLiteral("submitted_date")},
                                         {QStringLiteral("-2"), QStringLiteral("submitted_date")},
                                         {QStringLiteral("@SUM(A1)"), QStringLiteral("submitted_date")},
                                         {QStringLiteral("=1+2"), QStringLiteral("allowed_amount")},
                                         {QStringLiteral("-cmd|' /C calc'!A0"), QStringLiteral("decided_date")}};
        const QList<Planted> ordinary = {{QStringLiteral("13/45/2024"), QStringLiteral("submitted_date")},
                                         {QStringLiteral("1,2,3x"), QStringLiteral("allowed_amount")}};
        QByteArray csv = kHeader;
        int n = 0;
        for (int k = 0; k < 5; ++k)
            csv += row(++n); // accepted rows around the rejected ones
        csv += row(++n, 3, "\"=HYPERLINK(\"\"x\"\")\"");
        csv += row(++n, 3, "+1");
        csv += row(++n, 3, "-2");
        csv += row(++n, 3, "@SUM(A1)");
        csv += row(++n, 6, "=1+2");
        csv += row(++n, 4, "\"-cmd|' /C calc'!A0\"");
        csv += row(++n, 3, "13/45/2024");
        csv += row(++n, 6, "\"1,2,3x\"");
        for (int k = 0; k < 3; ++k)
            csv += row(++n);
        QFile in(input);
        QVERIFY(in.open(QIODevice::WriteOnly));
        in.write(csv);
        in.close();

        ValidationOptions options;
        options.validator.importDay = daysFromCivil(2024, 6, 30);
        options.threads = 2;
        options.rejectedRowsCsvPath = output;
        auto report = validateCsvFile(input, options);
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
        QCOMPARE(report->totalRows, std::uint64_t(16));
        QCOMPARE(report->rejected, std::uint64_t(formulas.size() + ordinary.size()));
        QCOMPARE(report->accepted, std::uint64_t(8));

        QFile out(output);
        QVERIFY(out.open(QIODevice::ReadOnly));
        const QByteArray exported = out.readAll();
        QList<QStringList> records;
        QVERIFY2(parseRfc4180(exported, &records), exported.constData());
        QCOMPARE(records.size(), 1 + formulas.size() + ordinary.size()); // header + one record per rejected row
        QCOMPARE(records.front(), QStringList({QStringLiteral("row"), QStringLiteral("column"), QStringLiteral("value"),
                                               QStringLiteral("code"), QStringLiteral("message")}));
        QHash<QString, QStringList> byValue; // exported value cell → its record
        for (qsizetype r = 1; r < records.size(); ++r) {
            const QStringList &rec = records[r];
            QCOMPARE(rec.size(), 5);
            for (const QString &cell : rec)
                QVERIFY2(!startsWithFormula(cell),
                         qPrintable(QStringLiteral("cell %1 would run as a formula").arg(cell)));
            byValue.insert(rec[2], rec);
        }
        for (const Planted &p : formulas) {
            const QString expected = QLatin1Char('\'') + p.raw;
            QVERIFY2(byValue.contains(expected), qPrintable(QStringLiteral("no neutralised cell for %1").arg(p.raw)));
            QCOMPARE(byValue.value(expected)[1], p.column);
        }
        for (const Planted &p : ordinary) { // control: nothing to neutralise, written as it was
            QVERIFY2(byValue.contains(p.raw), qPrintable(QStringLiteral("ordinary value %1 changed").arg(p.raw)));
            QCOMPARE(byValue.value(p.raw)[1], p.column);
        }
        QCOMPARE(byValue.value(QStringLiteral("13/45/2024"))[3], QStringLiteral("date_unparsable"));
        QCOMPARE(byValue.value(QStringLiteral("'=1+2"))[3], QStringLiteral("amount_unparsable"));
        // Row numbers (header = 1) of the planted rows, in file order.
        QCOMPARE(records[1][0], QStringLiteral("7"));
        QCOMPARE(records.back()[0], QStringLiteral("14"));
    }

    void tabAndCarriageReturnLeadingCellsToo()
    {
        std::string out;
        Issue issue;
        issue.row = 9;
        issue.column = std::int8_t(Column::SubmittedDate);
        issue.code = IssueCode::DateUnparsable;
        issue.value = "\t=1";
        appendRejectedRowCsv(issue, out);
        issue.value = "\r=2";
        appendRejectedRowCsv(issue, out);
        issue.value = "2024-99-99";
        appendRejectedRowCsv(issue, out);
        QList<QStringList> records;
        QVERIFY2(parseRfc4180(QByteArray::fromStdString(out), &records), out.c_str());
        QCOMPARE(records.size(), 3);
        QCOMPARE(records[0][2], QStringLiteral("'\t=1"));
        QCOMPARE(records[1][2], QStringLiteral("'\r=2"));
        QCOMPARE(records[2][2], QStringLiteral("2024-99-99"));
        QCOMPARE(records[0][1], QStringLiteral("submitted_date"));
    }
};

QTEST_GUILESS_MAIN(TstRejectedRowsCsvNeutralisesFormulas)
#include "tst_rejected_rows_csv_neutralises_formulas.moc"
