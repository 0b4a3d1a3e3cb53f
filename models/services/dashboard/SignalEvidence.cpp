#include "SignalEvidence.h"
#include "engines/Signal.h"

#include "dashboard/SignalRows.h"
#include "storage/cache/SignalCacheQueries.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace upstream::dashboard {
namespace {

QDate date(const QJsonValue &v)
{
    return QDate::fromString(v.toString(), Qt::ISODate);
}

QString csvField(const QString &s)
{
    // Spreadsheet formula injection: a leading = + - @ is neutralised with a quote (OWASP CSV injection advice).
    QString out = s;
    if (!out.isEmpty() && QStringLiteral("=+-@").contains(out.front()) && !out.front().isDigit()) {
        bool numeric = false;
        out.toDouble(&numeric);
        if (!numeric)
            out.prepend(QLatin1Char('\''));
    }
    if (out.contains(QLatin1Char(',')) || out.contains(QLatin1Char('"')) || out.contains(QLatin1Char('\n')))
        out = QLatin1Char('"') + out.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return out;
}

QString num(double v, int decimals = 4)
{
    return QString::number(v, 'f', decimals);
}

std::vector<Evidence::CurvePoint> parseCurve(const QJsonValue &v)
{
    std::vector<Evidence::CurvePoint> out;
    for (const QJsonValue p : v.toArray()) {
        const QJsonObject po = p.toObject();
        out.push_back({po.value(QLatin1String("age")).toInt(), po.value(QLatin1String("share")).toDouble(),
                       po.value(QLatin1String("n")).toInteger()});
    }
    return out;
}

QJsonArray curveJson(const std::vector<Evidence::CurvePoint> &curve)
{
    QJsonArray out;
    for (const auto &p : curve)
        out.append(QJsonObject{
            {QStringLiteral("age"), p.age}, {QStringLiteral("share"), p.share}, {QStringLiteral("n"), p.n}});
    return out;
}

QString isoDay(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

// Half-open [from, to) shown with the last included day.
QString inclusive(const QDate &from, const QDate &to)
{
    return QCoreApplication::translate("SignalEvidence", "%1 – %2").arg(isoDay(from), isoDay(to.addDays(-1)));
}

bool isDelayGuard(const QString &product)
{
    return engines::isProduct(product, engines::Product::DelayGuard);
}

} // namespace

Result<Evidence> parseEvidence(const QByteArray &json)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("SignalEvidence",
                                                     "The evidence of this signal cannot be read (malformed JSON)."));
    const QJsonObject o = doc.object();
    Evidence e;
    const QJsonObject w = o.value(QLatin1String("windows")).toObject();
    const QJsonArray b = w.value(QLatin1String("baseline")).toArray(), c = w.value(QLatin1String("current")).toArray();
    e.baselineFrom = date(b.at(0));
    e.baselineTo = date(b.at(1));
    e.currentFrom = date(c.at(0));
    e.currentTo = date(c.at(1));
    const QJsonObject n = o.value(QLatin1String("counts")).toObject();
    e.baselineN = n.value(QLatin1String("baseline_n")).toInteger();
    e.currentN = n.value(QLatin1String("current_n")).toInteger();
    e.baselineEvents = n.value(QLatin1String("baseline_events")).toInteger();
    e.currentEvents = n.value(QLatin1String("current_events")).toInteger();
    e.metric = o.value(QLatin1String("metric")).toString();
    e.unit = o.value(QLatin1String("unit")).toString(QStringLiteral("rate"));
    const QJsonObject s = o.value(QLatin1String("statistic")).toObject();
    e.statisticName = s.value(QLatin1String("name")).toString();
    e.statisticValue = s.value(QLatin1String("value")).toDouble();
    e.pValue = o.value(QLatin1String("p_value")).toDouble(1.0);
    e.confidence = o.value(QLatin1String("confidence")).toDouble();
    e.severityExplanation = o.value(QLatin1String("severity_explanation")).toString();
    e.dollarsExplanation = o.value(QLatin1String("dollars_explanation")).toString();
    for (const QJsonValue p : o.value(QLatin1String("series")).toArray()) {
        const QJsonObject po = p.toObject();
        e.series.push_back({date(po.value(QLatin1String("date"))), po.value(QLatin1String("value")).toDouble(),
                            po.value(QLatin1String("n")).toInteger()});
    }
    for (const QJsonValue p : o.value(QLatin1String("breakdown")).toArray()) {
        const QJsonObject po = p.toObject();
        e.breakdown.push_back(
            {po.value(QLatin1String("key")).toString(), po.value(QLatin1String("baseline")).toDouble(),
             po.value(QLatin1String("current")).toDouble(), po.value(QLatin1String("n")).toInteger()});
    }
    e.keyedOn = o.value(QLatin1String("keyed_on")).toString();
    e.completeness = o.value(QLatin1String("completeness")).toDouble(1.0);
    if (const QJsonValue dv = o.value(QLatin1String("delay")); dv.isObject()) {
        const QJsonObject d = dv.toObject();
        Evidence::Delay delay;
        delay.observed = d.value(QLatin1String("observed")).toDouble();
        delay.expected = d.value(QLatin1String("expected")).toDouble();
        delay.variance = d.value(QLatin1String("variance")).toDouble();
        delay.unfinished = d.value(QLatin1String("unfinished")).toInteger();
        delay.overdueClaims = d.value(QLatin1String("overdue_claims")).toInteger();
        delay.overdueDollars = d.value(QLatin1String("overdue_dollars")).toDouble();
        delay.referenceP80Lag = d.value(QLatin1String("reference_p80_lag")).toInt(-1);
        delay.referenceCurve = parseCurve(d.value(QLatin1String("reference_curve")));
        delay.cohortCurve = parseCurve(d.value(QLatin1String("cohort_curve")));
        e.delay = std::move(delay);
    }
    return e;
}

