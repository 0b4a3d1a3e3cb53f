// On generated live exports (DemoDataGenerator: pending and unpaid claims, payer changes acting on the date each
// product keys on, both DelayGuard kinds), over three seeds with as-of dates on different weekdays — in all at
// least 120 planted changes, as many decoys and 192 quiet payers: at least 95 % of the planted changes raise an
// alert from the right product on the right group (DelayGuard: the right signal type), and at most 2 % of the
// quiet payers (untouched by any planted change or decoy) raise any alert. Prints the figures for each seed and
// product, and the totals the thresholds apply to.
#include "alerts/AlertBook.h"
#include "demo/DemoDataGenerator.h"
#include "engines/DailyAggregate.h"
#include "engines/SignalEngines.h"

#include <QHash>
#include <QSet>
#include <QTest>

using namespace upstream;
using namespace upstream::engines;

namespace {

// The group a planted change must be found on.
QString groupOf(Product product, const QString &payer, const QString &cptGroup, const QString &reason, SignalType type)
{
    switch (product) {
    case Product::DriftWatch: return payer + QLatin1Char('|') + cptGroup;
    case Product::DenialScope: return payer + QLatin1Char('|') + reason;
    case Product::DelayGuard: return payer + QLatin1Char('|') + signalTypeName(type);
    }
    return {};
}

} // namespace

class EngineRecallTest : public QObject {
    Q_OBJECT
    struct Totals {
        int planted = 0, found = 0, decoys = 0, decoysAlerted = 0, quiet = 0, falsePayers = 0;
    } m_totals;

