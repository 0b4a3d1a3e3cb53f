#pragma once
// SyncStatusBar: the status bar's view of synchronisation, beside the connection state — how many changes are
// queued for the server, how many it refused ("need attention", a button that opens the list), when the last sync
// round finished, and "Sync now". It only displays what the session tells it and emits requests; it reads nothing
// itself. In a local workspace (no server) only "Sync now" shows, greyed out, its tooltip saying there is no server.
#include <QDateTime>
#include <QWidget>

class QLabel;
class QToolButton;

namespace upstream::views {

class SyncStatusBar : public QWidget {
    Q_OBJECT
public:
    explicit SyncStatusBar(QWidget *parent = nullptr);

    // `unavailableReason` empty = a server is configured and "Sync now" works.
    void setSyncAvailable(const QString &unavailableReason);
    void setCounts(int queued, int refused);
    void setLastSync(const QDateTime &finishedAt);

    QString queuedText() const;
    QToolButton *attentionButton() const { return m_attention; }
    QToolButton *syncNowButton() const { return m_syncNow; }

signals:
    void syncNowRequested();
    void attentionRequested();

protected:
    void changeEvent(QEvent *event) override; // a language switch rewords everything from the state below

private:
    void retranslateUi();

    QString m_unavailableReason;
    int m_queuedCount = 0;
    int m_refusedCount = 0;
    QDateTime m_lastSyncAt;
    QLabel *m_queued;
    QToolButton *m_attention;
    QLabel *m_lastSync;
    QToolButton *m_syncNow;
};

} // namespace upstream::views
