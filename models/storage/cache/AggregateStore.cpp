#include "storage/cache/AggregateStore.h"

#include "engines/ClaimRecord.h"
#include "engines/DayCountersJson.h"
#include "storage/cache/LocalCache.h"

namespace upstream::storage {
namespace {

using engines::AggregateRow;
using engines::AggregateSet;

// Binds the six key columns of `row` from parameter `first` on.
void bindKey(CipherStatement &st, int first, const AggregateSet &set, const AggregateRow &row)
{
    st.bind(first, engines::aggregateKindName(row.kind));
    st.bind(first + 1, set.payers().at(qsizetype(row.payer)));
    st.bind(first + 2, set.groups().at(qsizetype(row.group)));
    st.bind(first + 3, set.reasons().at(qsizetype(row.reason)));
    st.bind(first + 4, engines::isoDate(row.day));
    st.bind(first + 5, qint64(row.lag));
}

constexpr const char *kKeyWhere =
    "kind = ?1 AND payer = ?2 AND cpt_group = ?3 AND reason = ?4 AND day = ?5 AND lag = ?6";

} // namespace

Result<AggregateSet> loadAggregates(LocalCache &cache)
{
    auto q = cache.db().prepare(
        QStringLiteral("SELECT kind, payer, cpt_group, reason, day, lag, data FROM daily_aggregates"));
    if (!q.ok())
        return q.error();
    AggregateSet set;
    const Status rows = q.value().forEachRow([&]() -> Status {
        const auto kind = engines::aggregateKindFromName(q.value().text(0));
        const QDate day = QDate::fromString(q.value().text(4), Qt::ISODate);
        const qint64 lag = q.value().int64(5);
        if (!kind || !day.isValid() || lag < 0 || lag > engines::kUnfinishedLag)
            return makeError(ErrorCode::Corrupt,
                             QStringLiteral("a stored daily aggregate has no valid kind, day or lag"));
        set.addRow(*kind, q.value().text(1), q.value().text(2), q.value().text(3), engines::toEpochDay(day),
                   std::uint16_t(lag), engines::dayCountersFromJson(q.value().text(6)));
        return Status::success();
    });
    if (!rows.ok())
        return rows.error();
    return set;
}

Status mergeAggregates(LocalCache &cache, const AggregateSet &set, bool subtract)
{
    auto select =
        cache.db().prepare(QStringLiteral("SELECT data FROM daily_aggregates WHERE %1").arg(QLatin1String(kKeyWhere)));
    auto upsert = cache.db().prepare(QStringLiteral("INSERT OR REPLACE INTO daily_aggregates (kind, payer, cpt_group, "
                                                    "reason, day, lag, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    auto remove =
        cache.db().prepare(QStringLiteral("DELETE FROM daily_aggregates WHERE %1").arg(QLatin1String(kKeyWhere)));
    if (!select.ok())
        return select.error();
    if (!upsert.ok())
        return upsert.error();
    if (!remove.ok())
        return remove.error();
    for (const AggregateRow &row : set.rows()) {
        engines::DayCounters merged;
        select->reset();
        bindKey(*select, 1, set, row);
        auto found = select->step();
        if (!found.ok())
            return found.error();
        if (found.value())
            merged = engines::dayCountersFromJson(select->text(0));
        if (subtract)
            merged.subtract(row.c);
        else
            merged.add(row.c);
        CipherStatement &st = merged.isZero() ? *remove : *upsert;
        st.reset();
        bindKey(st, 1, set, row);
        if (!merged.isZero())
            st.bind(7, engines::dayCountersToJson(merged));
        if (Status s = st.run(); !s.ok())
            return s;
    }
    return Status::success();
}

Status replaceAggregates(LocalCache &cache, const AggregateSet &set)
{
    if (Status st = cache.db().exec(QStringLiteral("DELETE FROM daily_aggregates")); !st.ok())
        return st;
    // The table is empty now: plain inserts, no look-up of a stored row per key (merge's path).
    auto insert = cache.db().prepare(QStringLiteral("INSERT INTO daily_aggregates (kind, payer, cpt_group, reason, "
                                                    "day, lag, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    if (!insert.ok())
        return insert.error();
    for (const AggregateRow &row : set.rows()) {
        if (row.c.isZero())
            continue;
        insert->reset();
        bindKey(*insert, 1, set, row);
        insert->bind(7, engines::dayCountersToJson(row.c));
        if (Status s = insert->run(); !s.ok())
            return s;
    }
    return Status::success();
}

} // namespace upstream::storage
