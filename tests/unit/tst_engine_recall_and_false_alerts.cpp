// On generated data (DemoDataGenerator) with 42 planted changes above the engines' thresholds and 42 decoys
// below them: at least 95 % of the planted changes raise an alert from the right product on the right group,
// and at most 2 % of the stable groups (untouched by any planted change or decoy) raise an alert. Prints the
// figures for each seed and product.
#include "alerts/AlertBook.h"
#include "demo/DemoCatalog.h"
#include "demo/DemoDataGenerator.h"
#include "engines/DailyAggregate.h"
#include "engines/SignalEngines.h"

#include <QHash>
#include <QSet>
#include <QTest>

using namespace upstream;
using namespace upstream::engines;

namespace {

QString groupOf(Product product, const QString &payer, const QString &cptGroup, const QString &reason)
{
    switch (product) {
    case Product::DriftWatch:
        return payer + QLatin1Char('|') + cptGroup;
    case Product::DenialScope:
        return payer + QLatin1Char('|') + reason;
    case Product::DelayGuard:
        return payer;
    }
    return {};
}

} // namespace

class EngineRecallTest : public QObject {
    Q_OBJECT
private slots:
    void plantedDriftsFoundStableGroupsQuiet_data()
    {
        QTest::addColumn<quint64>("seed");
        QTest::newRow("seed 20260601") << quint64(20260601);
        QTest::newRow("seed 7") << quint64(7);
        QTest::newRow("seed 4242") << quint64(4242);
    }

    void plantedDriftsFoundStableGroupsQuiet()
    {
        QFETCH(quint64, seed);
        demo::DemoConfig config;
        config.rows = 3'000'000;
        config.seed = seed;
        config.asOf = QDate(2026, 6, 1);
        const demo::DemoDataGenerator generator(config);
        ClaimAggregator aggregator;
        generator.generate([&](const demo::DemoClaim &c) { aggregator.add(generator.toRecord(c)); });
        const AggregateSet &set = aggregator.aggregates();
        const auto found = runAll(set, config.asOf);

        // Alerting groups per product.
        QSet<QString> alerting[3];
        QHash<QString, QString> why; // group -> "TYPE Δ p" of its alerting signal, for the printout
        for (const Signal &s : found) {
            if (!alerts::shouldAlert(s))
                continue;
            const QString g = groupOf(s.product, s.payer, s.cptGroup, s.reason);
            alerting[int(s.product)].insert(g);
            why.insert(g, QStringLiteral("%1 delta %2 p %3 n %4/%5")
                              .arg(signalTypeName(s.type))
                              .arg(s.delta, 0, 'f', 3)
                              .arg(s.pValue(), 0, 'g', 3)
                              .arg(s.evidence.baselineCount)
                              .arg(s.evidence.currentCount));
        }

        const auto &truth = generator.truth();
        int planted = 0, plantedFound = 0, decoys = 0, decoysAlerted = 0;
        for (const auto &c : truth.changes) {
            const bool hit = alerting[int(c.product)].contains(groupOf(c.product, c.payer, c.cptGroup, c.reason));
            if (c.decoy) {
                ++decoys;
                decoysAlerted += hit ? 1 : 0;
                if (hit)
                    qInfo("  decoy alerted: %s %s on %s %s%s (size %.3f): %s", qPrintable(productName(c.product)),
                          qPrintable(c.kind), qPrintable(c.payer), qPrintable(c.cptGroup), qPrintable(c.reason), c.size,
                          qPrintable(why.value(groupOf(c.product, c.payer, c.cptGroup, c.reason))));
            } else {
                ++planted;
                plantedFound += hit ? 1 : 0;
                if (!hit)
                    qInfo("  missed: %s %s on %s %s%s (size %.3f)", qPrintable(productName(c.product)),
                          qPrintable(c.kind), qPrintable(c.payer), qPrintable(c.cptGroup), qPrintable(c.reason),
                          c.size);
            }
        }

        // Every group each product can see, and which of them are stable.
        QSet<QString> groups[3];
        for (const auto &payer : truth.payers) {
            groups[int(Product::DelayGuard)].insert(payer);
            for (const auto &g : demo::demoCptGroups())
                groups[int(Product::DriftWatch)].insert(groupOf(Product::DriftWatch, payer, g.name, {}));
        }
        const ProductWindows ds = windowsFor(Product::DenialScope, config.asOf);
        for (const AggregateRow &r : set.rows())
            if (r.reason != 0 && r.day >= ds.baseline.start && r.day < ds.current.end)
                groups[int(Product::DenialScope)].insert(
                    groupOf(Product::DenialScope, set.payers()[int(r.payer)], {}, set.reasons()[int(r.reason)]));

        int stableTotal = 0, falseTotal = 0;
        for (const Product p : {Product::DriftWatch, Product::DenialScope, Product::DelayGuard}) {
            int stable = 0, falseAlerts = 0;
            for (const QString &g : std::as_const(groups[int(p)])) {
                const QStringList parts = g.split(QLatin1Char('|'));
                const QString payer = parts.value(0);
                const QString second = parts.value(1);
                if (truth.affects(p, payer, p == Product::DriftWatch ? second : QString(),
                                  p == Product::DenialScope ? second : QString()))
                    continue;
                ++stable;
                if (alerting[int(p)].contains(g)) {
                    ++falseAlerts;
                    qInfo("  false alert: %s %s: %s", qPrintable(productName(p)), qPrintable(g),
                          qPrintable(why.value(g)));
                }
            }
            qInfo("seed %llu %s: stable groups %d, false alerts %d (%.2f %%)", seed, qPrintable(productName(p)), stable,
                  falseAlerts, stable ? 100.0 * falseAlerts / stable : 0.0);
            QVERIFY(stable >= 20);
            QVERIFY2(falseAlerts <= 0.02 * stable, qPrintable(productName(p)));
            stableTotal += stable;
            falseTotal += falseAlerts;
        }
        const double recall = double(plantedFound) / planted;
        const double falseRate = double(falseTotal) / stableTotal;
        qInfo("seed %llu: %lld claims, %zu signals; recall %d/%d = %.1f %%; false alerts %d/%d stable groups = "
              "%.2f %%; decoys alerted %d/%d",
              seed, qlonglong(config.rows), found.size(), plantedFound, planted, 100.0 * recall, falseTotal,
              stableTotal, 100.0 * falseRate, decoysAlerted, decoys);
        QVERIFY(planted >= 40);
        QVERIFY(decoys >= planted);
        QVERIFY(recall >= 0.95);
        QVERIFY(falseRate <= 0.02);
        QVERIFY(decoysAlerted <= decoys / 10);
    }
};

QTEST_GUILESS_MAIN(EngineRecallTest)
#include "tst_engine_recall_and_false_alerts.moc"
