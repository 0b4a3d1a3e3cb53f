#include "DemoWorkspace.h"

#include "dashboard/SyntheticSignals.h"
#include "storage/cache/LocalCache.h"

#include <QDateTime>

namespace upstream::workspace {

Status populateDemoWorkspace(storage::LocalCache &cache)
{
    // Marks the workspace as a demo. Until the signal engines run on `upstream demo-data` here, the dashboards'
    // synthetic signals stand in for their output (same cache tables, same evidence JSON).
    if (Status st = cache.setMeta(QStringLiteral("demo"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        !st.ok())
        return st;
    dashboard::SyntheticOptions options;
    options.asOf = QDate::currentDate();
    return dashboard::fillSyntheticSignals(cache, options);
}

} // namespace upstream::workspace
