#pragma once
// The server side of a push: the statements that apply queued workstation changes to the customer's tables, and
// the transaction around them. What a change means, how changes are batched and ordered, and how an outcome is
// decided stay in the sync service (sync/SyncPush.h); this file holds only the SQL.
//
// Two families:
//   set-based (one batch = one statement per kind): each takes $1 customer and $2 a JSON array of input objects
//         (the fields listed per function) and returns the text keys of the inputs it applied, lower case — an
//         input missing from the result did not apply (a stale ledger version, an entry id the server already has);
//   per change (the fallback that isolates a failing change): one statement each, plain parameters.
// Ledger statements report whether a row matched (false = the server's version has moved on: a conflict).
//
// Blocking: call on the thread that owns the connection (the sync worker), never on the GUI thread. Errors are
// returned as the connection mapped them (Unreachable, Conflict for a deadlock or serialization victim,
// PermissionDenied, InvalidInput, ...); the caller decides what each means for the change.
#include "core/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <map>
#include <vector>

namespace upstream::storage {

class PgConnection;

// The push runs between PgConnection::begin() and commit(); a failed commit leaves it unknown whether the batch
// committed (upstream.applied_changes tells on the retry).

// --- set-based, one batch ---------------------------------------------------------------------------------------
// Each input is the JSON text of an array of objects (core/JsonRows.h) with the fields named below.
// Claims change ids in upstream.applied_changes. Input {id, kind}; returns the ids claimed now (an id already
// there was applied by an earlier push whose acknowledgement was lost).
Result<QSet<QString>> claimChanges(PgConnection &conn, qint64 customerId, const QByteArray &input);
// Input {change_id, alert_id, verdict, reason_code, notes, judged_at (the workstation's time, may be null)}: upserts
// the operator's judgment and sets the alert's status from the verdict. Returns change ids.
Result<QSet<QString>> pushVerdicts(PgConnection &conn, qint64 customerId, const QByteArray &input);
// Input {change_id, alert_id, verdict, reason_code, notes, status, judged_at}: restores the operator's earlier
// judgment (none when verdict is null) with its time, and the alert's status (pending when null). Returns change ids.
Result<QSet<QString>> pushVerdictUndos(PgConnection &conn, qint64 customerId, const QByteArray &input);
// Input {change_id, client_uuid, base_version, alert_id, signal_id, product, payer, expected, recovered (decimal
// strings), recovered_date, state, owner, notes}. Inserts the entries whose client_uuid is new; returns client
// uuids.
Result<QSet<QString>> pushLedgerCreates(PgConnection &conn, qint64 customerId, const QByteArray &input);
// Same input; updates entries still at base_version. Returns client uuids.
Result<QSet<QString>> pushLedgerUpdates(PgConnection &conn, qint64 customerId, const QByteArray &input);
// Input {client_uuid, base_version, approved_at_client}: approves as session_user at the server's time. Returns
// client uuids.
Result<QSet<QString>> pushLedgerApprovals(PgConnection &conn, qint64 customerId, const QByteArray &input);
// Input {change_id, ord, action, details, workstation}: appends to the hash-chained audit log one by one, in ord
// order. Returns change ids.
Result<QSet<QString>> pushAudits(PgConnection &conn, qint64 customerId, const QByteArray &input);
// The server's current rows (to_jsonb of upstream.ledger_entries) by client uuid, lower case.
Result<std::map<QString, QJsonObject>> currentLedgerRows(PgConnection &conn, qint64 customerId,
                                                         const QStringList &clientUuids);
// Un-claims changes that did not apply (upstream.sync_release_changes), so that they can be pushed again.
Status releaseChanges(PgConnection &conn, qint64 customerId, const QStringList &changeIds);

// --- per change -------------------------------------------------------------------------------------------------
// Claims one change id; false when it is already there (pushed before, the acknowledgement was lost).
Result<bool> claimChange(PgConnection &conn, qint64 customerId, const QString &changeId, const QString &kind);
// A null QVariant is SQL NULL. judgedAt: the workstation's time of the verdict (judged_at_client, 0010).
Status upsertJudgment(PgConnection &conn, qint64 customerId, const QVariant &alertId, const QString &verdict,
                      const QVariant &reasonCode, const QVariant &notes, const QString &changeId,
                      const QVariant &judgedAt);
Status setAlertStatus(PgConnection &conn, qint64 customerId, const QVariant &alertId, const QString &status);
Status deleteOwnJudgment(PgConnection &conn, qint64 customerId, const QVariant &alertId);
Status restoreOwnJudgment(PgConnection &conn, qint64 customerId, const QVariant &alertId, const QString &verdict,
                          const QVariant &reasonCode, const QVariant &notes, const QVariant &judgedAt);
// fields: customer, client uuid, alert id, signal id, product, payer, expected and recovered amount (decimal
// strings), recovered date, state, owner, notes ($1 … $12). False when the client uuid exists already.
Result<bool> insertLedgerEntry(PgConnection &conn, const std::vector<QVariant> &fields);
// Same fields; false when the entry is no longer at baseVersion.
Result<bool> updateLedgerEntry(PgConnection &conn, const std::vector<QVariant> &fields, qint64 baseVersion);
// Approves as session_user at the server's time, keeping the workstation's time (may be null); false when the
// entry is no longer at baseVersion.
Result<bool> approveLedgerEntry(PgConnection &conn, qint64 customerId, const QString &clientUuid, qint64 baseVersion,
                                const QVariant &approvedAtClient);
Status appendAuditEvent(PgConnection &conn, qint64 customerId, const QString &action, const QString &detailsJson,
                        const QString &workstation);
// The server's current row (to_jsonb), empty when there is none or it cannot be read.
QJsonObject currentLedgerRow(PgConnection &conn, qint64 customerId, const QString &clientUuid);

} // namespace upstream::storage
