// Proves, through the `upstream` CLI on the fixture cluster: `compute` as an analyst persists exactly the signals
// the engines find in-process on the same claims (same fingerprints), raises one alert per alerting signal and
// writes one audit row per run; recomputing the same data and as-of date updates the same signal rows in place
// and raises no second alert; `signals --json` lists every signal with the SPEC 9 fields and its alert status;
// the stored evidence has the dashboards' shape; a viewer may not compute (exit 1); bad usage exits 2.
#include "DemoClaimsCopy.h"
#include "UpstreamSchema.h"

#include "alerts/AlertBook.h"
#include "engines/SignalEngines.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include <set>

using namespace upstream;

namespace {

struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

CliRun cli(const QStringList &args, const QString &conninfo, const QString &password)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("UPSTREAM_PASSWORD"), password);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(UPSTREAM_CLI_PATH), args + QStringList{QStringLiteral("--db"), conninfo});
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            QString::fromUtf8(p.readAllStandardError())};
}

const QDate kAsOf(2026, 6, 1);

} // namespace

class TstComputeIdempotentThroughCli : public QObject {
    Q_OBJECT
    std::optional<test::PgFixture> fx;
    std::unique_ptr<test::MigratedDatabase> db;
    qint64 customer = 0;
    std::optional<test::TestUser> analyst, viewer;
    std::vector<engines::Signal> expected;

    qint64 scalar(const char *sql)
    {
        auto r = db->superuser().exec(sql, {customer});
        return r.ok() && r.value().rows() == 1 ? r.value().int64(0, 0) : -1;
    }

private slots:
    void initTestCase()
    {
        fx = test::PgFixture::load();
        QVERIFY2(fx.has_value(), "the pg fixture is not running ($UPSTREAM_TEST_PG)");
        db = std::make_unique<test::MigratedDatabase>(*fx, QStringLiteral("computecli"));
        QVERIFY2(db->ok(), qPrintable(db->error()));
        customer = db->createCustomer(QStringLiteral("Compute Clinic")).value_or(0);
        QVERIFY(customer > 0);
        analyst = db->createUser(customer, QStringLiteral("analyst"));
        viewer = db->createUser(customer, QStringLiteral("viewer"));
        QVERIFY(analyst && viewer);
        demo::DemoConfig config;
        config.rows = 150'000;
        config.seed = 5;
        config.asOf = kAsOf;
        const demo::DemoDataGenerator gen(config);
        engines::ClaimAggregator local;
        const QString err = test::copyDemoClaims(db->superuser(), customer, gen, &local);
        QVERIFY2(err.isEmpty(), qPrintable(err));
        expected = engines::runAll(local.aggregates(), kAsOf);
        QVERIFY2(expected.size() >= 10, qPrintable(QString::number(expected.size()))); // planted drifts
    }

    void computeTwiceIsIdempotent()
    {
        // First without --as-of: the data's own date (the day after its newest submitted or decided date) is the
        // demo export's day; then the same date given explicitly updates the same rows.
        const QStringList args{QStringLiteral("compute"), QStringLiteral("--as-of"), kAsOf.toString(Qt::ISODate),
                               QStringLiteral("--json")};
        const CliRun first =
            cli({QStringLiteral("compute"), QStringLiteral("--json")}, db->conninfoFor(*analyst), analyst->password);
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const QJsonObject a = QJsonDocument::fromJson(first.out).object();
        QCOMPARE(a.value(QStringLiteral("as_of")).toString(), kAsOf.toString(Qt::ISODate));
        QCOMPARE(a.value(QStringLiteral("signals")).toInt(), int(expected.size()));
        QCOMPARE(a.value(QStringLiteral("signals_inserted")).toInt(), int(expected.size()));
        const int alerting = int(std::count_if(expected.begin(), expected.end(), alerts::shouldAlert));
        QVERIFY(alerting > 0);
        QCOMPARE(a.value(QStringLiteral("alerts_created")).toInt(), alerting);

        const CliRun second = cli(args, db->conninfoFor(*analyst), analyst->password);
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        const QJsonObject b = QJsonDocument::fromJson(second.out).object();
        QCOMPARE(b.value(QStringLiteral("signals_inserted")).toInt(), 0);
        QCOMPARE(b.value(QStringLiteral("signals_updated")).toInt(), int(expected.size()));
        QCOMPARE(b.value(QStringLiteral("alerts_created")).toInt(), 0);

        QCOMPARE(scalar("SELECT count(*) FROM upstream.signals WHERE customer_id = $1"), qint64(expected.size()));
        QCOMPARE(scalar("SELECT count(*) FROM upstream.alerts WHERE customer_id = $1"), qint64(alerting));
        QCOMPARE(scalar("SELECT count(*) FROM upstream.audit_log WHERE customer_id = $1 AND action = "
                        "'signals.compute'"),
                 qint64(2));
        // Same fingerprints as the engines in-process on the same claims.
        auto fps = db->superuser().exec("SELECT fingerprint FROM upstream.signals WHERE customer_id = $1", {customer});
        QVERIFY(fps.ok());
        std::set<QString> stored, want;
        for (int i = 0; i < fps.value().rows(); ++i)
            stored.insert(fps.value().text(i, 0));
        for (const auto &s : expected)
            want.insert(s.fingerprint);
        QVERIFY(stored == want);
    }

