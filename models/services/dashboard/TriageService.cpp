#include "TriageService.h"

#include "alerts/AlertBook.h"
#include "ledger/LedgerRepository.h"
#include "session/RolePermissions.h"
#include "sync/Outbox.h"

#include "storage/cache/LocalCache.h"
#include "storage/cache/TriageStore.h"

#include <QCoreApplication>
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
    for (const alerts::Verdict v : {alerts::Verdict::Real, alerts::Verdict::Noise, alerts::Verdict::NeedsFollowup})
        if (verdict == alerts::verdictName(v))
            return alerts::statusName(alerts::statusForVerdict(v));
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

// The payload and the audit details go to the outbox as they are: serialised once, when the row is written.
Status TriageService::queue(const QString &kind, const QString &entityId, qint64 baseVersion,
                            const QJsonObject &payload, const QString &action, const QJsonObject &auditDetails,
                            const QString &changeId)
{
    auto queued = sync::enqueueChange(*m_cache, kind, entityId, baseVersion, payload, changeId);
    if (!queued.ok())
        return queued.error();
    return sync::enqueueAudit(*m_cache, m_operator, m_workstation, action, auditDetails);
}

bool TriageService::mayTriage() const
{
    return !m_role || session::roleAllows(*m_role, session::RoleAction::Triage);
}

Status TriageService::apply(const QStringList &alertIds, const VerdictInput &input)
{
    Status st = record(alertIds, input);
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
    Status st = record(step.alertIds, step.input);
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
    Status st = m_cache->transaction([&]() -> Status {
        auto writer = storage::TriageWriter::begin(*m_cache);
        if (!writer.ok())
            return writer.error();
        const QString at = now();
        for (const QString &id : alertIds) {
            Previous p;
            p.alertId = id;
            auto alert = writer->alert(id);
            if (!alert.ok())
                return alert.error();
            if (!alert.value())
                return makeError(
                    ErrorCode::NotFound,
                    QCoreApplication::translate("TriageService", "The alert no longer exists in this workspace."));
            p.status = alert.value()->status;
            p.alertVersion = alert.value()->version;
            auto judgment = writer->judgment(id, m_operator);
            if (!judgment.ok())
                return judgment.error();
            if (const auto &j = judgment.value()) {
                p.judgmentId = j->id;
                p.verdict = j->verdict;
                p.reasonCode = j->reasonCode;
                p.notes = j->notes;
                p.judgedAt = j->judgedAt;
                p.judgmentVersion = j->version;
            }
            // The change's id names a new judgment, as the server names it (judgments.client_uuid): once pushed,
            // the cache already holds the server's row and the pull has nothing to bring back.
            const QString changeId = uuid();
            if (Status s =
                    writer->putJudgment(changeId, id, m_operator, input.verdict, input.reasonCode, input.notes, at);
                !s.ok())
                return s;
            if (Status s = writer->setAlertStatus(id, status); !s.ok())
                return s;
            const QJsonObject payload{
                {QStringLiteral("alert_id"), id},           {QStringLiteral("operator"), m_operator},
                {QStringLiteral("verdict"), input.verdict}, {QStringLiteral("reason_code"), input.reasonCode},
                {QStringLiteral("notes"), input.notes},     {QStringLiteral("status"), status},
                {QStringLiteral("judged_at"), at}};
            const QJsonObject audit{{QStringLiteral("alert_id"), id},
                                    {QStringLiteral("verdict"), input.verdict},
                                    {QStringLiteral("reason_code"), input.reasonCode}};
            if (Status s = queue(QStringLiteral("verdict"), id, p.alertVersion, payload, QStringLiteral("verdict"),
                                 audit, changeId);
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
    Status st = m_cache->transaction([&]() -> Status {
        auto writer = storage::TriageWriter::begin(*m_cache);
        if (!writer.ok())
            return writer.error();
        for (const Previous &p : last) {
            auto alert = writer->alert(p.alertId);
            if (!alert.ok())
                return alert.error();
            const qint64 base = alert.value() ? alert.value()->version : 0;
            if (Status s = writer->setAlertStatus(p.alertId, p.status); !s.ok())
                return s;
            if (p.verdict) {
                if (Status s =
                        writer->restoreJudgment(p.alertId, m_operator, *p.verdict, p.reasonCode, p.notes, *p.judgedAt);
                    !s.ok())
                    return s;
            } else if (Status s = writer->dropJudgment(p.alertId, m_operator); !s.ok()) {
                return s;
            }
            const QJsonObject payload{{QStringLiteral("alert_id"), p.alertId},
                                      {QStringLiteral("operator"), m_operator},
                                      {QStringLiteral("restored_status"), p.status},
                                      {QStringLiteral("restored_verdict"), orNull(p.verdict)},
                                      {QStringLiteral("restored_reason_code"), orNull(p.reasonCode)},
                                      {QStringLiteral("restored_notes"), orNull(p.notes)},
                                      {QStringLiteral("restored_judged_at"), orNull(p.judgedAt)}};
            const QJsonObject audit{{QStringLiteral("alert_id"), p.alertId},
                                    {QStringLiteral("restored_verdict"), orNull(p.verdict)}};
            if (Status s = queue(QStringLiteral("verdict_undo"), p.alertId, base, payload,
                                 QStringLiteral("verdict.undo"), audit);
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
    auto found = storage::triageAlertSignal(*m_cache, alertId);
    if (!found.ok())
        return found.error();
    if (!found.value())
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("TriageService", "The alert no longer exists in this workspace."));
    const storage::TriageAlertSignal &signal = *found.value();
    // The ledger's own rules, history and outbox apply: the entry is made by the ledger repository.
    ledger::LedgerEntry draft;
    draft.alertId = alertId;
    draft.signalId = signal.signalId;
    draft.product = signal.product;
    draft.payer = signal.payer;
    draft.expectedCents = qint64(std::llround(std::max(0.0, signal.dollars) * 100.0));
    draft.owner = m_operator;
    ledger::LedgerRepository repository(m_cache, ledger::LedgerActor{m_operator, QString()});
    auto created = repository.create(draft);
    if (!created.ok())
        return created.error();
    return created->id;
}

} // namespace upstream::dashboard
