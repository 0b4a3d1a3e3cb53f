// Proves: `upstream migrate` brings an empty database to the current schema version, a second run is a no-op, two
// concurrent runs apply each migration once, a failing migration leaves the database at the previous version, a
// database newer than the code is refused with a clear message (library and CLI, exit 1), and only a superuser
// may apply migrations. Migration 4 over a version-3 database with claims in it: pending claims (no
// decided_date) become storable and only they may lack a decided date.
#include "TestPg.h"
#include "UpstreamSchema.h"

#include "storage/pg/Migrator.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include <algorithm>
#include <thread>

using namespace upstream;
using storage::Migrator;
using storage::PgConnection;

namespace {

QString conninfo(const test::PgFixture &fx, const QString &db, const QString &user)
{
    return QStringLiteral("host=%1 hostaddr=%2 port=%3 dbname=%4 user=%5 sslmode=verify-full sslrootcert=%6")
        .arg(fx.host, fx.hostaddr)
        .arg(fx.port)
        .arg(db, user, fx.sslrootcert);
}

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

CliRun runCli(const QStringList &args, const QString &password)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("UPSTREAM_PASSWORD"), password);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(UPSTREAM_CLI_PATH), args);
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

qint64 scalar(PgConnection &c, const char *sql)
{
    auto r = c.exec(sql);
    return r.ok() && r->rows() == 1 ? r->int64(0, 0) : -1;
}

} // namespace

class TstSchemaMigrations : public QObject {
    Q_OBJECT
    std::optional<test::PgFixture> fx;

private slots:
    void initTestCase()
    {
        fx = test::PgFixture::load();
        QVERIFY2(fx.has_value(), "the pg fixture is not running ($UPSTREAM_TEST_PG)");
        QVERIFY(Migrator().latestVersion() >= 1);
    }

    void emptyDatabaseMigratesToCurrentThenNoOp()
    {
        test::ScratchDatabase db(*fx, QStringLiteral("mig_empty"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        auto c = PgConnection::connect(db.superuserParams());
        QVERIFY(c.ok());
        const Migrator m;
        QCOMPARE(Migrator::currentVersion(*c).value(), 0);

        auto first = m.migrate(*c);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        QCOMPARE(first->fromVersion, 0);
        QCOMPARE(first->toVersion, m.latestVersion());
        QCOMPARE(int(first->applied.size()), int(m.migrations().size()));
        QCOMPARE(Migrator::currentVersion(*c).value(), m.latestVersion());
        for (const char *table : {"customers", "memberships", "payer_mappings", "cpt_group_mappings", "uploads",
                                  "upload_reports", "claims", "signals", "alerts", "judgments", "ledger_entries",
                                  "ledger_history", "audit_log", "change_log", "schema_version"}) {
            auto r = c->exec("SELECT to_regclass('upstream.' || $1) IS NOT NULL", {QString::fromLatin1(table)});
            QVERIFY(r.ok());
            QVERIFY2(r->boolean(0, 0), table);
        }
        const qint64 rows = scalar(*c, "SELECT count(*) FROM upstream.schema_version");
        QCOMPARE(rows, qint64(m.migrations().size()));
        auto appliedAt =
            c->exec("SELECT string_agg(applied_at::text, ',' ORDER BY version) FROM upstream.schema_version");
        QVERIFY(appliedAt.ok());

        auto second = m.migrate(*c);
        QVERIFY(second.ok());
        QVERIFY(second->applied.empty());
        QCOMPARE(second->fromVersion, m.latestVersion());
        QCOMPARE(second->toVersion, m.latestVersion());
        QVERIFY(second->checksumMismatch.empty());
        QCOMPARE(scalar(*c, "SELECT count(*) FROM upstream.schema_version"), rows);
        auto appliedAt2 =
            c->exec("SELECT string_agg(applied_at::text, ',' ORDER BY version) FROM upstream.schema_version");
        QCOMPARE(appliedAt2->text(0, 0), appliedAt->text(0, 0));
    }

    void concurrentRunsApplyEachMigrationOnce()
    {
        test::ScratchDatabase db(*fx, QStringLiteral("mig_race"));
        QVERIFY(db.ok());
        Result<storage::MigrationReport> a = makeError(ErrorCode::Internal, {});
        Result<storage::MigrationReport> b = makeError(ErrorCode::Internal, {});
        auto worker = [&db](Result<storage::MigrationReport> *out) {
            auto c = PgConnection::connect(db.superuserParams());
            if (c.ok())
                *out = Migrator().migrate(*c);
        };
        std::thread t1(worker, &a), t2(worker, &b);
        t1.join();
        t2.join();
        QVERIFY2(a.ok(), qPrintable(a.ok() ? QString() : a.error().message));
        QVERIFY2(b.ok(), qPrintable(b.ok() ? QString() : b.error().message));
        QCOMPARE(int(a->applied.size() + b->applied.size()), int(Migrator().migrations().size()));
        auto c = PgConnection::connect(db.superuserParams());
        QCOMPARE(scalar(*c, "SELECT count(*) FROM upstream.schema_version"), qint64(Migrator().migrations().size()));
    }

    void failingMigrationLeavesPreviousVersion()
    {
        test::ScratchDatabase db(*fx, QStringLiteral("mig_fail"));
        QVERIFY(db.ok());
        auto c = PgConnection::connect(db.superuserParams());
        QVERIFY(c.ok());
        std::vector<storage::Migration> list = Migrator::builtin();
        const int latest = list.back().version;
        list.push_back({latest + 1, QStringLiteral("broken"),
                        QByteArrayLiteral("CREATE TABLE upstream.half_done (x int); SELECT 1 / 0;")});
        auto r = Migrator(list).migrate(*c);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QStringLiteral("migration %1 (broken)").arg(latest + 1)),
                 qPrintable(r.error().message));
        QCOMPARE(Migrator::currentVersion(*c).value(), latest);
        auto half = c->exec("SELECT to_regclass('upstream.half_done') IS NULL");
        QVERIFY(half.ok());
        QVERIFY2(half->boolean(0, 0), "the failed migration's table must be rolled back");
    }

