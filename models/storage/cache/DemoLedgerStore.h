#pragma once
// The demo workspace's sample recovery-ledger rows (workspace::populateDemoWorkspace): the largest unsuppressed
// alerts the engines wrote, and ledger entries written straight into ledger_entries — no history, no outbox, since
// a demo workspace never syncs. Use from the thread that owns the LocalCache, inside the caller's transaction.
//
// Failure modes: cache errors pass through (a statement that does not prepare: ErrorCode::Internal).
#include "core/Result.h"

#include <QString>

#include <vector>

namespace upstream::storage {

class LocalCache;

struct DemoLedgerAlert {
    QString alertId, signalId, product, payer;
    double dollars = 0;
};
// Up to `limit` unsuppressed alerts whose signal has dollars, largest first.
Result<std::vector<DemoLedgerAlert>> largestDemoAlerts(LocalCache &cache, qint64 limit);

struct DemoLedgerEntry {
    QString id;
    DemoLedgerAlert alert;
    qint64 expectedCents = 0, recoveredCents = 0;
    QString recoveredDate; // ISO day; empty = none
    QString state, notes;
    QString at;          // ISO time: created and updated
    QString recoveredBy; // empty = none
};
// Owner "demo.analyst"; an entry whose id is already stored is left as it is.
Status insertDemoLedgerEntries(LocalCache &cache, const std::vector<DemoLedgerEntry> &entries);

} // namespace upstream::storage
