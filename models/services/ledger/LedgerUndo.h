#pragma once
// LedgerUndo: undo and redo of the ledger edits made in this session on this workstation (the ledger page's
// Ctrl+Z / Ctrl+Shift+Z). Nothing is rewritten in place: undoing an edit saves the fields it replaced as a new edit
// through LedgerRepository::restore (new version, history row, outbox row), so the history and the server see the
// undo for what it is; redo saves the undone values again the same way.
//
// Contract:
// - recordEdit(before, after) after every successful update of an existing entry; a new edit clears what could be
//   redone. Creations and approvals are not undoable (an approval is final; an unwanted new entry is written off).
// - A step applies only while the entry still shows what the step left (its editable fields): if anything changed it
//   since — a pull from the server, an approval, an edit in the conflict dialog — undo/redo fails with
//   ErrorCode::Conflict naming the entry, writes nothing and drops that step (it can never apply again).
// - Steps on the same entry chain: undoing the newest edit of an entry makes the one before it applicable.
// Failure modes: NotFound (nothing to undo/redo, or the entry is gone — the step is dropped), Conflict (above),
// InvalidInput from the repository's field rules or an approved entry (the step is dropped), cache errors (the step
// stays, to be tried again). Use from the thread that owns the repository.
#include "core/Result.h"
#include "ledger/LedgerEntry.h"

#include <vector>

namespace upstream::ledger {

class LedgerRepository;

class LedgerUndo {
public:
    explicit LedgerUndo(LedgerRepository *repository) : m_repository(repository) {}

    void recordEdit(const LedgerEntry &before, const LedgerEntry &after);
    bool canUndo() const { return !m_undo.empty(); }
    bool canRedo() const { return !m_redo.empty(); }
    // What the next undo / redo would change, for a button's tooltip, e.g. "Undo the edit of Acme Health".
    QString undoText() const;
    QString redoText() const;
    Result<LedgerEntry> undo(); // the entry as stored afterwards
    Result<LedgerEntry> redo();
    void clear(); // the ledger was reloaded from elsewhere (sign-out, lock) or another workspace opened

private:
    struct Move {
        LedgerEntry expected; // the entry as the step left it (what must still be stored)
        LedgerEntry target;   // the editable fields the move writes
    };
    Result<LedgerEntry> move(std::vector<Move> &from, std::vector<Move> &to);

    LedgerRepository *m_repository;
    std::vector<Move> m_undo, m_redo; // newest last
};

} // namespace upstream::ledger
