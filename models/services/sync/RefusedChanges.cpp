#include "RefusedChanges.h"

#include "storage/cache/LocalCache.h"
#include "storage/cache/RefusedChangeStore.h"

#include <QCoreApplication>

namespace upstream::sync {
namespace {

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
    auto rows = storage::refusedOutboxRows(*m_cache);
    if (!rows.ok())
        return rows.error();
    for (const storage::RefusedOutboxRow &row : rows.value()) {
        RefusedChange c;
        c.id = row.id;
        c.kind = row.kind;
        c.entityId = row.entityId;
        c.reason = row.lastError;
        c.conflict = row.conflict;
        c.attempts = row.attempts;
        c.queuedAt = row.createdAt;
        out.push_back(std::move(c));
    }
    auto audits = storage::refusedAuditRows(*m_cache);
    if (!audits.ok())
        return audits.error();
    for (const storage::RefusedAuditRow &row : audits.value()) {
        RefusedChange c;
        c.id = row.id;
        c.kind = QStringLiteral("audit");
        c.entityId = row.action;
        c.reason = row.lastError;
        c.discardable = false;
        c.attempts = row.attempts;
        c.queuedAt = row.at;
        out.push_back(std::move(c));
    }
    return out;
}

Result<int> RefusedChangeQueue::count() const
{
    return storage::refusedCount(*m_cache);
}

Status RefusedChangeQueue::retry(const QString &changeId)
{
    return m_cache->transaction([&]() -> Status {
        auto cleared = storage::clearOutboxRejection(*m_cache, changeId);
        if (!cleared.ok())
            return cleared.error();
        if (cleared.value())
            return Status::success();
        auto audit = storage::clearAuditRejection(*m_cache, changeId);
        if (!audit.ok())
            return audit.error();
        return audit.value() ? Status::success() : notFound();
    });
}

Status RefusedChangeQueue::discard(const QString &changeId)
{
    return m_cache->transaction([&]() -> Status {
        auto deleted = storage::deleteRefusedOutboxRow(*m_cache, changeId);
        if (!deleted.ok())
            return deleted.error();
        if (!deleted.value()) {
            auto found = storage::auditEventQueued(*m_cache, changeId);
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
        return storage::deleteConflict(*m_cache, changeId);
    });
}

} // namespace upstream::sync
