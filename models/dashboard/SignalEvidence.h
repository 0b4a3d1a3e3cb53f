#pragma once
// The evidence behind one signal, as stored in signals.evidence (JSON), and everything the deep dive shows.
//
// Evidence JSON shape (the engines' output is converted to it; every field optional except windows):
//   {"windows":{"baseline":["YYYY-MM-DD","YYYY-MM-DD"],"current":["YYYY-MM-DD","YYYY-MM-DD"]},   // [start, end)
//    "counts":{"baseline_n":int,"current_n":int,"baseline_events":int,"current_events":int},
//    "metric":"denial_rate|decision_days|reason_rate|payment_days|...", "unit":"rate|days|count|dollars",
//    "statistic":{"name":"z|t|poisson","value":num}, "p_value":num, "confidence":num,
//    "severity_explanation":"text with the actual figures", "dollars_explanation":"text with the actual figures",
//    "series":[{"date":"YYYY-MM-DD","value":num,"n":int}],
//    "breakdown":[{"key":"CPT group or reason","baseline":num,"current":num,"n":int}]}
// Failure modes: malformed JSON → Corrupt (the deep dive says the evidence cannot be read); unknown signal →
// NotFound.
#include "core/Result.h"

#include <QDate>
#include <QString>

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
};

Result<Evidence> parseEvidence(const QByteArray &json);
// "Denial rate" for denial_rate, "Days to payment" for payment_days...; unknown metrics pass through.
QString metricLabel(const QString &metric);
QByteArray evidenceToJson(const Evidence &e);
// A value in the evidence's unit, for people: "12.5%", "18.0 days", "42", "$1,200".
QString formatValue(const Evidence &e, double value);

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
    // CSV: a header block of key,value lines, then the daily series and the breakdown (RFC 4180 quoting).
    QByteArray toCsv() const;
};

Result<SignalDetail> loadSignalDetail(storage::LocalCache &cache, const QString &signalId);

} // namespace upstream::dashboard
