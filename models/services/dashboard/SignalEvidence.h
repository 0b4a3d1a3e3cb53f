#pragma once
// The evidence behind one signal, as stored in signals.evidence (JSON), and everything the deep dive shows.
//
// Evidence JSON shape (the engines' output is converted to it; every field optional except windows):
//   {"windows":{"baseline":["YYYY-MM-DD","YYYY-MM-DD"],"current":["YYYY-MM-DD","YYYY-MM-DD"]},   // [start, end)
//    "counts":{"baseline_n":int,"current_n":int,"baseline_events":int,"current_events":int},
//    "keyed_on":"decided_date|submitted_date",                                                // the windows' date
//    "metric":"denial_rate|reason_rate|reason_count|reason_volume|reason_dollars|decision_days|payment_days",
//    "unit":"rate|days|count|dollars",
//    "statistic":{"name":"z|t|poisson","value":num}, "p_value":num, "confidence":num, "completeness":num,
//    "severity_explanation":"text with the actual figures", "dollars_explanation":"text with the actual figures",
//    "series":[{"date":"YYYY-MM-DD","value":num,"n":int}],
//    "breakdown":[{"key":"CPT group or reason","baseline":num,"current":num,"n":int}],
//    DelayGuard only: "delay":{"observed","expected","variance","unfinished","overdue_claims","overdue_dollars",
//                              "reference_p80_lag" (absent when under 80 % of the reference finished),
//                              "reference_curve":[{"age","share","n"}],"cohort_curve":[{"age","share","n"}]}}
// (written by compute::evidenceJson). The daily series holds, per product: DriftWatch the denial rate of the day's
// decided claims; DenialScope the day's denials with the reason (n = the payer's decided claims); DelayGuard the
// share of the day's cohort claims finished before the as-of date.
// Failure modes: malformed JSON → Corrupt (the deep dive says the evidence cannot be read); unknown signal →
// NotFound.
#include "core/Result.h"

#include <QDate>
#include <QString>

#include <optional>
#include <vector>

namespace upstream::storage {
class LocalCache;
}

namespace upstream::dashboard {

struct Evidence {
    QDate baselineFrom, baselineTo, currentFrom, currentTo; // half-open [from, to)
    qint64 baselineN = 0, currentN = 0, baselineEvents = 0, currentEvents = 0;
    QString metric, unit = QStringLiteral("rate");
    QString statisticName;
    double statisticValue = 0, pValue = 1, confidence = 0;
    QString severityExplanation, dollarsExplanation;
    struct Point {
        QDate date;
        double value = 0;
        qint64 n = 0;
    };
    std::vector<Point> series;
    struct Slice {
        QString key;
        double baseline = 0, current = 0;
        qint64 n = 0;
    };
    std::vector<Slice> breakdown;
    QString keyedOn;         // "decided_date", "submitted_date"; empty in evidence written before live exports
    double completeness = 1; // DelayGuard payment: share of the reference's PAID claims with a payment date
    // DelayGuard's observed vs expected finished claims (SPEC 6) and the two curves behind them.
    struct CurvePoint {
        int age = 0;      // days since the claim's cohort date
        double share = 0; // share finished before `age` days, 0–1
        qint64 n = 0;     // claims the share is taken over
    };
    struct Delay {
        double observed = 0, expected = 0, variance = 0;
        qint64 unfinished = 0, overdueClaims = 0;
        double overdueDollars = 0;
        int referenceP80Lag = -1; // days; -1 when under 80 % of the reference finished
        std::vector<CurvePoint> referenceCurve, cohortCurve;
    };
    std::optional<Delay> delay; // set for DelayGuard evidence only
};

Result<Evidence> parseEvidence(const QByteArray &json);
// "Denial rate" for denial_rate, "Days to payment" for payment_days...; unknown metrics pass through.
QString metricLabel(const QString &metric);
QByteArray evidenceToJson(const Evidence &e);
// A value in the evidence's unit, for people: "12.5%", "18.0 days", "42", "$1,200".
QString formatValue(const Evidence &e, double value);
// The unit of the evidence's daily series values (see the shape above): "rate" or "count".
QString seriesUnit(const Evidence &e, const QString &product);
// "decision date" for decided_date, "submission date" for submitted_date; empty for an unknown key.
QString keyedOnLabel(const QString &keyedOn);
// The windows in words with inclusive ISO dates, e.g. "Windows by decision date: current 2026-11-19 – 2026-12-02
// (420 claims) · baseline 2026-08-21 – 2026-11-18 (2,900 claims)"; DelayGuard says cohort and reference.
QString windowsSentence(const Evidence &e, const QString &product);

struct JudgmentRecord {
    QString operatorName, verdict, reasonCode, notes, judgedAt;
    qint64 version = 0;
};
struct LedgerRecord {
    QString id, state, owner;
    qint64 expectedCents = 0, recoveredCents = 0;
    QString createdAt;
};

struct SignalDetail {
    QString signalId, alertId, product, signalType, payer, group, severity, alertStatus, suppressionReason;
    bool suppressed = false;
    double severityScore = 0, confidence = 0, baseline = 0, current = 0, delta = 0, pValue = 1, dollars = 0;
    QDate asOf;
    Evidence evidence;
    std::vector<JudgmentRecord> judgments; // newest first
    std::vector<LedgerRecord> ledger;

    // The evidence in plain words with the actual figures (several short paragraphs, plain text).
    QStringList plainExplanation() const;
    // DelayGuard's version: O, E, Δ, the cohorts, unfinished and overdue claims, the test.
    QStringList delayExplanation() const;
    void appendSeverityAndDollars(QStringList &out) const; // the last two lines of both explanations
    // CSV: a header block of key,value lines, then the daily series and the breakdown (RFC 4180 quoting).
    QByteArray toCsv() const;
};

Result<SignalDetail> loadSignalDetail(storage::LocalCache &cache, const QString &signalId);

} // namespace upstream::dashboard
