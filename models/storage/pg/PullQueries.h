#pragma once
// The server side of a pull: the customer's change_log after the last seen sequence number, with the current
// content of each changed row, read as one PulledBatch; and the channels on which the server announces new changes.
// The rows' column order (LedgerPullColumn) is this file's contract with storage/cache/SyncCacheStore, which binds
// the pulled ledger bytes straight into the cache.
//
// A batch covers the next `limit` change_log entries: one statement finds the highest seq of the range, then one
// statement per mirrored table joins the range's distinct keys to the table's current rows (a key with no row is a
// deletion). The keys never travel to the client and back, and ledger rows — the bulk of a pull — come back as
// cache-ready text columns (LedgerPullColumn), kept in their libpq result for the cache to bind directly.
//
// Blocking: call on the thread that owns the connection (the sync worker, or the pull's helper thread), never on
// the GUI thread. Errors are the connection's (the caller goes offline and retries later).
#include "core/Result.h"
#include "storage/pg/PgConnection.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace upstream::storage {

struct PulledRow {
    QString table; // signals | alerts | judgments | ledger_entries
    bool deleted = false;
    QJsonObject key; // the change_log row key
    QJsonObject row; // current content (empty when deleted); alerts and judgments carry their signal's "product"
};

// Columns of PulledBatch::ledgerRows, already in the cache's format (cents, ISO dates, UTC seconds), so applying
// them binds the server's bytes directly — no JSON or date parsing per row. The ledger is the bulk of a pull.
enum LedgerPullColumn {
    PulledEntryId, // key; the other columns are NULL when the entry was deleted (or is no longer visible)
    PulledClientUuid,
    PulledAlertId,
    PulledSignalId,
    PulledProduct,
    PulledPayer,
    PulledExpectedCents,
    PulledRecoveredCents,
    PulledRecoveredDate,
    PulledState,
    PulledOwner,
    PulledNotes,
    PulledApprovedBy,
    PulledApprovedAt,
    PulledVersion,
    PulledCreatedAt,
    PulledUpdatedAt,
    PulledRecoveredBy,
    PulledLedgerColumns
};

struct PulledBatch {
    qint64 fromSeq = 0;
    qint64 toSeq = 0;                           // the highest seq covered; fromSeq == toSeq when nothing changed
    std::vector<PulledRow> rows;                // signals, alerts, judgments
    std::shared_ptr<const PgResult> ledgerRows; // ledger_entries, LedgerPullColumn order (may be null)
    // ledgerRows' row numbers in the cache's key order (client_uuid bytes; deletions, which have none, first), so
    // that the cache inserts side by side into its index pages. Sorted by whoever read the batch: the pull's reading
    // thread, while the cache applies the previous batch (the server no longer sorts).
    std::vector<int> ledgerOrder;
    int rowCount() const;
};

// Attaches ledger rows (LedgerPullColumn) to a batch with their key order (ledgerOrder).
void setLedgerRows(PulledBatch &batch, PgResult &&rows);

// The next batch of at most `limit` change_log entries after afterSeq. Keys whose changes in the batch were all made
// under this connection's own change origin (setChangeOrigin) are left out: toSeq still covers them.
Result<PulledBatch> pullChanges(PgConnection &conn, qint64 customerId, qint64 afterSeq, int limit);

// Stamps every change this connection writes from now on with the workstation's origin (0010: change_log.origin =
// sha256(token)), and makes pullChanges leave out the keys only this origin changed. token: the cache's
// (storage/cache/SyncCacheStore changeOrigin), secret to it; empty = no origin (nothing is left out).
Status setChangeOrigin(PgConnection &conn, const QString &token);

// What a push acknowledgement carries back (sync/SyncPush.h): the server's current rows, in the pull's columns and
// formats, of the alerts given (with the signed-in operator's judgments on them) and of the ledger entries given by
// client uuid — everything the server stamped (ids, versions, times, approved_at, recovered_by) — so that the
// cache holds what the pull leaves out as this workstation's own. fromSeq = toSeq = 0. alertIds must be numeric.
Result<PulledBatch> serverRowsAfterPush(PgConnection &conn, qint64 customerId, const QStringList &alertIds,
                                        const QStringList &ledgerClientUuids);

// The opaque channels on which the customers this login may read announce their changes (0006), for LISTEN.
// Fails on a server without upstream.change_channels (the caller then listens on upstream_changes).
Result<QStringList> changeChannels(PgConnection &conn);

} // namespace upstream::storage
