#pragma once
// Changes the server refused: outbox rows the push recorded as Rejected (last_error set: a permission or an invalid
// value — retrying as is would fail again) or as a Conflict (state 'conflict': the ledger entry moved on there).
// They are held back from the push until the user decides, in "Changes needing attention":
//   retry   — clears the error so the next sync round pushes the change again (e.g. after a role was granted);
//             a conflict is not retried as is (it would conflict again): the ledger page resolves it;
//   discard — removes the change from the outbox (and its conflict record): this workstation stops sending it.
//             What the cache shows for the entity is left as is; the server's version arrives with its next change.
// Audit events the server refused (audit_queue rows with last_error) are listed too, after the outbox's changes,
// and can be retried but never discarded: the audit trail is not the user's to drop.
// GUI-free; all calls run on the thread that owns the cache. Payloads (which may hold free-text notes) are not
// read: a refused change is described by its kind, entity and the server's reason only.
#include "core/Result.h"

#include <QDateTime>
#include <QString>

#include <vector>

namespace upstream::storage {
class LocalCache;
}

namespace upstream::sync {

struct RefusedChange {
    QString id;       // the outbox change id
    QString kind;     // verdict | verdict_undo | ledger_upsert | ledger_approve | audit
    QString entityId; // alert id (verdicts), ledger entry id, or the audited action (audit)
    QString reason;   // the server's reason; for a conflict empty (see `conflict`)
    bool conflict = false;
    bool discardable = true; // false for audit events
    int attempts = 0;
    QDateTime queuedAt;
};

class RefusedChangeQueue {
public:
    explicit RefusedChangeQueue(storage::LocalCache *cache) : m_cache(cache) {}

    Result<std::vector<RefusedChange>> list() const; // oldest first
    Result<int> count() const;
    Status retry(const QString &changeId); // NotFound when no such rejected change (conflicts included)
    // NotFound when no such refused change; PermissionDenied for an audit event.
    Status discard(const QString &changeId);

private:
    storage::LocalCache *m_cache;
};

} // namespace upstream::sync