    void runSeed(quint64 seed, QDate asOf)
    {
        demo::DemoConfig config;
        config.rows = 6'000'000;
        config.seed = seed;
        config.asOf = asOf;
        const demo::DemoDataGenerator generator(config);
        ClaimAggregator aggregator;
        std::int64_t pending = 0, unpaid = 0, claims = 0;
        generator.generate([&](const demo::DemoClaim &c) {
            ++claims;
            pending += c.outcome == Outcome::Pending ? 1 : 0;
            unpaid += c.outcome == Outcome::Paid && c.payment == kNoDay ? 1 : 0;
            aggregator.add(generator.toRecord(c));
        });
        const AggregateSet &set = aggregator.aggregates();
        QCOMPARE(defaultAsOf(set), asOf); // a live export's own date
        QVERIFY(pending > claims / 50);   // it is live: pending and unpaid claims are part of it
        QVERIFY(unpaid > claims / 50);
        const auto found = runAll(set, asOf);

        QSet<QString> alerting;
        QHash<QString, QString> why;        // group -> its alerting signal, for the printout
        QHash<QString, int> payerAlerts[3]; // per product: payer -> alerts
        for (const Signal &s : found) {
            if (!alerts::shouldAlert(s))
                continue;
            const QString g = groupOf(s.product, s.payer, s.cptGroup, s.reason, s.type);
            alerting.insert(g);
            payerAlerts[int(s.product)][s.payer] += 1;
            why.insert(g, QStringLiteral("%1 delta %2 p %3 n %4/%5")
                              .arg(signalTypeName(s.type))
                              .arg(s.delta, 0, 'f', 3)
                              .arg(s.pValue(), 0, 'g', 3)
                              .arg(s.evidence.baselineCount)
                              .arg(s.evidence.currentCount));
        }

        const auto &truth = generator.truth();
        int planted = 0, plantedFound = 0, decoys = 0, decoysAlerted = 0, delayKinds = 0;
        QSet<SignalType> delayTypes;
        for (const auto &c : truth.changes) {
            const QString g = groupOf(c.product, c.payer, c.cptGroup, c.reason, c.signalType);
            // DenialScope: a new reason or a spike of it is found by any DenialScope signal on the reason.
            const bool hit = alerting.contains(g);
            if (c.decoy) {
                ++decoys;
                decoysAlerted += hit ? 1 : 0;
                if (hit)
                    qInfo("  decoy alerted: %s %s on %s (size %.3f): %s", qPrintable(productName(c.product)),
                          qPrintable(c.kind), qPrintable(g), c.size, qPrintable(why.value(g)));
            } else {
                ++planted;
                plantedFound += hit ? 1 : 0;
                if (c.product == Product::DelayGuard)
                    delayTypes.insert(c.signalType);
                if (!hit)
                    qInfo("  missed: %s %s on %s (size %.3f)", qPrintable(productName(c.product)), qPrintable(c.kind),
                          qPrintable(g), c.size);
            }
        }
        delayKinds = int(delayTypes.size());

        int quiet = 0, falsePayers = 0;
        int falseByProduct[3] = {0, 0, 0};
        for (const QString &payer : truth.payers) {
            if (!truth.quiet(payer))
                continue;
            ++quiet;
            bool any = false;
            for (const Product p : {Product::DriftWatch, Product::DenialScope, Product::DelayGuard}) {
                if (!payerAlerts[int(p)].contains(payer))
                    continue;
                any = true;
                ++falseByProduct[int(p)];
                for (auto it = why.cbegin(); it != why.cend(); ++it)
                    if (it.key().startsWith(payer + QLatin1Char('|')))
                        qInfo("  false alert: %s %s: %s", qPrintable(productName(p)), qPrintable(it.key()),
                              qPrintable(it.value()));
            }
            falsePayers += any ? 1 : 0;
        }
        const double recall = double(plantedFound) / planted;
        const double falseRate = double(falsePayers) / quiet;
        qInfo("seed %llu as of %s: %lld claims (%lld pending, %lld paid without payment date), %zu signals; "
              "recall %d/%d = %.1f %%; quiet payers with a false alert %d/%d = %.2f %% (driftwatch %d, "
              "denialscope %d, delayguard %d); decoys alerted %d/%d",
              seed, qPrintable(asOf.toString(Qt::ISODate)), qlonglong(claims), qlonglong(pending), qlonglong(unpaid),
              found.size(), plantedFound, planted, 100.0 * recall, falsePayers, quiet, 100.0 * falseRate,
              falseByProduct[0], falseByProduct[1], falseByProduct[2], decoysAlerted, decoys);
        QVERIFY(planted >= 40);
        QCOMPARE(delayKinds, 2);
        QVERIFY(decoys >= planted);
        QVERIFY(quiet >= 60);
        m_totals.planted += planted;
        m_totals.found += plantedFound;
        m_totals.decoys += decoys;
        m_totals.decoysAlerted += decoysAlerted;
        m_totals.quiet += quiet;
        m_totals.falsePayers += falsePayers;
    }

private slots:
    void plantedChangesFoundQuietPayersQuiet()
    {
        const std::pair<quint64, QDate> seeds[] = {
            {20260601, QDate(2026, 6, 1)}, {7, QDate(2026, 12, 3)}, {4242, QDate(2027, 2, 27)}};
        for (const auto &[seed, asOf] : seeds) {
            runSeed(seed, asOf);
            if (QTest::currentTestFailed())
                return;
        }
        const Totals &t = m_totals;
        const double recall = double(t.found) / t.planted, falseRate = double(t.falsePayers) / t.quiet;
        qInfo("all seeds: recall %d/%d = %.1f %%; quiet payers with a false alert %d/%d = %.2f %%; decoys alerted "
              "%d/%d",
              t.found, t.planted, 100.0 * recall, t.falsePayers, t.quiet, 100.0 * falseRate, t.decoysAlerted, t.decoys);
        QVERIFY(t.planted >= 120);
        QVERIFY(t.quiet >= 60);
        QVERIFY(recall >= 0.95);
        QVERIFY(falseRate <= 0.02);
        QVERIFY(t.decoysAlerted <= t.decoys / 10);
    }
};

QTEST_GUILESS_MAIN(EngineRecallTest)
#include "tst_engine_recall_and_false_alerts.moc"
