// SPEC section 6 reference cases, reproduced exactly through the in-process aggregator and the engines (T = as-of):
// - DriftWatch: 360 baseline claims decided 4 a day over [T−104, T−14), 10 % denied, 56 current decided 4 a day
//   over [T−14, T), 50 % denied → Δ 0.40, severity 0.8 (high), confidence 1.0;
// - DelayGuard: 200 reference claims submitted over [T−118, T−28) with lags 10–14 days, a cohort of 2 claims a day
//   over [T−28, T) with lags 18–22, unfinished ones pending → one adjudication_delay signal: O 16, E 32.0, V 1.6,
//   z −12.649, Δ 8.0 days, 12.0 → 20.0 days, confidence 0.86, high, p80 13, 40 unfinished, 14 overdue, $1,400.
// The DelayGuard case is also built as an export taken later (every claim decided) and replayed at T: the replay
// rule makes the two identical.
#include "engines/DailyAggregate.h"
#include "engines/SignalEngines.h"

#include <QJsonDocument>
#include <QTest>

#include <cmath>

using namespace upstream::engines;

namespace {

const QDate kAsOf(2026, 6, 1);

ClaimRecord decidedClaim(EpochDay submitted, EpochDay decided, Outcome outcome)
{
    ClaimRecord c;
    c.payer = QStringLiteral("Harborview Mutual");
    c.cpt = QStringLiteral("99213");
    c.cptGroup = QStringLiteral("E&M");
    c.submittedDay = submitted;
    c.decidedDay = decided;
    c.outcome = outcome;
    c.allowedCents = 10000;
    c.billedCents = 10000;
    if (outcome == Outcome::Denied)
        c.denialReasonCode = QStringLiteral("CO-50");
    return c;
}

// The SPEC's DelayGuard data. asExportedOn: the export's date; a claim decided on or after it is PENDING there.
AggregateSet delayGuardCase(EpochDay exportDay)
{
    const EpochDay t = toEpochDay(kAsOf);
    ClaimAggregator agg;
    auto add = [&](EpochDay submitted, int lag) {
        ClaimRecord c = decidedClaim(submitted, submitted + lag, Outcome::Paid);
        if (c.decidedDay >= exportDay) {
            c.outcome = Outcome::Pending;
            c.decidedDay = kNoDay;
        }
        agg.add(c);
    };
    for (int i = 0; i < 200; ++i)
        add(t - 118 + (90 * i) / 200, 10 + i % 5);
    for (int i = 0; i < 56; ++i)
        add(t - 28 + i / 2, 18 + i % 5);
    return agg.take();
}

} // namespace

class EngineReferenceCasesTest : public QObject {
    Q_OBJECT
private slots:
    void delayGuardReferenceCase()
    {
        const AggregateSet set = delayGuardCase(toEpochDay(kAsOf));
        QCOMPARE(defaultAsOf(set), kAsOf); // the export's own date: the day after its newest event
        const auto all = runAll(set, kAsOf);
        QCOMPARE(all.size(), std::size_t(1));
        const Signal &s = all.front();
        QCOMPARE(s.product, Product::DelayGuard);
        QCOMPARE(s.type, SignalType::AdjudicationDelay);
        QCOMPARE(signalTypeName(s.type), QStringLiteral("adjudication_delay"));
        QCOMPARE(s.evidence.baselineCount, 200);
        QCOMPARE(s.evidence.currentCount, 56);
        const DelayFigures &d = s.evidence.delay;
        QCOMPARE(d.observed, 16.0);
        QVERIFY(std::fabs(d.expected - 32.0) < 1e-9);
        QVERIFY(std::fabs(d.variance - 1.6) < 1e-9);
        QCOMPARE(QString::number(s.evidence.statistic, 'f', 3), QStringLiteral("-12.649"));
        QVERIFY(s.evidence.pValue < 1e-30);
        QCOMPARE(s.delta, 8.0);
        QCOMPARE(s.baselineValue, 12.0);
        QCOMPARE(s.currentValue, 20.0);
        QVERIFY(std::fabs(s.confidence - 0.86) < 1e-9);
        QCOMPARE(s.severity, Severity::High);
        QCOMPARE(d.referenceP80Lag, 13);
        QCOMPARE(d.unfinished, 40);
        QCOMPARE(d.overdueClaims, 14);
        QVERIFY(std::fabs(d.overdueDollars - 1400.0) < 1e-9);
        QVERIFY(std::fabs(s.dollars - 1400.0) < 1e-9);
        QCOMPARE(s.evidence.keyedOn, QStringLiteral("submitted_date"));
        // The two curves: F(a) of the reference (0 up to lag 10, 1 from 15 days) and the cohort's own.
        QCOMPARE(d.referenceCurve.size(), std::size_t(29));
        QCOMPARE(d.referenceCurve[10].value, 0.0);
        QVERIFY(std::fabs(d.referenceCurve[12].value - 0.4) < 1e-12);
        QCOMPARE(d.referenceCurve[15].value, 1.0);
        QCOMPARE(d.cohortCurve.size(), std::size_t(29));
        QCOMPARE(d.cohortCurve[18].value, 0.0); // no cohort claim is decided in under 18 days
        QVERIFY(d.cohortCurve[23].value > 0.9);
        const QJsonObject json = toJson(s);
        QCOMPARE(json.value(QStringLiteral("observed")).toDouble(), 16.0);
        QCOMPARE(json.value(QStringLiteral("overdue_claims")).toInt(), 14);
        QCOMPARE(json.value(QStringLiteral("overdue_dollars")).toDouble(), 1400.0);
    }

