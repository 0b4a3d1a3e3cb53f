#pragma once
// Signing in again while the workstation runs. When the server refuses the session's password (the sync service sets
// ConnectionState::AuthFailed) on an open server workspace, the sign-in dialog opens over the window in its
// sign-in-again form (views::SignInDialog::setSignInAgain): modal, the queued changes counted, the password focused,
// Enter signs in, Escape works offline. The password is checked by WorkstationSession::signInAgain, which restarts the
// sync service with it. Working offline keeps the cache, the pages and the queue as they are; the status bar keeps
// "Sign-in required" and File ▸ Sign in again… (enabled only while the server refuses the password) reopens the
// dialog; it does not open by itself again until a sign-in succeeds. A lock hides the dialog like any other window
// (views::LockController) after its typed password is wiped; unlocking shows it again.
#include "sync/ConnectionState.h"

#include <QObject>
#include <QPointer>

class QAction;

namespace upstream::views {
class MainWindow;
class SignInDialog;
} // namespace upstream::views
namespace upstream::settings {
class Settings;
}

namespace upstream::app {

class WorkstationSession;

class SignInAgainPresenter : public QObject {
    Q_OBJECT
public:
    SignInAgainPresenter(views::MainWindow *window, WorkstationSession *session, settings::Settings *settings,
                         sync::ConnectionStatus *connection, QObject *parent = nullptr);

    QAction *action() const { return m_action; }
    views::SignInDialog *dialog() const; // the open dialog, or nullptr
    // Opens the dialog (or raises the open one). nullptr when signing in again does not apply now.
    views::SignInDialog *open();

private:
    bool applies() const; // a server workspace, open and unlocked, whose password the server refuses
    void stateChanged(sync::ConnectionState state);
    void updateAction();
    int queuedCount() const;

    views::MainWindow *m_window;
    WorkstationSession *m_session;
    settings::Settings *m_settings;
    sync::ConnectionStatus *m_connection;
    QAction *m_action;
    QPointer<views::SignInDialog> m_dialog;
    bool m_declined = false; // "Work offline" chosen: only the menu reopens the dialog until a sign-in succeeds
};

} // namespace upstream::app
