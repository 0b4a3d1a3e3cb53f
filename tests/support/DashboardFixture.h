#pragma once
// A throwaway encrypted local cache filled with the dashboards' synthetic signals (tests and benchmarks).
#include "SyntheticSignals.h"
#include "storage/cache/LocalCache.h"

#include <QTemporaryDir>

#include <memory>

namespace upstream::test {

struct DashboardFixture {
    QTemporaryDir dir;
    std::shared_ptr<storage::LocalCache> cache;

    // Empty cache on failure (check `cache`).
    explicit DashboardFixture(const dashboard::SyntheticOptions &options = {}, bool encrypted = true)
    {
        auto c = storage::LocalCache::open(dir.filePath(QStringLiteral("cache.db")),
                                           encrypted ? QByteArray(32, '\x42') : QByteArray());
        if (!c.ok())
            return;
        auto shared = std::make_shared<storage::LocalCache>(std::move(c.value()));
        if (!dashboard::fillSyntheticSignals(*shared, options).ok())
            return;
        cache = std::move(shared);
    }
};

} // namespace upstream::test
