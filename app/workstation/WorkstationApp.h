#pragma once
// The workstation's assembly and its entry point. Workstation builds what one running workstation is made of — the
// main window, its pages (dashboards, import wizard, ledger through the session), the session and the wiring
// between them — so the program and the real-window tests run the same object graph.
#include "importer/ColumnMapping.h"
#include "sync/ConnectionState.h"

#include <QPointer>

#include <memory>

namespace upstream::settings {
class Settings;
}
namespace upstream::views {
class ImportWizard;
class MainWindow;
class SettingsDialog;
} // namespace upstream::views

namespace upstream::app {

class SignInAgainPresenter;
class SyncStatusPresenter;
class WorkstationSession;

class Workstation {
public:
    // synchronousLoad: dashboards load on the GUI thread (a screenshot must not race the worker).
    Workstation(settings::Settings &settings, bool synchronousLoad);
    ~Workstation();
    Workstation(const Workstation &) = delete;
    Workstation &operator=(const Workstation &) = delete;

    views::MainWindow &window() { return *m_window; }
    WorkstationSession &session() { return *m_session; }
    SyncStatusPresenter &syncStatus() { return *m_syncStatus; }
    SignInAgainPresenter &signInAgain() { return *m_signInAgain; }
    sync::ConnectionStatus &connection() { return m_connection; }
    views::ImportWizard *importWizard() const { return m_importWizard; }
    // File ▸ Settings… (Ctrl+,): one dialog at a time; what can change at once is applied when it is saved.
    views::SettingsDialog *openSettings();

private:
    void applySettings(const QStringList &changedPaths);

    settings::Settings &m_settings;
    sync::ConnectionStatus m_connection;
    // Confirmed import mappings per header layout; declared before the window so it outlives the wizard.
    std::unique_ptr<importer::MappingMemory> m_mappingMemory;
    std::unique_ptr<views::MainWindow> m_window;
    views::ImportWizard *m_importWizard = nullptr; // owned by the window
    std::unique_ptr<WorkstationSession> m_session;
    std::unique_ptr<SyncStatusPresenter> m_syncStatus;   // listens to the session: destroyed first
    std::unique_ptr<SignInAgainPresenter> m_signInAgain; // likewise
    QPointer<views::SettingsDialog> m_settingsDialog;
};

// Parses the command line, builds the application and runs it. Returns the process exit code.
int runWorkstation(int argc, char *argv[]);

} // namespace upstream::app
