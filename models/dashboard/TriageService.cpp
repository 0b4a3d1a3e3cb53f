#include "TriageService.h"

#include "storage/cache/LocalCache.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <cmath>

namespace upstream::dashboard {
namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonValue orNull(const std::optional<QString> &s)
{
    return s ? QJsonValue(*s) : QJsonValue(QJsonValue::Null);
}

QString tr(const char *text)
{
    return QCoreApplication::translate("TriageService", text);
}

} // namespace

TriageService::TriageService(storage::LocalCache *cache, QString operatorName, QString workstation)
    : m_cache(cache), m_operator(std::move(operatorName)), m_workstation(std::move(workstation)),
      m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
}

QStringList TriageService::verdicts()
{
    return {QStringLiteral("real"), QStringLiteral("noise"), QStringLiteral("needs_followup")};
}

QStringList TriageService::reasonCodes()
{
    return {QStringLiteral("false_positive"),      QStringLiteral("data_entry_error"),
            QStringLiteral("payer_policy_change"), QStringLiteral("coding_issue"),
            QStringLiteral("expected_seasonal"),   QStringLiteral("other")};
}

QString TriageService::statusForVerdict(const QString &verdict)
{
    if (verdict == QLatin1String("real"))
        return QStringLiteral("acknowledged");
    if (verdict == QLatin1String("noise"))
        return QStringLiteral("resolved");
    if (verdict == QLatin1String("needs_followup"))
        return QStringLiteral("pending");
    return {};
}

QString TriageService::now() const
{
    return m_clock().toUTC().toString(Qt::ISODateWithMs);
}

QStringList TriageService::lastAlertIds() const
{
    QStringList ids;
    if (!m_undo.empty())
        for (const Previous &p : m_undo.back())
            ids << p.alertId;
    return ids;
}

Status TriageService::queue(const QString &kind, const QString &entityId, qint64 baseVersion, const QByteArray &payload,
                            const QString &action, const QByteArray &auditDetails)
{
    auto &db = m_cache->db();
    const QString at = now();
    auto out =
        db.prepare(QStringLiteral("INSERT INTO outbox(id, seq, kind, entity_id, base_version, payload, created_at) "
                                  "VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox), ?, ?, ?, ?, ?)"));
    if (!out.ok())
        return out.error();
    out->bind(1, uuid());
    out->bind(2, kind);
    out->bind(3, entityId);
    out->bind(4, baseVersion);
    out->bind(5, QString::fromUtf8(payload));
    out->bind(6, at);
    if (Status st = out->run(); !st.ok())
        return st;
    auto audit = db.prepare(
        QStringLiteral("INSERT INTO audit_queue(id, at, who, workstation, action, details) VALUES (?, ?, ?, ?, ?, ?)"));
    if (!audit.ok())
        return audit.error();
    audit->bind(1, uuid());
    audit->bind(2, at);
    audit->bind(3, m_operator);
    audit->bind(4, m_workstation);
    audit->bind(5, action);
    audit->bind(6, QString::fromUtf8(auditDetails));
    return audit->run();
}

