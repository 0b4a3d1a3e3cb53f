#include "storage/cache/OutboxStore.h"

#include "storage/cache/LocalCache.h"
#include "storage/cache/SyncStatementCache.h"

#include <QDateTime>
#include <QJsonDocument>

namespace upstream::storage {
namespace {

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

Status appendToOutbox(LocalCache &cache, const OutboxChange &change, const QString &createdAt)
{
    auto q = cache.db().prepare(
        QStringLiteral("INSERT INTO outbox (id, seq, kind, entity_id, base_version, payload, created_at) "
                       "VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM outbox), ?, ?, ?, ?, ?)"));
    if (!q.ok())
        return q.error();
    q->bind(1, change.id);
    q->bind(2, change.kind);
    q->bind(3, change.entityId);
    q->bind(4, change.baseVersion);
    q->bind(5, json(change.payload));
    q->bind(6, createdAt);
    return q->run();
}

Status appendToAuditQueue(LocalCache &cache, const QString &id, const QString &at, const QString &who,
                          const QString &workstation, const QString &action, const QJsonObject &details)
{
    auto q = cache.db().prepare(QStringLiteral(
        "INSERT INTO audit_queue (id, at, who, workstation, action, details) VALUES (?, ?, ?, ?, ?, ?)"));
    if (!q.ok())
        return q.error();
    q->bind(1, id);
    q->bind(2, at);
    q->bind(3, who);
    q->bind(4, workstation);
    q->bind(5, action);
    q->bind(6, json(details));
    return q->run();
}

Result<int> queuedChangeCount(LocalCache &cache)
{
    auto n =
        cache.db().scalar(QStringLiteral("SELECT (SELECT count(*) FROM outbox) + (SELECT count(*) FROM audit_queue)"));
    if (!n.ok())
        return n.error();
    return int(n.value());
}

Result<std::vector<OutboxChange>> pendingChanges(LocalCache &cache, int limit)
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
        auto a = cache.db().prepare(
            QStringLiteral("SELECT id, at, who, workstation, action, details FROM audit_queue WHERE last_error IS NULL "
                           "ORDER BY at, id LIMIT ?"));
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

namespace {

Status recordResults(SyncStatementCache &statements, const std::vector<PushResult> &results)
{
    for (const PushResult &r : results) {
        Status st;
        switch (r.outcome) {
        case PushOutcome::Applied:
        case PushOutcome::AlreadyApplied:
            st = statements.run(QStringLiteral("DELETE FROM outbox WHERE id = ?"), {r.changeId});
            if (st.ok())
                st = statements.run(QStringLiteral("DELETE FROM audit_queue WHERE id = ?"), {r.changeId});
            break;
        case PushOutcome::Conflict:
            st = statements.run(
                QStringLiteral("INSERT OR REPLACE INTO conflicts (outbox_id, entity_id, mine, theirs, "
                               "detected_at) SELECT id, entity_id, payload, ?, ? FROM outbox WHERE id = ?"),
                {json(r.theirs), nowIso(), r.changeId});
            if (st.ok())
                st = statements.run(QStringLiteral("UPDATE outbox SET state = 'conflict' WHERE id = ?"), {r.changeId});
            break;
        case PushOutcome::Rejected:
            st =
                statements.run(QStringLiteral("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?"),
                               {r.message, r.changeId});
            if (st.ok()) // an audit event: held back until the user retries it
                st = statements.run(
                    QStringLiteral("UPDATE audit_queue SET attempts = attempts + 1, last_error = ? WHERE id = ?"),
                    {r.message, r.changeId});
            break;
        }
        if (!st.ok())
            return st;
    }
    return Status::success();
}

} // namespace

Status recordPushResults(LocalCache &cache, const std::vector<PushResult> &results)
{
    SyncStatementCache statements(cache);
    return cache.transaction([&] { return recordResults(statements, results); });
}

Result<CacheChanges> recordPushAcknowledgement(LocalCache &cache, const std::vector<PushResult> &results,
                                               const PulledBatch &acknowledgedRows)
{
    SyncStatementCache statements(cache);
    CacheChanges changes;
    const Status st = cache.transaction([&]() -> Status {
        if (Status recorded = recordResults(statements, results); !recorded.ok())
            return recorded;
        // After the results: an acknowledged change no longer holds its entity back.
        return applyAcknowledgedRows(cache, statements, acknowledgedRows, changes);
    });
    if (!st.ok())
        return st.error();
    return changes;
}

} // namespace upstream::storage
