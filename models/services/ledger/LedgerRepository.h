#pragma once
// LedgerRepository: the recovery ledger in the encrypted local cache. The only writer of ledger_entries.
//
// Contract:
// - create/update/approve validate (LedgerValidation.h), then write the entry, ONE ledger_history row (who, when,
//   before JSON, after JSON) and ONE outbox row (sync::enqueueChange: change UUID, next seq, base_version — 0 for a
//   new entry —, payload = the entry's JSON) in a single transaction committed before the call returns: an accepted
//   edit survives a crash and will be pushed. Entry ids are client UUIDs (the server's client_uuid).
// - Optimistic concurrency: update/approve carry the version the edit was based on; if the stored version differs
//   the call fails with ErrorCode::Conflict and nothing is written (never a silent overwrite). The caller shows
//   mine vs theirs (LedgerMerge.h, views/conflict) and saves the resolution based on the current version.
// - A save that changes nothing writes nothing and returns the stored entry.
// - An approved entry is final: update() refuses it (InvalidInput); a correction is a new entry. (Withdrawing an
//   approval on edit is not possible: on the server only a supervisor may change approved_by.)
// - approve() needs the supervisor role (PermissionDenied otherwise; the server enforces it again) and a closed
//   entry (recovered or written off).
// Failure modes: InvalidInput (validation, message lists the problems), NotFound, Conflict, PermissionDenied,
// or the cache's own errors. Use from the thread that owns the LocalCache.
#include "core/Result.h"
#include "ledger/LedgerEntry.h"
#include "ledger/LedgerTotals.h"

#include <functional>
#include <optional>
#include <vector>

namespace upstream::storage {
class LocalCache;
}

namespace upstream::ledger {

// Who is editing. role is the PostgreSQL role name the user signed in with ("operator", "supervisor", ...).
struct LedgerActor {
    QString user;
    QString role;
    bool canApprove() const { return role == QLatin1String("supervisor"); }
};

struct LedgerHistoryRecord {
    qint64 id = 0;
    QString entryId;
    QString who;
    QDateTime at;
    std::optional<LedgerEntry> before; // empty for the creation
    LedgerEntry after;
};

// A ledger change the server refused during sync because the entry had moved on there (the sync layer records
// it; see sync::recordPushResults). Until it is resolved, the entry's queued changes are held back.
struct SyncConflict {
    QString entryId;
    LedgerEntry mine;   // the entry as this workstation has it: every local edit, including the refused one
    LedgerEntry theirs; // the server's current version; id empty if the server no longer has the entry
    QDateTime detectedAt;
};

inline constexpr QLatin1String kOutboxLedgerUpsert{"ledger_upsert"};
inline constexpr QLatin1String kOutboxLedgerApprove{"ledger_approve"};

class LedgerRepository {
public:
    using Clock = std::function<QDateTime()>; // tests move time; default: the system clock

    LedgerRepository(storage::LocalCache *cache, LedgerActor actor, Clock clock = {});

    const LedgerActor &actor() const { return m_actor; }
    QDateTime now() const; // UTC, whole seconds
    QDate today() const;   // the user's calendar day (local time)

    // draft.id may be empty (a UUID is assigned) or a UUID; owner defaults to the acting user.
    Result<LedgerEntry> create(LedgerEntry draft, bool overRecoveryConfirmed = false);
    // edited.version must be the version the edit started from.
    Result<LedgerEntry> update(const LedgerEntry &edited, bool overRecoveryConfirmed = false);
    Result<LedgerEntry> approve(const QString &id, qint64 baseVersion);
    // Undo/redo (LedgerUndo.h): like update(), but the state may go back to an earlier one — undoing a step crosses
    // the workflow's forward-only rule. The field rules still apply, an approved entry stays final, and the step is
    // written as an ordinary edit (new version, history row, outbox row). The over-recovery question was answered
    // when the restored values were first saved.
    Result<LedgerEntry> restore(const LedgerEntry &edited);

    Result<LedgerEntry> get(const QString &id);
    Result<std::vector<LedgerEntry>> all();
    Result<std::vector<LedgerHistoryRecord>> history(const QString &entryId);
    Result<LedgerTotals> totals();
    // Unresolved sync conflicts, oldest first.
    Result<std::vector<SyncConflict>> syncConflicts();
    // Settles a sync conflict in one transaction: theirs becomes the stored version (a history row records the
    // switch), the refused change and the changes queued after it for this entry leave the outbox, and then —
    // unless takeTheirs — `resolved` (from ledger::mergeEntries / keepMine, based on theirs) is saved as an
    // ordinary validated edit and queued for the server on theirs' version; an approval in mine that theirs lacks
    // is queued again too. If the server no longer has the entry, keeping mine queues it as a new entry and taking
    // theirs removes it locally. Returns the entry as stored afterwards (an empty id when removed).
    Result<LedgerEntry> resolveSyncConflict(const SyncConflict &conflict, const LedgerEntry &resolved, bool takeTheirs);
    // Audit: the ledger (rows entries) was exported as "csv" or "pdf".
    Status recordExport(const QString &format, int rows);

private:
    // The bodies of update() and approve(), run inside a transaction the caller holds.
    Status updateLocked(const LedgerEntry &edited, bool overRecoveryConfirmed, std::optional<LedgerEntry> &result,
                        bool anyState = false);
    Status approveLocked(const QString &id, qint64 baseVersion, std::optional<LedgerEntry> &result);
    // Overwrites the local row with `theirs`; with history, a history row records the switch.
    Status storeServerVersion(const LedgerEntry &mine, const LedgerEntry &theirs, bool withHistory);
    Status insertHistory(const std::optional<LedgerEntry> &before, const LedgerEntry &after, const QDateTime &at);
    Status write(const std::optional<LedgerEntry> &before, const LedgerEntry &after, QLatin1String outboxKind,
                 std::optional<qint64> baseVersion);

    storage::LocalCache *m_cache;
    LedgerActor m_actor;
    Clock m_clock;
};

} // namespace upstream::ledger
