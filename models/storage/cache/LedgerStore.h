#pragma once
// The recovery ledger's rows in the encrypted local cache: ledger_entries, ledger_history, and the ledger's share of
// the sync tables (its refused changes in conflicts, its queued changes in outbox). The statements only — which
// edit is allowed, the version it gets, what goes into the outbox, is decided by ledger::LedgerRepository, the one
// caller. Use from the thread that owns the LocalCache; the repository runs every write inside its transaction.
//
// Failure modes: the cache's own errors pass through. The version-guarded writes report whether they changed the
// row (false: the stored version had moved on; the caller turns that into a conflict).
#include "core/Result.h"
#include "ledger/LedgerEntry.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace upstream::storage {

class LocalCache;

// Empty when no entry has that id.
Result<std::optional<ledger::LedgerEntry>> findLedgerEntry(LocalCache &cache, const QString &id);
// Every entry, most recently updated first.
Result<std::vector<ledger::LedgerEntry>> listLedgerEntries(LocalCache &cache);
// A new row from `entry` (no approval: approved_by and approved_at stay NULL).
Status insertLedgerEntry(LocalCache &cache, const ledger::LedgerEntry &entry);
// The user-editable fields, version, updated_at and recovered_by of `after`, if the stored version is still
// `baseVersion`. True when the row was changed.
Result<bool> updateLedgerEntry(LocalCache &cache, const ledger::LedgerEntry &after, qint64 baseVersion);
// approved_by, approved_at, version and updated_at of `after`, if the stored version is still `baseVersion`.
Result<bool> approveLedgerEntry(LocalCache &cache, const ledger::LedgerEntry &after, qint64 baseVersion);
// Every column of row `id` from `entry` (whose id is ignored), whatever version it holds: the server's version
// replacing the local one.
Status overwriteLedgerEntry(LocalCache &cache, const QString &id, const ledger::LedgerEntry &entry);
Status deleteLedgerEntry(LocalCache &cache, const QString &id);

struct StoredLedgerHistory {
    qint64 id = 0;
    QString who;
    QDateTime at;
    std::optional<ledger::LedgerEntry> before; // empty for the creation
    ledger::LedgerEntry after;
};
// The history rows of one entry, oldest first.
Result<std::vector<StoredLedgerHistory>> listLedgerHistory(LocalCache &cache, const QString &entryId);
// One history row for after.id: who changed it when, the entry before (none for the creation) and after, as JSON.
Status insertLedgerHistory(LocalCache &cache, const QString &who, const QDateTime &at,
                           const std::optional<ledger::LedgerEntry> &before, const ledger::LedgerEntry &after);

// A ledger change the server refused (conflicts joined to its outbox row), oldest first; an entry can appear more
// than once.
struct StoredLedgerConflict {
    QString entryId;
    QJsonObject theirs; // the server's row; empty if the server no longer has the entry
    QDateTime detectedAt;
};
Result<std::vector<StoredLedgerConflict>> listLedgerConflicts(LocalCache &cache);
// Forgets the entry's refused changes and every ledger change still queued for it.
Status dropLedgerConflictAndQueue(LocalCache &cache, const QString &entryId);

} // namespace upstream::storage
