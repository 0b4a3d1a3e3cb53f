#pragma once
// What computing signals for a customer reads and writes in the central database (compute::computeCentral and
// listCentralSignals): signals upserted by fingerprint, the alert history the AlertBook rules decide against, new
// pending alerts, the server's clock, and the stored signals with their alert status. Which signals alert, and
// the audit row, stay with compute; it runs the writes between PgConnection::begin() and commit() so a failure
// leaves the previous state.
//
// Blocking: use from a worker thread, on the connection the run was given. Failure modes: PgConnection errors
// pass through (42501 → PermissionDenied for a role that may not recompute).
#include "alerts/AlertBook.h"
#include "core/Result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace upstream::storage {

class PgConnection;

// One statement for every signal. `rows`: objects {product, signal_type, payer, cpt_group, reason, window_start,
// window_end, baseline_start, baseline_end (ISO dates), severity, confidence, baseline_value, current_value, delta,
// p_value, dollars, fingerprint, evidence}; computed_at is the server's now(). A fingerprint the customer already
// has updates that row in place.
struct UpsertedSignal {
    qint64 signalId = 0;
    QString fingerprint;
    bool inserted = false; // false: an existing row was updated
};
Result<std::vector<UpsertedSignal>> upsertSignals(PgConnection &conn, qint64 customerId, const QJsonArray &rows);

// The alert history the rules look at: every alert of the customer's last 30 days (noise memory ⊇ cooldown) and
// any alert of `fingerprints` (one alert per fingerprint, however old), each with its signal and judgments.
Result<alerts::AlertBook> loadAlertHistory(PgConnection &conn, qint64 customerId, const QStringList &fingerprints);

// The server's now() (UTC, millisecond precision): new alerts are dated by the server's clock.
Result<QDateTime> serverNow(PgConnection &conn);

// New pending alerts, created now(). `rows`: objects {signal_id, suppressed, suppression_reason}; a signal that
// already has an alert keeps it. Returns the suppressed flag of each alert actually created.
Result<std::vector<bool>> insertPendingAlerts(PgConnection &conn, qint64 customerId, const QJsonArray &rows);

// The stored signals with their alert (status "none" when the signal did not alert), newest window first, each as
// the object listCentralSignals hands out before withDelayFields (the evidence's "delay" under key "delay").
// customerId empty = every customer the role can see; product empty = all.
Result<QJsonArray> listSignalsWithAlerts(PgConnection &conn, std::optional<qint64> customerId, const QString &product);

} // namespace upstream::storage
