#include "workspace/WorkspaceAccess.h"

#include "security/SecretStore.h"
#include "settings/Settings.h"
#include "storage/cache/LocalCache.h"
#include "workspace/Workspace.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace upstream::workspace {

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
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("no workspace at %1 (create one with: upstream workspace create %1)").arg(directory));
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

Result<workspace::OpenedWorkspace> createWorkspaceBlocking(const QString &directory, const QString &password)
{
    security::SecretStore secrets;
    workspace::WorkspaceOpener opener(&secrets);
    std::optional<Result<workspace::OpenedWorkspace>> out;
    QEventLoop loop;
    opener.create(directory, password, [&](Result<workspace::OpenedWorkspace> r) {
        out.emplace(std::move(r));
        loop.quit();
    });
    if (!out)
        loop.exec();
    return std::move(*out);
}

} // namespace upstream::workspace