    // A migration runs as superuser with the search path pinned to pg_catalog, pg_temp, whatever the session's
    // path was: a function planted in public by a less trusted role (here lower(varchar), an exact match that would win
    // over lower(text) for a varchar argument) is never found. The session's own path is back after the migration.
    void migrationsRunWithAPinnedSearchPath()
    {
        test::ScratchDatabase db(*fx, QStringLiteral("mig_path"));
        QVERIFY(db.ok());
        auto c = PgConnection::connect(db.superuserParams());
        QVERIFY(c.ok());
        QVERIFY(c->execScript(QStringLiteral("CREATE FUNCTION public.lower(varchar) RETURNS text LANGUAGE sql AS "
                                             "$$ SELECT 'planted'::text $$; SET search_path = public, pg_catalog"))
                    .ok());
        std::vector<storage::Migration> list = Migrator::builtin();
        const int latest = list.back().version;
        list.push_back(
            {latest + 1, QStringLiteral("probe"),
             QByteArrayLiteral("CREATE TABLE upstream.path_probe AS SELECT "
                               "current_setting('search_path') AS path, lower('ABC'::varchar) AS lowered;")});
        auto r = Migrator(list).migrate(*c);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        auto probe = c->exec("SELECT path, lowered FROM upstream.path_probe");
        QVERIFY(probe.ok() && probe->rows() == 1);
        QCOMPARE(probe->text(0, 0), QStringLiteral("pg_catalog, pg_temp"));
        QCOMPARE(probe->text(0, 1), QStringLiteral("abc"));
        // Control: outside the migration the planted function is what the session's path finds.
        auto planted = c->exec("SELECT lower('ABC'::varchar)");
        QVERIFY(planted.ok());
        QCOMPARE(planted->text(0, 0), QStringLiteral("planted"));
    }

