// Proves: an import as an analyst is complete and atomic. The claims, the upload row, its report and the audit row
// all match the validation report (values round-trip exactly through the binary COPY); a cancel midway, a lost
// connection midway and a row the database refuses midway each leave nothing behind; a file whose rows are all
// rejected fails with counts per category and writes nothing; a second import of the same file warns.
#include "UpstreamSchema.h"

#include "demo/DemoDataGenerator.h"
#include "importer/ClaimImporter.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;
using importer::ClaimImporter;
using importer::ImportOptions;
using storage::PgConnection;

class TstImportAtomicAndComplete : public QObject {
    Q_OBJECT
    std::optional<test::PgFixture> fx;
    std::unique_ptr<test::MigratedDatabase> db;
    QTemporaryDir dir;
    qint64 customer = 0;
    test::TestUser analyst;
    QString bigFile;

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(content);
        return path;
    }

    ImportOptions options(std::size_t blockBytes = std::size_t(4) << 20)
    {
        ImportOptions o;
        o.customerId = customer;
        o.workstation = QStringLiteral("test-ws");
        o.validation.validator.importDay = std::int32_t(QDate(1970, 1, 1).daysTo(QDate::currentDate()));
        o.validation.limits.blockBytes = blockBytes;
        o.validation.threads = 2;
        return o;
    }

    qint64 count(const char *sql)
    {
        auto r = db->superuser().exec(sql, {customer});
        return r.ok() ? r->int64(0, 0) : -1;
    }

    // Rows of every table an import writes, for this customer.
    QList<qint64> footprint()
    {
        return {count("SELECT count(*) FROM upstream.claims WHERE customer_id = $1"),
                count("SELECT count(*) FROM upstream.uploads WHERE customer_id = $1"),
                count("SELECT count(*) FROM upstream.upload_reports WHERE customer_id = $1"),
                count("SELECT count(*) FROM upstream.audit_log WHERE customer_id = $1")};
    }

    // The connection is idle again (no transaction or COPY left open) and still usable.
    void verifyIdle(PgConnection &c)
    {
        auto r = c.exec("SELECT 1");
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        fx = test::PgFixture::load();
        QVERIFY2(fx.has_value(), "the pg fixture is not running ($UPSTREAM_TEST_PG)");
        db = std::make_unique<test::MigratedDatabase>(*fx, QStringLiteral("import"));
        QVERIFY2(db->ok(), qPrintable(db->error()));
        customer = db->createCustomer(QStringLiteral("Import Co")).value_or(0);
        QVERIFY(customer > 0);
        analyst = db->createUser(customer, QStringLiteral("analyst")).value();
        demo::DemoConfig config;
        config.rows = 20000;
        config.seed = 7;
        config.asOf = QDate::currentDate();
        bigFile = dir.filePath(QStringLiteral("demo.csv"));
        QVERIFY(demo::DemoDataGenerator(config).writeCsv(bigFile).ok());
    }

    void importWritesClaimsUploadReportAndAuditMatchingTheReport()
    {
        const QString path =
            write(QStringLiteral("small.csv"),
                  "payer,cpt,submitted_date,decided_date,outcome,allowed_amount,payment_date,denial_reason_code\n"
                  "Acme Health,99213,2026-01-05,2026-01-20,PAID,0.05,2026-01-25,\n"
                  "Acme Health,99214,01/06/2026,2026-01-21,DENIED,12345.67,,CO-45\n"
                  "Beta Care,J1234,2026/01/07,2026-01-22,APPROVED,10000.00,,\n"
                  "Beta Care,99213,2026-01-08,2026-01-23,PAID,999999.99,,\n"
                  "Beta Care,99213,2026-01-09,2026-01-24,PAID,,,\n"
                  ",99213,2026-01-09,2026-01-24,PAID,1.00,,\n"             // missing payer → rejected
                  "Gamma Plan,99213,2026-13-45,2026-01-24,PAID,1.00,,\n"); // invalid date → rejected
        auto conn = db->connectAs(analyst);
        QVERIFY(conn.ok());
        auto r = ClaimImporter::importToPostgres(*conn, path, options());
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->report.accepted, std::uint64_t(5));
        QCOMPARE(r->report.rejected, std::uint64_t(2));
        QCOMPARE(r->claimsLoaded, std::uint64_t(5));
        QVERIFY(!r->report.duplicateFile);
        verifyIdle(*conn);

        auto claims = db->superuser().exec(
            "SELECT string_agg(concat_ws('|', payer, cpt, cpt_group, submitted_date, decided_date, outcome, "
            "coalesce(allowed_amount::text, '-'), coalesce(payment_date::text, '-'), "
            "coalesce(denial_reason_code, '-')), ';' ORDER BY submitted_date) FROM upstream.claims "
            "WHERE customer_id = $1 AND upload_id = $2",
            {customer, r->uploadId});
        QVERIFY(claims.ok());
        QCOMPARE(claims->text(0, 0),
                 // No CPT-group mapping: the default grouping (E&M, HCPCS J codes = DRUGS).
                 QStringLiteral("Acme Health|99213|E&M|2026-01-05|2026-01-20|PAID|0.05|2026-01-25|-;"
                                "Acme Health|99214|E&M|2026-01-06|2026-01-21|DENIED|12345.67|-|CO-45;"
                                "Beta Care|J1234|DRUGS|2026-01-07|2026-01-22|PAID|10000.00|-|-;"
                                "Beta Care|99213|E&M|2026-01-08|2026-01-23|PAID|999999.99|-|-;"
                                "Beta Care|99213|E&M|2026-01-09|2026-01-24|PAID|-|-|-"));
        auto upload = db->superuser().exec(
            "SELECT total_rows, accepted_rows, rejected_rows, encode(sha256, 'hex'), file_name, uploaded_by "
            "FROM upstream.uploads WHERE customer_id = $1 AND upload_id = $2",
            {customer, r->uploadId});
        QVERIFY(upload.ok());
        QCOMPARE(upload->rows(), 1);
        QCOMPARE(upload->int64(0, 0), qint64(7));
        QCOMPARE(upload->int64(0, 1), qint64(5));
        QCOMPARE(upload->int64(0, 2), qint64(2));
        QCOMPARE(upload->text(0, 3), QString::fromLatin1(r->report.fileSha256.toHex()));
        QCOMPARE(upload->text(0, 4), QStringLiteral("small.csv"));
        QCOMPARE(upload->text(0, 5), analyst.login);
        auto report = db->superuser().exec(
            "SELECT (report->>'accepted')::bigint, (report->>'rejected')::bigint, "
            "(report->'counts'->>'missing_fields')::bigint, (report->'counts'->>'invalid_dates')::bigint "
            "FROM upstream.upload_reports WHERE customer_id = $1 AND upload_id = $2",
            {customer, r->uploadId});
        QVERIFY(report.ok());
        QCOMPARE(report->rows(), 1);
        QCOMPARE(report->int64(0, 0), qint64(5));
        QCOMPARE(report->int64(0, 1), qint64(2));
        QCOMPARE(report->int64(0, 2), qint64(1));
        QCOMPARE(report->int64(0, 3), qint64(1));
        auto audit = db->superuser().exec("SELECT actor, workstation, (details->>'upload_id')::bigint, "
                                          "(details->>'accepted')::bigint FROM upstream.audit_log "
                                          "WHERE customer_id = $1 AND action = 'import'",
                                          {customer});
        QVERIFY(audit.ok());
        QCOMPARE(audit->rows(), 1);
        QCOMPARE(audit->text(0, 0), analyst.login);
        QCOMPARE(audit->text(0, 1), QStringLiteral("test-ws"));
        QCOMPARE(audit->int64(0, 2), r->uploadId);
        QCOMPARE(audit->int64(0, 3), qint64(5));
    }

    void textAndBinaryCopyStoreTheSameValues()
    {
        const QString path = write(QStringLiteral("escapes.csv"),
                                   "payer,cpt,submitted_date,decided_date,outcome,allowed_amount,billed_amount,"
                                   "denial_reason_code,denial_reason_text,claim_ref\n"
                                   "Acme Health,99213,2026-01-05,2026-01-20,DENIED,0.00,1000000.00,co-45,"
                                   "\"back\\slash and\ttab\",REF-1\n"
                                   "Acme Health,99213,2024-02-29,2024-03-01,DENIED,7.10,,,plain text,REF-2\n"
                                   "Beta Care,99213,2026-01-06,,PENDING,12.00,,,,REF-3\n");
        auto conn = db->connectAs(analyst);
        QVERIFY(conn.ok());
        QString stored[2];
        for (int i = 0; i < 2; ++i) {
            ImportOptions o = options();
            o.copyFormat = i == 0 ? importer::CopyFormat::Binary : importer::CopyFormat::Text;
            auto r = ClaimImporter::importToPostgres(*conn, path, o);
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
            QCOMPARE(r->claimsLoaded, std::uint64_t(3));
            // Both COPY formats write a pending claim's missing decided date as NULL.
            auto pending = db->superuser().exec(
                "SELECT count(*) FILTER (WHERE outcome = 'PENDING' AND decided_date IS NULL), count(*) FILTER "
                "(WHERE decided_date IS NULL) FROM upstream.claims WHERE customer_id = $1 AND upload_id = $2",
                {customer, r->uploadId});
            QVERIFY(pending.ok());
            QCOMPARE(pending->int64(0, 0), qint64(1));
            QCOMPARE(pending->int64(0, 1), qint64(1));
            auto rows = db->superuser().exec(
                "SELECT string_agg(concat_ws('|', submitted_date, allowed_amount, billed_amount, denial_reason_code, "
                "denial_reason_text, encode(claim_ref_hmac, 'hex')), ';' ORDER BY submitted_date) "
                "FROM upstream.claims WHERE customer_id = $1 AND upload_id = $2",
                {customer, r->uploadId});
            QVERIFY(rows.ok());
            stored[i] = rows->text(0, 0);
            // The rows carry claim_refs: without this the second import would find them all unchanged.
            QVERIFY(db->superuser().exec("DELETE FROM upstream.claims WHERE customer_id = $1", {customer}).ok());
        }
        QCOMPARE(stored[1], stored[0]); // (concat_ws skips NULLs: the second row has no billed amount or code)
        QVERIFY2(stored[0].startsWith(QStringLiteral("2024-02-29|7.10|plain text|")), qPrintable(stored[0]));
        QVERIFY2(stored[0].contains(QStringLiteral("2026-01-05|0.00|1000000.00|CO-45|back\\slash and\ttab|")),
                 qPrintable(stored[0]));
        QVERIFY2(stored[0].contains(QStringLiteral(";2026-01-06|12.00|")), qPrintable(stored[0]));
        QCOMPARE(stored[0].count(QRegularExpression(QStringLiteral("\\|[0-9a-f]{64}(;|$)"))), 3);
    }

    void largeImportLoadsEveryAcceptedRow()
    {
        auto conn = db->connectAs(analyst);
        QVERIFY(conn.ok());
        const auto before = footprint();
        auto r = ClaimImporter::importToPostgres(*conn, bigFile, options(64 * 1024));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY(r->report.accepted > 19000);
        QCOMPARE(r->claimsLoaded, r->report.accepted);
        const auto after = footprint();
        QCOMPARE(after[0] - before[0], qint64(r->report.accepted));
        QCOMPARE(after[1] - before[1], qint64(1));
        QCOMPARE(after[2] - before[2], qint64(1));
        QCOMPARE(after[3] - before[3], qint64(2)); // the importer's 'import' row and the server's 'upload.insert'
    }

    void secondImportOfTheSameFileWarns()
    {
        auto conn = db->connectAs(analyst);
        QVERIFY(conn.ok());
        auto r = ClaimImporter::importToPostgres(*conn, bigFile, options());
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY(r->report.duplicateFile);
    }

    void cancelMidwayLeavesNothing()
    {
        auto conn = db->connectAs(analyst);
        QVERIFY(conn.ok());
        const auto before = footprint();
        ImportOptions o = options(64 * 1024);
        int calls = 0;
        std::uint64_t rowsAtCancel = 0;
        o.validation.progress = [&](std::uint64_t, std::uint64_t, std::uint64_t rows) {
            rowsAtCancel = rows;
            return ++calls < 5;
        };
        auto r = ClaimImporter::importToPostgres(*conn, bigFile, o);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
        QVERIFY2(rowsAtCancel > 0 && rowsAtCancel < 20000, "the cancel must come midway");
        QCOMPARE(footprint(), before);
        verifyIdle(*conn);
    }

    void lostConnectionMidwayLeavesNothing()
    {
        auto conn = db->connectAs(analyst);
        QVERIFY(conn.ok());
        const qint64 pid = conn->exec("SELECT pg_backend_pid()")->int64(0, 0);
        const auto before = footprint();
        ImportOptions o = options(64 * 1024);
        int calls = 0;
        o.validation.progress = [&](std::uint64_t, std::uint64_t, std::uint64_t) {
            if (++calls == 3)
                (void)db->superuser().exec("SELECT pg_terminate_backend($1)", {pid});
            return true;
        };
        auto r = ClaimImporter::importToPostgres(*conn, bigFile, o);
        QVERIFY(!r.ok());
        QVERIFY(r.error().code != ErrorCode::Cancelled);
        QVERIFY(calls >= 3);
        QCOMPARE(footprint(), before);
    }

    void rowRefusedByTheDatabaseLeavesNothing()
    {
        // A trigger refuses one claim: the failure comes after the upload row was written, inside the transaction.
        QVERIFY(db->superuser()
                    .execScript(QStringLiteral(
                        "CREATE FUNCTION public.refuse_claim() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                        "IF NEW.payer = 'Refused Plan' THEN RAISE EXCEPTION 'refused for the test'; END IF; "
                        "RETURN NEW; END $$; CREATE TRIGGER refuse_claim BEFORE INSERT ON upstream.claims "
                        "FOR EACH ROW EXECUTE FUNCTION public.refuse_claim()"))
                    .ok());
        QByteArray csv = "payer,cpt,submitted_date,decided_date,outcome,allowed_amount\n";
        for (int i = 0; i < 5000; ++i)
            csv += (i == 4000 ? QByteArray("Refused Plan") : QByteArray("Delta Health")) +
                   ",99213,2026-02-01,2026-02-10,PAID,10.00\n";
        const QString path = write(QStringLiteral("refused.csv"), csv);
        auto conn = db->connectAs(analyst);
        QVERIFY(conn.ok());
        const auto before = footprint();
        auto r = ClaimImporter::importToPostgres(*conn, path, options());
        (void)db->superuser().execScript(
            QStringLiteral("DROP TRIGGER refuse_claim ON upstream.claims; DROP FUNCTION public.refuse_claim()"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QLatin1String("refused for the test")), qPrintable(r.error().message));
        QCOMPARE(footprint(), before);
        verifyIdle(*conn);
    }

    void allRejectedFileFailsWithCountsAndWritesNothing()
    {
        const QString path =
            write(QStringLiteral("bad.csv"), "payer,cpt,submitted_date,decided_date,outcome,allowed_amount\n"
                                             ",99213,2026-01-05,2026-01-20,PAID,1.00\n"
                                             "Acme Health,99213,2026-99-05,2026-01-20,PAID,1.00\n"
                                             "Acme Health,99213,2026-01-05,2026-01-20,PAID,abc\n"
                                             "Acme Health,99213,2026-01-05,2026-01-20,PAID,abc\n");
        auto conn = db->connectAs(analyst);
        QVERIFY(conn.ok());
        const auto before = footprint();
        importer::ValidationReport report;
        auto r = ClaimImporter::importToPostgres(*conn, path, options(), &report);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::InvalidInput);
        QVERIFY2(r.error().message.contains(QLatin1String("missing_fields 1")), qPrintable(r.error().message));
        QVERIFY2(r.error().message.contains(QLatin1String("invalid_dates 1")), qPrintable(r.error().message));
        QVERIFY2(r.error().message.contains(QLatin1String("invalid_values 2")), qPrintable(r.error().message));
        QCOMPARE(report.rejected, std::uint64_t(4));
        QCOMPARE(footprint(), before);
        verifyIdle(*conn);
    }

    void cleanupTestCase() { db.reset(); }
};

QTEST_GUILESS_MAIN(TstImportAtomicAndComplete)
#include "tst_import_atomic_and_complete.moc"
