#pragma once
// TriagePanel: the small side panel of a dashboard — how many alerts are selected, the reason code and notes that
// go with the next verdict, the verdict buttons (with their one-key shortcuts shown), undo, deep dive, and the
// offer to open a recovery-ledger entry after a `real` verdict. It only emits requests; the page does the work.
// On a language change it translates its own texts again; the read-only reason comes from the page.
#include <QWidget>

#include <functional>

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
    void setMessage(const QString &text); // shown as it is (e.g. an error already worded by the model)
    // A message worded again on every language change ("Verdict recorded." reads in the new language).
    void setTranslatedMessage(std::function<QString()> text);
    QString message() const;
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

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_title;
    QLabel *m_selection;
    int m_selectionCount = 0;
    QLabel *m_reasonLabel;
    QComboBox *m_reason;
    QPlainTextEdit *m_notes;
    QPushButton *m_undo;
    QPushButton *m_redo;
    QPushButton *m_real;
    QPushButton *m_noise;
    QPushButton *m_followUp;
    QPushButton *m_deep;
    QList<QWidget *> m_triageControls; // disabled for a read-only role
    QLabel *m_readOnly;
    QString m_readOnlyReason;
    bool m_undoAvailable = false, m_redoAvailable = false;
    QWidget *m_offer;
    QLabel *m_offerText;
    QPushButton *m_offerButton;
    QLabel *m_message;
    std::function<QString()> m_messageText;
    QLabel *m_keys;
    QString m_offered;
};

} // namespace upstream::views
