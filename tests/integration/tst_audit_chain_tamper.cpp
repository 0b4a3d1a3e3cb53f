// Proves: the audit log is a per-customer hash chain the database writes itself. An untouched chain passes
// `upstream audit verify` (the real CLI, exit 0); altering one row's content (as a superuser with triggers off)
// makes it fail (exit 1) naming that customer and seq, while another customer's chain still passes; a deleted row
// or a deleted tail is found too. No app role can alter rows, a superuser cannot without switching triggers off,
// nobody can append for another customer, and concurrent appends still form one gap-free chain.
#include "UpstreamSchema.h"

#include "storage/pg/AuditLog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include <thread>

using namespace upstream;
using storage::AuditLog;
using storage::PgConnection;

namespace {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TstAuditChainTamper : public QObject {
    Q_OBJECT
    std::optional<test::PgFixture> fx;
    std::unique_ptr<test::MigratedDatabase> db;
    qint64 a = 0;
    qint64 b = 0;
    test::TestUser opA;
    test::TestUser opB;

    CliRun verify(const QStringList &extra)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("UPSTREAM_PASSWORD"), fx->password);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(UPSTREAM_CLI_PATH), QStringList{QStringLiteral("audit"), QStringLiteral("verify"),
                                                               QStringLiteral("--db"), db->superuserConninfo()} +
                                                       extra);
        p.waitForFinished(60000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

    // Alters stored rows the only way the schema leaves open: a superuser with triggers disabled for the session.
    void tamper(const QString &sql)
    {
        QVERIFY(db->superuser().execScript(QStringLiteral("SET session_replication_role = replica")).ok());
        auto r = db->superuser().exec(sql);
        QVERIFY(db->superuser().execScript(QStringLiteral("SET session_replication_role = origin")).ok());
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->affectedRows(), 1);
    }

