#include "engines/AggregateSql.h"

#include "storage/pg/PgConnection.h"

#include <QCoreApplication>

namespace upstream::engines {

Result<AggregateSet> loadDailyAggregates(storage::PgConnection &connection, const QString &customerId, QDate from,
                                         QDate to)
{
    auto result =
        connection.exec(kDailyAggregateSql, {customerId, from.toString(Qt::ISODate), to.toString(Qt::ISODate)});
    if (!result.ok())
        return result.error();
    const storage::PgResult &r = result.value();
    constexpr int kColumns = 4 + 16;
    if (r.columns() != kColumns)
        return makeError(
            ErrorCode::Internal,
            QCoreApplication::translate("upstream::engines", "The aggregate query returned an unexpected shape."));
    AggregateSet set;
    for (int i = 0; i < r.rows(); ++i) {
        DayCounters c;
        std::int64_t *fields[] = {&c.total,
                                  &c.paid,
                                  &c.denied,
                                  &c.other,
                                  &c.allowedPaidCents,
                                  &c.allowedDeniedCents,
                                  &c.allowedOtherCents,
                                  &c.decisionPdCount,
                                  &c.decisionPdSum,
                                  &c.decisionPdSumSq,
                                  &c.decisionOtherCount,
                                  &c.decisionOtherSum,
                                  &c.decisionOtherSumSq,
                                  &c.paymentCount,
                                  &c.paymentSum,
                                  &c.paymentSumSq};
        for (int f = 0; f < 16; ++f)
            *fields[f] = r.int64(i, 4 + f);
        set.addRow(r.text(i, 0), r.text(i, 1), r.text(i, 2), EpochDay(r.int64(i, 3)), c);
    }
    return set;
}

} // namespace upstream::engines
