#pragma once
// TriageService: records an operator's verdicts on alerts (SPEC 7) in the local cache and undoes the last one.
//
// Contract: apply() writes, for every alert and in ONE cache transaction: the judgment (one per alert and operator;
// resubmitting updates it and bumps its version), the alert's new status (real → acknowledged, noise → resolved,
// needs_followup → pending) with a bumped version, an outbox row (client UUID, next seq, kind 'verdict',
// entity_id = alert id, base_version = the alert version the verdict was made against, payload JSON) and an
// audit_queue row. Either all of that lands or none of it. undoLast() restores what the last apply() replaced,
// again in one transaction, and queues a 'verdict_undo' outbox row so the server learns about it. redoLast()
// records the undone verdicts again (a new apply() of the same alerts and input, judged now); a new apply()
// clears what could be redone.
// Failure modes: unknown verdict or reason code → InvalidInput; unknown alert → NotFound; a role that may not triage
// (setRole, session::RoleAction::Triage) → PermissionDenied, nothing written; cache errors as returned.
// Notes are free text and may hold PHI: they go to the outbox (they must reach the server) but never to the
// audit details or logs.
#include "core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace upstream::storage {
class LocalCache;
}

namespace upstream::dashboard {

struct VerdictInput {
    QString verdict;    // real | noise | needs_followup
    QString reasonCode; // one of reasonCodes(), or empty
    QString notes;
};

class TriageService {
public:
    TriageService(storage::LocalCache *cache, QString operatorName, QString workstation);

    static QStringList verdicts();
    static QStringList reasonCodes();
    static QString statusForVerdict(const QString &verdict); // empty when unknown

    Status apply(const QStringList &alertIds, const VerdictInput &input);
    bool canUndo() const { return !m_undo.empty(); }
    QStringList lastAlertIds() const; // the alerts the next undo restores
    Status undoLast();
    bool canRedo() const { return !m_redo.empty(); }
    QStringList nextRedoAlertIds() const; // the alerts the next redo records again
    Status redoLast();

    // A `real` verdict may open a recovery-ledger entry: state 'open', expected = the signal's dollars.
    Result<QString> openLedgerEntry(const QString &alertId);

    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); } // tests
    // The signed-in role (session::RolePermissions). Until it is set nothing is checked: the local workspace and the
    // tests that predate roles.
    void setRole(const QString &role) { m_role = role; }
    bool mayTriage() const;
    QString operatorName() const { return m_operator; }
    // Audit: evidence of a signal was exported (format "pdf" or "csv").
    Status recordExport(const QString &signalId, const QString &format);
    // Audit: the dashboard table of `product` was exported (format "csv" or "pdf", `rows` rows). Any role may
    // export what it can read.
    Status recordTableExport(const QString &product, const QString &format, int rows);

private:
    struct Previous {
        QString alertId;
        QString status;
        qint64 alertVersion = 0;
        std::optional<QString> judgmentId, verdict, reasonCode, notes, judgedAt;
        qint64 judgmentVersion = 0;
    };
    struct Step {
        QStringList alertIds;
        VerdictInput input;
        std::vector<Previous> previous; // what the step replaced, for undo
    };
    Status record(const QStringList &alertIds, const VerdictInput &input);
    Status queue(const QString &kind, const QString &entityId, qint64 baseVersion, const QJsonObject &payload,
                 const QString &action, const QJsonObject &auditDetails, const QString &changeId = {});
    QString now() const;

    storage::LocalCache *m_cache;
    QString m_operator, m_workstation;
    std::vector<Step> m_undo;
    std::vector<Step> m_redo; // undone steps, newest last
    std::function<QDateTime()> m_clock;
    std::optional<QString> m_role;
};

} // namespace upstream::dashboard
