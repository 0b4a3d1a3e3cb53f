#pragma once
// The two halves of synchronisation with the central server, as plain functions over one PostgreSQL connection
// (run them on a worker thread) and one local cache (run them on the cache's thread):
//
//   push: queued local changes (outbox rows) go up in batches, each batch in one server transaction, set-based:
//         every change id is claimed in upstream.applied_changes (an id already there is AlreadyApplied — a retry
//         after a lost acknowledgement is recognised, so every change arrives exactly once), then one statement
//         per kind applies what is current and returns what is not. A ledger edit carries the version it was based
//         on; if the server has moved on, the change is a Conflict (the server row is returned as "theirs"), nothing
//         is overwritten, and the rest of the batch still applies. A batch that fails for another reason falls back
//         to one transaction per change (pushChange), so one refused change never takes the others with it.
//   pull: the customer's change_log after the last seen sequence number, with the current content of each changed
//         row, applied to the cache in batches (one cache transaction each; reading the next batch overlaps applying
//         this one). A row with local changes still queued is not overwritten by the pull; if the change was already
//         refused (a conflict), the conflict's "theirs" is updated to the pulled row instead.
#include "core/Result.h"

#include <QJsonObject>
#include <QString>

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

namespace upstream::storage {
class LocalCache;
class PgConnection;
class PgResult;
} // namespace upstream::storage

namespace upstream::sync {

struct OutboxChange {
    QString id; // client-generated UUID
    qint64 seq = 0;
    QString kind; // verdict | verdict_undo | ledger_upsert | ledger_approve | audit
    QString entityId;
    qint64 baseVersion = 0;
    QJsonObject payload;
};

enum class PushOutcome { Applied, AlreadyApplied, Conflict, Rejected };

struct PushResult {
    QString changeId;
    PushOutcome outcome = PushOutcome::Applied;
    QJsonObject theirs; // Conflict: the server's current row
    QString message;    // Rejected: why the server refused (permission, invalid value)
};

struct PulledRow {
    QString table; // signals | alerts | judgments | ledger_entries
    bool deleted = false;
    QJsonObject key; // the change_log row key
    QJsonObject row; // current content (empty when deleted)
};

// Changes per push batch (one server transaction). 1,000 keeps a batch's transaction short (tens of ms, holding the
// customer's change_log head lock) while a 10,000-change queue needs only ten round trips.
constexpr int kPushBatchChanges = 1000;
// Rows per pull batch; each batch is applied to the cache in one transaction. Larger batches rewrite the cache's
// random-key index pages (client UUIDs) fewer times: at 20,000 instead of 5,000 rows the cache applies a 100k-row
// pull ~20% faster and SQLCipher's share (it encrypts every page written) falls from ~20% to ~9%
// (bench_cache_encryption). A batch of 20,000 takes ~0.3 s to apply on this hardware.
constexpr int kPullBatchRows = 20000;

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
    qint64 toSeq = 0;            // the highest seq covered; fromSeq == toSeq when nothing changed
    std::vector<PulledRow> rows; // signals, alerts, judgments
    std::shared_ptr<const storage::PgResult> ledgerRows; // ledger_entries, LedgerPullColumn order (may be null)
    int rowCount() const;
};

// --- server side (worker thread) -------------------------------------------------------------------------------
// A connection-level failure is returned as an error (the caller goes offline and retries later); a refused or
// conflicting change is a PushResult.
Result<PushResult> pushChange(storage::PgConnection &conn, qint64 customerId, const OutboxChange &change);
// Integer cents as an exact decimal string for numeric(12,2) (both push paths).
QString centsToDecimal(qint64 cents);
// One batch in one transaction, set-based (SyncPushBatch.cpp): one result per change, nullopt for a change held
// back behind a conflict on its entity. Any failure rolls the whole batch back and is returned (the caller decides
// between going offline and pushing change by change).
Result<std::vector<std::optional<PushResult>>> pushBatch(storage::PgConnection &conn, qint64 customerId,
                                                         const std::vector<OutboxChange> &changes);
// Pushes changes in order (pushBatch; on a statement error, change by change) and appends each outcome to results. Once
// a ledger change conflicts, later changes to the same entity are held back (not pushed, no result): they were based on
// the refused edit and stay queued until the user resolves the conflict. Stops at the first connection failure and
// returns it; results then holds what was acknowledged before.
Status pushChanges(storage::PgConnection &conn, qint64 customerId, const std::vector<OutboxChange> &changes,
                   std::vector<PushResult> &results);
Result<PulledBatch> pullChanges(storage::PgConnection &conn, qint64 customerId, qint64 afterSeq, int limit);

// --- cache side ------------------------------------------------------------------------------------------------
// Queued changes in order, without those of an entity that has an unresolved conflict (see pushChanges) and without
// those the server rejected: they wait for the user's retry or discard (sync::RefusedChangeQueue) instead of being
// pushed, and refused, forever.
Result<std::vector<OutboxChange>> pendingChanges(storage::LocalCache &cache, int limit);
// Records push results: applied/already-applied rows leave the outbox; conflicts are kept (state 'conflict') with
// both versions in the conflicts table; rejected changes are kept with their error for the user to see.
Status recordPushResults(storage::LocalCache &cache, const std::vector<PushResult> &results);
Status applyPulled(storage::LocalCache &cache, const PulledBatch &batch);
qint64 lastPulledSeq(storage::LocalCache &cache);

// Pulls until the cache is current, pipelined: while the calling thread applies batch n to the cache (one cache
// transaction per batch), a helper thread already reads batch n + 1 from the server, so the pull runs at the speed
// of the slower side instead of the sum of both. The connection is used by that helper thread only.
struct PullTotals {
    int rows = 0;
    int batches = 0;
    std::chrono::nanoseconds cacheTime{0}; // spent applying batches to the cache
};
Result<PullTotals> pullUntilCurrent(storage::PgConnection &conn, storage::LocalCache &cache, qint64 customerId);

// One full round on the calling thread (CLI, tests): push everything queued, then pull until current.
struct SyncRound {
    int pushed = 0;
    int alreadyApplied = 0;
    int conflicts = 0;
    int rejected = 0;
    int pulledRows = 0;
};
Result<SyncRound> syncOnce(storage::PgConnection &conn, storage::LocalCache &cache, qint64 customerId);

} // namespace upstream::sync