    void pendingClaimsMigrationAllowsNullDecidedDateOnlyForPending()
    {
        test::ScratchDatabase db(*fx, QStringLiteral("mig_pending"));
        QVERIFY(db.ok());
        auto c = PgConnection::connect(db.superuserParams());
        QVERIFY(c.ok());
        std::vector<storage::Migration> upTo3;
        for (const storage::Migration &m : Migrator::builtin())
            if (m.version <= 3)
                upTo3.push_back(m);
        QCOMPARE(int(upTo3.size()), 3);
        QVERIFY(Migrator(upTo3).migrate(*c).ok());
        auto insert = [&](const char *decided, const char *outcome) {
            return c
                ->exec(QStringLiteral("INSERT INTO upstream.claims (customer_id, payer, cpt, cpt_group, "
                                      "submitted_date, decided_date, outcome) VALUES (1, 'Acme', '99213', "
                                      "'E&M', date '2026-01-05', %1, '%2')")
                           .arg(QLatin1String(decided), QLatin1String(outcome)))
                .ok();
        };
        QVERIFY(insert("date '2026-01-20'", "PAID")); // a claim stored before the migration
        QVERIFY(!insert("NULL", "PENDING"));          // version 3 knows no pending claims

        auto r = Migrator().migrate(*c);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY(std::any_of(r->applied.begin(), r->applied.end(), [](int v) { return v == 4; }));
        QVERIFY(insert("NULL", "PENDING"));
        QVERIFY(!insert("date '2026-01-20'", "PENDING")); // pending has no decided date
        QVERIFY(!insert("NULL", "PAID"));                 // a decided claim always has one
        QVERIFY(!insert("NULL", "DENIED"));
        QVERIFY(!insert("NULL", "OTHER"));
        QVERIFY(!insert("date '2026-01-20'", "MAYBE"));
        QVERIFY(insert("date '2026-01-21'", "OTHER"));
        QCOMPARE(scalar(*c, "SELECT count(*) FROM upstream.claims WHERE decided_date IS NULL"), qint64(1));
        QCOMPARE(scalar(*c, "SELECT count(*) FROM upstream.claims"), qint64(3));
        // The decided-date window index, on the columns the engines filter by.
        auto index = c->exec("SELECT indexdef FROM pg_indexes WHERE schemaname = 'upstream' AND indexname = "
                             "'claims_payer_decided'");
        QVERIFY(index.ok());
        QCOMPARE(index->rows(), 1);
        QVERIFY2(index->text(0, 0).contains(QLatin1String("(customer_id, payer, decided_date)")),
                 qPrintable(index->text(0, 0)));
    }

