#include "Outbox.h"

#include "storage/cache/LocalCache.h"
#include "storage/cache/OutboxStore.h"

#include <QDateTime>
#include <QSysInfo>
#include <QUuid>

namespace upstream::sync {

Result<QString> enqueueChange(storage::LocalCache &cache, const QString &kind, const QString &entityId,
                              qint64 baseVersion, const QJsonObject &payload, const QString &changeId)
{
    storage::OutboxChange change;
    change.id = changeId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : changeId;
    change.kind = kind;
    change.entityId = entityId;
    change.baseVersion = baseVersion;
    change.payload = payload;
    if (Status st = storage::appendToOutbox(cache, change, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        !st.ok())
        return st.error();
    cache.notifyChangeQueued();
    return change.id;
}

Status enqueueAudit(storage::LocalCache &cache, const QString &who, const QString &workstation, const QString &action,
                    const QJsonObject &details)
{
    if (Status st = storage::appendToAuditQueue(cache, QUuid::createUuid().toString(QUuid::WithoutBraces),
                                                QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), who,
                                                workstation.isEmpty() ? QSysInfo::machineHostName() : workstation,
                                                action, details);
        !st.ok())
        return st;
    cache.notifyChangeQueued();
    return Status::success();
}

Result<int> pendingCount(storage::LocalCache &cache)
{
    return storage::queuedChangeCount(cache);
}

} // namespace upstream::sync
