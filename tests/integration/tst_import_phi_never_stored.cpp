// Proves: a file carrying PHI — SSNs and patient names in payer, emails, phone numbers and SSNs in the denial reason
// text, a patient-name column — imported through the real CLI is handled as SPEC section 5 says (PHI in payer
// rejects the row; PHI in reason text is blanked and the row kept; the suspicious column is dropped), and none of
// the matched values appears in any text column of the database, in the stored report, in the CLI output or in
// the log files.
#include "UpstreamSchema.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;

class TstImportPhiNeverStored : public QObject {
    Q_OBJECT
    std::optional<test::PgFixture> fx;
    std::unique_ptr<test::MigratedDatabase> db;
    QTemporaryDir dir;
    qint64 customer = 0;
    test::TestUser analyst;

    // Every PHI value planted in the file (all invented).
    const QStringList phiValues{QStringLiteral("123-45-6789"),   QStringLiteral("John Smith"),
                                QStringLiteral("Maria Garcia"),  QStringLiteral("jane.doe@example.com"),
                                QStringLiteral("555-867-5309"),  QStringLiteral("987-65-4321"),
                                QStringLiteral("Linda Johnson"), QStringLiteral("robert.brown@example.org"),
                                QStringLiteral("(555) 123-4567")};

    // Text, varchar and jsonb columns of every table outside the system schemas.
    QStringList textColumns()
    {
        auto r = db->superuser().exec(
            "SELECT format('%I.%I', table_schema, table_name), format('%I', column_name) "
            "FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name) "
            "WHERE t.table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') "
            "AND c.data_type IN ('text', 'character varying', 'jsonb', 'json', 'character')");
        QStringList out;
        for (int i = 0; r.ok() && i < r->rows(); ++i)
            out << r->text(i, 0) + QLatin1Char('|') + r->text(i, 1);
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        fx = test::PgFixture::load();
        QVERIFY2(fx.has_value(), "the pg fixture is not running ($UPSTREAM_TEST_PG)");
        db = std::make_unique<test::MigratedDatabase>(*fx, QStringLiteral("importphi"));
        QVERIFY2(db->ok(), qPrintable(db->error()));
        customer = db->createCustomer(QStringLiteral("Phi Co")).value_or(0);
        analyst = db->createUser(customer, QStringLiteral("analyst")).value();
    }

    void phiIsRejectedOrBlankedAndStoredNowhere()
    {
        const QByteArray csv =
            "payer,cpt,submitted_date,decided_date,outcome,allowed_amount,denial_reason_text,patient_name\n"
            "Acme Health,99213,2026-01-05,2026-01-20,PAID,10.00,,Linda Johnson\n"
            "123-45-6789,99213,2026-01-05,2026-01-20,PAID,10.00,,\n"
            "John Smith,99213,2026-01-05,2026-01-20,PAID,10.00,,\n"
            "Maria Garcia,99213,2026-01-05,2026-01-20,DENIED,10.00,,\n"
            "Acme Health,99214,2026-01-06,2026-01-21,DENIED,20.00,contact jane.doe@example.com,\n"
            "Acme Health,99214,2026-01-06,2026-01-21,DENIED,20.00,call 555-867-5309 for details,\n"
            "Beta Care,99214,2026-01-06,2026-01-21,DENIED,20.00,member ssn 987-65-4321,\n"
            "Beta Care,99214,2026-01-06,2026-01-21,DENIED,20.00,fax (555) 123-4567 robert.brown@example.org,\n"
            "Beta Care,99215,2026-01-07,2026-01-22,DENIED,30.00,not medically necessary,\n";
        for (const QString &v : phiValues)
            QVERIFY2(csv.contains(v.toUtf8()), "the fixture must carry every value it checks for");
        const QString path = dir.filePath(QStringLiteral("claims.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(csv);
        f.close();

        const QString dataHome = dir.filePath(QStringLiteral("data"));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("UPSTREAM_PASSWORD"), analyst.password);
        env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(UPSTREAM_CLI_PATH), {QStringLiteral("import"), path, QStringLiteral("--json"),
                                                    QStringLiteral("--db"), db->conninfoFor(analyst)});
        QVERIFY(p.waitForFinished(120000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitCode() == 0, qPrintable(err));
        const QJsonObject report = QJsonDocument::fromJson(out.toUtf8()).object();
        QCOMPARE(report.value(QStringLiteral("total_rows")).toInteger(), 9);
        QCOMPARE(report.value(QStringLiteral("rejected")).toInteger(), 3); // SSN and two patient names in payer
        QCOMPARE(report.value(QStringLiteral("accepted")).toInteger(), 6);
        QCOMPARE(report.value(QStringLiteral("counts")).toObject().value(QStringLiteral("phi_detections")).toInteger(),
                 3);

        // Blanked, not rejected: the four rows with PHI in the reason text are stored without it.
        auto blanked = db->superuser().exec("SELECT count(*) FILTER (WHERE denial_reason_text IS NULL), "
                                            "count(*) FILTER (WHERE denial_reason_text = 'not medically necessary') "
                                            "FROM upstream.claims WHERE customer_id = $1 AND outcome = 'DENIED'",
                                            {customer});
        QVERIFY(blanked.ok());
        QCOMPARE(blanked->int64(0, 0), qint64(4));
        QCOMPARE(blanked->int64(0, 1), qint64(1));

        const QStringList columns = textColumns();
        QVERIFY2(columns.contains(QStringLiteral("upstream.claims|payer")), qPrintable(columns.join(u',')));
        QVERIFY(columns.contains(QStringLiteral("upstream.upload_reports|report")));
        QVERIFY(columns.contains(QStringLiteral("upstream.audit_log|details")));
        for (const QString &column : columns) {
            const QStringList parts = column.split(QLatin1Char('|'));
            const QString sql = QStringLiteral("SELECT count(*) FROM %1 WHERE strpos(lower(%2::text), lower($1)) > 0")
                                    .arg(parts[0], parts[1]);
            for (const QString &value : phiValues) {
                auto hits = db->superuser().exec(sql, {value});
                QVERIFY2(hits.ok(), qPrintable(hits.ok() ? QString() : hits.error().message));
                QVERIFY2(hits->int64(0, 0) == 0, qPrintable(QStringLiteral("PHI found in %1").arg(column)));
            }
        }
        // The positive control: the same scan finds a non-PHI value that was loaded.
        auto control = db->superuser().exec("SELECT count(*) FROM upstream.claims WHERE strpos(lower(payer::text), "
                                            "lower($1)) > 0",
                                            {QStringLiteral("Beta Care")});
        QCOMPARE(control->int64(0, 0), qint64(3));

        int logFiles = 0;
        QDirIterator it(dataHome, QDir::Files, QDirIterator::Subdirectories);
        QStringList outputs{out, err};
        while (it.hasNext()) {
            QFile log(it.next());
            QVERIFY(log.open(QIODevice::ReadOnly));
            outputs << QString::fromUtf8(log.readAll());
            ++logFiles;
        }
        QVERIFY2(logFiles > 0, "the CLI must have written its log under XDG_DATA_HOME");
        QVERIFY2(outputs.join(QString()).contains(QLatin1String("import")), "the log must mention the import");
        for (const QString &text : outputs)
            for (const QString &value : phiValues)
                QVERIFY2(!text.contains(value, Qt::CaseInsensitive), qPrintable(QStringLiteral("PHI in output")));
    }

    void cleanupTestCase() { db.reset(); }
};

QTEST_GUILESS_MAIN(TstImportPhiNeverStored)
#include "tst_import_phi_never_stored.moc"
