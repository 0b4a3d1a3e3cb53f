#include "storage/cache/RefusedChangeStore.h"

#include "storage/cache/LocalCache.h"

namespace upstream::storage {
namespace {

const QLatin1String kRefused{"(last_error IS NOT NULL OR state = 'conflict')"};

// Runs a prepared write bound to one id; true when it changed a row.
Result<bool> changedOne(LocalCache &cache, const QString &sql, const QString &id)
{
    auto q = cache.db().prepare(sql);
    if (!q.ok())
        return q.error();
    q->bind(1, id);
    if (Status st = q->run(); !st.ok())
        return st.error();
    return cache.db().changes() > 0;
}

} // namespace

Result<std::vector<RefusedOutboxRow>> refusedOutboxRows(LocalCache &cache)
{
    std::vector<RefusedOutboxRow> out;
    auto q = cache.db().prepare(QStringLiteral("SELECT id, kind, entity_id, coalesce(last_error, ''), state = "
                                               "'conflict', attempts, created_at FROM outbox WHERE %1 ORDER BY seq")
                                    .arg(kRefused));
    if (!q.ok())
        return q.error();
    const Status rows = q->forEachRow([&] {
        RefusedOutboxRow c;
        c.id = q->text(0);
        c.kind = q->text(1);
        c.entityId = q->text(2);
        c.lastError = q->text(3);
        c.conflict = q->int64(4) != 0;
        c.attempts = int(q->int64(5));
        c.createdAt = QDateTime::fromString(q->text(6), Qt::ISODateWithMs);
        out.push_back(std::move(c));
    });
    if (!rows.ok())
        return rows.error();
    return out;
}

Result<std::vector<RefusedAuditRow>> refusedAuditRows(LocalCache &cache)
{
    std::vector<RefusedAuditRow> out;
    auto a = cache.db().prepare(QStringLiteral(
        "SELECT id, action, last_error, attempts, at FROM audit_queue WHERE last_error IS NOT NULL ORDER BY at, id"));
    if (!a.ok())
        return a.error();
    const Status audits = a->forEachRow([&] {
        RefusedAuditRow c;
        c.id = a->text(0);
        c.action = a->text(1);
        c.lastError = a->text(2);
        c.attempts = int(a->int64(3));
        c.at = QDateTime::fromString(a->text(4), Qt::ISODateWithMs);
        out.push_back(std::move(c));
    });
    if (!audits.ok())
        return audits.error();
    return out;
}

Result<int> refusedCount(LocalCache &cache)
{
    auto n = cache.db().scalar(QStringLiteral("SELECT (SELECT count(*) FROM outbox WHERE %1) + "
                                              "(SELECT count(*) FROM audit_queue WHERE last_error IS NOT NULL)")
                                   .arg(kRefused));
    if (!n.ok())
        return n.error();
    return int(n.value());
}

Result<bool> clearOutboxRejection(LocalCache &cache, const QString &id)
{
    return changedOne(cache,
                      QStringLiteral("UPDATE outbox SET last_error = NULL, attempts = 0 WHERE id = ? AND last_error "
                                     "IS NOT NULL AND state = 'pending'"),
                      id);
}

Result<bool> clearAuditRejection(LocalCache &cache, const QString &id)
{
    return changedOne(
        cache,
        QStringLiteral(
            "UPDATE audit_queue SET last_error = NULL, attempts = 0 WHERE id = ? AND last_error IS NOT NULL"),
        id);
}

Result<bool> deleteRefusedOutboxRow(LocalCache &cache, const QString &id)
{
    return changedOne(cache, QStringLiteral("DELETE FROM outbox WHERE id = ? AND %1").arg(kRefused), id);
}

Result<bool> auditEventQueued(LocalCache &cache, const QString &id)
{
    auto audit = cache.db().prepare(QStringLiteral("SELECT 1 FROM audit_queue WHERE id = ?"));
    if (!audit.ok())
        return audit.error();
    audit->bind(1, id);
    auto found = audit->step();
    if (!found.ok())
        return found.error();
    return found.value();
}

Status deleteConflict(LocalCache &cache, const QString &outboxId)
{
    auto c = cache.db().prepare(QStringLiteral("DELETE FROM conflicts WHERE outbox_id = ?"));
    if (!c.ok())
        return c.error();
    c->bind(1, outboxId);
    return c->run();
}

} // namespace upstream::storage