    void delayGuardReplayOfALaterExportMatchesTheCutExport()
    {
        // The same claims exported 60 days later (all decided): at as-of T the replay rule treats every decision
        // dated T or later as pending, so the signals equal those of the export taken on T.
        const AggregateSet cut = delayGuardCase(toEpochDay(kAsOf));
        const AggregateSet later = delayGuardCase(toEpochDay(kAsOf) + 60);
        QVERIFY(!cut.sameContent(later));
        QCOMPARE(defaultAsOf(later), kAsOf.addDays(22)); // its own date: after the last decision (T − 1 + 22 days)
        const auto a = runAll(cut, kAsOf), b = runAll(later, kAsOf);
        QCOMPARE(a.size(), std::size_t(1));
        QCOMPARE(b.size(), a.size());
        if (!(b.front() == a.front()))
            qInfo("cut %s\nlater %s", QJsonDocument(toJson(a.front())).toJson().constData(),
                  QJsonDocument(toJson(b.front())).toJson().constData());
        QCOMPARE(b.front(), a.front());
    }

    void driftWatchReferenceCase()
    {
        const EpochDay end = toEpochDay(kAsOf);
        ClaimAggregator agg;
        int n = 0;
        for (EpochDay d = end - 104; d < end - 14; ++d)
            for (int k = 0; k < 4; ++k, ++n) // 10 % denied: every tenth claim
                agg.add(decidedClaim(d - 12, d, n % 10 == 0 ? Outcome::Denied : Outcome::Paid));
        for (EpochDay d = end - 14; d < end; ++d)
            for (int k = 0; k < 4; ++k)
                agg.add(decidedClaim(d - 12, d, k % 2 ? Outcome::Denied : Outcome::Paid));
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
        QCOMPARE(s.evidence.keyedOn, QStringLiteral("decided_date"));
        QCOMPARE(s.evidence.alpha, 0.01); // one group meets the volume: α = 0.01 / 1
        QVERIFY(s.evidence.familyPValue < 0.05);
        QVERIFY(s.evidence.pValue < 0.01);
        // Impact = Δ × n_current × mean allowed (current) = 0.40 × 56 × $100.
        QVERIFY(std::fabs(s.dollars - 2240.0) < 1e-9);
        QCOMPARE(s.evidence.series.size(), std::size_t(104));
        QCOMPARE(s.evidence.series.back().value, 0.5);
    }

    void belowMinimumVolumeStaysQuiet()
    {
        // 29 current decided claims (one short of DriftWatch's 30) with the same jump: no signal.
        const EpochDay end = toEpochDay(kAsOf);
        ClaimAggregator agg;
        int n = 0;
        for (EpochDay d = end - 104; d < end - 14; ++d)
            for (int k = 0; k < 4; ++k, ++n)
                agg.add(decidedClaim(d - 12, d, n % 10 == 0 ? Outcome::Denied : Outcome::Paid));
        for (int i = 0; i < 29; ++i)
            agg.add(decidedClaim(end - 20, end - 14 + i % 14, i % 2 ? Outcome::Denied : Outcome::Paid));
        QVERIFY(runDriftWatch(agg.aggregates(), kAsOf).empty());
    }
};

QTEST_GUILESS_MAIN(EngineReferenceCasesTest)
#include "tst_engine_reference_cases.moc"
