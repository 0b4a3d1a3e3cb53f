// Proves: compute::evidenceJson turns an engine Signal into exactly the evidence JSON shape the dashboards read
// (windows, keyed-on date, counts, metric/unit, statistic, p-value, confidence, explanations with the actual
// figures, daily series, breakdown from the aggregates, DelayGuard's O/E figures and two curves), on SPEC 6's
// reference cases, and that the figures are the engine's.
#include "compute/EvidenceJson.h"
#include "engines/DailyAggregate.h"
#include "engines/SignalEngines.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace upstream;
using namespace upstream::engines;

namespace {

const QDate kAsOf(2026, 6, 1);

// A claim decided on `decided`, submitted 10 days before, paid `paymentDays` after the decision (-1: no date).
ClaimRecord claim(EpochDay decided, Outcome outcome, int paymentDays, const QString &group, const QString &reason)
{
    ClaimRecord c;
    c.payer = QStringLiteral("Harborview Mutual");
    c.cpt = QStringLiteral("99213");
    c.cptGroup = group;
    c.submittedDay = decided - 10;
    c.decidedDay = decided;
    c.paymentDay = paymentDays >= 0 ? decided + paymentDays : kNoDay;
    c.outcome = outcome;
    c.allowedCents = 10000;
    c.billedCents = 15000;
    c.paidCents = outcome == Outcome::Paid ? 9000 : 0;
    if (outcome == Outcome::Denied)
        c.denialReasonCode = reason;
    return c;
}

} // namespace

