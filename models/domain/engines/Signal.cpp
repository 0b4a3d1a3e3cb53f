#include "engines/Signal.h"

#include <QCryptographicHash>
#include <QJsonArray>

namespace upstream::engines {

QString productName(Product p)
{
    switch (p) {
    case Product::DriftWatch: return QStringLiteral("driftwatch");
    case Product::DenialScope: return QStringLiteral("denialscope");
    case Product::DelayGuard: return QStringLiteral("delayguard");
    }
    return {};
}

QString productLabel(Product p)
{
    switch (p) {
    case Product::DriftWatch: return QStringLiteral("DriftWatch");
    case Product::DenialScope: return QStringLiteral("DenialScope");
    case Product::DelayGuard: return QStringLiteral("DelayGuard");
    }
    return {};
}

bool isProduct(const QString &id, Product p)
{
    return id == productName(p);
}

std::optional<Product> productFromName(const QString &name)
{
    for (const Product p : kProducts)
        if (name.compare(productName(p), Qt::CaseInsensitive) == 0)
            return p;
    return std::nullopt;
}

QString signalTypeName(SignalType t)
{
    switch (t) {
    case SignalType::DenialRate: return QStringLiteral("DENIAL_RATE");
    case SignalType::NewReason: return QStringLiteral("NEW_REASON");
    case SignalType::ReasonRateSpike: return QStringLiteral("REASON_RATE_SPIKE");
    case SignalType::ReasonVolumeSpike: return QStringLiteral("REASON_VOLUME_SPIKE");
    case SignalType::ReasonDollarSpike: return QStringLiteral("REASON_DOLLAR_SPIKE");
    case SignalType::AdjudicationDelay: return QStringLiteral("adjudication_delay");
    case SignalType::PaymentDelay: return QStringLiteral("payment_delay");
    }
    return {};
}

std::optional<SignalType> signalTypeFromName(const QString &name)
{
    for (const SignalType t :
         {SignalType::DenialRate, SignalType::NewReason, SignalType::ReasonRateSpike, SignalType::ReasonVolumeSpike,
          SignalType::ReasonDollarSpike, SignalType::AdjudicationDelay, SignalType::PaymentDelay})
        if (name == signalTypeName(t))
            return t;
    return std::nullopt;
}

QString severityName(Severity s)
{
    switch (s) {
    case Severity::Low: return QStringLiteral("low");
    case Severity::Medium: return QStringLiteral("medium");
    case Severity::High: return QStringLiteral("high");
    case Severity::Critical: return QStringLiteral("critical");
    }
    return {};
}

QString directionName(Direction d)
{
    return d == Direction::Degrading ? QStringLiteral("degrading") : QStringLiteral("improving");
}

QString Signal::groupKey() const
{
    // U+001F (unit separator) cannot occur in validated payer/group/reason values.
    const QChar sep(0x1f);
    return productName(product) + sep + signalTypeName(type) + sep + payer + sep + cptGroup + sep + reason;
}

QString fingerprintOf(const Signal &s)
{
    const QChar sep(0x1f);
    const QString text = s.groupKey() + sep + QString::number(s.evidence.baseline.start) + sep +
                         QString::number(s.evidence.baseline.end) + sep + QString::number(s.evidence.current.start) +
                         sep + QString::number(s.evidence.current.end);
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QJsonObject toJson(const Signal &s)
{
    QJsonArray series;
    for (const auto &p : s.evidence.series)
        series.append(QJsonObject{{QStringLiteral("day"), fromEpochDay(p.day).toString(Qt::ISODate)},
                                  {QStringLiteral("n"), qint64(p.n)},
                                  {QStringLiteral("value"), p.value}});
    const auto &e = s.evidence;
    const QJsonObject evidence{
        {QStringLiteral("baseline_start"), fromEpochDay(e.baseline.start).toString(Qt::ISODate)},
        {QStringLiteral("baseline_end"), fromEpochDay(e.baseline.end).toString(Qt::ISODate)},
        {QStringLiteral("baseline_count"), qint64(e.baselineCount)},
        {QStringLiteral("current_count"), qint64(e.currentCount)},
        {QStringLiteral("baseline_events"), qint64(e.baselineEvents)},
        {QStringLiteral("current_events"), qint64(e.currentEvents)},
        {QStringLiteral("keyed_on"), e.keyedOn},
        {QStringLiteral("test"), e.test},
        {QStringLiteral("statistic"), e.statistic},
        {QStringLiteral("alpha"), e.alpha},
        {QStringLiteral("completeness"), e.completeness},
        {QStringLiteral("series"), series},
    };
    QJsonObject out{
        {QStringLiteral("product"), productName(s.product)},
        {QStringLiteral("signal_type"), signalTypeName(s.type)},
        {QStringLiteral("payer"), s.payer},
        {QStringLiteral("cpt_group"), s.cptGroup},
        {QStringLiteral("reason"), s.reason},
        {QStringLiteral("severity"), severityName(s.severity)},
        {QStringLiteral("severity_score"), s.severityScore},
        {QStringLiteral("confidence"), s.confidence},
        {QStringLiteral("baseline_value"), s.baselineValue},
        {QStringLiteral("current_value"), s.currentValue},
        {QStringLiteral("delta"), s.delta},
        {QStringLiteral("relative_delta"), s.relativeDelta},
        {QStringLiteral("p_value"), e.pValue},
        {QStringLiteral("dollars"), s.dollars},
        {QStringLiteral("direction"), directionName(s.direction)},
        {QStringLiteral("window_start"), fromEpochDay(e.current.start).toString(Qt::ISODate)},
        {QStringLiteral("window_end"), fromEpochDay(e.current.end).toString(Qt::ISODate)},
        {QStringLiteral("fingerprint"), s.fingerprint},
        {QStringLiteral("evidence"), evidence},
    };
    if (s.product == Product::DelayGuard)
        addDelayFields(out, e.delay);
    return out;
}

void addDelayFields(QJsonObject &row, const DelayFigures &d)
{
    row.insert(QStringLiteral("observed"), d.observed);
    row.insert(QStringLiteral("expected"), d.expected);
    row.insert(QStringLiteral("overdue_claims"), qint64(d.overdueClaims));
    row.insert(QStringLiteral("overdue_dollars"), d.overdueDollars);
}

} // namespace upstream::engines
