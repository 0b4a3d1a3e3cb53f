#include "DemoWorkspace.h"

#include "storage/cache/LocalCache.h"

#include <QDateTime>

namespace upstream::workspace {

Status populateDemoWorkspace(storage::LocalCache &cache)
{
    // Marks the workspace as a demo; the synthetic data set is added by the demo generator and the engines.
    return cache.setMeta(QStringLiteral("demo"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
}

} // namespace upstream::workspace
