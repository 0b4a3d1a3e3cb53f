#include "SyncStatusPresenter.h"

#include "WorkstationSession.h"
#include "shell/MainWindow.h"
#include "storage/cache/LocalCache.h"
#include "sync/Outbox.h"
#include "sync/RefusedChanges.h"
#include "sync/RefusedChangesDialog.h"
#include "sync/SyncService.h"
#include "sync/SyncStatusBar.h"

#include <QAction>
#include <QLabel>
#include <QStatusBar>
#include <QToolButton>

#include <chrono>

namespace upstream::app {

SyncStatusPresenter::SyncStatusPresenter(views::MainWindow *window, WorkstationSession *session, QObject *parent)
    : QObject(parent), m_window(window), m_session(session), m_bar(new views::SyncStatusBar(window)),
      m_syncNowAction(new QAction(this)), m_attentionAction(new QAction(this))
{
    window->statusBar()->addPermanentWidget(m_bar);
    m_syncNowAction->setObjectName(QStringLiteral("syncNowAction"));
    m_syncNowAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_attentionAction->setObjectName(QStringLiteral("changesNeedingAttentionAction"));
    window->addFileActions({m_syncNowAction, m_attentionAction});
    connect(m_syncNowAction, &QAction::triggered, this, &SyncStatusPresenter::syncNow);
    connect(m_attentionAction, &QAction::triggered, this, [this] { openRefusedChanges(); });
    connect(m_bar, &views::SyncStatusBar::syncNowRequested, this, &SyncStatusPresenter::syncNow);
    connect(m_bar, &views::SyncStatusBar::attentionRequested, this, [this] { openRefusedChanges(); });
    connect(session, &WorkstationSession::workspaceOpened, this, &SyncStatusPresenter::opened);
    connect(session, &WorkstationSession::workspaceClosing, this, &SyncStatusPresenter::closing);
    connect(session, &WorkstationSession::workspaceChanged, this, &SyncStatusPresenter::refresh);
    connect(session, &WorkstationSession::syncStarted, this, [this] {
        if (sync::SyncService *service = m_session->syncService()) {
            connect(service, &sync::SyncService::roundFinished, this, [this] {
                m_bar->setLastSync(QDateTime::currentDateTimeUtc());
                refresh();
            });
        }
        refresh();
    });
    // Verdicts, ledger edits, imports and the lock all queue changes or audit events: a cheap count every few
    // seconds keeps the figure true without every writer having to announce itself.
    m_poll.setInterval(std::chrono::seconds(3));
    connect(&m_poll, &QTimer::timeout, this, &SyncStatusPresenter::refresh);
    connect(window, &views::MainWindow::languageChanged, this, &SyncStatusPresenter::retranslate);
    retranslate();
}

QString SyncStatusPresenter::syncUnavailableReason() const
{
    return m_session->hasServer() ? QString() : tr("Local workspace: there is no server to sync with.");
}

void SyncStatusPresenter::retranslate()
{
    m_syncNowAction->setText(tr("Sync &now"));
    m_attentionAction->setText(tr("Changes needing &attention…"));
    if (m_queue) { // a workspace has opened: the reason "Sync now" is off is known
        const QString why = syncUnavailableReason();
        m_bar->setSyncAvailable(why);
        m_syncNowAction->setStatusTip(why);
    }
    // The bar rewords its own texts (counts, last sync) on the same LanguageChange.
}

SyncStatusPresenter::~SyncStatusPresenter() = default;

void SyncStatusPresenter::opened()
{
    if (!m_queue)
        m_queue = std::make_unique<sync::RefusedChangeQueue>(m_session->cache().get());
    const QString why = syncUnavailableReason();
    m_bar->setSyncAvailable(why);
    m_syncNowAction->setEnabled(why.isEmpty());
    m_syncNowAction->setStatusTip(why);
    m_poll.start();
    refresh();
}

void SyncStatusPresenter::closing()
{
    m_poll.stop();
    if (m_dialog)
        m_dialog->close();
}

void SyncStatusPresenter::refresh()
{
    const auto cache = m_session->cache();
    if (!cache || !cache->isOpen() || !m_queue)
        return;
    const auto queued = sync::pendingCount(*cache);
    const auto refused = m_queue->count();
    m_bar->setCounts(queued.ok() ? queued.value() : 0, refused.ok() ? refused.value() : 0);
}

void SyncStatusPresenter::syncNow()
{
    if (sync::SyncService *service = m_session->syncService())
        service->requestSync();
}

views::RefusedChangesDialog *SyncStatusPresenter::openRefusedChanges()
{
    const auto cache = m_session->cache();
    if (!cache || !cache->isOpen() || !m_queue)
        return nullptr;
    if (m_dialog) {
        m_dialog->reload();
        m_dialog->raise();
        m_dialog->activateWindow();
        return m_dialog;
    }
    m_dialog = new views::RefusedChangesDialog(m_queue.get(), m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &views::RefusedChangesDialog::changed, this, [this] {
        refresh();
        syncNow(); // a retried change goes out now, not at the next poll
    });
    m_dialog->open();
    return m_dialog;
}

} // namespace upstream::app
