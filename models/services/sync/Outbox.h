#pragma once
// The outbox: local changes waiting for the server. enqueueChange() is the one way to add one — call it inside the
// same cache transaction as the local edit it describes, so that an edit the user saw accepted is durable together
// with its outbox row (it survives a crash) and is pushed exactly once (the id is generated here, and the server
// records it in upstream.applied_changes).
#include "core/Result.h"

#include <QJsonObject>
#include <QString>

namespace upstream::storage {
class LocalCache;
}

namespace upstream::sync {

// kind: verdict | verdict_undo | ledger_upsert | ledger_approve | audit (see SyncPush.cpp for each payload).
// baseVersion: the server version the edit was based on (0 = a new row). changeId: a fresh UUID the caller made
// (a verdict names its judgment with it, as the server does: judgments.client_uuid), or empty to have one made here.
// Returns the change id.
Result<QString> enqueueChange(storage::LocalCache &cache, const QString &kind, const QString &entityId,
                              qint64 baseVersion, const QJsonObject &payload, const QString &changeId = {});
// Queues one audit event (SPEC 8: who, what, when, which workstation) in the same transaction as the act it
// records; the sync service appends it to the server's hash-chained audit log. An empty workstation means this
// computer's host name.
Status enqueueAudit(storage::LocalCache &cache, const QString &who, const QString &workstation, const QString &action,
                    const QJsonObject &details);

// Counts of queued changes, for the status bar ("3 changes waiting to sync").
Result<int> pendingCount(storage::LocalCache &cache);

} // namespace upstream::sync