QString metricLabel(const QString &metric)
{
    if (metric == QLatin1String("denial_rate"))
        return QCoreApplication::translate("SignalEvidence", "Denial rate");
    if (metric == QLatin1String("decision_days"))
        return QCoreApplication::translate("SignalEvidence", "Days to decision");
    if (metric == QLatin1String("reason_rate"))
        return QCoreApplication::translate("SignalEvidence", "Reason rate");
    if (metric == QLatin1String("payment_days"))
        return QCoreApplication::translate("SignalEvidence", "Days to payment");
    if (metric == QLatin1String("reason_count"))
        return QCoreApplication::translate("SignalEvidence", "Denials with a new reason per day");
    if (metric == QLatin1String("reason_volume"))
        return QCoreApplication::translate("SignalEvidence", "Denials with the reason per day");
    if (metric == QLatin1String("reason_dollars"))
        return QCoreApplication::translate("SignalEvidence", "Denied dollars with the reason per day");
    return metric.isEmpty() ? QCoreApplication::translate("SignalEvidence", "Value") : metric;
}

QByteArray evidenceToJson(const Evidence &e)
{
    auto iso = [](const QDate &d) { return d.toString(Qt::ISODate); };
    QJsonArray series, breakdown;
    for (const auto &p : e.series)
        series.append(QJsonObject{
            {QStringLiteral("date"), iso(p.date)}, {QStringLiteral("value"), p.value}, {QStringLiteral("n"), p.n}});
    for (const auto &s : e.breakdown)
        breakdown.append(QJsonObject{{QStringLiteral("key"), s.key},
                                     {QStringLiteral("baseline"), s.baseline},
                                     {QStringLiteral("current"), s.current},
                                     {QStringLiteral("n"), s.n}});
    QJsonObject o{{QStringLiteral("windows"),
                   QJsonObject{{QStringLiteral("baseline"), QJsonArray{iso(e.baselineFrom), iso(e.baselineTo)}},
                               {QStringLiteral("current"), QJsonArray{iso(e.currentFrom), iso(e.currentTo)}}}},
                  {QStringLiteral("counts"), QJsonObject{{QStringLiteral("baseline_n"), e.baselineN},
                                                         {QStringLiteral("current_n"), e.currentN},
                                                         {QStringLiteral("baseline_events"), e.baselineEvents},
                                                         {QStringLiteral("current_events"), e.currentEvents}}},
                  {QStringLiteral("metric"), e.metric},
                  {QStringLiteral("unit"), e.unit},
                  {QStringLiteral("statistic"),
                   QJsonObject{{QStringLiteral("name"), e.statisticName}, {QStringLiteral("value"), e.statisticValue}}},
                  {QStringLiteral("p_value"), e.pValue},
                  {QStringLiteral("confidence"), e.confidence},
                  {QStringLiteral("severity_explanation"), e.severityExplanation},
                  {QStringLiteral("dollars_explanation"), e.dollarsExplanation},
                  {QStringLiteral("series"), series},
                  {QStringLiteral("breakdown"), breakdown}};
    if (!e.keyedOn.isEmpty())
        o.insert(QStringLiteral("keyed_on"), e.keyedOn);
    o.insert(QStringLiteral("completeness"), e.completeness);
    if (e.delay) {
        const Evidence::Delay &d = *e.delay;
        QJsonObject delay{{QStringLiteral("observed"), d.observed},
                          {QStringLiteral("expected"), d.expected},
                          {QStringLiteral("variance"), d.variance},
                          {QStringLiteral("unfinished"), d.unfinished},
                          {QStringLiteral("overdue_claims"), d.overdueClaims},
                          {QStringLiteral("overdue_dollars"), d.overdueDollars},
                          {QStringLiteral("reference_curve"), curveJson(d.referenceCurve)},
                          {QStringLiteral("cohort_curve"), curveJson(d.cohortCurve)}};
        if (d.referenceP80Lag >= 0)
            delay.insert(QStringLiteral("reference_p80_lag"), d.referenceP80Lag);
        o.insert(QStringLiteral("delay"), delay);
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString formatValue(const Evidence &e, double value)
{
    const QLocale loc;
    if (e.unit == QLatin1String("rate"))
        return loc.toString(value * 100.0, 'f', 1) + QLatin1Char('%');
    if (e.unit == QLatin1String("days"))
        return QCoreApplication::translate("SignalEvidence", "%1 days").arg(loc.toString(value, 'f', 1));
    if (e.unit == QLatin1String("dollars"))
        return formatDollars(value);
    return loc.toString(value, 'f', value == std::floor(value) ? 0 : 1);
}

QString seriesUnit(const Evidence &e, const QString &product)
{
    if (engines::isProduct(product, engines::Product::DenialScope))
        return QStringLiteral("count");
    if (isDelayGuard(product))
        return QStringLiteral("rate");
    return e.unit == QLatin1String("rate") ? e.unit : QStringLiteral("count");
}

QString keyedOnLabel(const QString &keyedOn)
{
    if (keyedOn == QLatin1String("decided_date"))
        return QCoreApplication::translate("SignalEvidence", "decision date");
    if (keyedOn == QLatin1String("submitted_date"))
        return QCoreApplication::translate("SignalEvidence", "submission date");
    return {};
}

QString windowsSentence(const Evidence &e, const QString &product)
{
    const QLocale loc;
    const QString key = keyedOnLabel(e.keyedOn);
    if (isDelayGuard(product))
        return (key.isEmpty() ? QCoreApplication::translate("SignalEvidence", "Cohorts: ")
                              : QCoreApplication::translate("SignalEvidence", "Cohorts by %1: ").arg(key)) +
               QCoreApplication::translate("SignalEvidence", "cohort %1 (%2 claims) · reference %3 (%4 claims)")
                   .arg(inclusive(e.currentFrom, e.currentTo), loc.toString(e.currentN),
                        inclusive(e.baselineFrom, e.baselineTo), loc.toString(e.baselineN));
    return (key.isEmpty() ? QCoreApplication::translate("SignalEvidence", "Windows: ")
                          : QCoreApplication::translate("SignalEvidence", "Windows by %1: ").arg(key)) +
           QCoreApplication::translate("SignalEvidence", "current %1 (%2 claims) · baseline %3 (%4 claims)")
               .arg(inclusive(e.currentFrom, e.currentTo), loc.toString(e.currentN),
                    inclusive(e.baselineFrom, e.baselineTo), loc.toString(e.baselineN));
}

void SignalDetail::appendSeverityAndDollars(QStringList &out) const
{
    const QLocale loc;
    const auto stored = [](const QString &text) {
        return text.isEmpty() ? QCoreApplication::translate("SignalEvidence", "no explanation stored.") : text;
    };
    out << QCoreApplication::translate("SignalEvidence", "Severity %1 (score %2): %3")
               .arg(severityName(severityFromString(severity)), loc.toString(severityScore, 'f', 2),
                    stored(evidence.severityExplanation));
    out << QCoreApplication::translate("SignalEvidence", "Dollars %1: %2")
               .arg(formatDollars(dollars), stored(evidence.dollarsExplanation));
}

QStringList SignalDetail::delayExplanation() const
{
    const QLocale loc;
    const Evidence &e = evidence;
    const Evidence::Delay &d = *e.delay;
    QStringList out;
    out << QCoreApplication::translate("SignalEvidence",
                                       "%1 for %2: %3 of the cohort's %4 claims finished before %5, where the "
                                       "reference cohort's pace expects %6 (observed O = %3, expected E = %6).")
               .arg(signalTypeLabel(signalType), payer, loc.toString(d.observed, 'f', 0), loc.toString(e.currentN),
                    isoDay(asOf.isValid() ? asOf : e.currentTo), loc.toString(d.expected, 'f', 1));
    out << windowsSentence(e, product) + QLatin1Char('.');
    out << QCoreApplication::translate("SignalEvidence",
                                       "Slowdown Δ = %1 days: the reference's median lag of %2 moves to %3 (the "
                                       "reference curve shifted by Δ explains the observed count).")
               .arg(loc.toString(delta, 'f', 1), formatValue(e, baseline), formatValue(e, current));
    const QString overdue =
        d.referenceP80Lag >= 0
            ? QCoreApplication::translate("SignalEvidence",
                                          "%1 of them overdue (older than the reference's 80th-percentile lag of %2 "
                                          "days), %3 at risk.")
                  .arg(loc.toString(d.overdueClaims), loc.toString(d.referenceP80Lag), formatDollars(d.overdueDollars))
            : QCoreApplication::translate("SignalEvidence",
                                          "none counted as overdue: fewer than 80% of the reference cohort finished.");
    out << QCoreApplication::translate("SignalEvidence", "Unfinished claims in the cohort: %1; %2")
               .arg(loc.toString(d.unfinished), overdue);
    out << QCoreApplication::translate(
               "SignalEvidence",
               "Test: observed vs expected, z = (O − E) ÷ √V = %1 (V = %2), p-value %3; confidence %4% (how much data "
               "stands behind it).")
               .arg(loc.toString(e.statisticValue, 'f', 2), loc.toString(d.variance, 'f', 1),
                    pValue < 0.0001 ? QStringLiteral("< 0.0001") : loc.toString(pValue, 'f', 4),
                    loc.toString(confidence * 100.0, 'f', 0));
    appendSeverityAndDollars(out);
    return out;
}

QStringList SignalDetail::plainExplanation() const
{
    if (evidence.delay)
        return delayExplanation();
    const QLocale loc;
    const Evidence &e = evidence;
    const QString fmtDate = QStringLiteral("d MMM yyyy");
    // Windows are half-open: the last day shown is the day before `to`.
    auto span = [&](const QDate &from, const QDate &to) {
        return QCoreApplication::translate("SignalEvidence", "%1 to %2")
            .arg(loc.toString(from, fmtDate), loc.toString(to.addDays(-1), fmtDate));
    };
    QStringList out;
    out << QCoreApplication::translate(
               "SignalEvidence",
               "%1 for %2%3: %4 in the current window (%5, %6 claims) against %7 in the baseline (%8, %9 claims).")
               .arg(signalTypeLabel(signalType), payer, group.isEmpty() ? QString() : QStringLiteral(" · ") + group,
                    formatValue(e, current), span(e.currentFrom, e.currentTo), loc.toString(e.currentN),
                    formatValue(e, baseline), span(e.baselineFrom, e.baselineTo), loc.toString(e.baselineN));
    out << windowsSentence(e, product) + QLatin1Char('.');
    const QString deltaText = e.unit == QLatin1String("rate")
                                  ? QCoreApplication::translate("SignalEvidence", "%1 percentage points")
                                        .arg(loc.toString(delta * 100.0, 'f', 1))
                                  : formatValue(e, delta);
    const QString relative = baseline != 0.0 ? QCoreApplication::translate("SignalEvidence", " (%1% relative)")
                                                   .arg(loc.toString(delta / baseline * 100.0, 'f', 1))
                                             : QString();
    out << QCoreApplication::translate(
               "SignalEvidence",
               "Change (Δ): %1%2. Test: %3 statistic %4, p-value %5; confidence %6% (how much data stands behind it).")
               .arg(delta > 0 ? QStringLiteral("+") + deltaText : deltaText, relative,
                    e.statisticName.isEmpty() ? QCoreApplication::translate("SignalEvidence", "significance")
                                              : e.statisticName,
                    loc.toString(e.statisticValue, 'f', 2),
                    pValue < 0.0001 ? QStringLiteral("< 0.0001") : loc.toString(pValue, 'f', 4),
                    loc.toString(confidence * 100.0, 'f', 0));
    if (e.baselineEvents || e.currentEvents)
        out << QCoreApplication::translate("SignalEvidence",
                                           "Events counted: %1 in the baseline, %2 in the current window.")
                   .arg(loc.toString(e.baselineEvents), loc.toString(e.currentEvents));
    appendSeverityAndDollars(out);
    return out;
}

QByteArray SignalDetail::toCsv() const
{
    QStringList lines;
    auto kv = [&](const QString &k, const QString &v) { lines << csvField(k) + QLatin1Char(',') + csvField(v); };
    kv(QStringLiteral("signal_id"), signalId);
    kv(QStringLiteral("product"), product);
    kv(QStringLiteral("signal_type"), signalType);
    kv(QStringLiteral("payer"), payer);
    kv(QStringLiteral("group"), group);
    kv(QStringLiteral("severity"), severity);
    kv(QStringLiteral("severity_score"), num(severityScore));
    kv(QStringLiteral("metric"), evidence.metric);
    kv(QStringLiteral("unit"), evidence.unit);
    kv(QStringLiteral("baseline_window"),
       evidence.baselineFrom.toString(Qt::ISODate) + QLatin1Char('/') + evidence.baselineTo.toString(Qt::ISODate));
    kv(QStringLiteral("current_window"),
       evidence.currentFrom.toString(Qt::ISODate) + QLatin1Char('/') + evidence.currentTo.toString(Qt::ISODate));
    kv(QStringLiteral("keyed_on"), evidence.keyedOn);
    kv(QStringLiteral("baseline_n"), QString::number(evidence.baselineN));
    kv(QStringLiteral("current_n"), QString::number(evidence.currentN));
    kv(QStringLiteral("baseline_value"), num(baseline));
    kv(QStringLiteral("current_value"), num(current));
    kv(QStringLiteral("delta"), num(delta));
    kv(QStringLiteral("statistic"), evidence.statisticName + QLatin1Char('=') + num(evidence.statisticValue));
    kv(QStringLiteral("p_value"), num(pValue, 6));
    kv(QStringLiteral("confidence"), num(confidence));
    kv(QStringLiteral("dollars"), num(dollars, 2));
    kv(QStringLiteral("severity_explanation"), evidence.severityExplanation);
    kv(QStringLiteral("dollars_explanation"), evidence.dollarsExplanation);
    if (evidence.delay) {
        const Evidence::Delay &d = *evidence.delay;
        kv(QStringLiteral("observed"), num(d.observed, 0));
        kv(QStringLiteral("expected"), num(d.expected, 2));
        kv(QStringLiteral("variance"), num(d.variance, 2));
        kv(QStringLiteral("unfinished"), QString::number(d.unfinished));
        kv(QStringLiteral("overdue_claims"), QString::number(d.overdueClaims));
        kv(QStringLiteral("overdue_dollars"), num(d.overdueDollars, 2));
        kv(QStringLiteral("reference_p80_lag"),
           d.referenceP80Lag >= 0 ? QString::number(d.referenceP80Lag) : QString());
    }
    lines << QString() << QStringLiteral("date,value,n");
    for (const auto &p : evidence.series)
        lines << p.date.toString(Qt::ISODate) + QLatin1Char(',') + num(p.value) + QLatin1Char(',') +
                     QString::number(p.n);
    lines << QString() << QStringLiteral("breakdown,baseline,current,n");
    for (const auto &s : evidence.breakdown)
        lines << csvField(s.key) + QLatin1Char(',') + num(s.baseline) + QLatin1Char(',') + num(s.current) +
                     QLatin1Char(',') + QString::number(s.n);
    if (evidence.delay) {
        const auto &ref = evidence.delay->referenceCurve, &coh = evidence.delay->cohortCurve;
        lines << QString() << QStringLiteral("age,reference_share,reference_n,cohort_share,cohort_n");
        for (size_t i = 0; i < std::max(ref.size(), coh.size()); ++i) {
            const int age = i < ref.size() ? ref[i].age : coh[i].age;
            lines << QString::number(age) + QLatin1Char(',') +
                         (i < ref.size() ? num(ref[i].share) + QLatin1Char(',') + QString::number(ref[i].n)
                                         : QStringLiteral(",")) +
                         QLatin1Char(',') +
                         (i < coh.size() ? num(coh[i].share) + QLatin1Char(',') + QString::number(coh[i].n)
                                         : QStringLiteral(","));
        }
    }
    return (lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n")).toUtf8();
}

Result<SignalDetail> loadSignalDetail(storage::LocalCache &cache, const QString &signalId)
{
    auto found = storage::signalDetailRecord(cache, signalId);
    if (!found.ok())
        return found.error();
    if (!found.value())
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("SignalEvidence", "This signal is no longer in the workspace."));
    const storage::SignalDetailRecord &s = *found.value();
    SignalDetail d;
    d.signalId = signalId;
    d.product = s.product;
    d.signalType = s.signalType;
    d.payer = s.payer;
    d.group = s.group;
    d.severity = s.severity;
    d.severityScore = s.severityScore;
    d.confidence = s.confidence;
    d.baseline = s.baseline;
    d.current = s.current;
    d.delta = s.delta;
    d.pValue = s.pValue;
    d.dollars = s.dollars;
    d.asOf = QDate::fromString(s.asOf, Qt::ISODate);
    auto ev = parseEvidence(s.evidence.toUtf8());
    if (!ev.ok())
        return ev.error();
    d.evidence = std::move(ev.value());
    d.alertId = s.alertId;
    d.alertStatus = s.alertStatus;
    d.suppressed = s.suppressed;
    d.suppressionReason = s.suppressionReason;

    auto judgments = storage::signalJudgments(cache, d.alertId);
    if (!judgments.ok())
        return judgments.error();
    for (const storage::SignalJudgmentRecord &j : judgments.value())
        d.judgments.push_back({j.operatorName, j.verdict, j.reasonCode, j.notes, j.judgedAt, j.version});
    auto ledger = storage::signalLedgerEntries(cache, signalId, d.alertId);
    if (!ledger.ok())
        return ledger.error();
    for (const storage::SignalLedgerRecord &l : ledger.value())
        d.ledger.push_back({l.id, l.state, l.owner, l.expectedCents, l.recoveredCents, l.createdAt});
    return d;
}

} // namespace upstream::dashboard
