#pragma once
// The first column of the first row of a query on a local cache, as a number (tests' counts); -1 on any failure.
#include "storage/cache/LocalCache.h"

namespace upstream::test {

inline qint64 countRows(storage::LocalCache &cache, const QString &sql)
{
    auto n = cache.db().scalar(sql);
    return n.ok() ? n.value() : -1;
}

} // namespace upstream::test
