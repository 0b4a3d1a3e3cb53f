// Proves: the demo workspace is filled with the engines' real output — its cache signals are exactly the
// signals runAll finds on the demo generator's claims (same fingerprints), in all three products, with the
// dashboards' evidence shape; alerts follow the AlertBook rules; the daily aggregates and a few ledger entries
// are there; recomputing the same aggregates and as-of date into the cache adds no signal and no alert.
#include "alerts/AlertBook.h"
#include "compute/ComputeSignals.h"
#include "demo/DemoDataGenerator.h"
#include "engines/SignalEngines.h"
#include "storage/cache/LocalCache.h"
#include "workspace/DemoWorkspace.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace upstream;

class DemoWorkspaceHoldsEngineOutputTest : public QObject {
    Q_OBJECT

    static qint64 count(storage::LocalCache &cache, const char *sql)
    {
        auto q = cache.db().prepare(QString::fromLatin1(sql));
        if (!q.ok())
            return -1;
        auto row = q.value().step();
        if (!row.ok() || !row.value())
            return -1;
        return q.value().int64(0);
    }

private slots:
    void demoAlertsOnAllThreeDashboardsWhateverTheDate_data()
    {
        // The demo's data depends on the calendar only through the weekday of its export day: seven consecutive
        // days cover every date. 2026-12-03 is the day a fresh clone once found no DenialScope signal.
        QTest::addColumn<QDate>("day");
        for (int i = 0; i < 7; ++i) {
            const QDate d = QDate(2026, 12, 3).addDays(i);
            QTest::newRow(qPrintable(d.toString(Qt::ISODate))) << d;
        }
        QTest::newRow("today") << QDate::currentDate();
    }

    void demoAlertsOnAllThreeDashboardsWhateverTheDate()
    {
        QFETCH(QDate, day);
        const demo::DemoConfig config = workspace::demoWorkspaceConfig(day);
        const demo::DemoDataGenerator gen(config);
        engines::ClaimAggregator agg;
        gen.generate([&](const demo::DemoClaim &c) { agg.add(gen.toRecord(c)); });
        const QDate asOf = engines::defaultAsOf(agg.aggregates());
        QCOMPARE(asOf, day);
        int alerting[3] = {0, 0, 0};
        std::set<QString> types;
        for (const auto &s : engines::runAll(agg.aggregates(), asOf))
            if (alerts::shouldAlert(s)) {
                ++alerting[int(s.product)];
                types.insert(engines::signalTypeName(s.type));
            }
        qInfo("%s: alerts driftwatch %d, denialscope %d, delayguard %d", qPrintable(day.toString(Qt::ISODate)),
              alerting[0], alerting[1], alerting[2]);
        QVERIFY(alerting[0] >= 2);
        QVERIFY(alerting[1] >= 3);
        QVERIFY(alerting[2] >= 2);
        QVERIFY(types.count(QStringLiteral("adjudication_delay")) == 1);
        QVERIFY(types.count(QStringLiteral("payment_delay")) == 1);
    }

    void demoIsEngineOutput()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto cache = storage::LocalCache::open(dir.filePath(QStringLiteral("cache.db")), QByteArray(32, '\x5a'));
        QVERIFY(cache.ok());
        QElapsedTimer t;
        t.start();
        const Status st = workspace::populateDemoWorkspace(cache.value());
        if (!st.ok())
            QFAIL(qPrintable(st.error().message));
        qInfo("populateDemoWorkspace: %.2f s", double(t.nsecsElapsed()) / 1e9);

        // The same pipeline in memory: the generator as the demo configures it, the export's own as-of date.
        const demo::DemoConfig config = workspace::demoWorkspaceConfig();
        const demo::DemoDataGenerator gen(config);
        engines::ClaimAggregator agg;
        gen.generate([&](const demo::DemoClaim &c) { agg.add(gen.toRecord(c)); });
        QCOMPARE(engines::defaultAsOf(agg.aggregates()), config.asOf);
        const auto expected = engines::runAll(agg.aggregates(), config.asOf);
        std::set<QString> want;
        for (const auto &s : expected)
            want.insert(s.fingerprint);

        auto list = compute::listLocalSignals(cache.value(), {});
        QVERIFY(list.ok());
        std::set<QString> got;
        std::set<QString> products;
        int alerting = 0;
        for (const QJsonValue v : list.value()) {
            const QJsonObject o = v.toObject();
            got.insert(o.value(QStringLiteral("fingerprint")).toString());
            products.insert(o.value(QStringLiteral("product")).toString());
            alerting += o.value(QStringLiteral("status")).toString() != QLatin1String("none") ? 1 : 0;
        }
        QVERIFY(got == want);
        QVERIFY2(want.size() >= 10, qPrintable(QString::number(want.size())));
        QCOMPARE(products.size(), std::size_t(3));
        QCOMPARE(alerting, int(std::count_if(expected.begin(), expected.end(), alerts::shouldAlert)));
        qInfo("demo: %zu signals, %d alerts", got.size(), alerting);

        auto ev = cache.value().db().prepare(QStringLiteral("SELECT evidence FROM signals"));
        QVERIFY(ev.ok());
        for (;;) {
            auto row = ev.value().step();
            QVERIFY(row.ok());
            if (!row.value())
                break;
            const QJsonObject e = QJsonDocument::fromJson(ev.value().text(0).toUtf8()).object();
            QCOMPARE(e.value(QStringLiteral("windows")).toObject().value(QStringLiteral("current")).toArray().size(),
                     2);
            QVERIFY(!e.value(QStringLiteral("metric")).toString().isEmpty());
            QVERIFY(!e.value(QStringLiteral("series")).toArray().isEmpty());
            QVERIFY(e.value(QStringLiteral("breakdown")).isArray());
        }
        QCOMPARE(count(cache.value(), "SELECT count(*) FROM daily_aggregates"), qint64(agg.aggregates().rows().size()));
        QVERIFY(count(cache.value(), "SELECT count(*) FROM ledger_entries") > 0);

        // Recompute into the same cache: same fingerprints → no new signal, no second alert.
        compute::ComputeOptions options; // no as-of: the data's own date again
        auto again = compute::computeLocal(cache.value(), agg.aggregates(), options);
        QVERIFY(again.ok());
        QCOMPARE(again.value().signalsInserted, 0);
        QCOMPARE(again.value().signalsUpdated, int(expected.size()));
        QCOMPARE(again.value().alertsCreated, 0);
        QCOMPARE(count(cache.value(), "SELECT count(*) FROM alerts"), qint64(alerting));
    }
};

QTEST_GUILESS_MAIN(DemoWorkspaceHoldsEngineOutputTest)
#include "tst_demo_workspace_holds_engine_output.moc"
