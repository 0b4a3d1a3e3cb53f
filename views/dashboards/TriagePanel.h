#pragma once
// TriagePanel: the small side panel of a dashboard — how many alerts are selected, the reason code and notes that
// go with the next verdict, the verdict buttons (with their one-key shortcuts shown), undo, deep dive, and the
// offer to open a recovery-ledger entry after a `real` verdict. It only emits requests; the page does the work.
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace upstream::views {

class TriagePanel : public QWidget {
    Q_OBJECT
public:
    explicit TriagePanel(QWidget *parent = nullptr);

    void setSelectionCount(int count);
    // Whether undo (Ctrl+Z) and redo (Ctrl+Shift+Z) have something to act on.
    void setUndoRedoAvailable(bool undo, bool redo);
    // A role that may not triage (a viewer): every control that records or undoes a verdict is disabled, with
    // `reason` as its tooltip and under the title. An empty reason enables them again.
    void setReadOnlyReason(const QString &reason);
    bool isReadOnly() const { return !m_readOnlyReason.isEmpty(); }
    QString readOnlyReason() const { return m_readOnlyReason; }
    QString reasonCode() const; // empty = none
    QString notes() const;
    void clearInput();
    void setMessage(const QString &text);
    // After a `real` verdict on one alert: offers the ledger entry until the next verdict or selection change.
    void offerLedgerEntry(const QString &alertId);
    void withdrawLedgerOffer();
    QString offeredAlert() const { return m_offered; }

signals:
    void verdictRequested(const QString &verdict);
    void undoRequested();
    void redoRequested();
    void deepDiveRequested();
    void ledgerEntryRequested(const QString &alertId);

private:
    QLabel *m_selection;
    QComboBox *m_reason;
    QPlainTextEdit *m_notes;
    QPushButton *m_undo;
    QPushButton *m_redo;
    QList<QWidget *> m_triageControls; // disabled for a read-only role
    QLabel *m_readOnly;
    QString m_readOnlyReason;
    bool m_undoAvailable = false, m_redoAvailable = false;
    QWidget *m_offer;
    QLabel *m_message;
    QString m_offered;
};

} // namespace upstream::views