    // 0008: entries recovered before the migration are credited to whoever last set their recovered amount (from
    // the server's ledger history), approved entries included, without new versions; afterwards the server stamps
    // recovered_by itself whenever the amount changes, whatever the client sends.
    void recoveredByMigrationBackfillsFromHistory()
    {
        test::ScratchDatabase db(*fx, QStringLiteral("mig_recovered_by"));
        QVERIFY(db.ok());
        auto c = PgConnection::connect(db.superuserParams());
        QVERIFY(c.ok());
        std::vector<storage::Migration> upTo7;
        for (const storage::Migration &m : Migrator::builtin())
            if (m.version <= 7)
                upTo7.push_back(m);
        QCOMPARE(int(upTo7.size()), 7);
        QVERIFY(Migrator(upTo7).migrate(*c).ok());
        auto customer = c->exec("INSERT INTO upstream.customers (name) VALUES ('Backfill Clinic') RETURNING "
                                "customer_id");
        QVERIFY2(customer.ok(), qPrintable(customer.ok() ? QString() : customer.error().message));
        const qint64 id = customer->int64(0, 0);
        auto add = [&](const char *uuid, const char *state, const char *recovered) {
            return c->exec(QStringLiteral("INSERT INTO upstream.ledger_entries (customer_id, client_uuid, product, "
                                          "payer, expected_amount, recovered_amount, state) VALUES ($1, '%1', "
                                          "'driftwatch', 'Synthetic Mutual', 500, %2, '%3')")
                               .arg(QLatin1String(uuid), QLatin1String(recovered), QLatin1String(state)),
                           {id});
        };
        QVERIFY(add("00000000-0000-4000-8000-000000000001", "recovered", "300").ok());
        QVERIFY(add("00000000-0000-4000-8000-000000000002", "open", "0").ok());
        QVERIFY(add("00000000-0000-4000-8000-000000000003", "in_progress", "0").ok());
        // The third recovers later, in an update; the first is approved (frozen) before the migration.
        QVERIFY(c->exec("UPDATE upstream.ledger_entries SET recovered_amount = 120, state = 'recovered' WHERE "
                        "client_uuid = '00000000-0000-4000-8000-000000000003'")
                    .ok());
        QVERIFY(c->exec("UPDATE upstream.ledger_entries SET approved_by = session_user WHERE client_uuid = "
                        "'00000000-0000-4000-8000-000000000001'")
                    .ok());
        const qint64 versionsBefore = scalar(*c, "SELECT sum(version) FROM upstream.ledger_entries");
        const qint64 historyBefore = scalar(*c, "SELECT count(*) FROM upstream.ledger_history");

        auto r = Migrator().migrate(*c);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY(std::any_of(r->applied.begin(), r->applied.end(), [](int v) { return v == 8; }));
        auto who = c->exec("SELECT client_uuid::text, coalesce(recovered_by, '-'), session_user "
                           "FROM upstream.ledger_entries ORDER BY client_uuid");
        QVERIFY(who.ok());
        QCOMPARE(who->rows(), 3);
        const QString me = who->text(0, 2);
        QCOMPARE(who->text(0, 1), me);                  // recovered at insert, approved since: backfilled
        QCOMPARE(who->text(1, 1), QStringLiteral("-")); // nothing recovered: nobody credited
        QCOMPARE(who->text(2, 1), me);                  // recovered in an update
        QCOMPARE(scalar(*c, "SELECT sum(version) FROM upstream.ledger_entries"), versionsBefore);
        QCOMPARE(scalar(*c, "SELECT count(*) FROM upstream.ledger_history"), historyBefore);

        // From now on the server stamps it, and a client cannot put someone else's name there.
        QVERIFY(c->exec("UPDATE upstream.ledger_entries SET recovered_amount = 50, state = 'recovered', "
                        "recovered_by = 'someone_else' WHERE client_uuid = '00000000-0000-4000-8000-000000000002'")
                    .ok());
        auto stamped = c->exec("SELECT recovered_by = session_user FROM upstream.ledger_entries WHERE client_uuid = "
                               "'00000000-0000-4000-8000-000000000002'");
        QVERIFY(stamped.ok());
        QVERIFY(stamped->boolean(0, 0));
        QVERIFY(c->exec("UPDATE upstream.ledger_entries SET notes = 'n', recovered_by = 'someone_else' "
                        "WHERE client_uuid = '00000000-0000-4000-8000-000000000003'")
                    .ok());
        auto kept = c->exec("SELECT recovered_by = session_user FROM upstream.ledger_entries WHERE client_uuid = "
                            "'00000000-0000-4000-8000-000000000003'");
        QVERIFY(kept.ok());
        QVERIFY(kept->boolean(0, 0)); // an edit that leaves the amount keeps the credit
    }

