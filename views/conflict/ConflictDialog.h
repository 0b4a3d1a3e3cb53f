#pragma once
// ConflictDialog: a ledger entry changed elsewhere while the user edited it. Shows mine (the refused edit) and
// theirs (what is stored now) side by side, one row per differing field, each with a choice; "Keep mine", "Take
// theirs" and "Save merge" produce resolvedEntry() (ledger::mergeEntries: based on theirs' version, so saving it
// is an ordinary, validated update). The dialog does not save: the caller does, and re-opens it on a new conflict.
#include "ledger/LedgerMerge.h"

#include <QDialog>
#include <QMap>

class QRadioButton;

namespace upstream::views {

class ConflictDialog : public QDialog {
    Q_OBJECT
public:
    enum class Resolution { None, KeepMine, TakeTheirs, Merge };

    // base: the version both edits started from (from the history); with it, each field defaults to the side
    // that changed it, and fields changed on both sides are marked. nullptr: every field defaults to mine.
    ConflictDialog(const ledger::LedgerEntry &mine, const ledger::LedgerEntry &theirs, const QString &theirAuthor,
                   const ledger::LedgerEntry *base = nullptr, QWidget *parent = nullptr);

    // Per-field choice (tests and keyboard users alike); fields not listed are the same on both sides.
    void choose(ledger::LedgerField field, ledger::MergeSide side);
    QMap<ledger::LedgerField, ledger::MergeSide> choices() const;
    int differenceCount() const { return int(m_mineButtons.size()); }

    Resolution resolution() const { return m_resolution; }
    ledger::LedgerEntry resolvedEntry() const { return m_resolved; }

    void keepMine();
    void takeTheirs();
    void saveMerge();

private:
    void finish(Resolution resolution, const QMap<ledger::LedgerField, ledger::MergeSide> &choices);

    ledger::LedgerEntry m_mine;
    ledger::LedgerEntry m_theirs;
    QMap<ledger::LedgerField, QRadioButton *> m_mineButtons;
    QMap<ledger::LedgerField, QRadioButton *> m_theirsButtons;
    Resolution m_resolution = Resolution::None;
    ledger::LedgerEntry m_resolved;
};

} // namespace upstream::views
