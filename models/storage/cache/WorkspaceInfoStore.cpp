#include "storage/cache/WorkspaceInfoStore.h"

#include "storage/cache/LocalCache.h"

namespace upstream::storage {
namespace {

qint64 countRows(LocalCache &cache, const QString &sql)
{
    auto n = cache.db().scalar(sql);
    return n.ok() ? n.value() : -1;
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
