#include "engines/DayCountersJson.h"

#include <QJsonArray>
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
    {"total", &DayCounters::total},
    {"paid", &DayCounters::paid},
    {"denied", &DayCounters::denied},
    {"allowed_paid_cents", &DayCounters::allowedPaidCents},
    {"allowed_denied_cents", &DayCounters::allowedDeniedCents},
    {"decision_pd_count", &DayCounters::decisionPdCount},
    {"decision_pd_sum", &DayCounters::decisionPdSum},
    {"decision_pd_sum_sq", &DayCounters::decisionPdSumSq},
    {"payment_count", &DayCounters::paymentCount},
    {"payment_sum", &DayCounters::paymentSum},
    {"payment_sum_sq", &DayCounters::paymentSumSq},
    {"other", &DayCounters::other},
    {"allowed_other_cents", &DayCounters::allowedOtherCents},
    {"decision_other_count", &DayCounters::decisionOtherCount},
    {"decision_other_sum", &DayCounters::decisionOtherSum},
    {"decision_other_sum_sq", &DayCounters::decisionOtherSumSq},
};
static_assert(sizeof(DayCounters) == std::size(kFields) * sizeof(std::int64_t),
              "a DayCounters field is missing from the stored form");

// The pre-0.1.0 form of the day-sum triples: "decision_pd": [n, sum, sumsq].
struct LegacyTriple {
    const char *name;
    std::int64_t DayCounters::*count;
    std::int64_t DayCounters::*sum;
    std::int64_t DayCounters::*sumSq;
};
constexpr LegacyTriple kLegacy[] = {
    {"decision_pd", &DayCounters::decisionPdCount, &DayCounters::decisionPdSum, &DayCounters::decisionPdSumSq},
    {"decision_other", &DayCounters::decisionOtherCount, &DayCounters::decisionOtherSum,
     &DayCounters::decisionOtherSumSq},
    {"payment", &DayCounters::paymentCount, &DayCounters::paymentSum, &DayCounters::paymentSumSq},
};

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
    for (const LegacyTriple &t : kLegacy) {
        const QJsonValue v = o.value(QLatin1String(t.name));
        if (!v.isArray())
            continue;
        const QJsonArray a = v.toArray();
        c.*t.count = a.at(0).toInteger();
        c.*t.sum = a.at(1).toInteger();
        c.*t.sumSq = a.at(2).toInteger();
    }
    return c;
}

} // namespace upstream::engines
