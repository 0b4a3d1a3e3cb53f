#pragma once
// LedgerPage: the recovery ledger screen — totals strip (recovered this month, last 30 days, all time, outstanding;
// a breakdown by product, payer or operator), filters (state, product, payer, text), the table, and the actions
// New / Edit / Approve / History / Undo / Redo / Export CSV / Export PDF. Ctrl+Z and Ctrl+Shift+Z undo and redo this
// session's edits (ledger::LedgerUndo: each is saved as a new edit; clearData() forgets them).
//
// It reads and writes only through LedgerRepository (the local cache): it never waits on the network. Approve is
// enabled only for the supervisor role on a closed, unapproved entry. A save refused as stale opens the conflict
// dialog; the resolution is saved as a normal edit. An edit the server refused during sync shows a banner whose
// Resolve button opens the same dialog (LedgerRepository::resolveSyncConflict saves the outcome). Dialogs are opened
// non-modally-blocking (open(), not exec()) and questions go through widgets::MessageBox / FileDialog, so tests drive
// the page without blocking.
#include "ledger/LedgerRepository.h"
#include "ledger/LedgerTableModel.h"
#include "ledger/LedgerUndo.h"

#include <QWidget>

#include <array>
#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace upstream::views {

class ConflictDialog;
class LedgerEntryEditor;
class LedgerHistoryView;

class LedgerPage : public QWidget {
    Q_OBJECT
public:
    explicit LedgerPage(ledger::LedgerRepository *repository, QWidget *parent = nullptr);

    void reload();
    // Drops every decrypted value the page shows (idle lock); reload() brings them back.
    void clearData();
    ledger::LedgerTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    void selectEntry(const QString &id);
    std::optional<ledger::LedgerEntry> selectedEntry() const;

    // The actions behind the buttons (public so the shell's menus and tests can trigger them).
    LedgerEntryEditor *newEntry();
    LedgerEntryEditor *editSelected();
    bool approveSelected();
    LedgerHistoryView *showHistory();
    bool exportCsv();
    bool exportPdf();
    bool undoEdit();
    bool redoEdit();
    // Opens the conflict dialog for a refused edit against what is stored now.
    ConflictDialog *resolveConflict(const ledger::LedgerEntry &mine);
    // Sync conflicts (an edit the server refused as stale): the banner above the table counts them; this opens the
    // dialog for the oldest and, once it is settled, for the next. nullptr when there is none (or the server no
    // longer has the entry: then a question decides, keep mine or remove it here).
    ConflictDialog *resolveSyncConflicts();
    int syncConflictCount() const { return m_syncConflicts; }

signals:
    void entrySaved(const upstream::ledger::LedgerEntry &entry);

protected:
    void changeEvent(QEvent *event) override;

private:
    // Every text in the current language and the totals formatted again, from what the page holds: no reload, and
    // selection, filters, search text and scroll position stay.
    void retranslateUi();
    void showConflictCount();
    // A status worded again on every language change ("Saved …" reads in the new language).
    void showTranslatedStatus(std::function<QString()> text, bool error = false);
    QWidget *buildTotals();
    QWidget *buildFilters();
    void applyFilters();
    void updateTotals();
    void updateActions();
    void updateConflictBanner();
    QWidget *buildConflictBanner();
    void showStatus(const QString &text, bool error = false);
    bool mayEdit(); // false (and the reason shown) for a role that may not change the ledger
    void onSaved(const ledger::LedgerEntry &entry);
    bool stepEdit(bool redo);
    LedgerEntryEditor *openEditor(std::optional<ledger::LedgerEntry> entry);

    ledger::LedgerRepository *m_repository;
    ledger::LedgerTableModel *m_model;
    QTableView *m_table = nullptr;
    QLabel *m_empty = nullptr; // the next step while the ledger has no entry
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    std::array<QLabel *, 4> m_cardCaptions{}; // this month, last 30 days, all time, outstanding
    QLabel *m_breakdownCaption = nullptr;
    QLabel *m_stateLabel = nullptr, *m_productLabel = nullptr, *m_payerLabel = nullptr;
    QPushButton *m_resolve = nullptr;
    std::function<QString()> m_statusText; // set: the status is worded again on a language change
    QLabel *m_thisMonth = nullptr;
    QLabel *m_last30 = nullptr;
    QLabel *m_allTime = nullptr;
    QLabel *m_outstanding = nullptr;
    QComboBox *m_breakdownBy = nullptr;
    QLabel *m_breakdown = nullptr;
    QComboBox *m_stateFilter = nullptr;
    QComboBox *m_productFilter = nullptr;
    QComboBox *m_payerFilter = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_history = nullptr;
    QPushButton *m_undo = nullptr;
    QPushButton *m_redo = nullptr;
    QPushButton *m_exportCsv = nullptr;
    QPushButton *m_exportPdf = nullptr;
    QWidget *m_conflictBanner = nullptr;
    QLabel *m_conflictText = nullptr;
    int m_syncConflicts = 0;
    ledger::LedgerUndo m_steps;
};

} // namespace upstream::views
