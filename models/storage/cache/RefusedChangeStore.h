#pragma once
// Changes the server refused, as the cache keeps them: outbox rows with last_error set (rejected) or state
// 'conflict', audit_queue rows with last_error set, and the conflicts table's record of a refused ledger edit.
// The reads and writes behind sync::RefusedChangeQueue, which decides what the user may do with each (retry,
// discard) and says so; payloads (which may hold free-text notes) are never read here.
//
// Connection: the LocalCache passed in, on the thread that owns it. Callers that combine several calls into one
// decision run them inside a cache transaction (RefusedChangeQueue does).
#include "core/Result.h"

#include <QDateTime>
#include <QString>

#include <vector>

namespace upstream::storage {

class LocalCache;

struct RefusedOutboxRow {
    QString id;
    QString kind;
    QString entityId;
    QString lastError; // empty for a conflict
    bool conflict = false;
    int attempts = 0;
    QDateTime createdAt;
};

struct RefusedAuditRow {
    QString id;
    QString action;
    QString lastError;
    int attempts = 0;
    QDateTime at;
};

Result<std::vector<RefusedOutboxRow>> refusedOutboxRows(LocalCache &cache); // queue order
Result<std::vector<RefusedAuditRow>> refusedAuditRows(LocalCache &cache);   // oldest first
Result<int> refusedCount(LocalCache &cache);                                // both kinds

// Clears a rejection so that the next push sends the row again; false when no such rejected row (an outbox row in
// conflict is not cleared).
Result<bool> clearOutboxRejection(LocalCache &cache, const QString &id);
Result<bool> clearAuditRejection(LocalCache &cache, const QString &id);
// Deletes a refused outbox row (rejected or in conflict); false when there is none with that id.
Result<bool> deleteRefusedOutboxRow(LocalCache &cache, const QString &id);
// Whether an audit event with that id is still queued (refused or not).
Result<bool> auditEventQueued(LocalCache &cache, const QString &id);
// Deletes the conflict record of an outbox change.
Status deleteConflict(LocalCache &cache, const QString &outboxId);

} // namespace upstream::storage
