#pragma once
// Wiring of one running workstation: which workspace is open, the idle lock around it, and the hand-over of the
// opened cache to the pages. Owns no business logic: the workspace, key and lock rules live in models/ and views/.
#include "security/InactivityTimer.h"
#include "security/SecretStore.h"
#include "session/SignIn.h"
#include "workspace/Workspace.h"

#include <QObject>

#include <functional>
#include <memory>

namespace upstream::settings {
class Settings;
}
namespace upstream::storage {
class LocalCache;
}
namespace upstream::sync {
class ConnectionStatus;
}

namespace upstream::views {
class LockController;
class MainWindow;
} // namespace upstream::views

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
    void start(bool demo, std::function<void(bool)> ready);
    std::shared_ptr<storage::LocalCache> cache() const { return m_cache; }
    views::LockController *lockController() const { return m_lock; }

signals:
    void workspaceOpened();  // pages bind their models to cache()
    void workspaceClosing(); // pages drop every model holding decrypted data

private:
    void openDemo(std::function<void(bool)> ready);
    void promptLocal(std::function<void(bool)> ready);
    void promptServer(std::function<void(bool)> ready);
    void adopt(workspace::OpenedWorkspace ws);
    void release();

    views::MainWindow *m_window;
    settings::Settings *m_settings;
    sync::ConnectionStatus *m_connection;
    security::SecretStore m_secrets;
    session::SignInService m_signIn;
    workspace::WorkspaceOpener m_opener;
    security::InactivityTimer m_idle;
    views::LockController *m_lock = nullptr;
    QString m_directory;
    std::shared_ptr<storage::LocalCache> m_cache;
};

} // namespace upstream::app
