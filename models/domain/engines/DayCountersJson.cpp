#include "engines/DayCountersJson.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace upstream::engines {
namespace {

struct CounterField {
    const char *name;
    std::int64_t DayCounters::*member;
};

// Every DayCounters field, in the struct's order.
constexpr CounterField kFields[] = {
    {"claims", &DayCounters::claims},
    {"paid", &DayCounters::paid},
    {"denied", &DayCounters::denied},
    {"other", &DayCounters::other},
    {"allowed_paid_cents", &DayCounters::allowedPaidCents},
    {"allowed_denied_cents", &DayCounters::allowedDeniedCents},
    {"allowed_other_cents", &DayCounters::allowedOtherCents},
    {"at_risk_cents", &DayCounters::atRiskCents},
};
static_assert(sizeof(DayCounters) == std::size(kFields) * sizeof(std::int64_t),
              "a DayCounters field is missing from the stored form");

} // namespace

QString dayCountersToJson(const DayCounters &c)
{
    QJsonObject o;
    for (const CounterField &f : kFields)
        o.insert(QLatin1String(f.name), qint64(c.*f.member));
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

DayCounters dayCountersFromJson(const QString &json)
{
    DayCounters c;
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    for (const CounterField &f : kFields)
        c.*f.member = o.value(QLatin1String(f.name)).toInteger();
    return c;
}

} // namespace upstream::engines
