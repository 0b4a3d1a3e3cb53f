#pragma once
// Appends one change to the local outbox (the queue the sync service pushes to the server).
//
// Contract: call inside the caller's write transaction, so the change and its outbox row commit together or not at
// all. id is a client-generated UUID (a retried push is recognised by the server, never applied twice); seq is
// strictly increasing for the life of the cache — it continues from sync_state 'outbox_last_seq', so it does not
// restart when pushed rows are deleted. Nothing here is ledger-specific; it lives with its first user.
#include "core/Result.h"

#include <QString>

#include <optional>

namespace upstream::storage {
class CipherDatabase;
}

namespace upstream::ledger {

struct OutboxChange {
    QString kind;                      // "ledger_upsert", "ledger_approve", ...
    QString entityId;                  // the changed row's id
    std::optional<qint64> baseVersion; // the version the edit was based on; empty for a new row
    QString payload;                   // JSON
    QString createdAt;                 // ISO 8601 UTC
};

struct OutboxRowId {
    QString id;
    qint64 seq = 0;
};

Result<OutboxRowId> appendOutbox(storage::CipherDatabase &db, const OutboxChange &change);

} // namespace upstream::ledger
