// Proves the recompute runner against the central database (fixture cluster, an analyst's own login, RLS on):
//  - DelayGuard only at a chosen as-of date: the engines and the database work run on a worker thread with its own
//    connection (never the calling thread), progress comes step by step (aggregating on the server, DelayGuard,
//    writing, alerts) with increasing fractions, and the customer's stored signals are exactly the DelayGuard
//    signals the engines find in-process on the same claims at that date (same fingerprints, window_end = the
//    chosen date), with one `signals.compute` audit row naming only delayguard;
//  - a run cancelled inside its transaction (signals already upserted, alerts about to be written) leaves the
//    signals, alerts and audit log exactly as they were;
//  - positive control: the same run not cancelled changes them (all three products at the data's own date);
//  - a viewer's run fails with a one-line reason (the database refuses) and writes nothing.
#include "DemoClaimsCopy.h"
#include "UpstreamSchema.h"

#include "compute/RecomputeRunner.h"
#include "engines/SignalEngines.h"

#include <QCoreApplication>
#include <QMutex>
#include <QSemaphore>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <set>

using namespace upstream;

namespace {

const QDate kDataAsOf(2026, 6, 1);
const QDate kChosenAsOf(2026, 5, 27);

} // namespace

class TstRecomputeOnServerOffGuiThread : public QObject {
    Q_OBJECT
    std::optional<test::PgFixture> fx;
    std::unique_ptr<test::MigratedDatabase> db;
    qint64 customer = 0;
    std::optional<test::TestUser> analyst, viewer;
    engines::ClaimAggregator local;

    QStringList snapshot()
    {
        QStringList out;
        for (const char *sql :
             {"SELECT fingerprint || '|' || product || '|' || window_end || '|' || computed_at FROM upstream.signals "
              "WHERE customer_id = $1",
              "SELECT alert_id || '|' || signal_id || '|' || status FROM upstream.alerts WHERE customer_id = $1",
              "SELECT action || '|' || details::text FROM upstream.audit_log WHERE customer_id = $1"}) {
            auto r = db->superuser().exec(sql, {customer});
            if (!r.ok())
                return {r.error().message};
            for (int i = 0; i < r.value().rows(); ++i)
                out << r.value().text(i, 0);
        }
        out.sort();
        return out;
    }

    QSet<QString> column(const char *sql)
    {
        QSet<QString> out;
        auto r = db->superuser().exec(sql, {customer});
        if (r.ok())
            for (int i = 0; i < r.value().rows(); ++i)
                out.insert(r.value().text(i, 0));
        return out;
    }

    compute::RecomputeTarget targetFor(const test::TestUser &user)
    {
        return compute::RecomputeTarget::onServer(db->db().params(user.login, user.password), customer);
    }

private slots:
    void initTestCase()
    {
        fx = test::PgFixture::load();
        QVERIFY2(fx.has_value(), "the pg fixture is not running ($UPSTREAM_TEST_PG)");
        db = std::make_unique<test::MigratedDatabase>(*fx, QStringLiteral("recompute"));
        QVERIFY2(db->ok(), qPrintable(db->error()));
        customer = db->createCustomer(QStringLiteral("Recompute Clinic")).value_or(0);
        QVERIFY(customer > 0);
        analyst = db->createUser(customer, QStringLiteral("analyst"));
        viewer = db->createUser(customer, QStringLiteral("viewer"));
        QVERIFY(analyst && viewer);
        demo::DemoConfig config;
        config.rows = 80'000;
        config.seed = 11;
        config.payers = 32;
        config.asOf = kDataAsOf;
        const QString err = test::copyDemoClaims(db->superuser(), customer, demo::DemoDataGenerator(config), &local);
        QVERIFY2(err.isEmpty(), qPrintable(err));
        QCOMPARE(engines::defaultAsOf(local.aggregates()), kDataAsOf);
    }

