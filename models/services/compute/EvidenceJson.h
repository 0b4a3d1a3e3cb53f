#pragma once
// The ONE converter from an engine Signal to the evidence JSON the dashboards and the deep dive read
// (cache `signals.evidence`, central `upstream.signals.evidence`):
//   {"windows":{"baseline":[start,end],"current":[start,end]}   (ISO dates, half-open [start, end))
//    "counts":{"baseline_n","current_n","baseline_events","current_events"},
//    "metric", "unit", "statistic":{"name":"z|t|poisson|none","value"}, "p_value", "confidence",
//    "severity_explanation", "dollars_explanation"   (plain English with the signal's actual figures),
//    "keyed_on":"decided_date|submitted_date", "series":[{"date","value","n"}],
//    "breakdown":[{"key","baseline","current","n"}],
//    DelayGuard only: "delay":{"observed","expected","variance","unfinished","overdue_claims","overdue_dollars",
//                              "reference_p80_lag","reference_curve":[{"age","share","n"}],"cohort_curve":[…]}}
// The breakdown needs the daily aggregates the signal came from (DriftWatch: by denial reason within the
// payer and CPT group; DenialScope: by CPT group within the payer's reason; DelayGuard has its curves instead);
// without them it is an empty array. Pure functions, no failure modes.
#include "engines/DailyAggregate.h"
#include "engines/Signal.h"

#include <QJsonObject>
#include <QString>

namespace upstream::compute {

// "denial_rate", "reason_count", "reason_rate", "reason_volume", "reason_dollars", "decision_days",
// "payment_days".
QString metricOf(engines::SignalType type);
// "rate", "days", "count", "dollars".
QString unitOf(engines::SignalType type);
// "two_proportion_z" and "observed_vs_expected" → "z", "welch_t" → "t", "poisson_exact" → "poisson", else "none".
QString statisticNameOf(const QString &test);
QJsonObject delayJson(const engines::DelayFigures &figures);

QJsonObject evidenceJson(const engines::Signal &signal, const engines::AggregateSet *aggregates = nullptr);
QByteArray evidenceJsonText(const engines::Signal &signal, const engines::AggregateSet *aggregates = nullptr);

} // namespace upstream::compute
