#include "LockController.h"

#include "AppClipboard.h"
#include "DialogSeam.h"
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

    m_lockAction = new QAction(tr("&Lock Workstation"), m_window);
    m_lockAction->setObjectName(QStringLiteral("lockAction"));
    m_lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_lockAction->setShortcutContext(Qt::ApplicationShortcut);
    connect(m_lockAction, &QAction::triggered, this, &LockController::lock);
    m_window->addAction(m_lockAction);
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
    // An open menu (menu bar, context menu) would stay usable over the lock screen: close it.
    while (QWidget *popup = QApplication::activePopupWidget())
        popup->close();
    // A question or file picker in its own event loop cannot wait behind the lock (hiding ends its loop): it
    // answers "nothing chosen", so the code that asked does nothing on the closed workspace.
    widgets::MessageBox::interruptAll();
    // Hide, never close: a wizard or an unsaved ledger edit must be exactly as it was after unlocking.
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w == m_window || !w->isVisible())
            continue;
        if (w->inherits("QMenu")) {
            w->close();
            continue;
        }
        m_hidden.append(QPointer<QWidget>(w));
        w->hide();
    }
    // No action reaches the workspace while locked, whatever its shortcut context; the lock's own stays.
    for (QWidget *w : QApplication::topLevelWidgets()) {
        QList<QAction *> actions = w->findChildren<QAction *>();
        actions += w->actions();
        for (QAction *a : std::as_const(actions)) {
            if (a == m_lockAction || !a->isEnabled() || m_disabled.contains(a))
                continue;
            const auto *owner = qobject_cast<const QWidget *>(a->parent());
            if (owner && (owner == m_screen || m_screen->isAncestorOf(owner)))
                continue; // the lock screen's own controls

            m_disabled.append(QPointer<QAction>(a));
            a->setEnabled(false);
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
    m_verifier(password, [this](const Status &st) {
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
        for (const QPointer<QAction> &a : std::as_const(m_disabled))
            if (a)
                a->setEnabled(true);
        m_disabled.clear();
        for (const QPointer<QWidget> &w : std::as_const(m_hidden))
            if (w)
                w->show();
        m_hidden.clear();
        m_timer->start();
        emit unlocked();
    });
}

} // namespace upstream::views
