#pragma once
// The two halves of synchronisation with the central server, as plain functions over one PostgreSQL connection
// (run them on a worker thread) and one local cache (run them on the cache's thread):
//
//   push: each queued local change (outbox row) is applied in its own server transaction together with a row in
//         upstream.applied_changes keyed by the change's client-generated UUID — a retry after a lost
//         acknowledgement is recognised and skipped, so every change arrives exactly once. A ledger edit carries
//         the version it was based on; if the server has moved on, the change is a Conflict (the server row is
//         returned as "theirs") and nothing is overwritten.
//   pull: the customer's change_log after the last seen sequence number, with the current content of each changed
//         row, applied to the cache. A row with local changes still queued is not overwritten by the pull.
#include "core/Result.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace upstream::storage {
class LocalCache;
class PgConnection;
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

// Changes per push round (each change is its own server transaction).
constexpr int kPushBatchChanges = 500;
// Rows per pull batch; each batch is applied to the cache in one transaction. Larger batches rewrite the cache's
// random-key index pages (client UUIDs) fewer times: at 20,000 instead of 5,000 rows the cache applies a 100k-row
// pull ~20% faster and SQLCipher's share (it encrypts every page written) falls from ~20% to ~9%
// (bench_cache_encryption). A batch of 20,000 takes ~0.3 s to apply on this hardware.
constexpr int kPullBatchRows = 20000;

struct PulledBatch {
    qint64 fromSeq = 0;
    qint64 toSeq = 0; // the highest seq covered; fromSeq == toSeq when nothing changed
    std::vector<PulledRow> rows;
};

// --- server side (worker thread) -------------------------------------------------------------------------------
// A connection-level failure is returned as an error (the caller goes offline and retries later); a refused or
// conflicting change is a PushResult.
Result<PushResult> pushChange(storage::PgConnection &conn, qint64 customerId, const OutboxChange &change);
// Pushes changes in order and appends each outcome to results. Once a ledger change conflicts, later changes to
// the same entity are held back (not pushed, no result): they were based on the refused edit and stay queued
// until the user resolves the conflict. Stops at the first connection failure and returns it; results then holds
// what was acknowledged before.
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
