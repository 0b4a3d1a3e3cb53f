#pragma once
// Pulled server rows into the cache: the mirrored tables (signals, alerts, judgments, ledger_entries), the pull
// cursor (sync_state 'last_seq') and the workstation's change origin (sync_state 'origin'). The one place that
// writes server rows into the cache — pulled batches and the rows a push acknowledgement carries back;
// storage/pg/PullQueries reads them.
//
// applyPulled writes one batch in one cache transaction, parents before children, and moves the cursor with it, so
// a crash leaves the cache at a batch boundary. A row with local changes still queued in the outbox is not
// overwritten (the push decides on it); if that change was already refused (a conflict), the conflict's "theirs"
// is updated to the pulled row instead, so resolving it starts from the server's newest version. A row equal to
// the cached one is not written. Each apply reports what it changed (CacheChanges), so that only the screens
// showing it reload.
//
// Connection: the LocalCache passed in, on the thread that owns it (the sync service may pass a second connection
// of its own, on its cache thread).
#include "core/Result.h"
#include "storage/pg/PullQueries.h"

#include <QSet>
#include <QString>

#include <set>

namespace upstream::storage {

class LocalCache;
class SyncStatementCache;

// What applying server rows changed in the cache: the products whose signals, alerts, judgments or ledger entries
// changed (a dashboard shows one product), and whether ledger rows changed (the ledger page). Rows equal to the
// cached ones, and rows left alone because a local change is queued, are not counted.
struct CacheChanges {
    int rows = 0;             // cache rows inserted, updated or deleted
    QSet<QString> products;   // signals.product of what changed
    bool allProducts = false; // a change whose product is unknown: every dashboard
    bool ledger = false;      // ledger_entries changed
    bool empty() const { return rows == 0; }
    bool touches(const QString &product) const { return allProducts || products.contains(product); }
    void merge(const CacheChanges &other)
    {
        rows += other.rows;
        products.unite(other.products);
        allProducts = allProducts || other.allProducts;
        ledger = ledger || other.ledger;
    }
    // Everything may have changed (a recompute, a workspace import): every screen reloads.
    static CacheChanges everything()
    {
        CacheChanges c;
        c.rows = 1;
        c.allProducts = true;
        c.ledger = true;
        return c;
    }
};

Result<CacheChanges> applyPulled(LocalCache &cache, const PulledBatch &batch);
// The highest change_log seq applied so far (0 before the first pull or when it cannot be read).
qint64 lastPulledSeq(LocalCache &cache);

// The token this cache's sync connections stamp their changes with (storage::setChangeOrigin): random, made on
// first use and kept in the encrypted cache. A cache without a pull cursor (new, or reset to pull everything again)
// gets a new token, so that a full pull brings back what earlier sessions of this cache wrote, too.
Result<QString> changeOrigin(LocalCache &cache);

// Inside an open cache transaction (storage/cache/OutboxStore's recordPushResults): writes the rows a push
// acknowledgement carried (serverRowsAfterPush) as a pull would, except rows of an entity that still has a change
// queued — a ledger entry by client uuid, an alert and the operator's judgment on it by alert id — which the later
// push will bring. fromSeq/toSeq are not read; the cursor does not move.
Status applyAcknowledgedRows(LocalCache &cache, SyncStatementCache &statements, const PulledBatch &rows,
                             CacheChanges &changes);

} // namespace upstream::storage
