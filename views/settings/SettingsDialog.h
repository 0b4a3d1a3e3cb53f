#pragma once
// SettingsDialog (File ▸ Settings…, Ctrl+,): every setting of the registry (settings/Settings.h) a user may change —
// language, idle lock, cache memory security, remembering the password, the workspace folder, the import quality
// gate, the log level — and the server profile for reading (it is edited where it is used: the sign-in dialog).
// A setting IT fixed by machine policy is shown with its effective value, disabled, and says so beside it.
//
// Contract: OK and Apply write only the unlocked settings that changed (Settings::setValue refuses locked ones
// anyway), sync the store and emit applied() with the changed paths; the shell applies what can change at once
// (language, idle lock, log level, quality gate) and the dialog says that a workspace folder change takes effect at
// the next start. A language applied with Apply retranslates the open dialog too (QEvent::LanguageChange). Restore
// defaults resets the unlocked fields (nothing is written until OK or Apply). Keyboard: every field has a mnemonic
// and Tab visits them in the order shown; Enter is OK, Escape is Cancel.
#include <QDialog>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace upstream::settings {
class Settings;
}

namespace upstream::views {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(settings::Settings *settings, QWidget *parent = nullptr);

    // The language codes offered ("" = the system's language).
    static QStringList languages();

public slots:
    bool apply(); // false when nothing changed
    void restoreDefaults();

signals:
    void applied(const QStringList &changedPaths);

protected:
    void changeEvent(QEvent *event) override;

private:
    void load();
    void updateNotes();
    void retranslateUi();
    QWidget *row(QWidget *field, bool locked, QWidget *extra = nullptr);

    settings::Settings *m_settings;
    QGroupBox *m_general;
    QGroupBox *m_security;
    QGroupBox *m_work;
    QGroupBox *m_server;
    QLabel *m_languageLabel;
    QLabel *m_workspaceLabel;
    QLabel *m_idleLockLabel;
    QLabel *m_qualityGateLabel;
    QLabel *m_logLevelLabel;
    QComboBox *m_language;
    QSpinBox *m_idleLock;
    QCheckBox *m_memorySecurity;
    QCheckBox *m_remember;
    QLineEdit *m_workspace;
    QPushButton *m_browse;
    QComboBox *m_qualityGate;
    QComboBox *m_logLevel;
    QLabel *m_restartNote;
    QLabel *m_serverSummary;
    QPushButton *m_apply = nullptr;
    QList<QWidget *> m_lockedFields; // fixed by machine policy: disabled, with a note
    QString m_startWorkspace;        // in effect in this run: a change applies at the next start
};

} // namespace upstream::views
