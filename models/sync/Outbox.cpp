#include "Outbox.h"

#include "storage/cache/LocalCache.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSysInfo>
#include <QUuid>

namespace upstream::sync {

Result<QString> enqueueChange(storage::LocalCache &cache, const QString &kind, const QString &entityId,
                              qint64 baseVersion, const QJsonObject &payload)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto q = cache.db().prepare(
        QStringLiteral("INSERT INTO outbox (id, seq, kind, entity_id, base_version, payload, created_at) "
                       "VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM outbox), ?, ?, ?, ?, ?)"));
    if (!q.ok())
        return q.error();
    q->bind(1, id);
    q->bind(2, kind);
    q->bind(3, entityId);
    q->bind(4, baseVersion);
    q->bind(5, QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
    q->bind(6, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (Status st = q->run(); !st.ok())
        return st.error();
    cache.notifyChangeQueued();
    return id;
}

Status enqueueAudit(storage::LocalCache &cache, const QString &who, const QString &workstation, const QString &action,
                    const QJsonObject &details)
{
    auto q = cache.db().prepare(QStringLiteral(
        "INSERT INTO audit_queue (id, at, who, workstation, action, details) VALUES (?, ?, ?, ?, ?, ?)"));
    if (!q.ok())
        return q.error();
    q->bind(1, QUuid::createUuid().toString(QUuid::WithoutBraces));
    q->bind(2, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    q->bind(3, who);
    q->bind(4, workstation.isEmpty() ? QSysInfo::machineHostName() : workstation);
    q->bind(5, action);
    q->bind(6, QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)));
    if (Status st = q->run(); !st.ok())
        return st;
    cache.notifyChangeQueued();
    return Status::success();
}

Result<int> pendingCount(storage::LocalCache &cache)
{
    auto q =
        cache.db().prepare(QStringLiteral("SELECT (SELECT count(*) FROM outbox) + (SELECT count(*) FROM audit_queue)"));
    if (!q.ok())
        return q.error();
    auto row = q->step();
    if (!row.ok())
        return row.error();
    return int(q->int64(0));
}

} // namespace upstream::sync