class SignalEvidenceJsonShapeTest : public QObject {
    Q_OBJECT
private slots:
    void driftWatchReferenceCase()
    {
        const EpochDay end = toEpochDay(kAsOf);
        ClaimAggregator agg;
        int n = 0;
        const QString em = QStringLiteral("E&M");
        for (EpochDay d = end - 104; d < end - 14; ++d)
            for (int k = 0; k < 4; ++k, ++n)
                agg.add(claim(d, n % 10 == 0 ? Outcome::Denied : Outcome::Paid, 15, em, QStringLiteral("CO-50")));
        n = 0;
        for (EpochDay d = end - 14; d < end; ++d)
            for (int k = 0; k < 4; ++k, ++n)
                agg.add(claim(d, n % 2 == 0 ? Outcome::Denied : Outcome::Paid, 15, em,
                              n % 4 == 0 ? QStringLiteral("CO-50") : QStringLiteral("CO-97")));
        const auto found = runDriftWatch(agg.aggregates(), kAsOf);
        QCOMPARE(found.size(), std::size_t(1));
        const Signal &s = found.front();
        const QJsonObject e =
            QJsonDocument::fromJson(compute::evidenceJsonText(s, &agg.aggregates())).object(); // through the text
        const QJsonObject w = e.value(QStringLiteral("windows")).toObject();
        QCOMPARE(w.value(QStringLiteral("baseline")).toArray(),
                 (QJsonArray{QStringLiteral("2026-02-17"), QStringLiteral("2026-05-18")}));
        QCOMPARE(w.value(QStringLiteral("current")).toArray(),
                 (QJsonArray{QStringLiteral("2026-05-18"), QStringLiteral("2026-06-01")}));
        const QJsonObject c = e.value(QStringLiteral("counts")).toObject();
        QCOMPARE(c.value(QStringLiteral("baseline_n")).toInteger(), 360);
        QCOMPARE(c.value(QStringLiteral("current_n")).toInteger(), 56);
        QCOMPARE(c.value(QStringLiteral("baseline_events")).toInteger(), 36);
        QCOMPARE(c.value(QStringLiteral("current_events")).toInteger(), 28);
        QCOMPARE(e.value(QStringLiteral("keyed_on")).toString(), QStringLiteral("decided_date"));
        QVERIFY(!e.contains(QStringLiteral("delay")));
        QCOMPARE(e.value(QStringLiteral("metric")).toString(), QStringLiteral("denial_rate"));
        QCOMPARE(e.value(QStringLiteral("unit")).toString(), QStringLiteral("rate"));
        const QJsonObject stat = e.value(QStringLiteral("statistic")).toObject();
        QCOMPARE(stat.value(QStringLiteral("name")).toString(), QStringLiteral("z"));
        QCOMPARE(stat.value(QStringLiteral("value")).toDouble(), s.evidence.statistic);
        QCOMPARE(e.value(QStringLiteral("p_value")).toDouble(), s.pValue());
        QVERIFY(s.pValue() < 0.05);
        QCOMPARE(e.value(QStringLiteral("confidence")).toDouble(), 1.0);
        const QString sev = e.value(QStringLiteral("severity_explanation")).toString();
        QVERIFY2(sev.contains(QLatin1String("10.0%")) && sev.contains(QLatin1String("50.0%")) &&
                     sev.contains(QLatin1String("+40.0 pts")) && sev.contains(QLatin1String("0.80")) &&
                     sev.contains(QLatin1String("high")),
                 qPrintable(sev));
        // Impact = 0.40 × 56 × $100 = $2,240.00.
        const QString dol = e.value(QStringLiteral("dollars_explanation")).toString();
        QVERIFY2(dol.contains(QLatin1String("$2,240.00")) && dol.contains(QLatin1String("$100.00")), qPrintable(dol));
        const QJsonArray series = e.value(QStringLiteral("series")).toArray();
        QCOMPARE(series.size(), 104);
        QCOMPARE(series.first().toObject().value(QStringLiteral("date")).toString(), QStringLiteral("2026-02-17"));
        QCOMPARE(series.last().toObject().value(QStringLiteral("n")).toInteger(), 4);
        QCOMPARE(series.last().toObject().value(QStringLiteral("value")).toDouble(), 0.5);
        // Breakdown by denial reason within the group: CO-50 10 % → 25 %, CO-97 new at 25 %.
        const QJsonArray br = e.value(QStringLiteral("breakdown")).toArray();
        QCOMPARE(br.size(), 2);
        const QJsonObject co50 = br.at(0).toObject(), co97 = br.at(1).toObject();
        QCOMPARE(co50.value(QStringLiteral("key")).toString(), QStringLiteral("CO-50"));
        QCOMPARE(co50.value(QStringLiteral("baseline")).toDouble(), 0.1);
        QCOMPARE(co50.value(QStringLiteral("current")).toDouble(), 0.25);
        QCOMPARE(co50.value(QStringLiteral("n")).toInteger(), 14);
        QCOMPARE(co97.value(QStringLiteral("key")).toString(), QStringLiteral("CO-97"));
        QCOMPARE(co97.value(QStringLiteral("baseline")).toDouble(), 0.0);
        QCOMPARE(co97.value(QStringLiteral("n")).toInteger(), 14);
        // Without aggregates: same shape, empty breakdown.
        QVERIFY(compute::evidenceJson(s).value(QStringLiteral("breakdown")).toArray().isEmpty());
    }

