#pragma once
// What computing signals in a local workspace reads and writes in the encrypted cache (compute::computeLocal and
// listLocalSignals): signals (id = fingerprint) upserted in place, the alert history the AlertBook rules decide
// against, new pending alerts (id = "al-" + fingerprint), and the stored signals with their alert status. Which
// signals alert stays with compute, which runs these writes and the aggregates' in one cache transaction.
//
// Use from the thread that owns the LocalCache. Failure modes: cache errors pass through.
#include "alerts/AlertBook.h"
#include "core/Result.h"
#include "engines/Signal.h"

#include <QByteArray>
#include <QJsonArray>
#include <QString>

#include <functional>
#include <vector>

namespace upstream::storage {

class LocalCache;

// Writes every signal of `found` (a stored fingerprint is updated in place), stamped as_of `asOf` and computed_at
// `computedAt` (ISO texts); `evidence` gives each signal's evidence JSON.
struct CacheSignalsWritten {
    int inserted = 0, updated = 0;
};
Result<CacheSignalsWritten> writeCacheSignals(LocalCache &cache, const std::vector<engines::Signal> &found,
                                              const std::function<QByteArray(const engines::Signal &)> &evidence,
                                              const QString &asOf, const QString &computedAt);

// Every alert of the cache with its signal and judgments (ids: row order; the cache's text ids are kept aside).
// Local workspaces are small: the whole table is read.
Result<alerts::AlertBook> loadCacheAlertHistory(LocalCache &cache);

// New pending alerts created at `createdAt` (ISO text), one per alert of `created`, id "al-" + its fingerprint; an
// alert already stored under that id is kept. Returns the suppressed flag of each alert actually written.
Result<std::vector<bool>> insertCachePendingAlerts(LocalCache &cache, const std::vector<const alerts::Alert *> &created,
                                                   const QString &createdAt);

// The stored signals with their alert (status "none" when the signal did not alert), newest window first, each as
// the object listLocalSignals hands out before withDelayFields (the evidence's "delay" under key "delay").
// product empty = all.
Result<QJsonArray> listCacheSignalsWithAlerts(LocalCache &cache, const QString &product);

} // namespace upstream::storage
