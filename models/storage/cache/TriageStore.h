#pragma once
// The triage writes (cache tables judgments and alerts): an operator's judgment of an alert recorded, replaced,
// restored or dropped, and the alert's status with its version bumped. The one place that spells them; the rules
// (which status a verdict gives, what undo restores, what goes to the outbox) stay in dashboard::TriageService.
//
// Threading: a TriageWriter holds statements prepared on one connection; use it on that connection's thread, inside
// the cache transaction the caller opened (TriageService writes a verdict, its outbox and audit rows atomically).
// Failure modes: cache errors pass through; an unknown alert or judgment is std::nullopt, not an error.
#include "core/Result.h"

#include <QString>

#include <memory>
#include <optional>

namespace upstream::storage {

class LocalCache;

struct TriageAlertRecord {
    QString status;
    qint64 version = 0;
};

struct TriageJudgmentRecord {
    QString id, verdict;
    std::optional<QString> reasonCode, notes; // NULL when none
    QString judgedAt;
    qint64 version = 0;
};

class TriageWriter {
public:
    // Prepares every statement; a failure is ErrorCode::Internal with the cache's last error.
    static Result<TriageWriter> begin(LocalCache &cache);
    ~TriageWriter();
    TriageWriter(TriageWriter &&) noexcept;
    TriageWriter &operator=(TriageWriter &&) noexcept;

    Result<std::optional<TriageAlertRecord>> alert(const QString &alertId);
    // The judgment of `alertId` by `operatorName` (one per alert and operator).
    Result<std::optional<TriageJudgmentRecord>> judgment(const QString &alertId, const QString &operatorName);
    // Inserts the operator's judgment under `id`, or updates the one they made (keeping its id, bumping its
    // version). An empty reason code or notes are stored as NULL.
    Status putJudgment(const QString &id, const QString &alertId, const QString &operatorName, const QString &verdict,
                       const QString &reasonCode, const QString &notes, const QString &judgedAt);
    // Puts back a judgment's earlier content (version bumped).
    Status restoreJudgment(const QString &alertId, const QString &operatorName, const QString &verdict,
                           const std::optional<QString> &reasonCode, const std::optional<QString> &notes,
                           const QString &judgedAt);
    Status dropJudgment(const QString &alertId, const QString &operatorName);
    // Sets the alert's status and bumps its version.
    Status setAlertStatus(const QString &alertId, const QString &status);

private:
    struct Statements;
    explicit TriageWriter(std::unique_ptr<Statements> st);
    std::unique_ptr<Statements> m_st;
};

// What a recovery-ledger entry opened from an alert starts from: the alert's signal, product, payer and dollars
// (0 when unknown).
struct TriageAlertSignal {
    QString signalId, product, payer;
    double dollars = 0;
};
Result<std::optional<TriageAlertSignal>> triageAlertSignal(LocalCache &cache, const QString &alertId);

} // namespace upstream::storage
