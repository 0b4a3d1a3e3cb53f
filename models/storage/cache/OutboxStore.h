#pragma once
// The cache's queue towards the server: the outbox (local changes in queue order, table outbox), the audit queue
// (audit events for the server's hash-chained log, table audit_queue) and the conflicts table (both sides of a
// ledger edit the server refused). The one place that reads and writes those tables for the push; what to queue
// is the sync service's (sync/Outbox.h), and so is what the server's answers mean (sync/SyncPush.h).
//
// Connection: the LocalCache passed in, on the thread that owns it. The appends run inside the caller's transaction
// (the edit they describe); recordPushResults opens its own.
#include "core/Result.h"
#include "storage/cache/SyncCacheStore.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace upstream::storage {

class LocalCache;

// One queued change as the push sends it. Audit events are read as kind "audit", entityId = their id.
struct OutboxChange {
    QString id; // client-generated UUID
    qint64 seq = 0;
    QString kind; // verdict | verdict_undo | ledger_upsert | ledger_approve | audit
    QString entityId;
    qint64 baseVersion = 0;
    QJsonObject payload;
};

enum class PushOutcome { Applied, AlreadyApplied, Conflict, Rejected };

// The server's answer for one pushed change.
struct PushResult {
    QString changeId;
    PushOutcome outcome = PushOutcome::Applied;
    QJsonObject theirs; // Conflict: the server's current row
    QString message;    // Rejected: why the server refused (permission, invalid value)
};

// Appends a change at the end of the outbox (seq = the next one; change.seq is not read).
Status appendToOutbox(LocalCache &cache, const OutboxChange &change, const QString &createdAt);
Status appendToAuditQueue(LocalCache &cache, const QString &id, const QString &at, const QString &who,
                          const QString &workstation, const QString &action, const QJsonObject &details);
// Outbox rows and audit events waiting, refused ones included.
Result<int> queuedChangeCount(LocalCache &cache);

// Queued changes in order, without those of an entity that has an unresolved conflict and without those the server
// rejected (they wait for the user's retry or discard, see RefusedChangeStore); audit events follow, up to limit.
Result<std::vector<OutboxChange>> pendingChanges(LocalCache &cache, int limit);
// Records push results in one transaction: applied/already-applied rows leave the outbox; conflicts are kept
// (state 'conflict') with both versions in the conflicts table; rejected changes are kept with their error.
Status recordPushResults(LocalCache &cache, const std::vector<PushResult> &results);
// The same, and in the same transaction the server rows the acknowledgement carried (storage::serverRowsAfterPush)
// are written as a pull would write them (storage/cache/SyncCacheStore applyAcknowledgedRows): the change leaves
// the outbox together with what the server stamped on it, so the pull may leave it out. Returns what changed.
Result<CacheChanges> recordPushAcknowledgement(LocalCache &cache, const std::vector<PushResult> &results,
                                               const PulledBatch &acknowledgedRows);

} // namespace upstream::storage
