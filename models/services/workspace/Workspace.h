#pragma once
// A workspace is a folder holding the encrypted local cache (cache.db) and workspace.json (its id and the wrapped
// cache key). Creating or opening one is asynchronous: the device secret comes from the OS keychain (async jobs)
// and Argon2id runs on a worker thread; the callback runs on the caller's thread. No nested event loops.
//
// Failure modes, each with a message that says what to do: wrong password (AuthFailed), device secret missing from
// this computer's keychain (NotFound), keychain unavailable (Internal/PermissionDenied), damaged key file (Corrupt),
// cache from a newer program (TooNew), folder not writable (PermissionDenied).
#include "core/Result.h"
#include "storage/cache/LocalCache.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace upstream::security {
class SecretStore;
}

namespace upstream::settings {
class Settings;
}

namespace upstream::workspace {

struct OpenedWorkspace {
    QString directory;
    QString id;
    std::shared_ptr<storage::LocalCache> cache;
};

class WorkspaceOpener : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(Result<OpenedWorkspace>)>;

    explicit WorkspaceOpener(security::SecretStore *secrets, QObject *parent = nullptr);

    static bool exists(const QString &directory);
    // The manifest's public part: {"workspace_id", "created"} (created is null for workspaces made before it was
    // recorded); empty when there is no workspace. Never the wrapped key.
    static QJsonObject manifestSummary(const QString &directory);
    // The same folders for the workstation and the `upstream` CLI, whatever the running program is called:
    // <GenericDataLocation>/<organization>/Upstream Workstation/workspace (demo-workspace). On Linux that is
    // ~/.local/share/<organization>/Upstream Workstation/…
    static QString defaultDirectory();
    static QString demoDirectory();
    // The workspace a user works in: the workspace/path setting (user or machine policy), else defaultDirectory().
    static QString configuredDirectory(const settings::Settings &settings);

    void create(const QString &directory, const QString &password, const Done &done);
    void open(const QString &directory, const QString &password, Done done);
    // The password changed (on the server, for a signed-in workspace): the key is wrapped again with the new one,
    // after the old one proved it can unwrap it, so the next start opens the local copy with the new password. The
    // cache itself is not touched. Fails like open() for a wrong old password (AuthFailed) or a missing secret.
    void changePassword(const QString &directory, const QString &oldPassword, const QString &newPassword,
                        std::function<void(Status)> done);

    // Keychain entry name of a workspace's device secret.
    static QString deviceSecretKey(const QString &workspaceId);

private:
    struct Unwrapped; // the directory, its manifest and wrapped key, the unwrapped key and the device secret
    template<typename T>
    using KeyWork = std::function<Result<T>(const Unwrapped &)>;
    // Reads the manifest and the device secret, unwraps the key with `password` on a worker thread and runs work()
    // there with it; done() gets the result on the caller's thread.
    template<typename T>
    void withKey(const QString &directory, const QString &password, KeyWork<T> work,
                 std::function<void(Result<T>)> done);

    security::SecretStore *m_secrets;
};

} // namespace upstream::workspace
