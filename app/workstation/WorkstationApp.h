#pragma once
// The workstation's assembly and its entry point. Workstation builds what one running workstation is made of — the
// main window, its pages (dashboards, import wizard, ledger through the session), the session and the wiring
// between them — so the program and the real-window tests run the same object graph.
#include "importer/ColumnMapping.h"
#include "sync/ConnectionState.h"

#include <QPointer>
#include <QString>

#include <memory>
#include <optional>

class QAction;

namespace upstream::settings {
class Settings;
}
namespace upstream::views {
class ImportWizard;
class MainWindow;
class SettingsDialog;
} // namespace upstream::views

namespace upstream::app {

class LanguageSwitcher;
class SignInAgainPresenter;
class SyncStatusPresenter;
class WorkstationSession;

class Workstation {
public:
    // synchronousLoad: dashboards load on the GUI thread (a screenshot must not race the worker).
    // language: the user-interface language for this run (--language); none = the Language setting. It is installed
    // before any window is built; a later change of the setting (File ▸ Settings…) switches it live.
    Workstation(settings::Settings &settings, bool synchronousLoad,
                const std::optional<QString> &language = std::nullopt);
    ~Workstation();
    Workstation(const Workstation &) = delete;
    Workstation &operator=(const Workstation &) = delete;

    views::MainWindow &window() { return *m_window; }
    WorkstationSession &session() { return *m_session; }
    SyncStatusPresenter &syncStatus() { return *m_syncStatus; }
    SignInAgainPresenter &signInAgain() { return *m_signInAgain; }
    sync::ConnectionStatus &connection() { return m_connection; }
    views::ImportWizard *importWizard() const { return m_importWizard; }
    LanguageSwitcher &languageSwitcher() { return *m_language; }
    // File ▸ Settings… (Ctrl+,): one dialog at a time; what can change at once is applied when it is saved.
    views::SettingsDialog *openSettings();

private:
    void applySettings(const QStringList &changedPaths);
    void retranslate(); // the texts set here, not by a widget of their own (window's languageChanged)
    void updateRecomputeAction();

    settings::Settings &m_settings;
    // First made, last gone: the translators and the default locale outlive every widget.
    std::unique_ptr<LanguageSwitcher> m_language;
    sync::ConnectionStatus m_connection;
    // Confirmed import mappings per header layout; declared before the window so it outlives the wizard.
    std::unique_ptr<importer::MappingMemory> m_mappingMemory;
    std::unique_ptr<views::MainWindow> m_window;
    views::ImportWizard *m_importWizard = nullptr; // owned by the window
    std::unique_ptr<WorkstationSession> m_session;
    std::unique_ptr<SyncStatusPresenter> m_syncStatus;   // listens to the session: destroyed first
    std::unique_ptr<SignInAgainPresenter> m_signInAgain; // likewise
    QPointer<views::SettingsDialog> m_settingsDialog;
    QAction *m_settingsAction = nullptr; // owned by the window
};

// Parses the command line, builds the application and runs it. Returns the process exit code.
int runWorkstation(int argc, char *argv[]);

} // namespace upstream::app