Status TriageService::apply(const QStringList &alertIds, const VerdictInput &input)
{
    const QString status = statusForVerdict(input.verdict);
    if (status.isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("Unknown verdict. Use real, noise or needs follow-up."));
    if (!input.reasonCode.isEmpty() && !reasonCodes().contains(input.reasonCode))
        return makeError(ErrorCode::InvalidInput, tr("Unknown reason code."));
    if (alertIds.isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("Select at least one alert."));

    std::vector<Previous> previous;
    auto &db = m_cache->db();
    const Status st = m_cache->transaction([&]() -> Status {
        auto alert = db.prepare(QStringLiteral("SELECT status, version FROM alerts WHERE id = ?"));
        auto judgment = db.prepare(QStringLiteral("SELECT id, verdict, reason_code, notes, judged_at, version "
                                                  "FROM judgments WHERE alert_id = ? AND operator = ?"));
        auto upsert = db.prepare(QStringLiteral(
            "INSERT INTO judgments(id, alert_id, operator, verdict, reason_code, notes, judged_at) "
            "VALUES (?, ?, ?, ?, NULLIF(?, ''), NULLIF(?, ''), ?) ON CONFLICT(alert_id, operator) DO UPDATE SET "
            "verdict = excluded.verdict, reason_code = excluded.reason_code, notes = excluded.notes, "
            "judged_at = excluded.judged_at, version = judgments.version + 1"));
        auto update = db.prepare(QStringLiteral("UPDATE alerts SET status = ?, version = version + 1 WHERE id = ?"));
        if (!alert.ok() || !judgment.ok() || !upsert.ok() || !update.ok())
            return makeError(ErrorCode::Internal, db.lastError());
        const QString at = now();
        for (const QString &id : alertIds) {
            Previous p;
            p.alertId = id;
            alert->reset();
            alert->bind(1, id);
            auto row = alert->step();
            if (!row.ok())
                return row.error();
            if (!row.value())
                return makeError(ErrorCode::NotFound, tr("The alert no longer exists in this workspace."));
            p.status = alert->text(0);
            p.alertVersion = alert->int64(1);
            judgment->reset();
            judgment->bind(1, id);
            judgment->bind(2, m_operator);
            row = judgment->step();
            if (!row.ok())
                return row.error();
            if (row.value()) {
                p.judgmentId = judgment->text(0);
                p.verdict = judgment->text(1);
                if (!judgment->isNull(2))
                    p.reasonCode = judgment->text(2);
                if (!judgment->isNull(3))
                    p.notes = judgment->text(3);
                p.judgedAt = judgment->text(4);
                p.judgmentVersion = judgment->int64(5);
            }
            upsert->reset();
            upsert->bind(1, uuid());
            upsert->bind(2, id);
            upsert->bind(3, m_operator);
            upsert->bind(4, input.verdict);
            upsert->bind(5, input.reasonCode);
            upsert->bind(6, input.notes);
            upsert->bind(7, at);
            if (Status s = upsert->run(); !s.ok())
                return s;
            update->reset();
            update->bind(1, status);
            update->bind(2, id);
            if (Status s = update->run(); !s.ok())
                return s;
            const QJsonObject payload{
                {QStringLiteral("alert_id"), id},           {QStringLiteral("operator"), m_operator},
                {QStringLiteral("verdict"), input.verdict}, {QStringLiteral("reason_code"), input.reasonCode},
                {QStringLiteral("notes"), input.notes},     {QStringLiteral("status"), status},
                {QStringLiteral("judged_at"), at}};
            const QJsonObject audit{{QStringLiteral("alert_id"), id},
                                    {QStringLiteral("verdict"), input.verdict},
                                    {QStringLiteral("reason_code"), input.reasonCode}};
            if (Status s = queue(QStringLiteral("verdict"), id, p.alertVersion,
                                 QJsonDocument(payload).toJson(QJsonDocument::Compact), QStringLiteral("verdict"),
                                 QJsonDocument(audit).toJson(QJsonDocument::Compact));
                !s.ok())
                return s;
            previous.push_back(std::move(p));
        }
        return Status::success();
    });
    if (st.ok())
        m_undo.push_back(std::move(previous));
    return st;
}