    // 0010: a change written while the session's upstream.change_origin is set carries sha256 of it in
    // change_log.origin, per-row (signals) and per-statement (alerts, judgments) triggers alike; a change written
    // without it carries NULL. Judgments gain judged_at_client. Rows logged before the migration keep NULL.
    void changeOriginMigrationStampsTheWritingSession()
    {
        test::ScratchDatabase db(*fx, QStringLiteral("mig_change_origin"));
        QVERIFY(db.ok());
        auto c = PgConnection::connect(db.superuserParams());
        QVERIFY(c.ok());
        std::vector<storage::Migration> upTo9;
        for (const storage::Migration &m : Migrator::builtin())
            if (m.version <= 9)
                upTo9.push_back(m);
        QCOMPARE(int(upTo9.size()), 9);
        QVERIFY(Migrator(upTo9).migrate(*c).ok());
        auto customer = c->exec("INSERT INTO upstream.customers (name) VALUES ('Origin Clinic') RETURNING customer_id");
        QVERIFY(customer.ok());
        const qint64 id = customer->int64(0, 0);
        const auto addSignal = [&](const char *fingerprint) {
            return c->exec(QStringLiteral("INSERT INTO upstream.signals (customer_id, product, signal_type, payer, "
                                          "cpt_group, window_start, window_end, severity, confidence, fingerprint, "
                                          "evidence) VALUES ($1, 'driftwatch', 'denial_rate', 'Synthetic Mutual', "
                                          "'E&M', '2026-10-01', '2026-10-15', 'high', 0.9, '%1', '{}')")
                               .arg(QLatin1String(fingerprint)),
                           {id});
        };
        auto before = addSignal("fp-before");
        QVERIFY2(before.ok(), qPrintable(before.ok() ? QString() : before.error().message));

        auto r = Migrator().migrate(*c);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY(std::any_of(r->applied.begin(), r->applied.end(), [](int v) { return v == 10; }));
        QCOMPARE(scalar(*c, "SELECT count(*) FROM upstream.change_log WHERE origin IS NOT NULL"), qint64(0));
        QCOMPARE(scalar(*c, "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'upstream' AND "
                            "table_name = 'judgments' AND column_name = 'judged_at_client'"),
                 qint64(1));

        QVERIFY(c->exec("SELECT set_config('upstream.change_origin', 'token-of-ws-1', false)").ok());
        QVERIFY(addSignal("fp-with-origin").ok()); // per-row trigger
        QVERIFY(c->exec("INSERT INTO upstream.alerts (customer_id, signal_id) SELECT customer_id, signal_id FROM "
                        "upstream.signals WHERE fingerprint = 'fp-with-origin'")
                    .ok()); // per-statement trigger
        QVERIFY(c->exec("SELECT set_config('upstream.change_origin', '', false)").ok());
        QVERIFY(addSignal("fp-without-origin").ok());
        auto stamps = c->exec("SELECT table_name, coalesce(encode(origin, 'hex'), '-'), "
                              "encode(sha256('token-of-ws-1'::bytea), 'hex') FROM upstream.change_log "
                              "WHERE customer_id = $1 ORDER BY seq",
                              {id});
        QVERIFY(stamps.ok());
        QCOMPARE(stamps->rows(), 4);
        const QString expected = stamps->text(0, 2);
        QCOMPARE(stamps->text(0, 1), QStringLiteral("-")); // before the migration
        QCOMPARE(stamps->text(1, 1), expected);            // signal, with the origin set
        QCOMPARE(stamps->text(2, 0), QStringLiteral("alerts"));
        QCOMPARE(stamps->text(2, 1), expected);            // alert, with the origin set
        QCOMPARE(stamps->text(3, 1), QStringLiteral("-")); // after it was cleared
    }

