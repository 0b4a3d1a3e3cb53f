// Proves: the real `upstream import` binary (QProcess) loads a file with --db and $UPSTREAM_PASSWORD into the
// signed-in analyst's only customer and prints the validate fields plus upload_id/claims_loaded as JSON (exit 0);
// an all-rejected file exits 1 with the counts and writes nothing; a viewer (no INSERT privilege) and a wrong
// password exit 1; bad usage and an unreadable file exit 2 — each failure with a one-line reason on stderr; and
// --workspace (password from $UPSTREAM_PASSWORD, device secret from the keychain) aggregates into the local cache.
// A live export's pending claims (SPEC 3) are accepted: stored with outcome PENDING and a NULL decided_date, and
// counted as "pending" in the printed and the stored report, into PostgreSQL and into a workspace alike.
#include "UpstreamSchema.h"

#include "security/SecretStore.h"
#include "workspace/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;

namespace {
struct CliRun {
    int exitCode = -1;
    QJsonObject json;
    QString out;
    QString err;
};
} // namespace

class TstImportCli : public QObject {
    Q_OBJECT
    std::optional<test::PgFixture> fx;
    std::unique_ptr<test::MigratedDatabase> db;
    QTemporaryDir dir;
    qint64 customer = 0;
    test::TestUser analyst, viewer;

