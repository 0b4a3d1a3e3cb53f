// Proves: the ledger CSV and PDF-report exports carry only ledger columns, pass notes (and payer) through the PHI
// redaction so a typed SSN, phone number or e-mail address leaves as "[PHI:<type>]", escape CSV per RFC 4180, and
// neutralise spreadsheet formulas.
#include "ledger/LedgerExport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;
using namespace upstream::ledger;

class TstLedgerExportRedactsPhi : public QObject {
    Q_OBJECT

    static std::vector<LedgerEntry> entries()
    {
        LedgerEntry a;
        a.id = QStringLiteral("e1");
        a.product = QStringLiteral("delayguard");
        a.payer = QStringLiteral("Harbor, \"Synthetic\" Plan");
        a.expectedCents = 123456;
        a.recoveredCents = 100000;
        a.recoveredDate = QDate(2026, 11, 3);
        a.state = LedgerState::Recovered;
        a.owner = QStringLiteral("ana");
        a.notes = QStringLiteral("Caller SSN 123-45-6789, call back 555-867-5309\nor mail j.doe@example.org");
        a.version = 3;
        LedgerEntry b;
        b.id = QStringLiteral("e2");
        b.product = QStringLiteral("driftwatch");
        b.payer = QStringLiteral("Plain Payer");
        b.notes = QStringLiteral("=HYPERLINK(\"http://x\")");
        return {a, b};
    }

private slots:
    void csvRedactsAndEscapes()
    {
        const QString csv = exportCsv(entries());
        const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3); // header + 2: the note's newline did not split the row
        QVERIFY(lines[0].startsWith(QLatin1String("id,product,payer,state,expected_usd,recovered_usd")));
        QVERIFY(!csv.contains(QLatin1String("123-45-6789")));
        QVERIFY(!csv.contains(QLatin1String("867-5309")));
        QVERIFY(!csv.contains(QLatin1String("j.doe@example.org")));
        QVERIFY(csv.contains(QLatin1String("[PHI:ssn]")));
        QVERIFY(csv.contains(QLatin1String("[PHI:email]")));
        QVERIFY(lines[1].contains(QLatin1String("\"Harbor, \"\"Synthetic\"\" Plan\"")));
        QVERIFY(lines[1].contains(QLatin1String(",1234.56,1000.00,2026-11-03,")));
        QVERIFY(lines[2].contains(QLatin1String("\"'=HYPERLINK(\"\"http://x\"\")\"")) ||
                lines[2].contains(QLatin1String("'=HYPERLINK")));
        QVERIFY(!lines[2].contains(QLatin1String(",=HYPERLINK")));
    }

    void csvFileIsWrittenWhole()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("ledger.csv"));
        QVERIFY(writeCsvFile(path, entries()).ok());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(f.readAll()), exportCsv(entries()));
        QVERIFY(!writeCsvFile(tmp.filePath(QStringLiteral("no/such/dir/x.csv")), entries()).ok());
    }

    void htmlReportRedactsAndTotals()
    {
        LedgerTotals t = computeTotals(entries(), QDate(2026, 11, 20));
        const QString html = exportHtmlReport(entries(), t, QDateTime(QDate(2026, 11, 20), QTime(10, 0)));
        QVERIFY(!html.contains(QLatin1String("123-45-6789")));
        QVERIFY(html.contains(QLatin1String("[PHI:ssn]")));
        QVERIFY(html.contains(QLatin1String("$1,000.00"))); // recovered this month
        QVERIFY(html.contains(QLatin1String("Harbor, &quot;Synthetic&quot; Plan")));
        QVERIFY(html.contains(QLatin1String("2 entries")));
    }
};

QTEST_GUILESS_MAIN(TstLedgerExportRedactsPhi)
#include "tst_ledger_export_redacts_phi.moc"