    // 0011: a new ledger entry no longer goes through the foreign key to customers, and through the guard trigger
    // only when the guard has something to do. What they enforced still holds for the app roles: a plain entry
    // gets version 1 and the inserting login as updated_by; a recovered amount credits the inserting login; an
    // approval must be a supervisor's own, of a settled entry, and is stamped with the server's time; the columns
    // the guard would otherwise set cannot be written at all; a customer the user does not belong to (or that does
    // not exist) is refused.
    void leanLedgerInsertKeepsWhatTheGuardAndTheKeyEnforced()
    {
        test::MigratedDatabase db(*fx, QStringLiteral("mig_lean_insert"));
        QVERIFY(db.ok());
        const qint64 customer = db.createCustomer(QStringLiteral("Lean Clinic")).value_or(0);
        const qint64 stranger = db.createCustomer(QStringLiteral("Other Clinic")).value_or(0);
        auto op = db.createUser(customer, QStringLiteral("operator"));
        auto sup = db.createUser(customer, QStringLiteral("supervisor"));
        QVERIFY(customer > 0 && stranger > 0 && op && sup);
        auto opc = db.connectAs(*op);
        auto supc = db.connectAs(*sup);
        QVERIFY(opc.ok() && supc.ok());
        QCOMPARE(scalar(db.superuser(), "SELECT count(*) FROM pg_constraint WHERE conname = "
                                        "'ledger_entries_customer_id_fkey'"),
                 qint64(0));
        const auto insert = [customer](PgConnection &c, const char *columns, const char *values) {
            return c.exec(QStringLiteral("INSERT INTO upstream.ledger_entries (customer_id, client_uuid, product, "
                                         "payer%1) VALUES ($1, gen_random_uuid(), 'delayguard', 'Synthetic "
                                         "Mutual'%2) RETURNING version, updated_by, coalesce(recovered_by, '-'), "
                                         "coalesce(approved_at > now() - interval '1 hour', false)")
                              .arg(QLatin1String(columns), QLatin1String(values)),
                          {customer});
        };
        const auto refusedWith = [](const Result<storage::PgResult> &r, const char *words) {
            return !r.ok() && r.error().message.contains(QLatin1String(words));
        };

        auto plain = insert(*opc, "", "");
        QVERIFY2(plain.ok(), qPrintable(plain.ok() ? QString() : plain.error().message));
        QCOMPARE(plain->int64(0, 0), qint64(1));
        QCOMPARE(plain->text(0, 1), op->login);
        QCOMPARE(plain->text(0, 2), QStringLiteral("-"));
        auto recovered = insert(*opc, ", recovered_amount, state", ", 120, 'recovered'");
        QVERIFY(recovered.ok());
        QCOMPARE(recovered->text(0, 2), op->login);

        for (const char *column : {"version", "updated_by", "updated_at", "recovered_by", "approved_by"}) {
            const QString columns = QStringLiteral(", %1").arg(QLatin1String(column));
            const QString value = QLatin1String(column) == QLatin1String("version")      ? QStringLiteral(", 7")
                                  : QLatin1String(column) == QLatin1String("updated_at") ? QStringLiteral(", now()")
                                                                                         : QStringLiteral(", 'x'");
            QVERIFY2(refusedWith(insert(*opc, columns.toLatin1().constData(), value.toLatin1().constData()),
                                 "permission denied"),
                     column);
        }

        QVERIFY(refusedWith(insert(*supc, ", state, approved_by, approved_at", ", 'recovered', 'someone_else', now()"),
                            "own name"));
        QVERIFY(refusedWith(insert(*supc, ", approved_by, approved_at", ", session_user, now()"),
                            "recovered or written-off"));
        auto approved = insert(*supc, ", state, approved_by, approved_at, recovered_amount",
                               ", 'recovered', session_user, '2001-01-01', 50");
        QVERIFY2(approved.ok(), qPrintable(approved.ok() ? QString() : approved.error().message));
        QVERIFY(approved->boolean(0, 3)); // the server's time, not the client's
        QCOMPARE(approved->text(0, 2), sup->login);

        auto elsewhere = opc->exec("INSERT INTO upstream.ledger_entries (customer_id, client_uuid, product, payer) "
                                   "VALUES ($1, gen_random_uuid(), 'delayguard', 'Synthetic Mutual')",
                                   {stranger});
        QVERIFY(refusedWith(elsewhere, "row-level security"));
        auto nowhere = opc->exec("INSERT INTO upstream.ledger_entries (customer_id, client_uuid, product, payer) "
                                 "VALUES (987654321, gen_random_uuid(), 'delayguard', 'Synthetic Mutual')");
        QVERIFY(refusedWith(nowhere, "row-level security"));
        QCOMPARE(scalar(db.superuser(), "SELECT count(*) FROM upstream.ledger_entries WHERE customer_id <> "
                                        "ALL (SELECT customer_id FROM upstream.customers)"),
                 qint64(0));
    }

    void newerDatabaseIsRefused()
    {
        test::ScratchDatabase db(*fx, QStringLiteral("mig_newer"));
        QVERIFY(db.ok());
        auto c = PgConnection::connect(db.superuserParams());
        QVERIFY(c.ok());
        QVERIFY(Migrator().migrate(*c).ok());
        const int future = Migrator().latestVersion() + 5;
        QVERIFY(c->exec("INSERT INTO upstream.schema_version (version, name, checksum) VALUES ($1, 'future', 'x')",
                        {future})
                    .ok());
        auto r = Migrator().migrate(*c);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::TooNew);
        QVERIFY(r.error().message.contains(QString::number(future)));
        QVERIFY(r.error().message.contains(QLatin1String("newer")));

