#pragma once
// SettingsDialog (File ▸ Settings…, Ctrl+,): every setting of the registry (settings/Settings.h) a user may change —
// language, idle lock, cache memory security, remembering the password, the workspace folder, the import quality
// gate, the log level — and the server profile for reading (it is edited where it is used: the sign-in dialog).
// A setting IT fixed by machine policy is shown with its effective value, disabled, and says so beside it.
//
// Contract: OK and Apply write only the unlocked settings that changed (Settings::setValue refuses locked ones
// anyway), sync the store and emit applied() with the changed paths; the shell applies what can change at once
// (idle lock, log level, quality gate) and the dialog says which take effect at the next start (language,
// workspace folder). Restore defaults resets the unlocked fields (nothing is written until OK or Apply). Keyboard:
// every field has a mnemonic and Tab visits them in the order shown; Enter is OK, Escape is Cancel.
#include <QDialog>

class QCheckBox;
class QComboBox;
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

private:
    void load();
    void updateNotes();

    settings::Settings *m_settings;
    QComboBox *m_language;
    QSpinBox *m_idleLock;
    QCheckBox *m_memorySecurity;
    QCheckBox *m_remember;
    QLineEdit *m_workspace;
    QPushButton *m_browse;
    QComboBox *m_qualityGate;
    QComboBox *m_logLevel;
    QLabel *m_restartNote;
    QPushButton *m_apply = nullptr;
    QString m_startLanguage, m_startWorkspace; // in effect in this run: a change applies at the next start
};

} // namespace upstream::views
