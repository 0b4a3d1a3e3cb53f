#include "SignInAgainPresenter.h"

#include "WorkstationSession.h"
#include "lock/LockController.h"
#include "login/SignInDialog.h"
#include "settings/Settings.h"
#include "shell/MainWindow.h"
#include "storage/cache/LocalCache.h"
#include "sync/Outbox.h"

#include <QAction>

namespace upstream::app {

SignInAgainPresenter::SignInAgainPresenter(views::MainWindow *window, WorkstationSession *session,
                                           settings::Settings *settings, sync::ConnectionStatus *connection,
                                           QObject *parent)
    : QObject(parent), m_window(window), m_session(session), m_settings(settings), m_connection(connection),
      m_action(new QAction(this))
{
    m_action->setObjectName(QStringLiteral("signInAgainAction"));
    auto retranslate = [this] {
        m_action->setText(tr("Sign &in again…"));
        m_action->setStatusTip(tr("Sign in to the server again after your sign-in expired."));
    };
    retranslate();
    connect(window, &views::MainWindow::languageChanged, this, retranslate);
    m_action->setEnabled(false);
    window->addFileActions({m_action});
    connect(m_action, &QAction::triggered, this, [this] { open(); });
    connect(connection, &sync::ConnectionStatus::stateChanged, this,
            [this](sync::ConnectionState state) { stateChanged(state); });
    connect(session, &WorkstationSession::workspaceOpened, this, [this] {
        if (m_dialog) // unlocked: the hidden dialog comes back with a fresh count
            m_dialog->setSignInAgain(m_session->userName(), queuedCount());
        updateAction();
    });
    // Locking hides the dialog (LockController); what was typed into it must not wait behind the lock.
    connect(session, &WorkstationSession::workspaceClosing, this, [this] {
        if (m_dialog)
            m_dialog->clearPassword();
        updateAction();
    });
}

views::SignInDialog *SignInAgainPresenter::dialog() const
{
    return m_dialog;
}

bool SignInAgainPresenter::applies() const
{
    const auto cache = m_session->cache();
    return m_connection->state() == sync::ConnectionState::AuthFailed && m_session->hasServer() && cache &&
           cache->isOpen() && !m_session->lockController()->isLocked();
}

int SignInAgainPresenter::queuedCount() const
{
    const auto cache = m_session->cache();
    if (!cache || !cache->isOpen())
        return 0;
    const auto queued = sync::pendingCount(*cache);
    return queued.ok() ? queued.value() : 0;
}

void SignInAgainPresenter::updateAction()
{
    m_action->setEnabled(applies());
}

void SignInAgainPresenter::stateChanged(sync::ConnectionState state)
{
    updateAction();
    if (sync::isConnected(state) && m_dialog) { // the server takes the session's password again
        m_dialog->disconnect(this);
        m_dialog->close();
        return;
    }
    if (state == sync::ConnectionState::AuthFailed && !m_declined)
        open();
}

views::SignInDialog *SignInAgainPresenter::open()
{
    if (!applies())
        return nullptr;
    if (m_dialog) {
        m_dialog->setSignInAgain(m_session->userName(), queuedCount());
        m_dialog->raise();
        m_dialog->activateWindow();
        return m_dialog;
    }
    auto *dialog = new views::SignInDialog(m_settings, m_window);
    m_dialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSignInAgain(m_session->userName(), queuedCount());
    connect(dialog, &QDialog::rejected, this, [this] { m_declined = true; });
    connect(dialog, &views::SignInDialog::signInRequested, this, [this, dialog](const session::SignInRequest &request) {
        dialog->setBusy(true);
        m_session->signInAgain(
            request.password, request.remember,
            [this, remember = request.remember, dialog = QPointer<views::SignInDialog>(dialog)](const Status &st) {
                if (!dialog)
                    return;
                dialog->setBusy(false);
                if (!st.ok()) {
                    dialog->showError(st.error().message);
                    return;
                }
                // As the first sign-in does: the box's choice is the setting (refused when
                // locked by policy, which is expected).
                (void)m_settings->setValue(settings::keys::RememberPassword, remember);
                m_settings->sync();
                m_declined = false;
                dialog->disconnect(this);
                dialog->accept();
            });
    });
    dialog->open();
    return dialog;
}

} // namespace upstream::app
