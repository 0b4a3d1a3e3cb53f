#pragma once
// A test's own encrypted local cache, for the sync tests that play several workstations against one server.
#include "storage/cache/LocalCache.h"

#include <QByteArray>
#include <QString>

namespace upstream::test {

// The cache at `path` (created when missing), keyed with 32 bytes of `keyByte`. A cache that cannot be opened ends
// the test run (qFatal): nothing after it could mean anything.
inline storage::LocalCache openTestCache(const QString &path, char keyByte)
{
    auto c = storage::LocalCache::open(path, QByteArray(32, keyByte));
    if (!c.ok())
        qFatal("cache: %s", qPrintable(c.error().message));
    return std::move(c.value());
}

} // namespace upstream::test
