#include "storage/cache/WorkspaceInfoStore.h"

#include "storage/cache/LocalCache.h"

namespace upstream::storage {
namespace {

qint64 countRows(LocalCache &cache, const QString &sql)
{
    auto q = cache.db().prepare(sql);
    if (!q.ok())
        return -1;
    auto row = q.value().step();
    return row.ok() && row.value() ? q.value().int64(0) : -1;
}

} // namespace

WorkspaceInfoCounts countWorkspaceRows(LocalCache &cache)
{
    WorkspaceInfoCounts counts;
    counts.signalCount = countRows(cache, QStringLiteral("SELECT count(*) FROM signals"));
    counts.alertCount = countRows(cache, QStringLiteral("SELECT count(*) FROM alerts"));
    return counts;
}

} // namespace upstream::storage
