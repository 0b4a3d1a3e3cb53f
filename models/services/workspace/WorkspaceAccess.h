#pragma once
// Opening a local workspace from a synchronous caller (the CLI): runs WorkspaceOpener::open (keychain jobs,
// Argon2id on a worker thread) inside a local event loop and returns its result. Not for GUI code, which
// must stay callback-driven. Failure modes are WorkspaceOpener's (wrong password → AuthFailed, no device secret
// → NotFound, no workspace at the path → InvalidInput, …).
#include "core/Result.h"
#include "engines/DailyAggregate.h"
#include "workspace/Workspace.h"

#include <QString>

#include <memory>
#include <optional>

namespace upstream::storage {
class LocalCache;
}

namespace upstream::workspace {

// SPEC 9 target rule for the CLI: --workspace PATH → that workspace; else --db or a PG* connection variable in
// the environment → the central database (nullopt); else the default workspace folder.
std::optional<QString> localWorkspaceTarget(bool dbGiven, const QString &workspaceOption);

Result<std::shared_ptr<storage::LocalCache>> openWorkspaceBlocking(const QString &directory, const QString &password);
// The same for WorkspaceOpener::create (a workspace already there → InvalidInput).
Result<workspace::OpenedWorkspace> createWorkspaceBlocking(const QString &directory, const QString &password);

} // namespace upstream::workspace
