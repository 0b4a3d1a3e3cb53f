#pragma once
// "Changes needing attention": every queued change the server refused, with the server's reason, and Retry /
// Discard for the selected one (sync::RefusedChangeQueue). A ledger conflict is resolved on the ledger page (its
// banner opens the comparison), so Retry is off for it and says so. Discard asks first (widgets::MessageBox).
// Keyboard: the list has the focus on opening; Tab goes list → Retry → Discard → Close; Alt+R / Alt+D.
// Opened with open() (non-blocking) so the idle lock can close it; it holds no data beyond what it shows.
#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace upstream::sync {
class RefusedChangeQueue;
}

namespace upstream::views {

class RefusedChangesDialog : public QDialog {
    Q_OBJECT
public:
    explicit RefusedChangesDialog(sync::RefusedChangeQueue *queue, QWidget *parent = nullptr);

    void reload();
    QTableWidget *table() const { return m_table; }
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *discardButton() const { return m_discard; }
    QPushButton *closeButton() const { return m_close; }
    bool retrySelected();
    bool discardSelected();

signals:
    void changed(); // a change was retried or discarded: the status bar recounts, the sync service may run

private:
    QString selectedId() const;
    void updateButtons();
    void showStatus(const QString &text, bool error);

    sync::RefusedChangeQueue *m_queue;
    QTableWidget *m_table;
    QLabel *m_empty;
    QLabel *m_status;
    QPushButton *m_retry;
    QPushButton *m_discard;
    QPushButton *m_close;
};

} // namespace upstream::views