    void signalsJsonListsSpecFieldsAndStatus()
    {
        const CliRun r =
            cli({QStringLiteral("signals"), QStringLiteral("--json")}, db->conninfoFor(*viewer), viewer->password);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray list = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(list.size(), qsizetype(expected.size()));
        int pending = 0;
        for (const QJsonValue v : list) {
            const QJsonObject o = v.toObject();
            for (const char *key :
                 {"product", "signal_type", "payer", "cpt_group", "reason", "severity", "confidence", "baseline_value",
                  "current_value", "delta", "p_value", "dollars", "window_start", "window_end", "status"})
                QVERIFY2(o.contains(QLatin1String(key)), key);
            pending += o.value(QStringLiteral("status")).toString() == QLatin1String("pending") ? 1 : 0;
        }
        QCOMPARE(pending, int(std::count_if(expected.begin(), expected.end(), alerts::shouldAlert)));
        const CliRun dw = cli({QStringLiteral("signals"), QStringLiteral("--json"), QStringLiteral("--product"),
                               QStringLiteral("delayguard")},
                              db->conninfoFor(*viewer), viewer->password);
        QCOMPARE(dw.exitCode, 0);
        const QJsonArray delays = QJsonDocument::fromJson(dw.out).array();
        QVERIFY(!delays.isEmpty());
        for (const QJsonValue v : delays) {
            const QJsonObject o = v.toObject();
            QCOMPARE(o.value(QStringLiteral("product")).toString(), QStringLiteral("delayguard"));
            const QString type = o.value(QStringLiteral("signal_type")).toString();
            QVERIFY2(type == QLatin1String("adjudication_delay") || type == QLatin1String("payment_delay"),
                     qPrintable(type));
            // SPEC 9's DelayGuard fields: O below E (slower), overdue claims carrying the dollars at risk.
            QVERIFY(o.value(QStringLiteral("observed")).toDouble() < o.value(QStringLiteral("expected")).toDouble());
            QVERIFY(o.contains(QStringLiteral("overdue_claims")));
            QCOMPARE(o.value(QStringLiteral("overdue_dollars")).toDouble(),
                     o.value(QStringLiteral("dollars")).toDouble());
        }
        for (const QJsonValue v : list)
            if (v.toObject().value(QStringLiteral("product")).toString() != QLatin1String("delayguard"))
                QVERIFY(!v.toObject().contains(QStringLiteral("observed")));
    }