    CliRun cli(const QStringList &args, const QString &password)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("UPSTREAM_PASSWORD"), password);
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(UPSTREAM_CLI_PATH), QStringList{QStringLiteral("import")} + args);
        p.waitForFinished(120000);
        CliRun r{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                 {},
                 QString::fromUtf8(p.readAllStandardOutput()),
                 QString::fromUtf8(p.readAllStandardError())};
        r.json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        return r;
    }

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = dir.filePath(name);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(content);
        return path;
    }

    qint64 claims()
    {
        auto r = db->superuser().exec("SELECT count(*) FROM upstream.claims WHERE customer_id = $1", {customer});
        return r.ok() ? r->int64(0, 0) : -1;
    }

    static void verifyOneLine(const CliRun &r)
    {
        QVERIFY2(!r.err.trimmed().isEmpty(), "a failure needs a reason on stderr");
        QVERIFY2(!r.err.trimmed().contains(QLatin1Char('\n')), qPrintable(r.err));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        fx = test::PgFixture::load();
        QVERIFY2(fx.has_value(), "the pg fixture is not running ($UPSTREAM_TEST_PG)");
        db = std::make_unique<test::MigratedDatabase>(*fx, QStringLiteral("importcli"));
        QVERIFY2(db->ok(), qPrintable(db->error()));
        customer = db->createCustomer(QStringLiteral("Cli Co")).value_or(0);
        analyst = db->createUser(customer, QStringLiteral("analyst")).value();
        viewer = db->createUser(customer, QStringLiteral("viewer")).value();
    }

    void importPrintsTheReportAndLoads()
    {
        const QString path =
            write(QStringLiteral("good.csv"), "payer;cpt;submitted_date;decided_date;outcome;allowed_amount\n"
                                              "Acme Health;99213;2026-01-05;2026-01-20;PAID;100.00\n"
                                              "Acme Health;99214;2026-01-06;2026-01-21;DENIED;50.00\n"
                                              "Beta Care;99213;2026-01-07;2026-01-22;PAID;75.25\n"
                                              ";99213;2026-01-07;2026-01-22;PAID;75.25\n");
        const CliRun r =
            cli({path, QStringLiteral("--json"), QStringLiteral("--db"), db->conninfoFor(analyst)}, analyst.password);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const char *key : {"encoding", "delimiter", "total_rows", "accepted", "rejected", "warnings", "counts",
                                "quality_score", "grade", "anomalies", "mapping", "upload_id", "claims_loaded"})
            QVERIFY2(r.json.contains(QLatin1String(key)), key);
        QCOMPARE(r.json.value(QStringLiteral("delimiter")).toString(), QStringLiteral(";"));
        QCOMPARE(r.json.value(QStringLiteral("total_rows")).toInteger(), 4);
        QCOMPARE(r.json.value(QStringLiteral("accepted")).toInteger(), 3);
        QCOMPARE(r.json.value(QStringLiteral("rejected")).toInteger(), 1);
        QCOMPARE(r.json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("missing_fields")).toInteger(),
                 1);
        QCOMPARE(r.json.value(QStringLiteral("claims_loaded")).toInteger(), 3);
        const qint64 upload = r.json.value(QStringLiteral("upload_id")).toInteger();
        QVERIFY(upload > 0);
        auto loaded = db->superuser().exec(
            "SELECT count(*) FROM upstream.claims WHERE customer_id = $1 AND upload_id = $2", {customer, upload});
        QCOMPARE(loaded->int64(0, 0), qint64(3));

        // Plain text output, same file again: warns that it was imported before; its rows have no claim_ref, so
        // they are appended again, and the output says that re-exports double count.
        const CliRun again = cli({path, QStringLiteral("--db"), db->conninfoFor(analyst)}, analyst.password);
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains(QLatin1String("imported before")), qPrintable(again.out));
        QVERIFY2(again.out.contains(QLatin1String("count them twice")), qPrintable(again.out));
        QVERIFY2(again.out.contains(QLatin1String("3 claims loaded: 3 new, 0 updated, 0 unchanged")),
                 qPrintable(again.out));
    }

    void pendingClaimsLandWithNullDecidedDate()
    {
        // A live export: two decided claims, one pending with nothing decided, one "In Process" that still carries
        // a decision date, paid amount and payment date (warned, not stored).
        const QString path = write(QStringLiteral("live.csv"),
                                   "Payer Name,CPT Code,Date Submitted,Decision Date,Claim Status,Allowed Amount,"
                                   "Paid Amount,Payment Date\r\n"
                                   "Acme Health,99213,01/05/2026,01/20/2026,Paid,100.00,100.00,01/27/2026\r\n"
                                   "Acme Health,99214,01/06/2026,01/21/2026,Denied,50.00,0.00,\r\n"
                                   "Beta Care,99213,01/07/2026,,Pending,75.25,,\r\n"
                                   "Beta Care,99215,01/08/2026,01/22/2026,In Process,80.00,80.00,01/29/2026\r\n");
        const CliRun r =
            cli({path, QStringLiteral("--json"), QStringLiteral("--db"), db->conninfoFor(analyst)}, analyst.password);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json.value(QStringLiteral("accepted")).toInteger(), 4);
        QCOMPARE(r.json.value(QStringLiteral("rejected")).toInteger(), 0);
        QCOMPARE(r.json.value(QStringLiteral("pending")).toInteger(), 2);
        QCOMPARE(r.json.value(QStringLiteral("claims_loaded")).toInteger(), 4);
        QCOMPARE(r.json.value(QStringLiteral("warnings_by_code"))
                     .toObject()
                     .value(QStringLiteral("pending_value_ignored"))
                     .toInteger(),
                 3);
        const qint64 upload = r.json.value(QStringLiteral("upload_id")).toInteger();
        QVERIFY(upload > 0);
        auto rows = db->superuser().exec(
            "SELECT outcome, decided_date IS NULL, payment_date IS NULL, paid_amount IS NULL, allowed_amount::text "
            "FROM upstream.claims WHERE customer_id = $1 AND upload_id = $2 ORDER BY submitted_date",
            {customer, upload});
        QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error().message));
        QCOMPARE(rows->rows(), 4);
        const QStringList outcomes{QStringLiteral("PAID"), QStringLiteral("DENIED"), QStringLiteral("PENDING"),
                                   QStringLiteral("PENDING")};
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(rows->text(i, 0), outcomes[i]);
            const bool pending = i >= 2;
            QCOMPARE(rows->boolean(i, 1), pending); // NULL decided_date exactly for pending claims
            if (pending) {
                QVERIFY(rows->boolean(i, 2));
                QVERIFY(rows->boolean(i, 3));
            }
        }
        QCOMPARE(rows->text(2, 4), QStringLiteral("75.25")); // amounts of a pending claim are kept
        // The stored upload report carries the count too.
        auto stored = db->superuser().exec(
            "SELECT (report->>'pending')::int FROM upstream.upload_reports WHERE customer_id = $1 AND upload_id = $2",
            {customer, upload});
        QVERIFY(stored.ok());
        QCOMPARE(stored->rows(), 1);
        QCOMPARE(stored->int64(0, 0), qint64(2));

        const CliRun text = cli({write(QStringLiteral("live2.csv"), "payer,cpt,submitted_date,decided_date,outcome\n"
                                                                    "Acme Health,99213,2026-01-09,,\n"
                                                                    "Acme Health,99213,2026-01-09,2026-01-19,PAID\n"),
                                 QStringLiteral("--db"), db->conninfoFor(analyst)},
                                analyst.password);
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        QVERIFY2(text.out.contains(QLatin1String("pending 1")) && text.out.contains(QLatin1String("rejected 0")),
                 qPrintable(text.out));
    }

    void allRejectedExitsOneAndWritesNothing()
    {
        const QString path = write(QStringLiteral("bad.csv"), "payer,cpt,submitted_date,decided_date,outcome\n"
                                                              ",99213,2026-01-05,2026-01-20,PAID\n"
                                                              "Acme Health,99213,2026-31-05,2026-01-20,PAID\n");
        const qint64 before = claims();
        const CliRun r =
            cli({path, QStringLiteral("--json"), QStringLiteral("--db"), db->conninfoFor(analyst)}, analyst.password);
        QCOMPARE(r.exitCode, 1);
        verifyOneLine(r);
        QVERIFY2(r.err.contains(QLatin1String("missing_fields 1")) && r.err.contains(QLatin1String("invalid_dates 1")),
                 qPrintable(r.err));
        QCOMPARE(r.json.value(QStringLiteral("rejected")).toInteger(), 2);
        QCOMPARE(claims(), before);
    }

    void databaseRefusalsExitOne()
    {
        const QString path = write(QStringLiteral("one.csv"), "payer,cpt,submitted_date,decided_date,outcome\n"
                                                              "Acme Health,99213,2026-01-05,2026-01-20,PAID\n");
        const qint64 before = claims();
        const CliRun asViewer = cli({path, QStringLiteral("--db"), db->conninfoFor(viewer)}, viewer.password);
        QCOMPARE(asViewer.exitCode, 1);
        verifyOneLine(asViewer);
        QVERIFY2(asViewer.err.contains(QLatin1String("permission denied"), Qt::CaseInsensitive),
                 qPrintable(asViewer.err));
        const CliRun wrongPassword =
            cli({path, QStringLiteral("--db"), db->conninfoFor(analyst)}, QStringLiteral("not-the-password"));
        QCOMPARE(wrongPassword.exitCode, 1);
        verifyOneLine(wrongPassword);
        QCOMPARE(claims(), before);
    }

    void badUsageAndUnreadableFileExitTwo()
    {
        const QString conninfo = db->conninfoFor(analyst);
        const CliRun missing =
            cli({dir.filePath(QStringLiteral("no-such.csv")), QStringLiteral("--db"), conninfo}, analyst.password);
        QCOMPARE(missing.exitCode, 2);
        verifyOneLine(missing);
        const CliRun noFile = cli({QStringLiteral("--db"), conninfo}, analyst.password);
        QCOMPARE(noFile.exitCode, 2);
        verifyOneLine(noFile);
        const CliRun both =
            cli({QStringLiteral("x.csv"), QStringLiteral("--db"), conninfo, QStringLiteral("--workspace"), dir.path()},
                analyst.password);
        QCOMPARE(both.exitCode, 2);
        verifyOneLine(both);
        const CliRun badCustomer =
            cli({QStringLiteral("x.csv"), QStringLiteral("--customer"), QStringLiteral("abc")}, analyst.password);
        QCOMPARE(badCustomer.exitCode, 2);
        verifyOneLine(badCustomer);
    }

    void workspaceImportAggregatesLocally()
    {
        // The CLI reads the device secret from the keychain under the app's own service name.
        security::SecretStore secrets;
        workspace::WorkspaceOpener opener(&secrets);
        const QString wsDir = dir.filePath(QStringLiteral("ws"));
        const QString password = QStringLiteral("synthetic workspace password");
        auto wait = [](auto start) {
            std::optional<Result<workspace::OpenedWorkspace>> out;
            start([&](Result<workspace::OpenedWorkspace> r) { out = std::move(r); });
            if (!QTest::qWaitFor([&] { return out.has_value(); }, 30000))
                return Result<workspace::OpenedWorkspace>(makeError(ErrorCode::Internal, QStringLiteral("timeout")));
            return std::move(*out);
        };
        QString id;
        {
            auto created = wait([&](auto cb) { opener.create(wsDir, password, cb); });
            QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
            id = created->id;
        }
        // Leave no device secret behind in the keychain, pass or fail.
        const auto forget = qScopeGuard([&] {
            bool removed = false;
            secrets.remove(workspace::WorkspaceOpener::deviceSecretKey(id), [&](Status) { removed = true; });
            (void)QTest::qWaitFor([&] { return removed; }, 10000);
        });
        const QString path = write(QStringLiteral("ws.csv"), "payer,cpt,submitted_date,decided_date,outcome\n"
                                                             "Acme Health,99213,2026-01-05,2026-01-20,PAID\n"
                                                             "Acme Health,99213,2026-01-05,2026-01-21,DENIED\n"
                                                             "Beta Care,99213,2026-01-06,2026-01-21,PAID\n");
        const CliRun wrong = cli({path, QStringLiteral("--workspace"), wsDir}, QStringLiteral("wrong password"));
        QCOMPARE(wrong.exitCode, 1);
        verifyOneLine(wrong);
        const CliRun r = cli({path, QStringLiteral("--workspace"), wsDir}, password);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // 3 decided rows (PAID and DENIED — reason UNSPECIFIED — on one day are two keys), 3 adjudication rows
        // (payer, submitted day, lag 15 or 16) and 2 payment rows (the PAID claims, not yet paid).
        QVERIFY2(r.out.contains(QLatin1String("3 claims aggregated into 8 daily rows")), qPrintable(r.out));
        {
            auto opened = wait([&](auto cb) { opener.open(wsDir, password, cb); });
            QVERIFY(opened.ok());
            auto q = opened->cache->db().prepare(QStringLiteral("SELECT count(*) FROM daily_aggregates"));
            QVERIFY(q.ok());
            QVERIFY(q->step().value());
            QCOMPARE(q->int64(0), qint64(8));
        }
        // A live export into the workspace: the pending claim is accepted and reported (what the aggregates hold
        // of it is the engines' business).
        const QString live = write(QStringLiteral("ws-live.csv"), "payer,cpt,submitted_date,decided_date,outcome\n"
                                                                  "Acme Health,99213,2026-01-07,2026-01-22,PAID\n"
                                                                  "Beta Care,99213,2026-01-08,,PENDING\n"
                                                                  "Beta Care,99214,2026-01-08,,\n");
        const CliRun pending = cli({live, QStringLiteral("--json"), QStringLiteral("--workspace"), wsDir}, password);
        QVERIFY2(pending.exitCode == 0, qPrintable(pending.err));
        QCOMPARE(pending.json.value(QStringLiteral("accepted")).toInteger(), 3);
        QCOMPARE(pending.json.value(QStringLiteral("rejected")).toInteger(), 0);
        QCOMPARE(pending.json.value(QStringLiteral("pending")).toInteger(), 2);
    }

    void cleanupTestCase() { db.reset(); }
};

QTEST_GUILESS_MAIN(TstImportCli)
#include "tst_import_cli.moc"
