#include "RefusedChanges.h"

#include "storage/cache/LocalCache.h"

#include <QCoreApplication>

namespace upstream::sync {
namespace {

const QLatin1String kRefused{"(last_error IS NOT NULL OR state = 'conflict')"};

Status notFound()
{
    return makeError(ErrorCode::NotFound,
                     QCoreApplication::translate("RefusedChanges", "That change is no longer waiting: it was "
                                                                   "retried, discarded or sent meanwhile."));
}

} // namespace

Result<std::vector<RefusedChange>> RefusedChangeQueue::list() const
{
    std::vector<RefusedChange> out;
    auto q = m_cache->db().prepare(QStringLiteral("SELECT id, kind, entity_id, coalesce(last_error, ''), state = "
                                                  "'conflict', attempts, created_at FROM outbox WHERE %1 ORDER BY seq")
                                       .arg(kRefused));
    if (!q.ok())
        return q.error();
    const Status rows = q->forEachRow([&] {
        RefusedChange c;
        c.id = q->text(0);
        c.kind = q->text(1);
        c.entityId = q->text(2);
        c.reason = q->text(3);
        c.conflict = q->int64(4) != 0;
        c.attempts = int(q->int64(5));
        c.queuedAt = QDateTime::fromString(q->text(6), Qt::ISODateWithMs);
        out.push_back(std::move(c));
    });
    if (!rows.ok())
        return rows.error();
    auto a = m_cache->db().prepare(QStringLiteral(
        "SELECT id, action, last_error, attempts, at FROM audit_queue WHERE last_error IS NOT NULL ORDER BY at, id"));
    if (!a.ok())
        return a.error();
    const Status audits = a->forEachRow([&] {
        RefusedChange c;
        c.id = a->text(0);
        c.kind = QStringLiteral("audit");
        c.entityId = a->text(1);
        c.reason = a->text(2);
        c.discardable = false;
        c.attempts = int(a->int64(3));
        c.queuedAt = QDateTime::fromString(a->text(4), Qt::ISODateWithMs);
        out.push_back(std::move(c));
    });
    if (!audits.ok())
        return audits.error();
    return out;
}

Result<int> RefusedChangeQueue::count() const
{
    auto q = m_cache->db().prepare(QStringLiteral("SELECT (SELECT count(*) FROM outbox WHERE %1) + "
                                                  "(SELECT count(*) FROM audit_queue WHERE last_error IS NOT NULL)")
                                       .arg(kRefused));
    if (!q.ok())
        return q.error();
    auto row = q->step();
    if (!row.ok())
        return row.error();
    return int(q->int64(0));
}

Status RefusedChangeQueue::retry(const QString &changeId)
{
    return m_cache->transaction([&]() -> Status {
        auto q = m_cache->db().prepare(
            QStringLiteral("UPDATE outbox SET last_error = NULL, attempts = 0 WHERE id = ? AND last_error IS NOT NULL "
                           "AND state = 'pending'"));
        if (!q.ok())
            return q.error();
        q->bind(1, changeId);
        if (Status st = q->run(); !st.ok())
            return st;
        if (m_cache->db().changes() > 0)
            return Status::success();
        auto a = m_cache->db().prepare(QStringLiteral(
            "UPDATE audit_queue SET last_error = NULL, attempts = 0 WHERE id = ? AND last_error IS NOT NULL"));
        if (!a.ok())
            return a.error();
        a->bind(1, changeId);
        if (Status st = a->run(); !st.ok())
            return st;
        return m_cache->db().changes() == 0 ? notFound() : Status::success();
    });
}

Status RefusedChangeQueue::discard(const QString &changeId)
{
    return m_cache->transaction([&]() -> Status {
        auto q = m_cache->db().prepare(QStringLiteral("DELETE FROM outbox WHERE id = ? AND %1").arg(kRefused));
        if (!q.ok())
            return q.error();
        q->bind(1, changeId);
        if (Status st = q->run(); !st.ok())
            return st;
        if (m_cache->db().changes() == 0) {
            auto audit = m_cache->db().prepare(QStringLiteral("SELECT 1 FROM audit_queue WHERE id = ?"));
            if (!audit.ok())
                return audit.error();
            audit->bind(1, changeId);
            auto found = audit->step();
            if (!found.ok())
                return found.error();
            if (found.value())
                return makeError(ErrorCode::PermissionDenied,
                                 QCoreApplication::translate(
                                     "RefusedChanges", "An audit event is never discarded: it stays on this computer "
                                                       "until the server accepts it. Ask IT to fix the cause, then "
                                                       "retry it."));
            return notFound();
        }
        auto c = m_cache->db().prepare(QStringLiteral("DELETE FROM conflicts WHERE outbox_id = ?"));
        if (!c.ok())
            return c.error();
        c->bind(1, changeId);
        return c->run();
    });
}

} // namespace upstream::sync