    void delayGuardReferenceCaseCarriesFiguresAndCurves()
    {
        // SPEC 6's DelayGuard case: reference lags 10–14 days, cohort 18–22, unfinished claims pending.
        const EpochDay t = toEpochDay(kAsOf);
        ClaimAggregator agg;
        auto add = [&](EpochDay submitted, int lag) {
            ClaimRecord c = claim(submitted + lag, Outcome::Paid, -1, QStringLiteral("E&M"), {});
            c.submittedDay = submitted;
            c.billedCents = 10000;
            if (c.decidedDay >= t) {
                c.decidedDay = kNoDay;
                c.outcome = Outcome::Pending;
            }
            agg.add(c);
        };
        for (int i = 0; i < 200; ++i)
            add(t - 118 + (90 * i) / 200, 10 + i % 5);
        for (int i = 0; i < 56; ++i)
            add(t - 28 + i / 2, 18 + i % 5);
        const auto found = runDelayGuard(agg.aggregates(), kAsOf);
        QCOMPARE(found.size(), std::size_t(1));
        const QJsonObject e =
            QJsonDocument::fromJson(compute::evidenceJsonText(found.front(), &agg.aggregates())).object();
        QCOMPARE(e.value(QStringLiteral("metric")).toString(), QStringLiteral("decision_days"));
        QCOMPARE(e.value(QStringLiteral("unit")).toString(), QStringLiteral("days"));
        QCOMPARE(e.value(QStringLiteral("keyed_on")).toString(), QStringLiteral("submitted_date"));
        QCOMPARE(e.value(QStringLiteral("statistic")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("z"));
        QCOMPARE(e.value(QStringLiteral("windows")).toObject().value(QStringLiteral("current")).toArray(),
                 (QJsonArray{QStringLiteral("2026-05-04"), QStringLiteral("2026-06-01")}));
        const QJsonObject d = e.value(QStringLiteral("delay")).toObject();
        QCOMPARE(d.value(QStringLiteral("observed")).toDouble(), 16.0);
        QCOMPARE(QString::number(d.value(QStringLiteral("expected")).toDouble(), 'f', 6), QStringLiteral("32.000000"));
        QCOMPARE(d.value(QStringLiteral("unfinished")).toInteger(), 40);
        QCOMPARE(d.value(QStringLiteral("overdue_claims")).toInteger(), 14);
        QCOMPARE(d.value(QStringLiteral("overdue_dollars")).toDouble(), 1400.0);
        QCOMPARE(d.value(QStringLiteral("reference_p80_lag")).toInt(), 13);
        const QJsonArray ref = d.value(QStringLiteral("reference_curve")).toArray();
        const QJsonArray coh = d.value(QStringLiteral("cohort_curve")).toArray();
        QCOMPARE(ref.size(), 29);
        QCOMPARE(coh.size(), 29);
        QCOMPARE(ref.at(14).toObject().value(QStringLiteral("age")).toInt(), 14);
        QVERIFY(std::abs(ref.at(14).toObject().value(QStringLiteral("share")).toDouble() - 0.8) < 1e-12);
        QCOMPARE(coh.at(14).toObject().value(QStringLiteral("share")).toDouble(), 0.0);
        const QString dol = e.value(QStringLiteral("dollars_explanation")).toString();
        QVERIFY2(dol.contains(QLatin1String("$1,400.00")) && dol.contains(QLatin1String("14 unfinished")) &&
                     dol.contains(QLatin1String("13 days")),
                 qPrintable(dol));
        QVERIFY(e.value(QStringLiteral("severity_explanation")).toString().contains(QLatin1String("high")));
        QVERIFY(e.value(QStringLiteral("breakdown")).toArray().isEmpty()); // the curves replace it
    }

    void metricsAndStatisticNames()
    {
        QCOMPARE(compute::metricOf(SignalType::ReasonRateSpike), QStringLiteral("reason_rate"));
        QCOMPARE(compute::unitOf(SignalType::ReasonDollarSpike), QStringLiteral("dollars"));
        QCOMPARE(compute::metricOf(SignalType::AdjudicationDelay), QStringLiteral("decision_days"));
        QCOMPARE(compute::metricOf(SignalType::PaymentDelay), QStringLiteral("payment_days"));
        QCOMPARE(compute::statisticNameOf(QStringLiteral("observed_vs_expected")), QStringLiteral("z"));
        QCOMPARE(compute::statisticNameOf(QStringLiteral("poisson_exact")), QStringLiteral("poisson"));
        QCOMPARE(compute::statisticNameOf(QStringLiteral("welch_t")), QStringLiteral("t"));
    }
};

QTEST_GUILESS_MAIN(SignalEvidenceJsonShapeTest)
#include "tst_signal_evidence_json_shape.moc"
