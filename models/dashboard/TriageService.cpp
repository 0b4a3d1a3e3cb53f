#include "TriageService.h"

#include "ledger/LedgerRepository.h"
#include "session/RolePermissions.h"
#include "sync/Outbox.h"

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
        for (const Previous &p : m_undo.back().previous)
            ids << p.alertId;
    return ids;
}

QStringList TriageService::nextRedoAlertIds() const
{
    return m_redo.empty() ? QStringList() : m_redo.back().alertIds;
}

Status TriageService::queue(const QString &kind, const QString &entityId, qint64 baseVersion, const QByteArray &payload,
                            const QString &action, const QByteArray &auditDetails)
{
    auto queued = sync::enqueueChange(*m_cache, kind, entityId, baseVersion, QJsonDocument::fromJson(payload).object());
    if (!queued.ok())
        return queued.error();
    return sync::enqueueAudit(*m_cache, m_operator, m_workstation, action,
                              QJsonDocument::fromJson(auditDetails).object());
}

bool TriageService::mayTriage() const
{
    return !m_role || session::roleAllows(*m_role, session::RoleAction::Triage);
}

Status TriageService::apply(const QStringList &alertIds, const VerdictInput &input)
{
    const Status st = record(alertIds, input);
    if (st.ok())
        m_redo.clear(); // a new verdict: what was undone before can no longer be redone
    return st;
}

Status TriageService::redoLast()
{
    if (m_redo.empty())
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("TriageService", "There is no verdict to redo."));
    const Step step = m_redo.back();
    const Status st = record(step.alertIds, step.input);
    if (st.ok())
        m_redo.pop_back();
    return st;
}

Status TriageService::record(const QStringList &alertIds, const VerdictInput &input)
{
    if (!mayTriage())
        return makeError(ErrorCode::PermissionDenied, session::roleRefusal(*m_role, session::RoleAction::Triage));
    const QString status = statusForVerdict(input.verdict);
    if (status.isEmpty())
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("TriageService", "Unknown verdict. Use real, noise or needs follow-up."));
    if (!input.reasonCode.isEmpty() && !reasonCodes().contains(input.reasonCode))
        return makeError(ErrorCode::InvalidInput, QCoreApplication::translate("TriageService", "Unknown reason code."));
    if (alertIds.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("TriageService", "Select at least one alert."));

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
                return makeError(
                    ErrorCode::NotFound,
                    QCoreApplication::translate("TriageService", "The alert no longer exists in this workspace."));
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
        m_undo.push_back({alertIds, input, std::move(previous)});
    return st;
}

Status TriageService::undoLast()
{
    if (!mayTriage())
        return makeError(ErrorCode::PermissionDenied, session::roleRefusal(*m_role, session::RoleAction::Triage));
    if (m_undo.empty())
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("TriageService", "There is no verdict to undo."));
    const std::vector<Previous> &last = m_undo.back().previous;
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
    if (st.ok()) {
        m_redo.push_back(std::move(m_undo.back()));
        m_undo.pop_back();
    }
    return st;
}

Status TriageService::recordExport(const QString &signalId, const QString &format)
{
    const QJsonObject details{{QStringLiteral("what"), QStringLiteral("evidence")},
                              {QStringLiteral("signal_id"), signalId},
                              {QStringLiteral("format"), format}};
    return sync::enqueueAudit(*m_cache, m_operator, m_workstation, QStringLiteral("export"), details);
}

Status TriageService::recordTableExport(const QString &product, const QString &format, int rows)
{
    const QJsonObject details{{QStringLiteral("what"), QStringLiteral("dashboard")},
                              {QStringLiteral("product"), product},
                              {QStringLiteral("format"), format},
                              {QStringLiteral("rows"), rows}};
    return sync::enqueueAudit(*m_cache, m_operator, m_workstation, QStringLiteral("export"), details);
}

Result<QString> TriageService::openLedgerEntry(const QString &alertId)
{
    if (m_role && !session::roleAllows(*m_role, session::RoleAction::EditLedger))
        return makeError(ErrorCode::PermissionDenied, session::roleRefusal(*m_role, session::RoleAction::EditLedger));
    auto q = m_cache->db().prepare(QStringLiteral("SELECT a.signal_id, s.product, s.payer, COALESCE(s.dollars, 0) "
                                                  "FROM alerts a JOIN signals s ON s.id = a.signal_id WHERE a.id = ?"));
    if (!q.ok())
        return q.error();
    q->bind(1, alertId);
    auto row = q->step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("TriageService", "The alert no longer exists in this workspace."));
    // The ledger's own rules, history and outbox apply: the entry is made by the ledger repository.
    ledger::LedgerEntry draft;
    draft.alertId = alertId;
    draft.signalId = q->text(0);
    draft.product = q->text(1);
    draft.payer = q->text(2);
    draft.expectedCents = qint64(std::llround(std::max(0.0, q->real(3)) * 100.0));
    draft.owner = m_operator;
    ledger::LedgerRepository repository(m_cache, ledger::LedgerActor{m_operator, QString()});
    auto created = repository.create(draft);
    if (!created.ok())
        return created.error();
    return created->id;
}

} // namespace upstream::dashboard
