#pragma once
// LockController: locks the workstation after inactivity (security::InactivityTimer) or on Ctrl+L.
//
// Locking swaps the main window to the lock screen, closes open menus, ends every question or file picker that is
// waiting for an answer (widgets::MessageBox::interruptAll: it answers "nothing chosen"), hides (never closes)
// every other visible top-level window — open dialogs and wizards keep their state —, disables every action but
// the lock's own (no shortcut reaches the workspace: Quit, Go to page, Import…), clears the clipboard if it holds
// data copied from the app, and emits locked() so the application drops decrypted models and wipes keys. The
// main window refuses to close while locked (MainWindow::closeEvent). Unlocking needs the password: the verifier
// (supplied by the application: it reopens the encrypted workspace) answers asynchronously. After five failures
// in a row each further attempt waits out a growing delay. Nothing can veto a lock.
#include "core/Result.h"
#include "security/FailureBackoff.h"
#include "security/InactivityTimer.h"

#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>

class QAction;
class QWidget;

namespace upstream::views {

class MainWindow;
class LockScreen;

class LockController : public QObject {
    Q_OBJECT
public:
    using Verifier = std::function<void(const QString &password, std::function<void(Status)> done)>;

    LockController(MainWindow *window, security::InactivityTimer *timer, Verifier verifier, QObject *parent = nullptr);

    bool isLocked() const { return m_locked; }
    void setUserName(const QString &user);
    LockScreen *lockScreen() const { return m_screen; }
    // Base delay after the fifth consecutive failure (doubles with each further failure). Tests shorten it.
    void setFailureDelay(std::chrono::milliseconds delay) { m_backoff.setBaseDelay(delay); }
    int consecutiveFailures() const { return m_backoff.consecutiveFailures(); }

public slots:
    void lock();
    void tryUnlock(const QString &password);

signals:
    void locked();   // drop decrypted models, wipe keys
    void unlocked(); // reload from the reopened cache
    void unlockFailed(const QString &message);

private:
    MainWindow *m_window;
    security::InactivityTimer *m_timer;
    Verifier m_verifier;
    LockScreen *m_screen;
    QList<QPointer<QWidget>> m_hidden;
    QList<QPointer<QAction>> m_disabled;
    QAction *m_lockAction = nullptr;
    bool m_locked = false;
    bool m_checking = false;
    security::FailureBackoff m_backoff;
};

} // namespace upstream::views
