// SPEC section 6 trigger rules beyond the reference cases, on hand-built claims: DriftWatch's per-payer family of
// tests (pooled gate, α = 0.01 ÷ k) and improving changes (shown, never alerted); DenialScope new reason (≥ 10
// recent denials) and rate spike, by decided date; DelayGuard payment_delay only with payment dates on ≥ 80 % of
// the reference, its Δ ≥ 2 floor and slower-only direction.
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

// perDay claims decided on each day of [from, to) (offsets from asOf), submitted 10 days before; `shape` edits
// claim i of the day.
void addClaims(ClaimAggregator &agg, int from, int to, int perDay,
               const std::function<void(ClaimRecord &, int day, int i)> &shape)
{
    for (int d = from; d < to; ++d)
        for (int i = 0; i < perDay; ++i) {
            ClaimRecord c;
            c.payer = QStringLiteral("Granite Health Plan");
            c.cpt = QStringLiteral("71046");
            c.cptGroup = QStringLiteral("RADIOLOGY");
            c.decidedDay = kEnd + d;
            c.submittedDay = c.decidedDay - 10;
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
    void driftWatchTestsAPayersGroupsAsOneFamily()
    {
        // Two groups of one payer, each 10 % → 50 % denied alone would fire; tested together each needs
        // p < 0.01 ÷ 2.
        ClaimAggregator agg;
        addClaims(agg, -104, 0, 8, [](ClaimRecord &c, int d, int i) {
            c.cptGroup = i % 2 ? QStringLiteral("RADIOLOGY") : QStringLiteral("LAB");
            const bool denied = d >= -14 ? i % 4 < 2 : (i / 2 + d) % 10 == 0;
            c.outcome = denied ? Outcome::Denied : Outcome::Paid;
        });
        const auto both = runDriftWatch(agg.aggregates(), kAsOf);
        QCOMPARE(both.size(), std::size_t(2));
        for (const Signal &s : both) {
            QCOMPARE(s.evidence.alpha, 0.005);
            QVERIFY(s.evidence.familyPValue < 0.05);
            QCOMPARE(s.evidence.keyedOn, QStringLiteral("decided_date"));
        }

        // The payer as a whole did not move (one group up, the other down by as much): no group is tested.
        ClaimAggregator flat;
        addClaims(flat, -104, 0, 8, [](ClaimRecord &c, int d, int i) {
            const bool lab = i % 2 == 0;
            c.cptGroup = lab ? QStringLiteral("LAB") : QStringLiteral("RADIOLOGY");
            const bool high = d >= -14 ? lab : !lab; // 40 % denied in one group, 10 % in the other; they swap
            c.outcome = (i / 2) % 10 < (high ? 4 : 1) ? Outcome::Denied : Outcome::Paid;
        });
        QVERIFY(runDriftWatch(flat.aggregates(), kAsOf).empty());
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

    void delayGuardPaymentNeedsPaymentDates()
    {
        // PAID claims decided 20 a day; payments 8–12 days later, 6 days slower from T−28. With payment dates on
        // 80 % of the claims: payment_delay; on 60 %: the export has no usable payment dates, no payment signal.
        for (const int withoutDate : {1, 2}) {
            ClaimAggregator agg;
            addClaims(agg, -118, 0, 20, [withoutDate](ClaimRecord &c, int d, int i) {
                c.outcome = Outcome::Paid;
                c.denialReasonCode.clear();
                const int lag = 8 + i % 5 + (d >= -28 ? 6 : 0);
                c.paymentDay = i % 5 < withoutDate ? kNoDay : c.decidedDay + lag;
                if (c.paymentDay != kNoDay && c.paymentDay >= kEnd)
                    c.paymentDay = kNoDay; // not paid by the export day
            });
            const auto found = ofType(runDelayGuard(agg.aggregates(), kAsOf), SignalType::PaymentDelay);
            if (withoutDate == 2) {
                QVERIFY(found.empty());
                continue;
            }
            QCOMPARE(found.size(), std::size_t(1));
            QCOMPARE(found[0].evidence.keyedOn, QStringLiteral("decided_date"));
            QVERIFY(std::fabs(found[0].evidence.completeness - 0.8) < 1e-9);
            QVERIFY2(std::fabs(found[0].delta - 6.0) < 0.05, qPrintable(QString::number(found[0].delta)));
            QVERIFY(found[0].evidence.pValue < 0.01);
        }
    }

    void delayGuardFloorAndDirection()
    {
        // 60 claims submitted a day, decided 10–14 days later; the cohort [T−28, T) `shift` days slower. A claim
        // not decided before T is pending.
        auto run = [](int shift) {
            ClaimAggregator agg;
            for (int d = -118; d < 0; ++d)
                for (int i = 0; i < 60; ++i) {
                    ClaimRecord c;
                    c.payer = QStringLiteral("Granite Health Plan");
                    c.cpt = QStringLiteral("71046");
                    c.cptGroup = QStringLiteral("RADIOLOGY");
                    c.submittedDay = kEnd + d;
                    c.decidedDay = c.submittedDay + 10 + i % 5 + (d >= -28 ? shift : 0);
                    c.outcome = Outcome::Paid;
                    c.billedCents = 10000;
                    if (c.decidedDay >= kEnd) {
                        c.decidedDay = kNoDay;
                        c.outcome = Outcome::Pending;
                    }
                    agg.add(c);
                }
            return ofType(runDelayGuard(agg.aggregates(), kAsOf), SignalType::AdjudicationDelay);
        };
        const auto one = run(1); // significant, but Δ < 2 days: never fires
        QVERIFY(one.empty());
        const auto three = run(3);
        QCOMPARE(three.size(), std::size_t(1));
        QVERIFY2(std::fabs(three[0].delta - 3.0) < 0.05, qPrintable(QString::number(three[0].delta)));
        QCOMPARE(three[0].baselineValue, 12.0);
        QVERIFY(three[0].evidence.pValue < 0.01);
        QVERIFY(run(-3).empty()); // faster: DelayGuard reports slower only
        QVERIFY(run(0).empty());
    }
};

QTEST_GUILESS_MAIN(EngineTriggerRulesTest)
#include "tst_engine_trigger_rules.moc"
