// Cache side of synchronisation (see SyncProtocol.h), and syncOnce() composing both halves.
#include "SyncProtocol.h"

#include "ledger/LedgerEntry.h"
#include "storage/cache/LocalCache.h"

#include <QDateTime>
#include <QJsonDocument>

#include <cmath>
#include <map>
#include <set>

namespace upstream::sync {
namespace {

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QVariant text(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isNull() || v.isUndefined())
        return {};
    if (v.isDouble())
        return QString::number(qint64(v.toDouble()));
    return v.toString();
}

QVariant real(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? QVariant(v.toDouble()) : QVariant();
}

// Entities with changes still queued locally: the pull must not overwrite them (the push decides).
Result<std::set<QString>> pendingEntities(storage::LocalCache &cache)
{
    std::set<QString> out;
    auto q = cache.db().prepare(QStringLiteral("SELECT DISTINCT entity_id FROM outbox"));
    if (!q.ok())
        return q.error();
    const Status rows = q->forEachRow([&] { out.insert(q->text(0)); });
    if (!rows.ok())
        return rows.error();
    return out;
}

// The statements of one batch, each prepared once and reused for every row: preparing per row was most of the cost
// of applying a pull (about 100 µs a row).
class Statements {
public:
    explicit Statements(storage::LocalCache &cache) : m_cache(cache) {}

    Status run(const QString &sql, const std::vector<QVariant> &params)
    {
        auto it = m_prepared.find(sql);
        if (it == m_prepared.end()) {
            auto q = m_cache.db().prepare(sql);
            if (!q.ok())
                return q.error();
            it = m_prepared.emplace(sql, std::move(q.value())).first;
        }
        storage::CipherStatement &q = it->second;
        q.reset();
        for (size_t i = 0; i < params.size(); ++i)
            q.bind(int(i + 1), params[i]);
        return q.run();
    }

private:
    storage::LocalCache &m_cache;
    std::map<QString, storage::CipherStatement> m_prepared;
};

Status run(Statements &statements, const QString &sql, const std::vector<QVariant> &params)
{
    return statements.run(sql, params);
}

Status applySignal(Statements &cache, const QJsonObject &r)
{
    return run(
        cache,
        QStringLiteral(
            "INSERT INTO signals (id, product, signal_type, payer, cpt_group, reason, severity, confidence, "
            "baseline_value, current_value, delta, p_value, dollars, window_start, window_end, as_of, evidence, "
            "computed_at, server_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1) "
            "ON CONFLICT(id) DO UPDATE SET product=excluded.product, signal_type=excluded.signal_type, "
            "payer=excluded.payer, cpt_group=excluded.cpt_group, reason=excluded.reason, "
            "severity=excluded.severity, confidence=excluded.confidence, baseline_value=excluded.baseline_value, "
            "current_value=excluded.current_value, delta=excluded.delta, p_value=excluded.p_value, "
            "dollars=excluded.dollars, window_start=excluded.window_start, window_end=excluded.window_end, "
            "as_of=excluded.as_of, evidence=excluded.evidence, computed_at=excluded.computed_at, "
            "server_version=server_version+1"),
        {text(r, "signal_id"), text(r, "product"), text(r, "signal_type"), r.value(QStringLiteral("payer")).toString(),
         text(r, "cpt_group"), text(r, "reason"), text(r, "severity"), real(r, "confidence"), real(r, "baseline_value"),
         real(r, "current_value"), real(r, "delta"), real(r, "p_value"), real(r, "dollars"), text(r, "window_start"),
         text(r, "window_end"), text(r, "window_end"), json(r.value(QStringLiteral("evidence")).toObject()),
         text(r, "computed_at")});
}

Status applyAlert(Statements &cache, const QJsonObject &r)
{
    return run(cache,
               QStringLiteral("INSERT INTO alerts (id, signal_id, product, status, suppressed, suppression_reason, "
                              "created_at, version) VALUES (?,?,?,?,?,?,?,1) ON CONFLICT(id) DO UPDATE SET "
                              "status=excluded.status, suppressed=excluded.suppressed, "
                              "suppression_reason=excluded.suppression_reason, version=version+1"),
               {text(r, "alert_id"), text(r, "signal_id"), text(r, "product"), text(r, "status"),
                qint64(r.value(QStringLiteral("suppressed")).toBool() ? 1 : 0), text(r, "suppression_reason"),
                text(r, "created_at")});
}

Status applyJudgment(Statements &cache, const QJsonObject &r)
{
    // One judgment per (alert, operator): a row made elsewhere under another client id replaces ours.
    if (Status st = run(cache, QStringLiteral("DELETE FROM judgments WHERE alert_id = ? AND operator = ? AND id <> ?"),
                        {text(r, "alert_id"), text(r, "operator"), text(r, "client_uuid")});
        !st.ok())
        return st;
    return run(cache,
               QStringLiteral("INSERT INTO judgments (id, server_id, alert_id, operator, verdict, reason_code, notes, "
                              "judged_at) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
                              "server_id=excluded.server_id, verdict=excluded.verdict, "
                              "reason_code=excluded.reason_code, notes=excluded.notes, judged_at=excluded.judged_at"),
               {text(r, "client_uuid"), text(r, "judgment_id"), text(r, "alert_id"), text(r, "operator"),
                text(r, "verdict"), text(r, "reason_code"), text(r, "notes"), text(r, "updated_at")});
}

QVariant orNull(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

QVariant isoOrNull(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toUTC().toString(Qt::ISODate)) : QVariant();
}

Status applyLedger(Statements &cache, const QJsonObject &r)
{
    const ledger::LedgerEntry e = ledger::LedgerEntry::fromServerRow(r);
    return run(cache,
               QStringLiteral(
                   "INSERT INTO ledger_entries (id, server_id, alert_id, signal_id, product, payer, expected_cents, "
                   "recovered_cents, recovered_date, state, owner, notes, approved_by, approved_at, version, "
                   "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE "
                   "SET server_id=excluded.server_id, alert_id=excluded.alert_id, signal_id=excluded.signal_id, "
                   "product=excluded.product, payer=excluded.payer, expected_cents=excluded.expected_cents, "
                   "recovered_cents=excluded.recovered_cents, recovered_date=excluded.recovered_date, "
                   "state=excluded.state, owner=excluded.owner, notes=excluded.notes, "
                   "approved_by=excluded.approved_by, approved_at=excluded.approved_at, version=excluded.version, "
                   "updated_at=excluded.updated_at"),
               {e.id, text(r, "entry_id"), orNull(e.alertId), orNull(e.signalId), e.product, e.payer, e.expectedCents,
                e.recoveredCents,
                e.recoveredDate.isValid() ? QVariant(e.recoveredDate.toString(Qt::ISODate)) : QVariant(),
                ledger::stateId(e.state), orNull(e.owner), orNull(e.notes), orNull(e.approvedBy),
                isoOrNull(e.approvedAt), e.version, isoOrNull(e.createdAt), isoOrNull(e.updatedAt)});
}

} // namespace

