// SPEC section 6 reference cases, reproduced exactly through the in-process aggregator and the engines:
// DelayGuard 15 baseline claims at 20–22 days vs 15 current at 35–37 → Δ 15.0 d, +71.4 %, confidence 0.825,
// critical; DriftWatch 360 baseline claims at 10 % denied vs 56 current at 50 % → Δ 0.40, severity 0.8 (high),
// confidence 1.0.
#include "engines/DailyAggregate.h"
#include "engines/SignalEngines.h"

#include <QTest>

#include <cmath>

using namespace upstream::engines;

namespace {

const QDate kAsOf(2026, 6, 1);

ClaimRecord claim(EpochDay submitted, Outcome outcome, int decisionDays, int paymentDays)
{
    ClaimRecord c;
    c.payer = QStringLiteral("Harborview Mutual");
    c.cpt = QStringLiteral("99213");
    c.cptGroup = QStringLiteral("E&M");
    c.submittedDay = submitted;
    c.decidedDay = submitted + decisionDays;
    c.paymentDay = paymentDays >= 0 ? submitted + paymentDays : kNoDay;
    c.outcome = outcome;
    c.allowedCents = 10000;
    c.billedCents = 15000;
    c.paidCents = outcome == Outcome::Paid ? 9000 : 0;
    if (outcome == Outcome::Denied)
        c.denialReasonCode = QStringLiteral("CO-50");
    return c;
}

} // namespace

class EngineReferenceCasesTest : public QObject {
    Q_OBJECT
private slots:
    void delayGuardReferenceCase()
    {
        const EpochDay end = toEpochDay(kAsOf);
        ClaimAggregator agg;
        for (int i = 0; i < 15; ++i) {
            const int latencyOffset = i % 3; // 20, 21, 22 and 35, 36, 37 days
            agg.add(claim(end - 70 + i * 3, Outcome::Paid, 10, 20 + latencyOffset));
            agg.add(claim(end - 14 + (i % 14), Outcome::Paid, 10, 35 + latencyOffset));
        }
        const auto all = runAll(agg.aggregates(), kAsOf);
        QCOMPARE(all.size(), std::size_t(1));
        const Signal &s = all.front();
        QCOMPARE(s.product, Product::DelayGuard);
        QCOMPARE(s.type, SignalType::PaymentLatency);
        QCOMPARE(s.payer, QStringLiteral("Harborview Mutual"));
        QCOMPARE(s.baselineValue, 21.0);
        QCOMPARE(s.currentValue, 36.0);
        QCOMPARE(s.delta, 15.0);
        QCOMPARE(QString::number(s.relativeDelta * 100.0, 'f', 1), QStringLiteral("71.4"));
        QVERIFY(std::fabs(s.confidence - 0.825) < 1e-12);
        QCOMPARE(s.severity, Severity::Critical);
        QCOMPARE(s.evidence.baselineCount, 15);
        QCOMPARE(s.evidence.currentCount, 15);
        QCOMPARE(s.evidence.completeness, 1.0);
        QVERIFY(s.evidence.pValue < 0.05);
        QCOMPARE(s.evidence.series.size(), std::size_t(74));
        // At risk = (Σ allowed current ÷ 14) × Δ = (15 × $100 ÷ 14) × 15.
        QVERIFY(std::fabs(s.dollars - 1500.0 / 14.0 * 15.0) < 1e-9);
    }

    void driftWatchReferenceCase()
    {
        const EpochDay end = toEpochDay(kAsOf);
        ClaimAggregator agg;
        int n = 0;
        for (EpochDay d = end - 104; d < end - 14; ++d)
            for (int k = 0; k < 4; ++k, ++n)
                agg.add(claim(d, n % 10 == 0 ? Outcome::Denied : Outcome::Paid, 10, 15));
        n = 0;
        for (EpochDay d = end - 14; d < end; ++d)
            for (int k = 0; k < 4; ++k, ++n)
                agg.add(claim(d, n % 2 == 0 ? Outcome::Denied : Outcome::Paid, 10, 15));

        const auto found = runDriftWatch(agg.aggregates(), kAsOf);
        QCOMPARE(found.size(), std::size_t(1));
        const Signal &s = found.front();
        QCOMPARE(s.type, SignalType::DenialRate);
        QCOMPARE(s.cptGroup, QStringLiteral("E&M"));
        QCOMPARE(s.evidence.baselineCount, 360);
        QCOMPARE(s.evidence.currentCount, 56);
        QCOMPARE(s.evidence.baselineEvents, 36);
        QCOMPARE(s.evidence.currentEvents, 28);
        QVERIFY(std::fabs(s.baselineValue - 0.10) < 1e-12);
        QVERIFY(std::fabs(s.currentValue - 0.50) < 1e-12);
        QVERIFY(std::fabs(s.delta - 0.40) < 1e-12);
        QVERIFY(std::fabs(s.severityScore - 0.8) < 1e-12);
        QCOMPARE(s.severity, Severity::High);
        QCOMPARE(s.confidence, 1.0);
        QCOMPARE(s.direction, Direction::Degrading);
        QVERIFY(s.evidence.pValue < 0.05);
        // Impact = Δ × n_current × mean allowed (current) = 0.40 × 56 × $100.
        QVERIFY(std::fabs(s.dollars - 2240.0) < 1e-9);
        QCOMPARE(s.evidence.series.size(), std::size_t(104));
        QCOMPARE(s.evidence.series.back().value, 0.5);
    }

    void belowMinimumVolumeStaysQuiet()
    {
        // 29 current claims (one short of DriftWatch's 30) with the same jump: no signal.
        const EpochDay end = toEpochDay(kAsOf);
        ClaimAggregator agg;
        for (EpochDay d = end - 104; d < end - 14; ++d)
            for (int k = 0; k < 4; ++k)
                agg.add(claim(d, k == 0 && d % 5 == 0 ? Outcome::Denied : Outcome::Paid, 10, 15));
        for (int i = 0; i < 29; ++i)
            agg.add(claim(end - 14 + i % 14, i % 2 ? Outcome::Denied : Outcome::Paid, 10, 15));
        QVERIFY(runDriftWatch(agg.aggregates(), kAsOf).empty());
    }
};

QTEST_GUILESS_MAIN(EngineReferenceCasesTest)
#include "tst_engine_reference_cases.moc"
