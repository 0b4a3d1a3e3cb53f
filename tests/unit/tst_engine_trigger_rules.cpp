// SPEC section 6 trigger rules beyond the reference cases, on hand-built claims: DriftWatch DECISION_TIME and
// improving changes (shown, never alerted); DenialScope new reason (≥ 10 recent denials) and rate spike;
// DelayGuard's decision-latency fallback, its "low and Δ < 2" floor and slower-only direction.
#include "alerts/AlertBook.h"
#include "engines/DailyAggregate.h"
#include "engines/SignalEngines.h"

#include <QTest>

#include <cmath>
#include <functional>

using namespace upstream;
using namespace upstream::engines;

namespace {

const QDate kAsOf(2026, 6, 1);
const EpochDay kEnd = toEpochDay(kAsOf);

// perDay claims on each day of [from, to) (offsets from asOf); `shape` edits claim i of the day.
void addClaims(ClaimAggregator &agg, int from, int to, int perDay,
               const std::function<void(ClaimRecord &, int day, int i)> &shape)
{
    for (int d = from; d < to; ++d)
        for (int i = 0; i < perDay; ++i) {
            ClaimRecord c;
            c.payer = QStringLiteral("Granite Health Plan");
            c.cpt = QStringLiteral("71046");
            c.cptGroup = QStringLiteral("RADIOLOGY");
            c.submittedDay = kEnd + d;
            c.decidedDay = c.submittedDay + 10;
            c.outcome = i % 10 == 0 ? Outcome::Denied : Outcome::Paid;
            if (c.outcome == Outcome::Denied)
                c.denialReasonCode = QStringLiteral("CO-45");
            c.paymentDay = c.outcome == Outcome::Paid ? c.decidedDay + 5 : kNoDay;
            c.allowedCents = 20000;
            shape(c, d, i);
            agg.add(c);
        }
}

std::vector<Signal> ofType(const std::vector<Signal> &all, SignalType type)
{
    std::vector<Signal> out;
    for (const auto &s : all)
        if (s.type == type)
            out.push_back(s);
    return out;
}

} // namespace

class EngineTriggerRulesTest : public QObject {
    Q_OBJECT
private slots:
    void decisionTimeSlowdownFires()
    {
        ClaimAggregator agg;
        addClaims(agg, -104, 0, 4, [](ClaimRecord &c, int d, int i) {
            c.decidedDay = c.submittedDay + (d >= -14 ? 16 : 10) + (i % 3) - 1;
        });
        const auto found = ofType(runDriftWatch(agg.aggregates(), kAsOf), SignalType::DecisionTime);
        QCOMPARE(found.size(), std::size_t(1));
        QVERIFY(std::fabs(found[0].delta - 6.0) < 1e-9);
        QVERIFY(std::fabs(found[0].severityScore - 0.6) < 1e-9);
        QCOMPARE(found[0].severity, Severity::Medium);
        QCOMPARE(found[0].direction, Direction::Degrading);
        QCOMPARE(found[0].evidence.test, QStringLiteral("welch_t"));
        QVERIFY(alerts::shouldAlert(found[0]));
        QVERIFY(ofType(runDriftWatch(agg.aggregates(), kAsOf), SignalType::DenialRate).empty());
    }

    void improvingChangesAreShownNotAlerted()
    {
        ClaimAggregator agg;
        addClaims(agg, -104, 0, 4, [](ClaimRecord &c, int d, int i) {
            const bool denied = d >= -14 ? i == 0 && d % 7 == 0 : i % 2 == 0; // 50 % → ~2 %
            c.outcome = denied ? Outcome::Denied : Outcome::Paid;
            c.denialReasonCode = denied ? QStringLiteral("CO-45") : QString();
        });
        const auto found = ofType(runDriftWatch(agg.aggregates(), kAsOf), SignalType::DenialRate);
        QCOMPARE(found.size(), std::size_t(1));
        QVERIFY(found[0].delta < -0.4);
        QCOMPARE(found[0].direction, Direction::Improving);
        QVERIFY(!alerts::shouldAlert(found[0]));
    }

