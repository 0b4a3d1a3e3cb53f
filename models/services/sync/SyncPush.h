#pragma once
// Pushing queued local changes (outbox rows) to the central server, as plain functions over one PostgreSQL
// connection (run them on a worker thread). Implemented in SyncPush.cpp (pushChanges, and pushChange, the one
// transaction per change fallback) and SyncPushBatch.cpp (pushBatch); the statements are storage/pg/PushStatements.
//
// Changes go up in batches, each batch in one server transaction, set-based: every change id is claimed in
// upstream.applied_changes (an id already there is AlreadyApplied — a retry after a lost acknowledgement is
// recognised, so every change arrives exactly once), then one statement per kind applies what is current and returns
// what is not. A ledger edit carries the version it was based on; if the server has moved on, the change is a
// Conflict (the server row is returned as "theirs"), nothing is overwritten, and the rest of the batch still applies.
// A batch that fails for another reason falls back to one transaction per change (pushChange), so one refused change
// never takes the others with it. Reading the outbox and recording the outcomes is storage/cache/OutboxStore's.
#include "core/Result.h"
#include "storage/cache/OutboxStore.h"
#include "storage/pg/PullQueries.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace upstream::storage {
class PgConnection;
} // namespace upstream::storage

namespace upstream::sync {

// The outbox's row and the server's answer are the sync service's vocabulary too.
using storage::OutboxChange;
using storage::PushOutcome;
using storage::PushResult;

// Changes per push batch (one server transaction). 1,000 keeps a batch's transaction short (tens of ms, holding the
// customer's change_log head lock) while a 10,000-change queue needs only ten round trips.
constexpr int kPushBatchChanges = 1000;

// A connection-level failure is returned as an error (the caller goes offline and retries later); a refused or
// conflicting change is a PushResult.
Result<PushResult> pushChange(storage::PgConnection &conn, qint64 customerId, const OutboxChange &change);
// Integer cents as an exact decimal for numeric(12,2), e.g. "-12.05" (both push paths).
QByteArray centsToDecimalText(qint64 cents);
QString centsToDecimal(qint64 cents);
// One batch in one transaction, set-based: one result per change, nullopt for a change held back behind a conflict
// on its entity. Any failure rolls the whole batch back and is returned (the caller decides between going offline
// and pushing change by change).
Result<std::vector<std::optional<PushResult>>> pushBatch(storage::PgConnection &conn, qint64 customerId,
                                                         const std::vector<OutboxChange> &changes);
// Pushes changes in order (pushBatch; on a statement error, change by change) and appends each outcome to results. Once
// a ledger change conflicts, later changes to the same entity are held back (not pushed, no result): they were based on
// the refused edit and stay queued until the user resolves the conflict. Stops at the first connection failure and
// returns it; results then holds what was acknowledged before.
//
// acknowledgedRows (optional): filled with the server's rows of what was acknowledged (Applied or AlreadyApplied;
// storage::serverRowsAfterPush), read after the push — the ledger entries' versions, ids and stamps, the alerts
// and the operator's judgments — for the cache to store with the results (storage::recordPushAcknowledgement).
// The pull leaves out what only this workstation changed, so this is how the cache learns what the server stamped.
// When they cannot be read, the acknowledged results are dropped from `results` and the error returned: the changes
// stay queued and the next push gets AlreadyApplied and reads them then.
Status pushChanges(storage::PgConnection &conn, qint64 customerId, const std::vector<OutboxChange> &changes,
                   std::vector<PushResult> &results, storage::PulledBatch *acknowledgedRows = nullptr);

} // namespace upstream::sync
