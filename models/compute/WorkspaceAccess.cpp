#include "compute/WorkspaceAccess.h"

#include "engines/DayCountersJson.h"
#include "security/SecretStore.h"
#include "settings/Settings.h"
#include "storage/cache/LocalCache.h"
#include "workspace/Workspace.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace upstream::compute {

std::optional<QString> localWorkspaceTarget(bool dbGiven, const QString &workspaceOption)
{
    if (!workspaceOption.isEmpty())
        return workspaceOption;
    if (dbGiven)
        return std::nullopt;
    for (const char *var : {"PGHOST", "PGHOSTADDR", "PGDATABASE", "PGSERVICE", "PGPORT", "PGUSER"})
        if (qEnvironmentVariableIsSet(var))
            return std::nullopt;
    return workspace::WorkspaceOpener::configuredDirectory(settings::Settings());
}

Result<std::shared_ptr<storage::LocalCache>> openWorkspaceBlocking(const QString &directory, const QString &password)
{
    if (!workspace::WorkspaceOpener::exists(directory))
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no workspace at %1").arg(directory));
    security::SecretStore secrets;
    workspace::WorkspaceOpener opener(&secrets);
    std::optional<Result<workspace::OpenedWorkspace>> out;
    QEventLoop loop;
    opener.open(directory, password, [&](Result<workspace::OpenedWorkspace> r) {
        out.emplace(std::move(r));
        loop.quit();
    });
    if (!out)
        loop.exec();
    if (!out->ok())
        return out->error();
    return out->value().cache;
}

Result<engines::AggregateSet> loadLocalAggregates(storage::LocalCache &cache)
{
    auto q = cache.db().prepare(QStringLiteral("SELECT payer, cpt_group, reason, day, data FROM daily_aggregates"));
    if (!q.ok())
        return q.error();
    engines::AggregateSet set;
    const Status rows = q.value().forEachRow([&]() -> Status {
        const engines::DayCounters c = engines::dayCountersFromJson(q.value().text(4));
        const QDate day = QDate::fromString(q.value().text(3), Qt::ISODate);
        if (!day.isValid())
            return makeError(ErrorCode::Corrupt, QStringLiteral("a stored daily aggregate has no valid day"));
        set.addRow(q.value().text(0), q.value().text(1), q.value().text(2), engines::toEpochDay(day), c);
        return Status::success();
    });
    if (!rows.ok())
        return rows.error();
    return set;
}

} // namespace upstream::compute