    void smallDenialRateMoveStaysQuiet()
    {
        // 10 % → 13 %: below both |Δ| ≥ 0.05 and |Δ|/base ≥ 0.5, however many claims.
        ClaimAggregator agg;
        addClaims(agg, -104, 0, 200, [](ClaimRecord &c, int d, int i) {
            const bool denied = d >= -14 ? i % 100 < 13 : i % 10 == 0;
            c.outcome = denied ? Outcome::Denied : Outcome::Paid;
        });
        QVERIFY(ofType(runDriftWatch(agg.aggregates(), kAsOf), SignalType::DenialRate).empty());
    }

    void newReasonNeedsTenRecentDenials()
    {
        for (const int perDay : {2, 1}) {
            ClaimAggregator agg;
            addClaims(agg, -28, 0, 20, [perDay](ClaimRecord &c, int d, int i) {
                if (d >= -7 && i >= 20 - perDay) {
                    c.outcome = Outcome::Denied;
                    c.denialReasonCode = QStringLiteral("CO-B7");
                }
            });
            const auto found = ofType(runDenialScope(agg.aggregates(), kAsOf), SignalType::NewReason);
            if (perDay == 1) { // 7 recent denials
                QVERIFY(found.empty());
                continue;
            }
            QCOMPARE(found.size(), std::size_t(1)); // 14 recent denials
            QCOMPARE(found[0].reason, QStringLiteral("CO-B7"));
            QCOMPARE(found[0].severity, Severity::High);
            QCOMPARE(found[0].confidence, 0.8);
            QCOMPARE(found[0].evidence.currentEvents, 14);
            QCOMPARE(found[0].dollars, 14 * 200.0);
        }
    }

    void reasonRateSpikeFires()
    {
        ClaimAggregator agg;
        addClaims(agg, -28, 0, 20, [](ClaimRecord &c, int d, int i) {
            const bool denied = i < (d >= -7 ? 6 : 2); // CO-50: 10 % of claims → 30 %
            c.outcome = denied ? Outcome::Denied : Outcome::Paid;
            c.denialReasonCode = denied ? QStringLiteral("CO-50") : QString();
        });
        const auto found = runDenialScope(agg.aggregates(), kAsOf);
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found[0].type, SignalType::ReasonRateSpike);
        QVERIFY(std::fabs(found[0].delta - 0.2) < 1e-12);
        QCOMPARE(found[0].severity, Severity::Critical); // ratio 2
        QCOMPARE(found[0].confidence, 1.0);              // (42 + 42) ÷ 40, capped
        QVERIFY(found[0].pValue() < 0.01);
    }

    void delayGuardFallsBackToDecisionLatency()
    {
        ClaimAggregator agg;
        addClaims(agg, -74, 0, 3, [](ClaimRecord &c, int d, int i) {
            c.decidedDay = c.submittedDay + (d >= -14 ? 20 : 12) + i % 2;
            if (i == 1)
                c.paymentDay = kNoDay; // half the PAID claims (i = 1, 2) carry a payment date: below 80 %
        });
        const auto found = runDelayGuard(agg.aggregates(), kAsOf);
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found[0].type, SignalType::DecisionLatency);
        QCOMPARE(found[0].evidence.completeness, 1.0);
        QVERIFY(std::fabs(found[0].delta - 8.0) < 1e-9);
    }

    void delayGuardFloorAndDirection()
    {
        auto delta = [](double shift) {
            ClaimAggregator agg;
            addClaims(agg, -74, 0, 30, [shift](ClaimRecord &c, int d, int i) {
                const int extra = d >= -14 ? int(shift * 2) : 0; // half-day steps through the alternating pattern
                c.outcome = Outcome::Paid;
                c.paymentDay = c.submittedDay + 20 + (i % 2 ? extra / 2 + extra % 2 : extra / 2);
            });
            return runDelayGuard(agg.aggregates(), kAsOf);
        };
        QVERIFY(delta(1.5).empty());   // low and Δ < 2: never fires, however significant
        const auto three = delta(3.0); // low, but Δ ≥ 2
        QCOMPARE(three.size(), std::size_t(1));
        QCOMPARE(three[0].severity, Severity::Low);
        QVERIFY(delta(-5.0).empty()); // faster: DelayGuard reports slower only
    }
};

QTEST_GUILESS_MAIN(EngineTriggerRulesTest)
#include "tst_engine_trigger_rules.moc"