private slots:
    void initTestCase()
    {
        fx = test::PgFixture::load();
        QVERIFY2(fx.has_value(), "the pg fixture is not running ($UPSTREAM_TEST_PG)");
        db = std::make_unique<test::MigratedDatabase>(*fx, QStringLiteral("audit"));
        QVERIFY2(db->ok(), qPrintable(db->error()));
        a = db->createCustomer(QStringLiteral("Audit A")).value_or(0);
        b = db->createCustomer(QStringLiteral("Audit B")).value_or(0);
        QVERIFY(a > 0 && b > 0);
        opA = db->createUser(a, QStringLiteral("operator")).value();
        opB = db->createUser(b, QStringLiteral("operator")).value();
        auto ca = db->connectAs(opA);
        auto cb = db->connectAs(opB);
        QVERIFY(ca.ok() && cb.ok());
        for (int i = 0; i < 6; ++i) {
            auto s =
                AuditLog::append(*ca, a, QStringLiteral("verdict"),
                                 {{QStringLiteral("alert"), i}, {QStringLiteral("verdict"), QStringLiteral("real")}},
                                 QStringLiteral("ws-a"));
            QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
        }
        for (int i = 0; i < 4; ++i)
            QVERIFY(AuditLog::append(*cb, b, QStringLiteral("import"), {{QStringLiteral("rows"), i}}).ok());
    }

    void rowsAreWrittenByTheServerAsTheSignedInRole()
    {
        auto r = db->superuser().exec("SELECT actor, workstation, details ->> 'verdict' FROM upstream.audit_log "
                                      "WHERE customer_id = $1 AND action = 'verdict' ORDER BY seq LIMIT 1",
                                      {a});
        QVERIFY(r.ok() && r->rows() == 1);
        QCOMPARE(r->text(0, 0), opA.login);
        QCOMPARE(r->text(0, 1), QStringLiteral("ws-a"));
        QCOMPARE(r->text(0, 2), QStringLiteral("real"));
    }

    void nobodyAppendsForAnotherCustomer()
    {
        auto ca = db->connectAs(opA);
        QVERIFY(ca.ok());
        auto s = AuditLog::append(*ca, b, QStringLiteral("forged"));
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, ErrorCode::PermissionDenied);
    }

    void rowsCannotBeAlteredWithTriggersOn()
    {
        auto ca = db->connectAs(opA);
        QVERIFY(ca.ok());
        auto asUser = ca->exec("UPDATE upstream.audit_log SET action = 'x' WHERE customer_id = $1", {a});
        QVERIFY(!asUser.ok());
        QCOMPARE(asUser.error().code, ErrorCode::PermissionDenied);
        auto asSuper = db->superuser().exec("UPDATE upstream.audit_log SET action = 'x' WHERE customer_id = $1", {a});
        QVERIFY(!asSuper.ok());
        QVERIFY(asSuper.error().message.contains(QLatin1String("append-only")));
        auto del = db->superuser().exec("DELETE FROM upstream.audit_log WHERE customer_id = $1", {a});
        QVERIFY(!del.ok());
    }

    void untouchedChainPasses()
    {
        const CliRun run = verify({QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QVERIFY(o.value(QStringLiteral("intact")).toBool());
        QCOMPARE(o.value(QStringLiteral("customers")).toArray().size(), 2);
        const CliRun text = verify({});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(QLatin1String("intact")));
    }

    void alteredRowIsNamed()
    {
        auto seqRow = db->superuser().exec("SELECT seq FROM upstream.audit_log WHERE customer_id = $1 AND "
                                           "action = 'verdict' ORDER BY seq OFFSET 2 LIMIT 1",
                                           {a});
        QVERIFY(seqRow.ok() && seqRow->rows() == 1);
        const qint64 seq = seqRow->int64(0, 0);
        tamper(QStringLiteral("UPDATE upstream.audit_log SET details = jsonb_set(details, '{verdict}', '\"noise\"') "
                              "WHERE customer_id = %1 AND seq = %2")
                   .arg(a)
                   .arg(seq));

        const CliRun run = verify({});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("customer %1, seq %2").arg(a).arg(seq)), qPrintable(run.err));
        QCOMPARE(run.err.count(QLatin1Char('\n')), 1);

        const CliRun json = verify({QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 1);
        const QJsonObject first =
            QJsonDocument::fromJson(json.out.toUtf8()).object().value(QStringLiteral("first_break")).toObject();
        QCOMPARE(first.value(QStringLiteral("customer_id")).toInteger(), a);
        QCOMPARE(first.value(QStringLiteral("seq")).toInteger(), seq);

        // The other customer's chain is untouched and still passes on its own.
        const CliRun other = verify({QStringLiteral("--customer"), QString::number(b)});
        QVERIFY2(other.exitCode == 0, qPrintable(other.err));
    }

    void deletedRowsAreFound()
    {
        auto last = db->superuser().exec("SELECT max(seq) FROM upstream.audit_log WHERE customer_id = $1", {b});
        QVERIFY(last.ok());
        const qint64 tail = last->int64(0, 0);
        QVERIFY(tail >= 3);
        tamper(QStringLiteral("DELETE FROM upstream.audit_log WHERE customer_id = %1 AND seq = %2").arg(b).arg(tail));
        CliRun run = verify({QStringLiteral("--customer"), QString::number(b)});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("customer %1, seq %2").arg(b).arg(tail)), qPrintable(run.err));

        tamper(QStringLiteral("DELETE FROM upstream.audit_log WHERE customer_id = %1 AND seq = 2").arg(b));
        run = verify({QStringLiteral("--customer"), QString::number(b)});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("customer %1, seq 3").arg(b)), qPrintable(run.err));
    }

    void concurrentAppendsFormOneChain()
    {
        const qint64 c = db->createCustomer(QStringLiteral("Audit concurrent")).value_or(0);
        QVERIFY(c > 0);
        const test::TestUser u1 = db->createUser(c, QStringLiteral("operator")).value();
        const test::TestUser u2 = db->createUser(c, QStringLiteral("analyst")).value();
        std::atomic<int> failures{0};
        auto worker = [&](const test::TestUser &u) {
            auto conn = db->connectAs(u);
            if (!conn.ok()) {
                ++failures;
                return;
            }
            for (int i = 0; i < 50; ++i)
                if (!AuditLog::append(*conn, c, QStringLiteral("sign_in"), {{QStringLiteral("i"), i}}).ok())
                    ++failures;
        };
        std::thread t1(worker, std::cref(u1)), t2(worker, std::cref(u2));
        t1.join();
        t2.join();
        QCOMPARE(failures.load(), 0);
        auto chain = AuditLog::verifyCustomer(db->superuser(), c);
        QVERIFY(chain.ok());
        QVERIFY2(!chain->firstBreak, qPrintable(chain->firstBreak ? chain->firstBreak->reason : QString()));
        QCOMPARE(chain->rows, qint64(100 + 3)); // + customer.create and two user.create rows
    }

    void cleanupTestCase() { db.reset(); }
};

QTEST_GUILESS_MAIN(TstAuditChainTamper)
#include "tst_audit_chain_tamper.moc"
