#include "engines/AggregateSql.h"

#include "storage/pg/PgConnection.h"

#include <QCoreApplication>

#include <libpq-fe.h>

#include <charconv>
#include <string>

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
    // Straight from libpq's buffers: a QString per name only when it differs from the previous row's, integers
    // parsed in place. Per-row conversion overhead is what separates fetching from PostgreSQL's execution time.
    pg_result *res = r.handle();
    AggregateSet set;
    std::string lastRaw[3];
    QString lastName[3];
    auto name = [&](int row, int col) -> const QString & {
        const char *v = PQgetvalue(res, row, col);
        const auto len = std::size_t(PQgetlength(res, row, col));
        std::string &raw = lastRaw[col];
        if (raw.size() != len || raw.compare(0, len, v, len) != 0 || lastName[col].isNull()) {
            raw.assign(v, len);
            lastName[col] = QString::fromUtf8(v, qsizetype(len));
        }
        return lastName[col];
    };
    auto integer = [&](int row, int col) {
        std::int64_t value = 0;
        const char *v = PQgetvalue(res, row, col);
        std::from_chars(v, v + PQgetlength(res, row, col), value);
        return value;
    };
    for (int i = 0, rows = r.rows(); i < rows; ++i) {
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
            *fields[f] = integer(i, 4 + f);
        set.addRow(name(i, 0), name(i, 1), name(i, 2), EpochDay(integer(i, 3)), c);
    }
    return set;
}

} // namespace upstream::engines
