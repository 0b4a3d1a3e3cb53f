#pragma once
// Wiring of one running workstation: which workspace is open, the idle lock around it, and the hand-over of the
// opened cache to the pages. Owns no business logic: the workspace, key and lock rules live in models/ and views/.
#include "compute/SignalPreview.h"
#include "importer/ImportSession.h"
#include "security/InactivityTimer.h"
#include "security/SecretStore.h"
#include "session/SignIn.h"
#include "sync/SyncRound.h"
#include "workspace/Workspace.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace upstream::settings {
class Settings;
}
namespace upstream::storage {
class LocalCache;
}
namespace upstream::sync {
class ConnectionStatus;
class SyncService;
} // namespace upstream::sync

namespace upstream::views {
class LedgerPage;
class LockController;
class MainWindow;
class RecomputeDialog;
} // namespace upstream::views
namespace upstream::ledger {
class LedgerRepository;
}

namespace upstream::app {

class WorkstationSession : public QObject {
    Q_OBJECT
public:
    WorkstationSession(views::MainWindow *window, settings::Settings *settings, sync::ConnectionStatus *connection,
                       QObject *parent = nullptr);
    ~WorkstationSession() override;

    // Opens the demo workspace (created on first use) without prompting; with a server configured, shows the
    // sign-in dialog (online, or offline on the local copy); otherwise asks for the local workspace's password
    // (offering the demo on first start). ready(false) when the user cancels or opening fails.
    void start(bool demo, const std::function<void(bool)> &ready);
    std::shared_ptr<storage::LocalCache> cache() const { return m_cache; }
    views::LockController *lockController() const { return m_lock; }
    QString userName() const { return m_user; }
    QString role() const { return m_role; }
    // Server mode while unlocked: the service keeping the cache in step (nullptr for a local workspace or locked).
    sync::SyncService *syncService() const { return m_sync.get(); }
    bool hasServer() const
    {
        return m_customer > 0;
    } // viewer|operator|analyst|supervisor|admin (session::RolePermissions)
    // The import wizard's loading step: into PostgreSQL when signed in to a server, else into the local workspace.
    // Runs on the wizard's worker thread.
    importer::ImportFunction importFunction();
    // The wizard's preview step: the file read once into a stage on the same target, merged there as a dry run
    // (compute::previewStaged); the stage goes back with the preview, and importFunction() merges it for real.
    compute::PreviewFunction previewFunction();
    // The wizard's payers, mappings and earlier-upload check on the same target as importFunction(): a short
    // PostgreSQL connection per call when signed in to a server, else the local workspace. GUI thread.
    importer::ImportTarget importTarget();
    // Opens the recompute dialog (products, as-of, progress, cancel; one at a time) on the same target as
    // importFunction(). The engines run on a worker thread with a connection of their own; after a finished run
    // the pages reload (server: through the change log).
    void openRecomputeDialog();
    // The wizard's rejected-rows export: one "export" audit event with the row count.
    importer::ExportAuditFunction exportAudit();
    // Server mode, after the server refused the session's password (ConnectionState::AuthFailed): checks `password`
    // on the server as the first sign-in does (session::SignInService::verifyOnServer: same backoff, same "Remember
    // me") and, accepted, restarts the sync service with it so the queued changes go out at once; audited as a
    // "sign_in" of mode "again". The open cache and the pages are left exactly as they are. Refused while locked (the
    // password must not outlive a lock) and for a local workspace. `done` runs on the GUI thread.
    void signInAgain(const QString &password, bool remember, const std::function<void(Status)> &done);
    // Another page wrote to the ledger (a dashboard's "open a ledger entry"): the ledger page shows it.
    void ledgerChanged();
    // The settings dialog changed the idle-lock timeout: the running timer takes it now.
    void applyIdleLockSetting();

signals:
    void workspaceOpened();  // pages bind their models to cache()
    void workspaceClosing(); // pages drop every model holding decrypted data
    // New data in the cache (the sync service, a local recompute): the pages showing what changed refresh.
    void workspaceChanged(const upstream::sync::CacheChanges &changes);
    void syncStarted(); // syncService() is running (after sign-in or unlock)

private:
    void openDemo(const std::function<void(bool)> &ready);
    void promptLocal(const std::function<void(bool)> &ready);
    void promptServer(const std::function<void(bool)> &ready);
    void adopt(workspace::OpenedWorkspace ws);
    // Locking, in two steps: first every thread that holds the cache or the server password is stopped and joined
    // (pages, wizard, recompute, staged imports), then the password is wiped and the connections closed.
    void stopWorkers();
    void closeWorkspace();
    void setEndedLocked(bool locked);
    void installPages();
    void setActor(const QString &user, const QString &role);
    void startSync(const QString &password);
    void audit(const QString &action, const QJsonObject &details);
    importer::ImportOptions importOptions(const importer::ImportRequest &request,
                                          const importer::ImportProgressFn &progress) const;
    // The preview step's single read of the file: validated and staged on the target, on a connection of its own.
    // Worker thread.
    Result<std::unique_ptr<importer::StagedImport>> stageFile(const QString &path,
                                                              const importer::ImportOptions &options);
    void releaseStagedImports();
    // Runs load(connection) on the server (a new connection, from the calling thread) when signed in to one, else
    // load(nullptr) for the local workspace.
    template<typename F>
    auto onImportTarget(F &&load) -> decltype(load(nullptr));
    // The same from a worker thread, on a connection of the worker's own: load(server, nullptr) on a new server
    // connection when signed in, else load(nullptr, cache) on a second connection to the workspace's file. Valid
    // while unlocked: stopWorkers() cancels and joins the import and preview workers before it wipes or closes
    // anything.
    template<typename F>
    auto onWorkerTarget(F &&load) -> decltype(load(nullptr, nullptr));

    views::MainWindow *m_window;
    settings::Settings *m_settings;
    sync::ConnectionStatus *m_connection;
    security::SecretStore m_secrets;
    session::SignInService m_signIn;
    workspace::WorkspaceOpener m_opener;
    security::InactivityTimer m_idle;
    views::LockController *m_lock = nullptr;
    QString m_directory;
    QString m_user;
    QString m_role;
    // One LocalCache object for the whole session: locking closes its connection (wiping the key) and unlocking
    // reopens into the same object, so pages and open editors keep valid pointers across a lock.
    std::shared_ptr<storage::LocalCache> m_cache;
    std::unique_ptr<ledger::LedgerRepository> m_ledger;
    // Server mode only: keeps the cache in step with PostgreSQL; stopped (password wiped) while locked.
    std::unique_ptr<sync::SyncService> m_sync;
    std::optional<session::SignInRequest> m_serverRequest; // without the password
    qint64 m_customer = 0;
    storage::PgConnectionParams m_serverParams; // with the password while unlocked; wiped on lock
    views::LedgerPage *m_ledgerPage = nullptr;
    QPointer<views::RecomputeDialog> m_recompute;
    // Every staged import the preview made (worker threads add, the lock releases them all).
    std::mutex m_stagesMutex;
    std::vector<std::weak_ptr<importer::StagedImport>> m_stages;
};

} // namespace upstream::app
