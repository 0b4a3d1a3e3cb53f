#pragma once
// LedgerEntryEditor: create or edit one recovery ledger entry. Every field shows its validation message inline
// (the same rules the repository enforces, LedgerValidation.h); the state box offers only the allowed next states;
// saving a recovered amount above the expected one asks for confirmation (through widgets::MessageBox, so tests
// answer it). Saving goes through LedgerRepository: on success the dialog accepts; a stale version emits
// conflictDetected() with the user's edit (the page opens the conflict dialog) and keeps the dialog open; any other
// error is shown in the dialog's banner. Nothing typed is dropped on an error.
#include "ledger/LedgerRepository.h"
#include "ledger/LedgerValidation.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace upstream::views {

class LedgerEntryEditor : public QDialog {
    Q_OBJECT
public:
    // existing: the entry to edit (its version is the base of the save); empty = a new entry.
    LedgerEntryEditor(ledger::LedgerRepository *repository, std::optional<ledger::LedgerEntry> existing,
                      const QStringList &knownPayers, QWidget *parent = nullptr);

    // Fills the form with a draft (e.g. a merge that still needs fixing); the base version stays the edited entry's.
    void setDraft(const ledger::LedgerEntry &draft);
    ledger::LedgerEntry editedEntry() const; // what the form holds now (amounts that do not parse stay as before)
    const std::optional<ledger::LedgerEntry> &savedEntry() const { return m_saved; }
    // Runs validation and shows the messages; true when there is nothing to fix (confirmation aside).
    bool validateForm();
    void save(); // what the Save button does

signals:
    void saved(const upstream::ledger::LedgerEntry &entry);
    void conflictDetected(const upstream::ledger::LedgerEntry &mine);

private:
    QLabel *addErrorLabel(const QString &name);
    void showIssues(const ledger::ValidationReport &report, bool expectedParses, bool recoveredParses);
    void updateDateEnabled();
    void onFieldChanged();
    void updateOverRecoveryHint(const ledger::LedgerEntry &entry, bool amountsParse);

    ledger::LedgerRepository *m_repository;
    std::optional<ledger::LedgerEntry> m_existing;
    std::optional<ledger::LedgerEntry> m_saved;
    bool m_triedSave = false; // after the first Save, messages follow every edit

    QLabel *m_banner = nullptr;
    QComboBox *m_product = nullptr;
    QLineEdit *m_payer = nullptr;
    QLineEdit *m_expected = nullptr;
    QLineEdit *m_recovered = nullptr;
    QCheckBox *m_hasDate = nullptr;
    QDateEdit *m_date = nullptr;
    QComboBox *m_state = nullptr;
    QLineEdit *m_owner = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QLabel *m_errProduct = nullptr;
    QLabel *m_errPayer = nullptr;
    QLabel *m_errExpected = nullptr;
    QLabel *m_errRecovered = nullptr;
    QLabel *m_hintRecovered = nullptr; // not an error: recovered > expected will be confirmed on save
    QLabel *m_errDate = nullptr;
    QLabel *m_errState = nullptr;
    QLabel *m_errNotes = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace upstream::views
