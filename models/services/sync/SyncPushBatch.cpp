// Pushing a batch of queued changes in one server transaction, set-based (see SyncPush.h).
//
// One batch = BEGIN; claim every change id in upstream.applied_changes (ids already there are AlreadyApplied: a
// lost acknowledgement replays to the same result); apply the claimed changes one statement per kind, in "waves"
// so that two changes to the same entity apply in queue order; release the claims of changes that did not apply
// (conflicts, held-back followers); COMMIT. A stale ledger version is not an error: its UPDATE simply matches no
// row and the change comes back as a Conflict with the server's row, while the other rows of the same statement
// apply. Values the server's CHECK constraints would refuse are rejected before the transaction starts, so one
// bad change cannot abort the others. Anything else a batch statement fails on (a missing alert, a permission the
// user lacks, a new server-side rule) rolls the batch back and pushChanges() falls back to one transaction per
// change for that batch (SyncPush.cpp), which isolates the failing change exactly as before. The statements are
// storage/pg/PushStatements; this file decides what goes into them and what their answers mean.
#include "SyncPush.h"

#include "core/JsonRows.h"
#include "storage/pg/PgConnection.h"
#include "storage/pg/PushStatements.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QStringList>

#include <map>
#include <optional>

namespace upstream::sync {
namespace {

// Mirrors the CHECK constraints of upstream.judgments and upstream.ledger_entries (0001_initial.sql), so a value the
// server would refuse is rejected on its own instead of aborting the statement that carries the whole batch.
std::optional<QString> invalidReason(const OutboxChange &c)
{
    static const QSet<QString> verdicts{QStringLiteral("real"), QStringLiteral("noise"),
                                        QStringLiteral("needs_followup")};
    static const QSet<QString> reasons{QStringLiteral("false_positive"),      QStringLiteral("data_entry_error"),
                                       QStringLiteral("payer_policy_change"), QStringLiteral("coding_issue"),
                                       QStringLiteral("expected_seasonal"),   QStringLiteral("other")};
    static const QSet<QString> states{QStringLiteral("open"), QStringLiteral("in_progress"),
                                      QStringLiteral("recovered"), QStringLiteral("written_off")};
    const QJsonObject &p = c.payload;
    auto reasonOk = [&](const char *key) {
        const QString r = p.value(QLatin1String(key)).toString();
        return r.isEmpty() || reasons.contains(r);
    };
    if (c.kind == QLatin1String("verdict")) {
        if (!verdicts.contains(p.value(QStringLiteral("verdict")).toString()))
            return QCoreApplication::translate(
                "SyncPush", "The server refused the verdict: it is not one of real, noise or needs follow-up.");
        if (!reasonOk("reason_code"))
            return QCoreApplication::translate("SyncPush",
                                               "The server refused the verdict: its reason code is unknown.");
    } else if (c.kind == QLatin1String("verdict_undo")) {
        const QString restored = p.value(QStringLiteral("restored_verdict")).toString();
        if (!restored.isEmpty() && !verdicts.contains(restored))
            return QCoreApplication::translate(
                "SyncPush", "The server refused the verdict: it is not one of real, noise or needs follow-up.");
        if (!reasonOk("restored_reason_code"))
            return QCoreApplication::translate("SyncPush",
                                               "The server refused the verdict: its reason code is unknown.");
    } else if (c.kind == QLatin1String("ledger_upsert")) {
        if (!states.contains(p.value(QStringLiteral("state")).toString()))
            return QCoreApplication::translate("SyncPush",
                                               "The server refused the ledger entry: its state is unknown.");
        if (p.value(QStringLiteral("expected_cents")).toDouble() < 0 ||
            p.value(QStringLiteral("recovered_cents")).toDouble() < 0)
            return QCoreApplication::translate("SyncPush",
                                               "The server refused the ledger entry: amounts cannot be negative.");
    } else if (c.kind != QLatin1String("ledger_approve") && c.kind != QLatin1String("audit")) {
        return QCoreApplication::translate("SyncPush", "The server does not know this kind of change.");
    }
    return std::nullopt;
}

// Changes to one entity apply in queue order: the n-th change to an entity goes into wave n. Verdicts are keyed
// by alert (one judgment per alert and operator), everything else by its entity id (audit events by their own id).
QString waveKey(const OutboxChange &c)
{
    if (c.kind.startsWith(QLatin1String("verdict")))
        return QStringLiteral("alert:") + c.payload.value(QStringLiteral("alert_id")).toVariant().toString();
    return c.entityId;
}

using Group = std::vector<const OutboxChange *>;

// --- one function per kind: each applies a whole group and returns the ids of the changes that applied ----------

// A verdict's fields for the server. An undo restores the operator's judgment before the last verdict (the earlier
// verdict, or none at all): it carries that verdict under "restored_" names, and the alert status to restore.
QByteArray verdictInput(const Group &group, bool undo)
{
    static constexpr const char *kFields[] = {"verdict", "reason_code", "notes", "judged_at"};
    const QString prefix = undo ? QStringLiteral("restored_") : QString();
    QStringList keys; // the payload's names of kFields, spelled once per batch rather than once per row
    for (const char *field : kFields)
        keys << prefix + QLatin1String(field);
    JsonRows input;
    for (const OutboxChange *c : group) {
        const QJsonObject &p = c->payload;
        input.beginRow();
        input.string("change_id", c->id);
        input.value("alert_id", p.value(QStringLiteral("alert_id")));
        for (qsizetype f = 0; f < keys.size(); ++f)
            input.value(kFields[f], p.value(keys.at(f)));
        if (undo)
            input.value("status", p.value(QStringLiteral("restored_status")));
        input.endRow();
    }
    return input.text();
}

Result<QSet<QString>> applyVerdicts(storage::PgConnection &conn, qint64 customer, const Group &group)
{
    return storage::pushVerdicts(conn, customer, verdictInput(group, false));
}

Result<QSet<QString>> applyVerdictUndos(storage::PgConnection &conn, qint64 customer, const Group &group)
{
    return storage::pushVerdictUndos(conn, customer, verdictInput(group, true));
}

// Creates and edits carry the same fields; amounts go as exact decimal numbers ("12.34", never through a double).
QByteArray ledgerInput(const Group &group)
{
    JsonRows input;
    for (const OutboxChange *c : group) {
        const QJsonObject &p = c->payload;
        input.beginRow();
        input.string("change_id", c->id);
        input.string("client_uuid", c->entityId);
        input.integer("base_version", c->baseVersion);
        input.value("alert_id", p.value(QStringLiteral("alert_id")));
        input.value("signal_id", p.value(QStringLiteral("signal_id")));
        input.string("product", p.value(QStringLiteral("product")).toString());
        input.string("payer", p.value(QStringLiteral("payer")).toString());
        input.number("expected", centsToDecimalText(qint64(p.value(QStringLiteral("expected_cents")).toDouble())));
        input.number("recovered", centsToDecimalText(qint64(p.value(QStringLiteral("recovered_cents")).toDouble())));
        input.value("recovered_date", p.value(QStringLiteral("recovered_date")));
        input.string("state", p.value(QStringLiteral("state")).toString());
        input.value("owner", p.value(QStringLiteral("owner")));
        input.value("notes", p.value(QStringLiteral("notes")));
        input.endRow();
    }
    return input.text();
}

// A new entry (base version 0). The entry id is the client's: an id the server already holds is a Conflict.
Result<QSet<QString>> applyLedgerCreates(storage::PgConnection &conn, qint64 customer, const Group &group)
{
    return storage::pushLedgerCreates(conn, customer, ledgerInput(group));
}

// An edit applies only where the server still holds the version it was based on; the rest are Conflicts.
Result<QSet<QString>> applyLedgerUpdates(storage::PgConnection &conn, qint64 customer, const Group &group)
{
    return storage::pushLedgerUpdates(conn, customer, ledgerInput(group));
}

Result<QSet<QString>> applyLedgerApprovals(storage::PgConnection &conn, qint64 customer, const Group &group)
{
    JsonRows input;
    for (const OutboxChange *c : group) {
        // The server stamps approved_at itself; the workstation's (offline) approval time is kept apart.
        input.beginRow();
        input.string("client_uuid", c->entityId);
        input.integer("base_version", c->baseVersion);
        input.stringOrNull("approved_at_client", c->payload.value(QStringLiteral("approved_at")).toString());
        input.endRow();
    }
    return storage::pushLedgerApprovals(conn, customer, input.text());
}

// Audit events go through upstream.audit_append one by one, in queue order, so the hash chain follows the queue.
// The server stamps its own time and actor (session_user); the workstation's time and user go in details.
Result<QSet<QString>> applyAudits(storage::PgConnection &conn, qint64 customer, const Group &group)
{
    JsonRows input;
    int ord = 0;
    for (const OutboxChange *c : group) {
        QJsonObject details = c->payload.value(QStringLiteral("details")).toObject();
        details.insert(QStringLiteral("recorded_at"), c->payload.value(QStringLiteral("at")));
        details.insert(QStringLiteral("recorded_by"), c->payload.value(QStringLiteral("who")));
        input.beginRow();
        input.string("change_id", c->id);
        input.integer("ord", ++ord);
        input.string("action", c->payload.value(QStringLiteral("action")).toString());
        input.value("details", details);
        input.string("workstation", c->payload.value(QStringLiteral("workstation")).toString());
        input.endRow();
    }
    return storage::pushAudits(conn, customer, input.text());
}

// The kinds in the order one wave applies them, each with the key its statement returns for an applied change.
enum class KeyedBy { ChangeId, EntityId };
struct KindStatement {
    const char *kind;
    bool (*matches)(const OutboxChange &);
    Result<QSet<QString>> (*apply)(storage::PgConnection &, qint64, const Group &);
    KeyedBy keyedBy;
};

bool isKind(const OutboxChange &c, const char *kind)
{
    return c.kind == QLatin1String(kind);
}

const KindStatement kKinds[] = {
    {"verdict", [](const OutboxChange &c) { return isKind(c, "verdict"); }, applyVerdicts, KeyedBy::ChangeId},
    {"verdict_undo", [](const OutboxChange &c) { return isKind(c, "verdict_undo"); }, applyVerdictUndos,
     KeyedBy::ChangeId},
    {"ledger_create", [](const OutboxChange &c) { return isKind(c, "ledger_upsert") && c.baseVersion <= 0; },
     applyLedgerCreates, KeyedBy::EntityId},
    {"ledger_update", [](const OutboxChange &c) { return isKind(c, "ledger_upsert") && c.baseVersion > 0; },
     applyLedgerUpdates, KeyedBy::EntityId},
    {"ledger_approve", [](const OutboxChange &c) { return isKind(c, "ledger_approve"); }, applyLedgerApprovals,
     KeyedBy::EntityId},
    {"audit", [](const OutboxChange &c) { return isKind(c, "audit"); }, applyAudits, KeyedBy::ChangeId},
};

// Everything between BEGIN and COMMIT. Returns one optional result per change (nullopt = held back).
Result<std::vector<std::optional<PushResult>>> applyInTransaction(storage::PgConnection &conn, qint64 customer,
                                                                  const std::vector<OutboxChange> &changes,
                                                                  std::vector<std::optional<PushResult>> results)
{
    // 1. Claim. Ids the server already holds were applied by an earlier push whose acknowledgement was lost.
    JsonRows claim;
    for (size_t i = 0; i < changes.size(); ++i) {
        if (results[i])
            continue;
        claim.beginRow();
        claim.string("id", changes[i].id);
        claim.string("kind", changes[i].kind);
        claim.endRow();
    }
    QSet<QString> claimed;
    if (!claim.isEmpty()) {
        auto r = storage::claimChanges(conn, customer, claim.text());
        if (!r.ok())
            return r.error();
        claimed = std::move(r.value());
    }
    std::vector<int> wave(changes.size(), -1);
    QHash<QString, int> perKey;
    int waves = 0;
    for (size_t i = 0; i < changes.size(); ++i) {
        if (results[i])
            continue;
        if (!claimed.contains(changes[i].id.toLower())) {
            results[i] = PushResult{changes[i].id, PushOutcome::AlreadyApplied, {}, {}};
            continue;
        }
        wave[i] = perKey[waveKey(changes[i])]++;
        waves = std::max(waves, wave[i] + 1);
    }

    // 2. Apply, wave by wave, one statement per kind. A Conflict holds back the entity's later changes.
    QSet<QString> conflictedEntities;
    QStringList release;
    QStringList conflictEntities;
    for (int w = 0; w < waves; ++w) {
        for (const KindStatement &k : kKinds) {
            Group group;
            std::vector<size_t> index;
            for (size_t i = 0; i < changes.size(); ++i) {
                if (wave[i] != w || !k.matches(changes[i]))
                    continue;
                if (conflictedEntities.contains(changes[i].entityId)) {
                    release << changes[i].id; // held back: stays queued, no result
                    continue;
                }
                group.push_back(&changes[i]);
                index.push_back(i);
            }
            if (group.empty())
                continue;
            auto applied = k.apply(conn, customer, group);
            if (!applied.ok())
                return applied.error();
            for (size_t g = 0; g < group.size(); ++g) {
                const OutboxChange &c = *group[g];
                const QString key = (k.keyedBy == KeyedBy::ChangeId ? c.id : c.entityId).toLower();
                if (applied->contains(key)) {
                    results[index[g]] = PushResult{c.id, PushOutcome::Applied, {}, {}};
                } else {
                    results[index[g]] = PushResult{c.id, PushOutcome::Conflict, {}, {}};
                    conflictedEntities.insert(c.entityId);
                    conflictEntities << c.entityId;
                    release << c.id;
                }
            }
        }
    }

    // 3. The server's side of every conflict, then un-claim what did not apply.
    auto theirs = storage::currentLedgerRows(conn, customer, conflictEntities);
    if (!theirs.ok())
        return theirs.error();
    for (size_t i = 0; i < changes.size(); ++i) {
        if (results[i] && results[i]->outcome == PushOutcome::Conflict && wave[i] >= 0) {
            const auto it = theirs->find(changes[i].entityId.toLower());
            if (it != theirs->end())
                results[i]->theirs = it->second;
        }
    }
    if (!release.isEmpty()) {
        if (Status st = storage::releaseChanges(conn, customer, release); !st.ok())
            return st.error();
    }
    return results;
}

} // namespace

Result<std::vector<std::optional<PushResult>>> pushBatch(storage::PgConnection &conn, qint64 customerId,
                                                         const std::vector<OutboxChange> &changes)
{
    std::vector<std::optional<PushResult>> results(changes.size());
    // A change queued twice in one batch is pushed once; its repeat reports what the first did.
    QHash<QString, size_t> first;
    std::vector<std::optional<size_t>> repeatOf(changes.size());
    for (size_t i = 0; i < changes.size(); ++i) {
        const auto it = first.constFind(changes[i].id);
        if (it != first.constEnd()) {
            repeatOf[i] = it.value();
            results[i] = PushResult{changes[i].id, PushOutcome::AlreadyApplied, {}, {}}; // settled after the commit
            continue;
        }
        first.insert(changes[i].id, i);
        if (auto why = invalidReason(changes[i]))
            results[i] = PushResult{changes[i].id, PushOutcome::Rejected, {}, *why};
    }

    if (Status st = conn.begin(); !st.ok())
        return st.error();
    auto applied = applyInTransaction(conn, customerId, changes, results);
    if (!applied.ok()) {
        (void)conn.rollback();
        return applied.error();
    }
    if (Status st = conn.commit(); !st.ok())
        return st.error(); // unknown whether it committed: the retry will tell (applied_changes)
    results = std::move(applied.value());
    for (size_t i = 0; i < changes.size(); ++i) {
        if (!repeatOf[i])
            continue;
        const std::optional<PushResult> &orig = results[*repeatOf[i]];
        if (!orig || orig->outcome == PushOutcome::Conflict)
            results[i].reset(); // held back like any later change to a conflicted entity
        else if (orig->outcome == PushOutcome::Rejected)
            results[i] = PushResult{changes[i].id, PushOutcome::Rejected, {}, orig->message};
        else
            results[i] = PushResult{changes[i].id, PushOutcome::AlreadyApplied, {}, {}};
    }
    return results;
}

} // namespace upstream::sync
