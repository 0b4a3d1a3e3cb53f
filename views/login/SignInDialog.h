#pragma once
// Sign-in to the central server: the server profile (from machine policy or user settings; fields set by IT are
// read-only and say so), user name, password and "Remember me". The dialog collects input and shows the outcome;
// session::SignInService does the work off the GUI thread. Signing in again while the workstation runs (the server
// refused the session's password) is the same dialog with a banner, the server and user fixed (setSignInAgain).
#include "session/SignIn.h"

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

class SignInDialog : public QDialog {
    Q_OBJECT
public:
    explicit SignInDialog(settings::Settings *settings, QWidget *parent = nullptr);

    session::SignInRequest request() const;
    void setPassword(const QString &password); // a remembered password
    void showError(const QString &message);
    void setBusy(bool busy);
    void saveProfile(); // writes the unlocked profile fields and the user name back to the user's settings
    // Sign in again: a banner says the sign-in expired and that the work and the `queued` changes are kept; the
    // server (from settings) and `user` are shown but fixed, the password is empty and has the focus; Cancel reads
    // "Work offline". Called again, it only updates the count.
    void setSignInAgain(const QString &user, int queued);
    void clearPassword();

signals:
    void signInRequested(const upstream::session::SignInRequest &request);

private:
    settings::Settings *m_settings;
    QLabel *m_banner = nullptr;
    QWidget *m_server = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QComboBox *m_sslmode = nullptr;
    QLabel *m_tlsWarning = nullptr;
    QLineEdit *m_ca = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_signIn = nullptr;
    QPushButton *m_cancel = nullptr;
    bool m_again = false;
};

} // namespace upstream::views
