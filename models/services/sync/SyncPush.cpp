// Pushing queued changes: the batch with its fallback, and one transaction per change (see SyncPush.h).
#include "SyncPush.h"

#include "alerts/AlertBook.h"
#include "storage/pg/PgConnection.h"
#include "storage/pg/PushStatements.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QStringList>

#include <algorithm>

namespace upstream::sync {

QByteArray centsToDecimalText(qint64 cents)
{
    const bool negative = cents < 0;
    const quint64 a = negative ? quint64(0) - quint64(cents) : quint64(cents);
    QByteArray out = QByteArray::number(a / 100);
    const auto rest = int(a % 100);
    out += '.';
    out += char('0' + rest / 10);
    out += char('0' + rest % 10);
    return negative ? '-' + out : out;
}

QString centsToDecimal(qint64 cents)
{
    return QString::fromLatin1(centsToDecimalText(cents));
}

namespace {

QVariant nullable(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined() || (v.isString() && v.toString().isEmpty()))
        return {};
    return v.isDouble() ? QVariant(v.toVariant()) : QVariant(v.toString());
}

QString statusForVerdict(const QString &verdict)
{
    return alerts::statusName(alerts::statusForVerdict(alerts::verdictFromName(verdict)));
}

// The outcome of applying a change inside the open transaction.
struct Applied {
    bool conflict = false;
};

Result<Applied> applyVerdict(storage::PgConnection &conn, qint64 customer, const OutboxChange &c)
{
    const QString verdict = c.payload.value(QStringLiteral("verdict")).toString();
    const QVariant alert = c.payload.value(QStringLiteral("alert_id")).toString();
    if (Status st = storage::upsertJudgment(conn, customer, alert, verdict,
                                            nullable(c.payload.value(QStringLiteral("reason_code"))),
                                            nullable(c.payload.value(QStringLiteral("notes"))), c.id,
                                            nullable(c.payload.value(QStringLiteral("judged_at"))));
        !st.ok())
        return st.error();
    if (Status st = storage::setAlertStatus(conn, customer, alert, statusForVerdict(verdict)); !st.ok())
        return st.error();
    return Applied{};
}

// Undo restores what the operator's judgment was before the last verdict: the earlier verdict, or none at all.
Result<Applied> applyVerdictUndo(storage::PgConnection &conn, qint64 customer, const OutboxChange &c)
{
    const QVariant alert = c.payload.value(QStringLiteral("alert_id")).toString();
    const QString restored = c.payload.value(QStringLiteral("restored_verdict")).toString();
    if (restored.isEmpty()) {
        if (Status st = storage::deleteOwnJudgment(conn, customer, alert); !st.ok())
            return st.error();
    } else {
        if (Status st = storage::restoreOwnJudgment(conn, customer, alert, restored,
                                                    nullable(c.payload.value(QStringLiteral("restored_reason_code"))),
                                                    nullable(c.payload.value(QStringLiteral("restored_notes"))),
                                                    nullable(c.payload.value(QStringLiteral("restored_judged_at"))));
            !st.ok())
            return st.error();
    }
    const QString status = c.payload.value(QStringLiteral("restored_status")).toString();
    if (Status st =
            storage::setAlertStatus(conn, customer, alert, status.isEmpty() ? QStringLiteral("pending") : status);
        !st.ok())
        return st.error();
    return Applied{};
}

Result<Applied> applyLedgerUpsert(storage::PgConnection &conn, qint64 customer, const OutboxChange &c)
{
    const QJsonObject &p = c.payload;
    const std::vector<QVariant> fields = {
        customer,
        c.entityId,
        nullable(p.value(QStringLiteral("alert_id"))),
        nullable(p.value(QStringLiteral("signal_id"))),
        p.value(QStringLiteral("product")).toString(),
        p.value(QStringLiteral("payer")).toString(),
        centsToDecimal(qint64(p.value(QStringLiteral("expected_cents")).toDouble())),
        centsToDecimal(qint64(p.value(QStringLiteral("recovered_cents")).toDouble())),
        nullable(p.value(QStringLiteral("recovered_date"))),
        p.value(QStringLiteral("state")).toString(),
        nullable(p.value(QStringLiteral("owner"))),
        nullable(p.value(QStringLiteral("notes"))),
    };
    if (c.baseVersion <= 0) {
        auto inserted = storage::insertLedgerEntry(conn, fields);
        if (!inserted.ok())
            return inserted.error();
        return Applied{!inserted.value()};
    }
    auto updated = storage::updateLedgerEntry(conn, fields, c.baseVersion);
    if (!updated.ok())
        return updated.error();
    return Applied{!updated.value()};
}

Result<Applied> applyLedgerApprove(storage::PgConnection &conn, qint64 customer, const OutboxChange &c)
{
    // The server stamps approved_at itself; the workstation's approval time is kept as approved_at_client.
    auto approved = storage::approveLedgerEntry(conn, customer, c.entityId, c.baseVersion,
                                                nullable(c.payload.value(QStringLiteral("approved_at"))));
    if (!approved.ok())
        return approved.error();
    return Applied{!approved.value()};
}

Result<Applied> applyAudit(storage::PgConnection &conn, qint64 customer, const OutboxChange &c)
{
    // The server stamps its own time and actor (session_user); the workstation's time and user go in details.
    QJsonObject details = c.payload.value(QStringLiteral("details")).toObject();
    details.insert(QStringLiteral("recorded_at"), c.payload.value(QStringLiteral("at")));
    details.insert(QStringLiteral("recorded_by"), c.payload.value(QStringLiteral("who")));
    if (Status st = storage::appendAuditEvent(conn, customer, c.payload.value(QStringLiteral("action")).toString(),
                                              QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)),
                                              c.payload.value(QStringLiteral("workstation")).toString());
        !st.ok())
        return st.error();
    return Applied{};
}

} // namespace

