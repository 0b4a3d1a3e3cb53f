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
namespace {

// Runs one WorkspaceOpener call (open or create) to its end for the CLI, which has no event loop of its own: a local
// loop turns until the opener's callback hands the result over (unless it already has).
template<typename Call>
Result<OpenedWorkspace> runOpener(Call call)
{
    security::SecretStore secrets;
    WorkspaceOpener opener(&secrets);
    std::optional<Result<OpenedWorkspace>> out;
    QEventLoop loop;
    call(opener, [&](Result<OpenedWorkspace> r) {
        out.emplace(std::move(r));
        loop.quit();
    });
    if (!out)
        loop.exec();
    return std::move(*out);
}

} // namespace

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
    auto opened = runOpener([&](WorkspaceOpener &opener, WorkspaceOpener::Done done) {
        opener.open(directory, password, std::move(done));
    });
    if (!opened.ok())
        return opened.error();
    return opened.value().cache;
}

Result<workspace::OpenedWorkspace> createWorkspaceBlocking(const QString &directory, const QString &password)
{
    return runOpener(
        [&](WorkspaceOpener &opener, const WorkspaceOpener::Done &done) { opener.create(directory, password, done); });
}

} // namespace upstream::workspace