Result<std::vector<OutboxChange>> pendingChanges(storage::LocalCache &cache, int limit)
{
    std::vector<OutboxChange> out;
    auto q = cache.db().prepare(QStringLiteral("SELECT id, seq, kind, entity_id, base_version, payload FROM outbox "
                                               "WHERE state = 'pending' AND last_error IS NULL AND entity_id NOT "
                                               "IN (SELECT entity_id FROM outbox WHERE state = 'conflict') ORDER BY "
                                               "seq LIMIT ?"));
    if (!q.ok())
        return q.error();
    q->bind(1, qint64(limit));
    const Status rows = q->forEachRow([&] {
        OutboxChange c;
        c.id = q->text(0);
        c.seq = q->int64(1);
        c.kind = q->text(2);
        c.entityId = q->text(3);
        c.baseVersion = q->int64(4);
        c.payload = QJsonDocument::fromJson(q->text(5).toUtf8()).object();
        out.push_back(std::move(c));
    });
    if (!rows.ok())
        return rows.error();
    // Audit events queued while working (sign-in, lock, verdicts, ledger changes, imports, exports) follow.
    if (int(out.size()) < limit) {
        auto a = cache.db().prepare(QStringLiteral(
            "SELECT id, at, who, workstation, action, details FROM audit_queue ORDER BY at, id LIMIT ?"));
        if (!a.ok())
            return a.error();
        a->bind(1, qint64(limit - int(out.size())));
        const Status audits = a->forEachRow([&] {
            OutboxChange c;
            c.id = a->text(0);
            c.kind = QStringLiteral("audit");
            c.entityId = c.id;
            c.payload = {{QStringLiteral("at"), a->text(1)},
                         {QStringLiteral("who"), a->text(2)},
                         {QStringLiteral("workstation"), a->text(3)},
                         {QStringLiteral("action"), a->text(4)},
                         {QStringLiteral("details"), QJsonDocument::fromJson(a->text(5).toUtf8()).object()}};
            out.push_back(std::move(c));
        });
        if (!audits.ok())
            return audits.error();
    }
    return out;
}

