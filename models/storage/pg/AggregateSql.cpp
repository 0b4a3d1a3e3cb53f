#include "storage/pg/AggregateSql.h"

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
    constexpr int kFirstCounter = 6;
    constexpr int kCounters = 8;
    constexpr int kColumns = kFirstCounter + kCounters;
    if (r.columns() != kColumns)
        return makeError(
            ErrorCode::Internal,
            QCoreApplication::translate("upstream::engines", "The aggregate query returned an unexpected shape."));
    // Straight from libpq's buffers: a QString per name only when it differs from the previous row's, integers
    // parsed in place. Per-row conversion overhead is what separates fetching from PostgreSQL's execution time.
    pg_result *res = r.handle();
    AggregateSet set;
    std::string lastRaw[4];
    QString lastName[4];
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
        std::int64_t *fields[kCounters] = {&c.claims,
                                           &c.paid,
                                           &c.denied,
                                           &c.other,
                                           &c.allowedPaidCents,
                                           &c.allowedDeniedCents,
                                           &c.allowedOtherCents,
                                           &c.atRiskCents};
        for (int f = 0; f < kCounters; ++f)
            *fields[f] = integer(i, kFirstCounter + f);
        const std::int64_t kind = integer(i, 0);
        if (kind < 0 || kind >= kAggregateKinds)
            return makeError(
                ErrorCode::Internal,
                QCoreApplication::translate("upstream::engines", "The aggregate query returned an unexpected shape."));
        set.addRow(AggregateKind(kind), name(i, 1), name(i, 2), name(i, 3), EpochDay(integer(i, 4)),
                   std::uint16_t(integer(i, 5)), c);
    }
    return set;
}

} // namespace upstream::engines

namespace upstream::engines {

Result<QDate> newestClaimDate(storage::PgConnection &connection, const QString &customerId)
{
    auto result = connection.exec(kNewestClaimDateSql, {customerId});
    if (!result.ok())
        return result.error();
    const storage::PgResult &r = result.value();
    if (r.rows() != 1 || r.isNull(0, 0))
        return QDate();
    return QDate::fromString(r.text(0, 0), Qt::ISODate);
}

} // namespace upstream::engines
