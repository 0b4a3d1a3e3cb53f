#pragma once
// The first column of the first row of a query on a local cache, as a number (tests' counts); -1 on any failure.
#include "storage/cache/LocalCache.h"

namespace upstream::test {

inline qint64 countRows(storage::LocalCache &cache, const QString &sql)
{
    auto q = cache.db().prepare(sql);
    if (!q.ok())
        return -1;
    auto row = q->step();
    return row.ok() && row.value() ? q->int64(0) : -1;
}

} // namespace upstream::test