Result<PushResult> pushChange(storage::PgConnection &conn, qint64 customerId, const OutboxChange &change)
{
    PushResult result;
    result.changeId = change.id;
    if (Status st = conn.begin(); !st.ok())
        return st.error();
    auto rollback = [&] { (void)conn.rollback(); };
    // A failed step, rolled back. Unreachable, or chosen as a deadlock or serialization victim (Conflict from the
    // server, 40P01/40001): not the change's fault, so not a refusal — the round fails and the change goes again.
    // Anything else refuses the change.
    auto failed = [&](const Error &error) -> Result<PushResult> {
        rollback();
        if (error.code == ErrorCode::Unreachable || error.code == ErrorCode::Conflict)
            return error;
        result.outcome = PushOutcome::Rejected;
        result.message = error.message;
        return result;
    };

    auto mark = storage::claimChange(conn, customerId, change.id, change.kind);
    if (!mark.ok())
        return failed(mark.error());
    if (!mark.value()) { // pushed before; the acknowledgement was lost
        rollback();
        result.outcome = PushOutcome::AlreadyApplied;
        return result;
    }

    Result<Applied> applied = makeError(ErrorCode::InvalidInput, QStringLiteral("unknown change kind ") + change.kind);
    if (change.kind == QLatin1String("verdict"))
        applied = applyVerdict(conn, customerId, change);
    else if (change.kind == QLatin1String("verdict_undo"))
        applied = applyVerdictUndo(conn, customerId, change);
    else if (change.kind == QLatin1String("ledger_upsert"))
        applied = applyLedgerUpsert(conn, customerId, change);
    else if (change.kind == QLatin1String("ledger_approve"))
        applied = applyLedgerApprove(conn, customerId, change);
    else if (change.kind == QLatin1String("audit"))
        applied = applyAudit(conn, customerId, change);

    if (!applied.ok())
        return failed(applied.error());
    if (applied->conflict) {
        rollback();
        result.outcome = PushOutcome::Conflict;
        result.theirs = storage::currentLedgerRow(conn, customerId, change.entityId);
        return result;
    }
    if (Status st = conn.commit(); !st.ok())
        return st.error(); // unknown whether it committed: the retry will tell (applied_changes)
    result.outcome = PushOutcome::Applied;
    return result;
}

