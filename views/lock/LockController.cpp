#include "LockController.h"

#include "AppClipboard.h"
#include "LockScreen.h"
#include "shell/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QKeySequence>

namespace upstream::views {

LockController::LockController(MainWindow *window, security::InactivityTimer *timer, Verifier verifier, QObject *parent)
    : QObject(parent), m_window(window), m_timer(timer), m_verifier(std::move(verifier)),
      m_screen(new LockScreen(window))
{
    m_window->setLockScreen(m_screen);
    connect(m_timer, &security::InactivityTimer::inactivityDetected, this, &LockController::lock);
    connect(m_screen, &LockScreen::unlockRequested, this, &LockController::tryUnlock);

    auto *lockAction = new QAction(tr("&Lock Workstation"), m_window);
    lockAction->setObjectName(QStringLiteral("lockAction"));
    lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    lockAction->setShortcutContext(Qt::ApplicationShortcut);
    connect(lockAction, &QAction::triggered, this, &LockController::lock);
    m_window->addAction(lockAction);
}

void LockController::setUserName(const QString &user)
{
    m_screen->setUserName(user);
}

void LockController::lock()
{
    if (m_locked)
        return;
    m_locked = true;
    // Hide, never close: a wizard or an unsaved ledger edit must be exactly as it was after unlocking.
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w != m_window && w->isVisible() && !w->inherits("QMenu")) {
            m_hidden.append(QPointer<QWidget>(w));
            w->hide();
        }
    }
    // Only clear what we put there: another program's clipboard content is not ours to drop.
    if (widgets::clipboardHoldsAppData())
        QGuiApplication::clipboard()->clear();
    m_window->setLocked(true);
    m_screen->clearPassword();
    m_screen->setMessage({});
    m_screen->setBusy(false);
    m_screen->focusPassword();
    m_timer->stop();
    emit locked();
}

void LockController::tryUnlock(const QString &password)
{
    if (!m_locked || m_checking)
        return;
    if (const auto wait = m_backoff.remaining(); wait.count() > 0) {
        const auto seconds = std::chrono::ceil<std::chrono::seconds>(wait).count();
        m_screen->setMessage(tr("Too many failed attempts. Try again in %n second(s).", nullptr, int(seconds)));
        return;
    }
    m_checking = true;
    m_screen->setBusy(true);
    m_verifier(password, [this](Status st) {
        m_checking = false;
        m_screen->setBusy(false);
        if (!st.ok()) {
            m_backoff.recordFailure();
            m_screen->clearPassword();
            m_screen->setMessage(st.error().message);
            m_screen->focusPassword();
            emit unlockFailed(st.error().message);
            return;
        }
        m_backoff.recordSuccess();
        m_locked = false;
        m_screen->clearPassword();
        m_window->setLocked(false);
        for (const QPointer<QWidget> &w : std::as_const(m_hidden))
            if (w)
                w->show();
        m_hidden.clear();
        m_timer->start();
        emit unlocked();
    });
}

} // namespace upstream::views
