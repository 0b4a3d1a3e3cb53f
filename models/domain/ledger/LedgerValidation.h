#pragma once
// Validation of a ledger entry before it is stored: the rules the editor shows inline and the repository enforces
// (the server enforces them again). Pure functions: no database, the date of "today" is passed in.
//
// State transitions, read from SPEC "open → in_progress → recovered | written_off":
//   open → in_progress, in_progress → recovered, in_progress → written_off. Nothing else: an entry is worked
//   (in_progress) before it is closed, so open → written_off is refused (move it to in progress first — one more
//   history row that shows someone looked at it), and recovered / written_off are final (a mistaken closure is
//   corrected by a new entry, which keeps the approved totals of past months stable).
//   A new entry starts open. Keeping the same state is always allowed (editing notes, amounts).
#include "LedgerEntry.h"

#include <vector>

namespace upstream::ledger {

bool canTransition(LedgerState from, LedgerState to);
std::vector<LedgerState> allowedNextStates(LedgerState from); // includes `from` itself

struct FieldIssue {
    LedgerField field;
    QString message; // translated, says what to do
};

struct ValidationReport {
    std::vector<FieldIssue> issues;
    // recovered > expected: allowed only when the user confirms it (an over-recovery, e.g. interest paid).
    bool needsOverRecoveryConfirmation = false;

    bool ok() const { return issues.empty() && !needsOverRecoveryConfirmation; }
    QString messageFor(LedgerField field) const; // empty when the field is fine
    QString summary() const;                     // all issues, one per line
};

inline constexpr int kMaxNotesLength = 4000;
inline constexpr int kMaxPayerLength = 200;
// Recoveries before this date are a typing error (the product did not exist), not history.
inline const QDate kEarliestRecoveryDate{2000, 1, 1};

// before: the stored entry being edited (nullptr for a new one). overRecoveryConfirmed: the user said yes.
ValidationReport validate(const LedgerEntry &entry, const LedgerEntry *before, QDate today, bool overRecoveryConfirmed);

} // namespace upstream::ledger
