#pragma once
// Wiring of the status bar's sync view (views::SyncStatusBar) and of "Changes needing attention"
// (views::RefusedChangesDialog) to the running session: counts read from the cache (sync::pendingCount,
// sync::RefusedChangeQueue) when the workspace opens, after every sync round, after a retry or discard, and every
// few seconds while unlocked (local edits queue changes from many places); "Sync now" asks the sync service for a
// round. File ▸ Sync now (F5) and File ▸ Changes needing attention… reach both from the keyboard. Locking closes the
// dialog and stops reading. A language change (MainWindow::languageChanged) sets every text again from the last
// counts and sync time, formatted with the new default locale.
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

class QAction;

namespace upstream::sync {
class RefusedChangeQueue;
}
namespace upstream::views {
class MainWindow;
class RefusedChangesDialog;
class SyncStatusBar;
} // namespace upstream::views

namespace upstream::app {

class WorkstationSession;

class SyncStatusPresenter : public QObject {
    Q_OBJECT
public:
    SyncStatusPresenter(views::MainWindow *window, WorkstationSession *session, QObject *parent = nullptr);
    ~SyncStatusPresenter() override;

    views::SyncStatusBar *bar() const { return m_bar; }
    views::RefusedChangesDialog *openRefusedChanges();
    void refresh();

private:
    void opened();
    void closing();
    void syncNow();
    void retranslate();
    QString syncUnavailableReason() const; // empty when a server is configured

    views::MainWindow *m_window;
    WorkstationSession *m_session;
    views::SyncStatusBar *m_bar;
    QAction *m_syncNowAction;
    QAction *m_attentionAction;
    std::unique_ptr<sync::RefusedChangeQueue> m_queue;
    QPointer<views::RefusedChangesDialog> m_dialog;
    QTimer m_poll;
};

} // namespace upstream::app