        const CliRun cli = runCli(
            {QStringLiteral("migrate"), QStringLiteral("--db"), conninfo(*fx, db.name(), fx->superuser)}, fx->password);
        QCOMPARE(cli.exitCode, 1);
        QVERIFY2(cli.err.contains(QStringLiteral("version %1, newer than this program").arg(future)),
                 qPrintable(cli.err));
        QCOMPARE(cli.err.count(QLatin1Char('\n')), 1); // one line
        QCOMPARE(scalar(*c, "SELECT max(version) FROM upstream.schema_version"), qint64(future));
    }

    void cliMigratesThenReportsNothingToDo()
    {
        test::ScratchDatabase db(*fx, QStringLiteral("mig_cli"));
        QVERIFY(db.ok());
        const QStringList args{QStringLiteral("migrate"), QStringLiteral("--json"), QStringLiteral("--db"),
                               conninfo(*fx, db.name(), fx->superuser)};
        const CliRun first = runCli(args, fx->password);
        QCOMPARE(first.exitCode, 0);
        const QJsonObject o1 = QJsonDocument::fromJson(first.out.toUtf8()).object();
        QCOMPARE(o1.value(QStringLiteral("from_version")).toInt(), 0);
        QCOMPARE(o1.value(QStringLiteral("to_version")).toInt(), Migrator().latestVersion());
        const CliRun second = runCli(args, fx->password);
        QCOMPARE(second.exitCode, 0);
        const QJsonObject o2 = QJsonDocument::fromJson(second.out.toUtf8()).object();
        QVERIFY(o2.value(QStringLiteral("applied")).toArray().isEmpty());
        QCOMPARE(o2.value(QStringLiteral("from_version")).toInt(), Migrator().latestVersion());

        // --password-file instead of the environment (and it wins over a wrong $UPSTREAM_PASSWORD).
        QTemporaryFile pwFile;
        QVERIFY(pwFile.open());
        pwFile.write(fx->password.toUtf8() + '\n');
        pwFile.flush();
        const CliRun viaFile = runCli(args + QStringList{QStringLiteral("--password-file"), pwFile.fileName()},
                                      QStringLiteral("not-the-password"));
        QVERIFY2(viaFile.exitCode == 0, qPrintable(viaFile.err));
        const CliRun missingFile = runCli(
            args + QStringList{QStringLiteral("--password-file"), QStringLiteral("/nonexistent/pw")}, fx->password);
        QCOMPARE(missingFile.exitCode, 2);

        const CliRun wrongPassword = runCli(args, QStringLiteral("not-the-password"));
        QCOMPARE(wrongPassword.exitCode, 1);
        QVERIFY(!wrongPassword.err.contains(QLatin1String("not-the-password")));
    }

    void onlyASuperuserMayMigrate()
    {
        test::ScratchDatabase db(*fx, QStringLiteral("mig_nosu"));
        QVERIFY(db.ok());
        const QString login = test::uniqueName(QStringLiteral("plain"));
        auto su = PgConnection::connect(fx->superuserParams());
        QVERIFY(su.ok());
        QVERIFY(su->exec(QStringLiteral("CREATE ROLE \"%1\" LOGIN PASSWORD 'plain-password-123'").arg(login)).ok());
        {
            auto c = PgConnection::connect(db.params(login, QStringLiteral("plain-password-123")));
            QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message));
            auto r = Migrator().migrate(*c);
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, ErrorCode::PermissionDenied);
            QCOMPARE(Migrator::currentVersion(*c).value(), 0);
        }
        (void)su->exec(QStringLiteral("DROP ROLE \"%1\"").arg(login));
    }
};

QTEST_GUILESS_MAIN(TstSchemaMigrations)
#include "tst_schema_migrations.moc"
