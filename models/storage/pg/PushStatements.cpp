#include "storage/pg/PushStatements.h"

#include "storage/pg/PgConnection.h"

#include <QJsonDocument>

namespace upstream::storage {
namespace {

QString uuidArray(const QStringList &ids)
{
    return QLatin1Char('{') + ids.join(QLatin1Char(',')) + QLatin1Char('}');
}

// Runs one set-based statement whose first column is the text key of every row it applied.
Result<QSet<QString>> appliedKeys(PgConnection &conn, const char *sql, qint64 customer, const QByteArray &input)
{
    auto r = conn.exec(sql, {customer, input});
    if (!r.ok())
        return r.error();
    QSet<QString> keys;
    for (int i = 0; i < r->rows(); ++i)
        keys.insert(r->text(i, 0));
    return keys;
}

Status done(const Result<PgResult> &r)
{
    if (!r.ok())
        return r.error();
    return Status::success();
}

// A ledger statement ending in RETURNING: true when it matched a row.
Result<bool> matched(const Result<PgResult> &r)
{
    if (!r.ok())
        return r.error();
    return r->rows() > 0;
}

#define UPSTREAM_LEDGER_INPUT                                                                                          \
    "WITH i AS (SELECT * FROM json_to_recordset($2::json) AS i(change_id uuid, client_uuid uuid, base_version "        \
    "integer, alert_id bigint, signal_id bigint, product text, payer text, expected numeric, recovered numeric, "      \
    "recovered_date date, state text, owner text, notes text)) "

} // namespace

// --- set-based, one batch ---------------------------------------------------------------------------------------

Result<QSet<QString>> claimChanges(PgConnection &conn, qint64 customerId, const QByteArray &input)
{
    return appliedKeys(conn,
                       "INSERT INTO upstream.applied_changes (customer_id, change_id, kind) "
                       "SELECT $1, i.id, i.kind FROM json_to_recordset($2::json) AS i(id uuid, kind text) "
                       "ON CONFLICT DO NOTHING RETURNING change_id::text",
                       customerId, input);
}

Result<QSet<QString>> pushVerdicts(PgConnection &conn, qint64 customerId, const QByteArray &input)
{
    return appliedKeys(
        conn,
        "WITH i AS (SELECT * FROM json_to_recordset($2::json) AS i(change_id uuid, alert_id bigint, verdict text, "
        "reason_code text, notes text, judged_at timestamptz)), "
        "j AS (INSERT INTO upstream.judgments (customer_id, alert_id, verdict, reason_code, notes, client_uuid, "
        "judged_at_client) SELECT $1, i.alert_id, i.verdict, i.reason_code, i.notes, i.change_id, i.judged_at FROM i "
        "ON CONFLICT (customer_id, alert_id, operator) DO UPDATE SET verdict = EXCLUDED.verdict, "
        "reason_code = EXCLUDED.reason_code, notes = EXCLUDED.notes, judged_at_client = EXCLUDED.judged_at_client "
        "RETURNING 1), "
        "a AS (UPDATE upstream.alerts a SET status = CASE i.verdict WHEN 'real' THEN 'acknowledged' "
        "WHEN 'noise' THEN 'resolved' ELSE 'pending' END, updated_at = now() FROM i "
        "WHERE a.customer_id = $1 AND a.alert_id = i.alert_id RETURNING 1) "
        "SELECT i.change_id::text FROM i",
        customerId, input);
}

Result<QSet<QString>> pushVerdictUndos(PgConnection &conn, qint64 customerId, const QByteArray &input)
{
    return appliedKeys(
        conn,
        "WITH i AS (SELECT * FROM json_to_recordset($2::json) AS i(change_id uuid, alert_id bigint, verdict text, "
        "reason_code text, notes text, status text, judged_at timestamptz)), "
        "d AS (DELETE FROM upstream.judgments j USING i WHERE j.customer_id = $1 AND j.alert_id = i.alert_id "
        "AND j.operator = session_user AND i.verdict IS NULL RETURNING 1), "
        "u AS (UPDATE upstream.judgments j SET verdict = i.verdict, reason_code = i.reason_code, notes = i.notes, "
        "judged_at_client = i.judged_at FROM i WHERE j.customer_id = $1 AND j.alert_id = i.alert_id AND j.operator = "
        "session_user "
        "AND i.verdict IS NOT NULL RETURNING 1), "
        "a AS (UPDATE upstream.alerts a SET status = coalesce(i.status, 'pending'), updated_at = now() FROM i "
        "WHERE a.customer_id = $1 AND a.alert_id = i.alert_id RETURNING 1) "
        "SELECT i.change_id::text FROM i",
        customerId, input);
}

Result<QSet<QString>> pushLedgerCreates(PgConnection &conn, qint64 customerId, const QByteArray &input)
{
    return appliedKeys(conn,
                       UPSTREAM_LEDGER_INPUT
                       "INSERT INTO upstream.ledger_entries (customer_id, client_uuid, alert_id, signal_id, product, "
                       "payer, expected_amount, recovered_amount, recovered_date, state, owner, notes) "
                       "SELECT $1, i.client_uuid, i.alert_id, i.signal_id, i.product, i.payer, i.expected, "
                       "i.recovered, i.recovered_date, i.state, i.owner, i.notes FROM i "
                       "ON CONFLICT (customer_id, client_uuid) DO NOTHING RETURNING client_uuid::text",
                       customerId, input);
}

Result<QSet<QString>> pushLedgerUpdates(PgConnection &conn, qint64 customerId, const QByteArray &input)
{
    return appliedKeys(conn,
                       UPSTREAM_LEDGER_INPUT
                       "UPDATE upstream.ledger_entries l SET alert_id = i.alert_id, signal_id = i.signal_id, "
                       "product = i.product, payer = i.payer, expected_amount = i.expected, "
                       "recovered_amount = i.recovered, recovered_date = i.recovered_date, state = i.state, "
                       "owner = i.owner, notes = i.notes FROM i "
                       "WHERE l.customer_id = $1 AND l.client_uuid = i.client_uuid AND l.version = i.base_version "
                       "RETURNING l.client_uuid::text",
                       customerId, input);
}

Result<QSet<QString>> pushLedgerApprovals(PgConnection &conn, qint64 customerId, const QByteArray &input)
{
    return appliedKeys(conn,
                       "WITH i AS (SELECT * FROM json_to_recordset($2::json) AS i(client_uuid uuid, "
                       "base_version integer, approved_at_client timestamptz)) "
                       "UPDATE upstream.ledger_entries l SET approved_by = session_user, approved_at = now(), "
                       "approved_at_client = i.approved_at_client FROM i "
                       "WHERE l.customer_id = $1 AND l.client_uuid = i.client_uuid AND l.version = i.base_version "
                       "RETURNING l.client_uuid::text",
                       customerId, input);
}

Result<QSet<QString>> pushAudits(PgConnection &conn, qint64 customerId, const QByteArray &input)
{
    return appliedKeys(conn,
                       "SELECT i.change_id::text, upstream.audit_append($1, i.action, i.details, i.workstation) "
                       "FROM (SELECT * FROM json_to_recordset($2::json) AS i(change_id uuid, ord integer, "
                       "action text, details jsonb, workstation text) ORDER BY ord OFFSET 0) i",
                       customerId, input);
}

Result<std::map<QString, QJsonObject>> currentLedgerRows(PgConnection &conn, qint64 customerId,
                                                         const QStringList &clientUuids)
{
    std::map<QString, QJsonObject> rows;
    if (clientUuids.isEmpty())
        return rows;
    auto r = conn.exec("SELECT l.client_uuid::text, to_jsonb(l)::text FROM upstream.ledger_entries l "
                       "WHERE l.customer_id = $1 AND l.client_uuid = ANY ($2::uuid[])",
                       {customerId, uuidArray(clientUuids)});
    if (!r.ok())
        return r.error();
    for (int i = 0; i < r->rows(); ++i)
        rows[r->text(i, 0)] = QJsonDocument::fromJson(r->bytes(i, 1)).object();
    return rows;
}

Status releaseChanges(PgConnection &conn, qint64 customerId, const QStringList &changeIds)
{
    return done(conn.exec("SELECT upstream.sync_release_changes($1, $2::uuid[])", {customerId, uuidArray(changeIds)}));
}

// --- per change -------------------------------------------------------------------------------------------------

Result<bool> claimChange(PgConnection &conn, qint64 customerId, const QString &changeId, const QString &kind)
{
    return matched(conn.exec("INSERT INTO upstream.applied_changes (customer_id, change_id, kind) "
                             "VALUES ($1, $2::uuid, $3) ON CONFLICT DO NOTHING RETURNING 1",
                             {customerId, changeId, kind}));
}

Status upsertJudgment(PgConnection &conn, qint64 customerId, const QVariant &alertId, const QString &verdict,
                      const QVariant &reasonCode, const QVariant &notes, const QString &changeId,
                      const QVariant &judgedAt)
{
    return done(conn.exec("INSERT INTO upstream.judgments (customer_id, alert_id, verdict, reason_code, notes, "
                          "client_uuid, judged_at_client) VALUES ($1, $2, $3, $4, $5, $6::uuid, $7::timestamptz) "
                          "ON CONFLICT (customer_id, alert_id, operator) DO UPDATE SET verdict = EXCLUDED.verdict, "
                          "reason_code = EXCLUDED.reason_code, notes = EXCLUDED.notes, "
                          "judged_at_client = EXCLUDED.judged_at_client",
                          {customerId, alertId, verdict, reasonCode, notes, changeId, judgedAt}));
}

Status setAlertStatus(PgConnection &conn, qint64 customerId, const QVariant &alertId, const QString &status)
{
    return done(conn.exec("UPDATE upstream.alerts SET status = $3, updated_at = now() "
                          "WHERE customer_id = $1 AND alert_id = $2",
                          {customerId, alertId, status}));
}

Status deleteOwnJudgment(PgConnection &conn, qint64 customerId, const QVariant &alertId)
{
    return done(conn.exec("DELETE FROM upstream.judgments WHERE customer_id = $1 AND alert_id = $2 "
                          "AND operator = session_user",
                          {customerId, alertId}));
}

Status restoreOwnJudgment(PgConnection &conn, qint64 customerId, const QVariant &alertId, const QString &verdict,
                          const QVariant &reasonCode, const QVariant &notes, const QVariant &judgedAt)
{
    return done(conn.exec("UPDATE upstream.judgments SET verdict = $3, reason_code = $4, notes = $5, "
                          "judged_at_client = $6::timestamptz "
                          "WHERE customer_id = $1 AND alert_id = $2 AND operator = session_user",
                          {customerId, alertId, verdict, reasonCode, notes, judgedAt}));
}

Result<bool> insertLedgerEntry(PgConnection &conn, const std::vector<QVariant> &fields)
{
    return matched(
        conn.exec("INSERT INTO upstream.ledger_entries (customer_id, client_uuid, alert_id, signal_id, product, "
                  "payer, expected_amount, recovered_amount, recovered_date, state, owner, notes) "
                  "VALUES ($1, $2::uuid, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
                  "ON CONFLICT (customer_id, client_uuid) DO NOTHING RETURNING version",
                  fields));
}

Result<bool> updateLedgerEntry(PgConnection &conn, const std::vector<QVariant> &fields, qint64 baseVersion)
{
    std::vector<QVariant> params = fields;
    params.push_back(baseVersion);
    return matched(
        conn.exec("UPDATE upstream.ledger_entries SET alert_id = $3, signal_id = $4, product = $5, payer = $6, "
                  "expected_amount = $7, recovered_amount = $8, recovered_date = $9, state = $10, owner = $11, "
                  "notes = $12 WHERE customer_id = $1 AND client_uuid = $2::uuid AND version = $13 "
                  "RETURNING version",
                  params));
}

Result<bool> approveLedgerEntry(PgConnection &conn, qint64 customerId, const QString &clientUuid, qint64 baseVersion,
                                const QVariant &approvedAtClient)
{
    return matched(conn.exec("UPDATE upstream.ledger_entries SET approved_by = session_user, approved_at = now(), "
                             "approved_at_client = $4::timestamptz "
                             "WHERE customer_id = $1 AND client_uuid = $2::uuid AND version = $3 RETURNING version",
                             {customerId, clientUuid, baseVersion, approvedAtClient}));
}

Status appendAuditEvent(PgConnection &conn, qint64 customerId, const QString &action, const QString &detailsJson,
                        const QString &workstation)
{
    return done(conn.exec("SELECT upstream.audit_append($1, $2, $3::jsonb, $4)",
                          {customerId, action, detailsJson, workstation}));
}

QJsonObject currentLedgerRow(PgConnection &conn, qint64 customerId, const QString &clientUuid)
{
    auto r = conn.exec("SELECT to_jsonb(l)::text FROM upstream.ledger_entries l "
                       "WHERE customer_id = $1 AND client_uuid = $2::uuid",
                       {customerId, clientUuid});
    if (!r.ok() || r->rows() == 0)
        return {};
    return QJsonDocument::fromJson(r->bytes(0, 0)).object();
}

} // namespace upstream::storage