Status recordPushResults(storage::LocalCache &cache, const std::vector<PushResult> &results)
{
    Statements statements(cache);
    return cache.transaction([&]() -> Status {
        for (const PushResult &r : results) {
            Status st;
            switch (r.outcome) {
            case PushOutcome::Applied:
            case PushOutcome::AlreadyApplied:
                st = run(statements, QStringLiteral("DELETE FROM outbox WHERE id = ?"), {r.changeId});
                if (st.ok())
                    st = run(statements, QStringLiteral("DELETE FROM audit_queue WHERE id = ?"), {r.changeId});
                break;
            case PushOutcome::Conflict:
                st = run(statements,
                         QStringLiteral("INSERT OR REPLACE INTO conflicts (outbox_id, entity_id, mine, theirs, "
                                        "detected_at) SELECT id, entity_id, payload, ?, ? FROM outbox WHERE id = ?"),
                         {json(r.theirs), nowIso(), r.changeId});
                if (st.ok())
                    st = run(statements, QStringLiteral("UPDATE outbox SET state = 'conflict' WHERE id = ?"),
                             {r.changeId});
                break;
            case PushOutcome::Rejected:
                st = run(statements,
                         QStringLiteral("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?"),
                         {r.message, r.changeId});
                break;
            }
            if (!st.ok())
                return st;
        }
        return Status::success();
    });
}

qint64 lastPulledSeq(storage::LocalCache &cache)
{
    auto q = cache.db().prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = 'last_seq'"));
    if (!q.ok())
        return 0;
    auto row = q->step();
    return (row.ok() && row.value()) ? q->text(0).toLongLong() : 0;
}

Status applyPulled(storage::LocalCache &cache, const PulledBatch &batch)
{
    auto pending = pendingEntities(cache);
    if (!pending.ok())
        return pending.error();
    Statements statements(cache);
    return cache.transaction([&]() -> Status {
        // Parents before children: signals, alerts, judgments, ledger entries (the order of kTables in the pull).
        for (const char *table : {"signals", "alerts", "judgments", "ledger_entries"}) {
            for (const PulledRow &row : batch.rows) {
                if (row.table != QLatin1String(table))
                    continue;
                const QString clientId = row.row.value(QStringLiteral("client_uuid")).toString();
                if (!clientId.isEmpty() && pending->count(clientId))
                    continue; // our queued edit wins locally until the server has decided on it
                Status st;
                if (row.deleted) {
                    if (row.table == QLatin1String("judgments"))
                        st = run(statements, QStringLiteral("DELETE FROM judgments WHERE server_id = ?"),
                                 {text(row.key, "judgment_id")});
                    else if (row.table == QLatin1String("ledger_entries"))
                        st = run(statements, QStringLiteral("DELETE FROM ledger_entries WHERE server_id = ?"),
                                 {text(row.key, "entry_id")});
                } else if (row.table == QLatin1String("signals"))
                    st = applySignal(statements, row.row);
                else if (row.table == QLatin1String("alerts"))
                    st = applyAlert(statements, row.row);
                else if (row.table == QLatin1String("judgments"))
                    st = applyJudgment(statements, row.row);
                else
                    st = applyLedger(statements, row.row);
                if (!st.ok())
                    return st;
            }
        }
        return run(statements,
                   QStringLiteral("INSERT INTO sync_state (key, value) VALUES ('last_seq', ?) "
                                  "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                   {QString::number(batch.toSeq)});
    });
}

Result<SyncRound> syncOnce(storage::PgConnection &conn, storage::LocalCache &cache, qint64 customerId)
{
    SyncRound round;
    for (;;) {
        auto changes = pendingChanges(cache, kPushBatchChanges);
        if (!changes.ok())
            return changes.error();
        if (changes->empty())
            break;
        std::vector<PushResult> results;
        const Status pushed = pushChanges(conn, customerId, changes.value(), results);
        for (const PushResult &r : results) {
            switch (r.outcome) {
            case PushOutcome::Applied: ++round.pushed; break;
            case PushOutcome::AlreadyApplied: ++round.alreadyApplied; break;
            case PushOutcome::Conflict: ++round.conflicts; break;
            case PushOutcome::Rejected: ++round.rejected; break;
            }
        }
        if (!pushed.ok()) {
            (void)recordPushResults(cache, results); // keep what was acknowledged
            return pushed.error();
        }
        if (Status st = recordPushResults(cache, results); !st.ok())
            return st.error();
        if (round.rejected > 0)
            break; // rejected changes stay queued with their error; do not spin on them
    }
    for (;;) {
        auto batch = pullChanges(conn, customerId, lastPulledSeq(cache), kPullBatchRows);
        if (!batch.ok())
            return batch.error();
        if (batch->toSeq == batch->fromSeq)
            break;
        if (Status st = applyPulled(cache, batch.value()); !st.ok())
            return st.error();
        round.pulledRows += int(batch->rows.size());
    }
    return round;
}

} // namespace upstream::sync