Status TriageService::undoLast()
{
    if (m_undo.empty())
        return makeError(ErrorCode::NotFound, tr("There is no verdict to undo."));
    const std::vector<Previous> &last = m_undo.back();
    auto &db = m_cache->db();
    const Status st = m_cache->transaction([&]() -> Status {
        auto version = db.prepare(QStringLiteral("SELECT version FROM alerts WHERE id = ?"));
        auto restoreAlert =
            db.prepare(QStringLiteral("UPDATE alerts SET status = ?, version = version + 1 WHERE id = ?"));
        auto drop = db.prepare(QStringLiteral("DELETE FROM judgments WHERE alert_id = ? AND operator = ?"));
        auto restore = db.prepare(QStringLiteral(
            "UPDATE judgments SET verdict = ?, reason_code = ?, notes = ?, judged_at = ?, version = version + 1 "
            "WHERE alert_id = ? AND operator = ?"));
        if (!version.ok() || !restoreAlert.ok() || !drop.ok() || !restore.ok())
            return makeError(ErrorCode::Internal, db.lastError());
        for (const Previous &p : last) {
            version->reset();
            version->bind(1, p.alertId);
            auto row = version->step();
            if (!row.ok())
                return row.error();
            const qint64 base = row.value() ? version->int64(0) : 0;
            restoreAlert->reset();
            restoreAlert->bind(1, p.status);
            restoreAlert->bind(2, p.alertId);
            if (Status s = restoreAlert->run(); !s.ok())
                return s;
            if (p.verdict) {
                restore->reset();
                restore->bind(1, *p.verdict);
                p.reasonCode ? restore->bind(2, *p.reasonCode) : restore->bindNull(2);
                p.notes ? restore->bind(3, *p.notes) : restore->bindNull(3);
                restore->bind(4, *p.judgedAt);
                restore->bind(5, p.alertId);
                restore->bind(6, m_operator);
                if (Status s = restore->run(); !s.ok())
                    return s;
            } else {
                drop->reset();
                drop->bind(1, p.alertId);
                drop->bind(2, m_operator);
                if (Status s = drop->run(); !s.ok())
                    return s;
            }
            const QJsonObject payload{{QStringLiteral("alert_id"), p.alertId},
                                      {QStringLiteral("operator"), m_operator},
                                      {QStringLiteral("restored_status"), p.status},
                                      {QStringLiteral("restored_verdict"), orNull(p.verdict)},
                                      {QStringLiteral("restored_reason_code"), orNull(p.reasonCode)},
                                      {QStringLiteral("restored_notes"), orNull(p.notes)}};
            const QJsonObject audit{{QStringLiteral("alert_id"), p.alertId},
                                    {QStringLiteral("restored_verdict"), orNull(p.verdict)}};
            if (Status s = queue(QStringLiteral("verdict_undo"), p.alertId, base,
                                 QJsonDocument(payload).toJson(QJsonDocument::Compact), QStringLiteral("verdict.undo"),
                                 QJsonDocument(audit).toJson(QJsonDocument::Compact));
                !s.ok())
                return s;
        }
        return Status::success();
    });
    if (st.ok())
        m_undo.pop_back();
    return st;
}

Result<QString> TriageService::openLedgerEntry(const QString &alertId)
{
    auto &db = m_cache->db();
    QString entryId;
    const Status st = m_cache->transaction([&]() -> Status {
        auto q = db.prepare(QStringLiteral("SELECT a.signal_id, s.product, s.payer, COALESCE(s.dollars, 0) "
                                           "FROM alerts a JOIN signals s ON s.id = a.signal_id WHERE a.id = ?"));
        if (!q.ok())
            return q.error();
        q->bind(1, alertId);
        auto row = q->step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            return makeError(ErrorCode::NotFound, tr("The alert no longer exists in this workspace."));
        const QString signalId = q->text(0), product = q->text(1), payer = q->text(2);
        const qint64 cents = qint64(std::llround(std::max(0.0, q->real(3)) * 100.0));
        const QString at = now();
        entryId = uuid();
        auto ins = db.prepare(QStringLiteral(
            "INSERT INTO ledger_entries(id, alert_id, signal_id, product, payer, expected_cents, state, owner, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)"));
        if (!ins.ok())
            return ins.error();
        for (int i = 1;
             const QVariant &v : {QVariant(entryId), QVariant(alertId), QVariant(signalId), QVariant(product),
                                  QVariant(payer), QVariant(cents), QVariant(m_operator), QVariant(at), QVariant(at)})
            ins->bind(i++, v);
        if (Status s = ins->run(); !s.ok())
            return s;
        const QJsonObject after{{QStringLiteral("state"), QStringLiteral("open")},
                                {QStringLiteral("alert_id"), alertId},
                                {QStringLiteral("expected_cents"), cents},
                                {QStringLiteral("owner"), m_operator}};
        const QByteArray json = QJsonDocument(after).toJson(QJsonDocument::Compact);
        auto hist = db.prepare(
            QStringLiteral("INSERT INTO ledger_history(entry_id, who, at, before, after) VALUES (?, ?, ?, NULL, ?)"));
        if (!hist.ok())
            return hist.error();
        hist->bind(1, entryId);
        hist->bind(2, m_operator);
        hist->bind(3, at);
        hist->bind(4, QString::fromUtf8(json));
        if (Status s = hist->run(); !s.ok())
            return s;
        return queue(QStringLiteral("ledger_entry"), entryId, 0, json, QStringLiteral("ledger.open"), json);
    });
    if (!st.ok())
        return st.error();
    return entryId;
}

} // namespace upstream::dashboard