    void storedEvidenceHasDashboardShape()
    {
        auto r = db->superuser().exec("SELECT evidence::text, product FROM upstream.signals WHERE customer_id = $1",
                                      {customer});
        QVERIFY(r.ok());
        QVERIFY(r.value().rows() > 0);
        for (int i = 0; i < r.value().rows(); ++i) {
            const QJsonObject e = QJsonDocument::fromJson(r.value().bytes(i, 0)).object();
            const QJsonObject w = e.value(QStringLiteral("windows")).toObject();
            QCOMPARE(w.value(QStringLiteral("current")).toArray().size(), 2);
            QCOMPARE(w.value(QStringLiteral("current")).toArray().at(1).toString(), kAsOf.toString(Qt::ISODate));
            QVERIFY(e.value(QStringLiteral("counts")).toObject().value(QStringLiteral("current_n")).toInteger() > 0);
            QVERIFY(!e.value(QStringLiteral("series")).toArray().isEmpty());
            // DelayGuard shows its two curves instead of a breakdown.
            if (r.value().text(i, 1) == QLatin1String("delayguard"))
                QCOMPARE(
                    e.value(QStringLiteral("delay")).toObject().value(QStringLiteral("cohort_curve")).toArray().size(),
                    29);
            else
                QVERIFY(!e.value(QStringLiteral("breakdown")).toArray().isEmpty());
            QVERIFY(!e.value(QStringLiteral("severity_explanation")).toString().isEmpty());
        }
    }

    void viewerMayNotComputeAndBadUsageExits2()
    {
        const CliRun v = cli({QStringLiteral("compute"), QStringLiteral("--as-of"), kAsOf.toString(Qt::ISODate)},
                             db->conninfoFor(*viewer), viewer->password);
        QCOMPARE(v.exitCode, 1);
        QVERIFY(!v.err.trimmed().contains(QLatin1Char('\n')));
        QCOMPARE(cli({QStringLiteral("compute"), QStringLiteral("--product"), QStringLiteral("nope")},
                     db->conninfoFor(*analyst), analyst->password)
                     .exitCode,
                 2);
        QCOMPARE(cli({QStringLiteral("compute"), QStringLiteral("--as-of"), QStringLiteral("yesterday")},
                     db->conninfoFor(*analyst), analyst->password)
                     .exitCode,
                 2);
    }

    // SPEC 7 cooldown, decided against the stored history: the next day's compute (new windows, so new
    // fingerprints) right after the first raises its alerts suppressed for the groups alerted < 4 h ago, with
    // the badge saying why, and unsuppressed for groups that did not alert before.
    void nextDayWithinCooldownIsSuppressedPerGroup()
    {
        const QDate next = kAsOf.addDays(1);
        const CliRun r = cli({QStringLiteral("compute"), QStringLiteral("--as-of"), next.toString(Qt::ISODate),
                              QStringLiteral("--json")},
                             db->conninfoFor(*analyst), analyst->password);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QVERIFY(o.value(QStringLiteral("alerts_suppressed")).toInt() > 0);
        auto rows = db->superuser().exec(
            "SELECT a.suppressed, COALESCE(a.suppression_reason, ''), EXISTS (SELECT 1 FROM upstream.alerts a0 "
            "JOIN upstream.signals s0 ON s0.customer_id = a0.customer_id AND s0.signal_id = a0.signal_id "
            "WHERE a0.customer_id = s.customer_id AND s0.window_end = $2 AND NOT a0.suppressed "
            "AND s0.product = s.product AND s0.signal_type = s.signal_type AND s0.payer = s.payer "
            "AND s0.cpt_group IS NOT DISTINCT FROM s.cpt_group AND s0.reason IS NOT DISTINCT FROM s.reason) "
            "FROM upstream.alerts a JOIN upstream.signals s ON s.customer_id = a.customer_id "
            "AND s.signal_id = a.signal_id WHERE a.customer_id = $1 AND s.window_end = $3",
            {customer, kAsOf.toString(Qt::ISODate), next.toString(Qt::ISODate)});
        QVERIFY(rows.ok());
        QCOMPARE(rows.value().rows(), o.value(QStringLiteral("alerts_created")).toInt());
        for (int i = 0; i < rows.value().rows(); ++i) {
            QCOMPARE(rows.value().boolean(i, 0), rows.value().boolean(i, 2));
            if (rows.value().boolean(i, 0))
                QVERIFY2(rows.value().text(i, 1).contains(QLatin1String("cooldown")),
                         qPrintable(rows.value().text(i, 1)));
        }
    }
};

QTEST_GUILESS_MAIN(TstComputeIdempotentThroughCli)
#include "tst_compute_idempotent_through_cli.moc"