namespace {

Status pushAll(storage::PgConnection &conn, qint64 customerId, const std::vector<OutboxChange> &changes,
               std::vector<PushResult> &results)
{
    if (changes.empty())
        return Status::success();
    auto batch = pushBatch(conn, customerId, changes);
    // A deadlock or serialization victim (ErrorCode::Conflict from the server) rolled back: the same batch again
    // usually goes through at once.
    for (int retry = 0; retry < 3 && !batch.ok() && batch.error().code == ErrorCode::Conflict && conn.isOpen(); ++retry)
        batch = pushBatch(conn, customerId, changes);
    if (batch.ok()) {
        for (std::optional<PushResult> &r : batch.value())
            if (r)
                results.push_back(std::move(*r));
        return Status::success();
    }
    if (batch.error().code == ErrorCode::Unreachable || batch.error().code == ErrorCode::Conflict || !conn.isOpen())
        return batch.error();
    // A statement of the batch failed (a missing alert, a refused permission, a server rule the batch did not
    // foresee): the batch was rolled back, so push its changes one transaction each to isolate the culprit.
    QSet<QString> conflicted;
    for (const OutboxChange &change : changes) {
        if (conflicted.contains(change.entityId))
            continue;
        auto r = pushChange(conn, customerId, change);
        if (!r.ok())
            return r.error();
        if (r->outcome == PushOutcome::Conflict)
            conflicted.insert(change.entityId);
        results.push_back(std::move(r.value()));
    }
    return Status::success();
}

// The entities whose server rows an acknowledgement carries back: alerts of verdicts, ledger entries.
void acknowledgedEntities(const std::vector<OutboxChange> &changes, const std::vector<PushResult> &results,
                          QStringList &alertIds, QStringList &ledgerIds)
{
    QHash<QString, const OutboxChange *> byId;
    for (const OutboxChange &c : changes)
        byId.insert(c.id, &c);
    QSet<QString> alerts, ledger;
    for (const PushResult &r : results) {
        if (r.outcome != PushOutcome::Applied && r.outcome != PushOutcome::AlreadyApplied)
            continue;
        const OutboxChange *c = byId.value(r.changeId);
        if (!c)
            continue;
        if (c->kind.startsWith(QLatin1String("verdict"))) {
            const QString alert = c->payload.value(QStringLiteral("alert_id")).toVariant().toString();
            bool numeric = false;
            alert.toLongLong(&numeric);
            if (numeric && !alerts.contains(alert))
                alerts.insert(alert), alertIds << alert;
        } else if (c->kind.startsWith(QLatin1String("ledger_")) && !ledger.contains(c->entityId)) {
            ledger.insert(c->entityId);
            ledgerIds << c->entityId;
        }
    }
}

void dropAcknowledged(std::vector<PushResult> &results)
{
    results.erase(std::remove_if(results.begin(), results.end(),
                                 [](const PushResult &r) {
                                     return r.outcome == PushOutcome::Applied ||
                                            r.outcome == PushOutcome::AlreadyApplied;
                                 }),
                  results.end());
}

} // namespace

Status pushChanges(storage::PgConnection &conn, qint64 customerId, const std::vector<OutboxChange> &changes,
                   std::vector<PushResult> &results, storage::PulledBatch *acknowledgedRows)
{
    std::vector<PushResult> mine;
    Status pushed = pushAll(conn, customerId, changes, mine);
    if (acknowledgedRows) {
        *acknowledgedRows = {};
        Status read = pushed;
        if (read.ok()) {
            QStringList alertIds, ledgerIds;
            acknowledgedEntities(changes, mine, alertIds, ledgerIds);
            auto rows = storage::serverRowsAfterPush(conn, customerId, alertIds, ledgerIds);
            if (rows.ok())
                *acknowledgedRows = std::move(rows.value());
            else
                read = rows.error();
        }
        if (!read.ok()) {
            dropAcknowledged(mine); // without the server's rows they must not leave the outbox: pushed again later
            results.insert(results.end(), mine.begin(), mine.end());
            return read;
        }
    }
    results.insert(results.end(), mine.begin(), mine.end());
    return pushed;
}

} // namespace upstream::sync