    void delayGuardAtAChosenDateOnAWorker()
    {
        compute::RecomputeRunner runner;
        QMutex mu;
        std::set<QThread *> workerThreads;
        runner.workerStepHook = [&](const compute::ComputeStep &) {
            QMutexLocker lock(&mu);
            workerThreads.insert(QThread::currentThread());
        };
        std::vector<compute::RecomputeProgress> progress;
        std::vector<compute::ComputeReport> finished;
        QStringList failures;
        connect(&runner, &compute::RecomputeRunner::progress, this,
                [&](const compute::RecomputeProgress &p) { progress.push_back(p); });
        connect(&runner, &compute::RecomputeRunner::finished, this,
                [&](const compute::ComputeReport &r) { finished.push_back(r); });
        connect(&runner, &compute::RecomputeRunner::failed, this, [&](const QString &why) { failures << why; });

        compute::ComputeOptions options;
        options.products = {engines::Product::DelayGuard};
        options.asOf = kChosenAsOf;
        runner.start(targetFor(*analyst), options);
        QVERIFY(runner.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.empty() || !failures.isEmpty(), 120000);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        QVERIFY(!runner.isRunning());

        {
            QMutexLocker lock(&mu);
            QCOMPARE(workerThreads.size(), std::size_t(1));
            QVERIFY(*workerThreads.begin() != QThread::currentThread());
        }
        QStringList steps;
        double last = -1;
        for (const compute::RecomputeProgress &p : progress) {
            QVERIFY(p.fraction > last && p.fraction < 1.0);
            last = p.fraction;
            steps << p.step;
        }
        QCOMPARE(steps, QStringList({QStringLiteral("Aggregating the claims on the server…"),
                                     QStringLiteral("Running DelayGuard…"),
                                     QStringLiteral("Writing %1 signal(s)…").arg(finished.front().found.size()),
                                     QStringLiteral("Raising alerts…")}));

        const compute::ComputeReport &report = finished.front();
        QCOMPARE(report.asOf, kChosenAsOf);
        const auto want = engines::run(local.aggregates(), engines::Product::DelayGuard, kChosenAsOf);
        QVERIFY2(want.size() >= 2, qPrintable(QString::number(want.size())));
        QSet<QString> wantIds;
        for (const auto &s : want)
            wantIds.insert(s.fingerprint);
        QCOMPARE(column("SELECT fingerprint FROM upstream.signals WHERE customer_id = $1"), wantIds);
        QCOMPARE(column("SELECT DISTINCT product FROM upstream.signals WHERE customer_id = $1"),
                 QSet<QString>{QStringLiteral("delayguard")});
        QCOMPARE(column("SELECT DISTINCT window_end::text FROM upstream.signals WHERE customer_id = $1"),
                 QSet<QString>{kChosenAsOf.toString(Qt::ISODate)});
        QCOMPARE(report.signalsInserted, int(want.size()));
        QCOMPARE(column("SELECT alert_id::text FROM upstream.alerts WHERE customer_id = $1").size(),
                 qsizetype(report.alertsCreated));
        QCOMPARE(column("SELECT details->>'products' FROM upstream.audit_log WHERE customer_id = $1 AND action = "
                        "'signals.compute'"),
                 QSet<QString>{QStringLiteral("[\"delayguard\"]")});
        qInfo("server, DelayGuard as of %s: %d signals, %d alerts; aggregate %.3f s, engines %.3f s, persist %.3f s",
              qPrintable(kChosenAsOf.toString(Qt::ISODate)), int(want.size()), report.alertsCreated,
              report.aggregateSeconds, report.engineSeconds, report.persistSeconds);
    }

    void cancelledInsideTheTransactionWritesNothing()
    {
        const QStringList before = snapshot();
        QVERIFY(!before.isEmpty());
        compute::RecomputeRunner runner;
        QSemaphore held, release;
        std::atomic<bool> hold{true};
        // WritingAlerts comes after the signals were upserted in the run's transaction.
        runner.workerStepHook = [&](const compute::ComputeStep &step) {
            if (step.stage == compute::ComputeStage::WritingAlerts && hold.load()) {
                held.release();
                release.acquire();
            }
        };
        QSignalSpy cancelled(&runner, &compute::RecomputeRunner::cancelled);
        std::vector<compute::ComputeReport> finished;
        connect(&runner, &compute::RecomputeRunner::finished, this,
                [&](const compute::ComputeReport &r) { finished.push_back(r); });
        compute::ComputeOptions all; // every product, the data's own date
        runner.start(targetFor(*analyst), all);
        QTRY_VERIFY_WITH_TIMEOUT(held.available() == 1, 120000);
        runner.cancel();
        release.release();
        QVERIFY(cancelled.wait(60000));
        QVERIFY(finished.empty());
        QCOMPARE(snapshot(), before);

        // Positive control: not cancelled, the same run writes.
        hold = false;
        runner.start(targetFor(*analyst), all);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), std::size_t(1), 120000);
        QCOMPARE(finished.front().asOf, kDataAsOf);
        QVERIFY(finished.front().signalsInserted > 0);
        QVERIFY(snapshot() != before);
        QCOMPARE(
            column("SELECT DISTINCT product FROM upstream.signals WHERE customer_id = $1"),
            (QSet<QString>{QStringLiteral("driftwatch"), QStringLiteral("denialscope"), QStringLiteral("delayguard")}));
        qInfo("server, all products as of %s: %d signals (%d new), %d alerts",
              qPrintable(kDataAsOf.toString(Qt::ISODate)), int(finished.front().found.size()),
              finished.front().signalsInserted, finished.front().alertsCreated);
    }

    void aViewersRunFailsAndWritesNothing()
    {
        const QStringList before = snapshot();
        compute::RecomputeRunner runner;
        QSignalSpy failed(&runner, &compute::RecomputeRunner::failed);
        runner.start(targetFor(*viewer), compute::ComputeOptions{});
        QVERIFY(failed.wait(60000));
        const QString reason = failed.at(0).at(0).toString();
        QVERIFY2(!reason.isEmpty() && !reason.contains(QLatin1Char('\n')), qPrintable(reason));
        QCOMPARE(snapshot(), before);
    }
};

QTEST_GUILESS_MAIN(TstRecomputeOnServerOffGuiThread)
#include "tst_recompute_on_server_off_gui_thread.moc"
