// Proves `upstream validate FILE [--json]` (SPEC section 9): one JSON object with the documented fields, exit 0
// when rows are accepted, 1 when every row is rejected (with counts per category), 2 for an unreadable or bad
// file or bad usage (one line on stderr), --help, and that it writes nothing next to the file. A live export
// (SPEC 3) with a pending claim is accepted whole: the pending row is counted as `pending`, not rejected.
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct CliRun {
    int exitCode = -1;
    QByteArray out, err;
};

CliRun runCli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(UPSTREAM_CLI_PATH), args);
    CliRun r;
    if (!p.waitForFinished(120000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(bytes);
    return path;
}

} // namespace

class TestValidateCliJson : public QObject {
    Q_OBJECT
private slots:
    void jsonReportHasTheDocumentedFields()
    {
        QTemporaryDir dir;
        const QString path =
            writeFile(dir, QStringLiteral("claims.csv"),
                      "Payer Name;CPT Code;Date Submitted;decided_date;status;allowed_amount;Member ID\r\n"
                      "Aetna;99213;2024-01-02;2024-01-05;PAID;10.00;x\r\n"
                      "Cigna;99214;2024-01-02;2024-01-05;DENIED;12.00;y\r\n"
                      ";99214;2024-01-02;2024-01-05;DENIED;12.00;y\r\n"
                      "Humana;99214;2024-13-02;2024-01-05;DENIED;12.00;y\r\n"
                      "Humana;99214;2024-01-02;2024-01-05;maybe;abc;y\r\n");
        const QStringList before = QDir(dir.path()).entryList(QDir::Files);
        const CliRun r = runCli({QStringLiteral("validate"), QStringLiteral("--json"), path});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count('\n'), 1); // one JSON object on one line
        QJsonParseError error{};
        const QJsonObject o = QJsonDocument::fromJson(r.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(o.value(QStringLiteral("encoding")).toString(), QStringLiteral("utf-8"));
        QCOMPARE(o.value(QStringLiteral("delimiter")).toString(), QStringLiteral(";"));
        QCOMPARE(o.value(QStringLiteral("total_rows")).toInt(), 5);
        QCOMPARE(o.value(QStringLiteral("accepted")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("rejected")).toInt(), 3);
        QVERIFY(o.value(QStringLiteral("pending")).isDouble());
        QCOMPARE(o.value(QStringLiteral("pending")).toInt(), 0); // "maybe" is OTHER, not pending
        QVERIFY(o.contains(QStringLiteral("warnings")));
        const QJsonObject counts = o.value(QStringLiteral("counts")).toObject();
        QCOMPARE(counts.value(QStringLiteral("missing_fields")).toInt(), 1);
        QCOMPARE(counts.value(QStringLiteral("phi_detections")).toInt(), 0);
        QCOMPARE(counts.value(QStringLiteral("invalid_dates")).toInt(), 1);
        QCOMPARE(counts.value(QStringLiteral("invalid_values")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("quality_score")).toDouble(), 0.4);
        QCOMPARE(o.value(QStringLiteral("grade")).toString(), QStringLiteral("F"));
        QVERIFY(o.value(QStringLiteral("anomalies")).isArray());
        const QJsonObject mapping = o.value(QStringLiteral("mapping")).toObject();
        QCOMPARE(mapping.value(QStringLiteral("payer")).toString(), QStringLiteral("Payer Name"));
        QCOMPARE(mapping.value(QStringLiteral("cpt")).toString(), QStringLiteral("CPT Code"));
        QCOMPARE(mapping.value(QStringLiteral("outcome")).toString(), QStringLiteral("status"));
        QVERIFY(!mapping.contains(QStringLiteral("claim_ref")));
        const QJsonArray dropped = o.value(QStringLiteral("dropped_columns")).toArray();
        QCOMPARE(dropped.size(), 1);
        QVERIFY(dropped[0].toObject().value(QStringLiteral("suspicious")).toBool());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), before); // writes nothing
    }

    void liveExportWithPendingClaimIsAcceptedWhole()
    {
        // The shape billing systems write: their own header names (`Claim Status`, `Decision Date`, ...), US
        // dates, dollar amounts with thousands separators, CRLF, and a claim that is still pending (no decision
        // date, paid 0.00).
        QTemporaryDir dir;
        const QString path = writeFile(
            dir, QStringLiteral("export.csv"),
            "Claim Number,Payer Name,CPT Code,Date Submitted,Decision Date,Claim Status,Allowed Amount,Billed Amount,"
            "Paid Amount,Payment Date,Denial Code,Denial Reason\r\n"
            "CLM-1001,Aetna,99213,03/04/2024,03/18/2024,Paid,\"$1,120.00\",\"$1,400.00\",\"$1,120.00\",03/25/2024,,\r\n"
            "CLM-1002,Cigna,99214,03/05/2024,03/20/2024,Partially Paid,$180.00,$240.00,$90.00,03/28/2024,,\r\n"
            "CLM-1003,Aetna,80053,03/05/2024,03/21/2024,Approved,$45.00,$60.00,$45.00,04/01/2024,,\r\n"
            "CLM-1004,Humana,99214,03/06/2024,03/22/2024,Denied,$0.00,$240.00,$0.00,,CO-197,Precertification "
            "absent\r\n"
            "CLM-1005,Cigna,99215,03/07/2024,,Pending,$210.00,$310.00,$0.00,,,\r\n");
        const CliRun r = runCli({QStringLiteral("validate"), QStringLiteral("--json"), path});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("total_rows")).toInt(), 5);
        QCOMPARE(o.value(QStringLiteral("accepted")).toInt(), 5);
        QCOMPARE(o.value(QStringLiteral("pending")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("rejected")).toInt(), 0);
        QCOMPARE(o.value(QStringLiteral("grade")).toString(), QStringLiteral("A+"));
        QCOMPARE(o.value(QStringLiteral("quality_score")).toDouble(), 1.0);
        QVERIFY(o.value(QStringLiteral("passes")).toBool());
        QCOMPARE(o.value(QStringLiteral("mapping")).toObject().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("Claim Status"));
        // Pending is no warning and no anomaly (no outcome shift, no missing decision dates).
        QVERIFY2(o.value(QStringLiteral("warnings_by_code")).toObject().isEmpty(), r.out.constData());
        QVERIFY2(o.value(QStringLiteral("anomalies")).toArray().isEmpty(), r.out.constData());

        const CliRun text = runCli({QStringLiteral("validate"), path});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("accepted 5, rejected 0") && text.out.contains("pending 1"), text.out.constData());
    }

    void textOutputWithoutJson()
    {
        QTemporaryDir dir;
        const QString path =
            writeFile(dir, QStringLiteral("c.csv"),
                      "payer\tcpt\tsubmitted_date\tdecided_date\toutcome\nA\t99213\t2024-01-02\t2024-01-05\tPAID\n");
        const CliRun r = runCli({QStringLiteral("validate"), path});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("delimiter tab"));
        QVERIFY(r.out.contains("accepted 1"));
        QVERIFY(r.out.contains("grade A+"));
    }

    void everyRowRejectedExitsOneWithCounts()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("bad-rows.csv"),
                                       "payer,cpt,submitted_date,decided_date,outcome\n"
                                       ",99213,2024-01-02,2024-01-05,PAID\n"
                                       "John Smith,99213,2024-01-02,2024-01-05,PAID\n"
                                       "A,99213,soon,2024-01-05,PAID\n");
        const CliRun r = runCli({QStringLiteral("validate"), QStringLiteral("--json"), path});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("accepted")).toInt(), 0);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains("every row was rejected") && r.err.contains("missing_fields 1") &&
                     r.err.contains("phi_detections 1") && r.err.contains("invalid_dates 1"),
                 r.err.constData());
        QVERIFY(!r.err.contains("Smith") && !r.out.contains("Smith"));
    }

    void badInputExitsTwoWithOneLine_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("reason");
        QTest::newRow("empty") << QByteArray() << QByteArray("empty");
        QTest::newRow("header only") << QByteArray("payer,cpt,submitted_date,decided_date,outcome\n")
                                     << QByteArray("no data rows");
        QTest::newRow("missing columns") << QByteArray("payer,cpt\nA,1\n") << QByteArray("missing required columns");
        QTest::newRow("unterminated quote")
            << QByteArray("payer,cpt,submitted_date,decided_date,outcome\n\"A,99213,2024-01-02,2024-01-05,PAID\n")
            << QByteArray("unterminated quote");
    }
    void badInputExitsTwoWithOneLine()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, reason);
        QTemporaryDir dir;
        const CliRun r = runCli(
            {QStringLiteral("validate"), QStringLiteral("--json"), writeFile(dir, QStringLiteral("x.csv"), bytes)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains(reason), r.err.constData());
    }

    void usageErrorsExitTwo()
    {
        QCOMPARE(runCli({QStringLiteral("validate")}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("validate"), QStringLiteral("a.csv"), QStringLiteral("b.csv")}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("validate"), QStringLiteral("--bogus"), QStringLiteral("a.csv")}).exitCode, 2);
        const CliRun missing = runCli({QStringLiteral("validate"), QStringLiteral("/nonexistent/claims.csv")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains("cannot open"));
        const CliRun help = runCli({QStringLiteral("validate"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--json"));
    }
};

QTEST_GUILESS_MAIN(TestValidateCliJson)
#include "tst_validate_cli_json.moc"
