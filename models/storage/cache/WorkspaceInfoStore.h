#pragma once
// What `upstream workspace info` reports about a local workspace besides its manifest and daily aggregates: how
// many signals and alerts the cache holds. Use from the thread that owns the LocalCache.
//
// Failure mode: a count that cannot be read is -1 (the command prints what it could read rather than fail).
#include <QtGlobal>

namespace upstream::storage {

class LocalCache;

// (Not "signals": a Qt keyword.)
struct WorkspaceInfoCounts {
    qint64 signalCount = -1;
    qint64 alertCount = -1;
};
WorkspaceInfoCounts countWorkspaceRows(LocalCache &cache);

} // namespace upstream::storage
