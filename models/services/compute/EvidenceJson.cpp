#include "compute/EvidenceJson.h"

#include "engines/ClaimRecord.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <map>

namespace upstream::compute {
namespace {

using namespace upstream::engines;

QJsonArray windowJson(const Window &w)
{
    return QJsonArray{isoDate(w.start), isoDate(w.end)};
}

// Figures in explanations are English and locale-independent (they are stored, not rendered per user).
QString money(double dollars)
{
    return QStringLiteral("$") + QLocale(QLocale::English).toString(dollars, 'f', 2);
}

QString pct(double rate)
{
    return QString::number(rate * 100.0, 'f', 1) + QLatin1Char('%');
}

QString value(SignalType type, double v)
{
    const QString unit = unitOf(type);
    if (unit == QLatin1String("rate"))
        return pct(v);
    if (unit == QLatin1String("days"))
        return QString::number(v, 'f', 1) + QStringLiteral(" days");
    if (unit == QLatin1String("dollars"))
        return money(v) + QStringLiteral("/day");
    return QString::number(v, 'f', 2) + QStringLiteral("/day");
}

// The metric in words for the stored explanations ("the denial rate", "the median days to a decision").
QString metricWords(SignalType type)
{
    switch (type) {
    case SignalType::DenialRate: return QStringLiteral("The denial rate");
    case SignalType::NewReason: return QStringLiteral("Denials with the reason per day");
    case SignalType::ReasonRateSpike: return QStringLiteral("The reason's share of decided claims");
    case SignalType::ReasonVolumeSpike: return QStringLiteral("Denials with the reason per day");
    case SignalType::ReasonDollarSpike: return QStringLiteral("Denied dollars with the reason per day");
    case SignalType::AdjudicationDelay: return QStringLiteral("The median days to a decision");
    case SignalType::PaymentDelay: return QStringLiteral("The median days from decision to payment");
    }
    return {};
}

QString severityExplanation(const Signal &s)
{
    const QString change = QStringLiteral("%1 went from %2 to %3 (change %4%5")
                               .arg(metricWords(s.type), value(s.type, s.baselineValue), value(s.type, s.currentValue),
                                    s.delta >= 0 ? QStringLiteral("+") : QString(),
                                    unitOf(s.type) == QLatin1String("rate")
                                        ? QString::number(s.delta * 100.0, 'f', 1) + QStringLiteral(" pts")
                                        : QString::number(s.delta, 'f', 2));
    const QString rel = s.relativeDelta != 0.0 ? QStringLiteral(", %1%2%)")
                                                     .arg(s.relativeDelta >= 0 ? QStringLiteral("+") : QString())
                                                     .arg(s.relativeDelta * 100.0, 0, 'f', 1)
                                               : QStringLiteral(")");
    QString rule;
    switch (s.product) {
    case Product::DriftWatch:
        rule = QStringLiteral("score min(2 x |change|, 1) = %1").arg(s.severityScore, 0, 'f', 2);
        break;
    case Product::DenialScope:
        rule = s.type == SignalType::NewReason
                   ? QStringLiteral("a reason absent from the baseline is high severity")
                   : QStringLiteral("ratio (current - baseline) / baseline = %1").arg(s.relativeDelta, 0, 'f', 2);
        break;
    case Product::DelayGuard:
        rule = QStringLiteral("%1 days slower at confidence %2").arg(s.delta, 0, 'f', 1).arg(s.confidence, 0, 'f', 2);
        break;
    }
    return change + rel + QStringLiteral("; ") + rule + QStringLiteral(" -> ") + severityName(s.severity) +
           QLatin1Char('.');
}

QString dollarsExplanation(const Signal &s)
{
    const auto &e = s.evidence;
    switch (s.product) {
    case Product::DriftWatch:
        if (s.delta != 0.0 && e.currentCount > 0)
            return QStringLiteral("Impact = change %1 x %2 current claims x mean allowed %3 = %4.")
                .arg(s.delta, 0, 'f', 3)
                .arg(e.currentCount)
                .arg(money(s.dollars / (s.delta * double(e.currentCount))), money(s.dollars));
        return QStringLiteral("Impact = %1.").arg(money(s.dollars));
    case Product::DenialScope:
        return QStringLiteral("Allowed amount of the %1 recent denials with reason %2 = %3.")
            .arg(e.currentEvents)
            .arg(s.reason, money(s.dollars));
    case Product::DelayGuard:
        if (e.delay.referenceP80Lag < 0)
            return QStringLiteral("No claim counts as overdue: fewer than 80% of the reference cohort finished.");
        return QStringLiteral("At risk = billed amount of the %1 unfinished claims older than the reference's "
                              "80th-percentile lag of %2 days (of %3 unfinished) = %4.")
            .arg(e.delay.overdueClaims)
            .arg(e.delay.referenceP80Lag)
            .arg(e.delay.unfinished)
            .arg(money(s.dollars));
    }
    return {};
}

struct Slice {
    DayCounters baseline, current;
};

QJsonArray breakdownJson(const Signal &s, const AggregateSet &set)
{
    const auto &e = s.evidence;
    const int payer = set.payers().indexOf(s.payer);
    if (payer < 0)
        return {};
    const int group = s.cptGroup.isEmpty() ? -1 : set.groups().indexOf(s.cptGroup);
    const int reason = s.reason.isEmpty() ? -1 : set.reasons().indexOf(s.reason);
    std::map<QString, Slice> slices; // sorted by key: deterministic output
    DayCounters groupBase, groupCur; // DriftWatch denominators
    if (s.product == Product::DelayGuard)
        return {}; // the deep dive shows DelayGuard's two curves instead
    for (const AggregateRow &r : set.rows()) {
        if (r.kind != AggregateKind::Decided || int(r.payer) != payer)
            continue;
        const bool inBase = e.baseline.contains(r.day), inCur = e.current.contains(r.day);
        if (!inBase && !inCur)
            continue;
        QString key;
        switch (s.product) {
        case Product::DriftWatch:
            if (int(r.group) != group)
                continue;
            (inBase ? groupBase : groupCur).add(r.c);
            if (r.reason == 0)
                continue;
            key = set.reasons()[int(r.reason)];
            break;
        case Product::DenialScope:
            if (int(r.reason) != reason)
                continue;
            key = set.groups()[int(r.group)];
            break;
        case Product::DelayGuard: continue;
        }
        Slice &slice = slices[key];
        (inBase ? slice.baseline : slice.current).add(r.c);
    }
    QJsonArray out;
    for (const auto &[key, slice] : slices) {
        double b = 0, c = 0;
        std::int64_t n = 0;
        switch (s.product) {
        case Product::DriftWatch: {
            // Share of the group's decided claims denied with this reason, per window.
            const auto decided = [](const DayCounters &d) { return double(d.paid + d.denied); };
            b = decided(groupBase) > 0 ? double(slice.baseline.denied) / decided(groupBase) : 0.0;
            c = decided(groupCur) > 0 ? double(slice.current.denied) / decided(groupCur) : 0.0;
            n = slice.current.denied;
            break;
        }
        case Product::DenialScope: // denials of the reason per day in this CPT group
            b = double(slice.baseline.denied) / double(e.baseline.days());
            c = double(slice.current.denied) / double(e.current.days());
            n = slice.current.denied;
            break;
        case Product::DelayGuard: break;
        }
        out.append(QJsonObject{{QStringLiteral("key"), key},
                               {QStringLiteral("baseline"), b},
                               {QStringLiteral("current"), c},
                               {QStringLiteral("n"), qint64(n)}});
    }
    return out;
}

QJsonArray curveJson(const std::vector<CurvePoint> &curve)
{
    QJsonArray out;
    for (const CurvePoint &p : curve)
        out.append(QJsonObject{
            {QStringLiteral("age"), p.age}, {QStringLiteral("share"), p.value}, {QStringLiteral("n"), qint64(p.n)}});
    return out;
}

} // namespace

QJsonObject delayJson(const engines::DelayFigures &d)
{
    QJsonObject out{{QStringLiteral("observed"), d.observed},
                    {QStringLiteral("expected"), d.expected},
                    {QStringLiteral("variance"), d.variance},
                    {QStringLiteral("unfinished"), qint64(d.unfinished)},
                    {QStringLiteral("overdue_claims"), qint64(d.overdueClaims)},
                    {QStringLiteral("overdue_dollars"), qRound64(d.overdueDollars * 100.0) / 100.0},
                    {QStringLiteral("reference_curve"), curveJson(d.referenceCurve)},
                    {QStringLiteral("cohort_curve"), curveJson(d.cohortCurve)}};
    if (d.referenceP80Lag >= 0)
        out.insert(QStringLiteral("reference_p80_lag"), d.referenceP80Lag);
    return out;
}

QString metricOf(engines::SignalType type)
{
    switch (type) {
    case SignalType::DenialRate: return QStringLiteral("denial_rate");
    case SignalType::NewReason: return QStringLiteral("reason_count");
    case SignalType::ReasonRateSpike: return QStringLiteral("reason_rate");
    case SignalType::ReasonVolumeSpike: return QStringLiteral("reason_volume");
    case SignalType::ReasonDollarSpike: return QStringLiteral("reason_dollars");
    case SignalType::AdjudicationDelay: return QStringLiteral("decision_days");
    case SignalType::PaymentDelay: return QStringLiteral("payment_days");
    }
    return {};
}

QString unitOf(engines::SignalType type)
{
    switch (type) {
    case SignalType::DenialRate:
    case SignalType::ReasonRateSpike: return QStringLiteral("rate");
    case SignalType::AdjudicationDelay:
    case SignalType::PaymentDelay: return QStringLiteral("days");
    case SignalType::NewReason:
    case SignalType::ReasonVolumeSpike: return QStringLiteral("count");
    case SignalType::ReasonDollarSpike: return QStringLiteral("dollars");
    }
    return {};
}

QString statisticNameOf(const QString &test)
{
    if (test == QLatin1String("two_proportion_z") || test == QLatin1String("observed_vs_expected"))
        return QStringLiteral("z");
    if (test == QLatin1String("welch_t"))
        return QStringLiteral("t");
    if (test == QLatin1String("poisson_exact"))
        return QStringLiteral("poisson");
    return QStringLiteral("none");
}

QJsonObject evidenceJson(const engines::Signal &s, const engines::AggregateSet *aggregates)
{
    const auto &e = s.evidence;
    QJsonArray series;
    for (const DailyPoint &p : e.series)
        series.append(QJsonObject{{QStringLiteral("date"), isoDate(p.day)},
                                  {QStringLiteral("value"), p.value},
                                  {QStringLiteral("n"), qint64(p.n)}});
    QJsonObject out{
        {QStringLiteral("windows"), QJsonObject{{QStringLiteral("baseline"), windowJson(e.baseline)},
                                                {QStringLiteral("current"), windowJson(e.current)}}},
        {QStringLiteral("keyed_on"), e.keyedOn},
        {QStringLiteral("counts"), QJsonObject{{QStringLiteral("baseline_n"), qint64(e.baselineCount)},
                                               {QStringLiteral("current_n"), qint64(e.currentCount)},
                                               {QStringLiteral("baseline_events"), qint64(e.baselineEvents)},
                                               {QStringLiteral("current_events"), qint64(e.currentEvents)}}},
        {QStringLiteral("metric"), metricOf(s.type)},
        {QStringLiteral("unit"), unitOf(s.type)},
        {QStringLiteral("statistic"),
         QJsonObject{{QStringLiteral("name"), statisticNameOf(e.test)}, {QStringLiteral("value"), e.statistic}}},
        {QStringLiteral("p_value"), e.pValue},
        {QStringLiteral("confidence"), s.confidence},
        {QStringLiteral("completeness"), e.completeness},
        {QStringLiteral("severity_explanation"), severityExplanation(s)},
        {QStringLiteral("dollars_explanation"), dollarsExplanation(s)},
        {QStringLiteral("series"), series},
        {QStringLiteral("breakdown"), aggregates ? breakdownJson(s, *aggregates) : QJsonArray{}},
    };
    if (s.product == Product::DelayGuard)
        out.insert(QStringLiteral("delay"), delayJson(e.delay));
    return out;
}

QByteArray evidenceJsonText(const engines::Signal &signal, const engines::AggregateSet *aggregates)
{
    return QJsonDocument(evidenceJson(signal, aggregates)).toJson(QJsonDocument::Compact);
}

} // namespace upstream::compute
