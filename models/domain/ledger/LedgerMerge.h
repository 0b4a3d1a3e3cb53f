#pragma once
// Conflict resolution for a ledger entry: "mine" (the local edit that was refused as stale) against "theirs" (the
// version now stored). GUI-free; views/conflict/ConflictDialog only lets the user pick per field.
//
// Contract: merge() starts from theirs — its id, version, timestamps and approval — and takes each editable field
// from mine or theirs as chosen, so saving the result through LedgerRepository::update() is based on the current
// version and is validated like any edit (state transitions are checked against theirs). Fields that are equal on
// both sides need no choice. Nothing is lost: the refused edit stays in the conflict record until resolved.
#include "LedgerEntry.h"

#include <QMap>

#include <vector>

namespace upstream::ledger {

enum class MergeSide { Mine, Theirs };

struct FieldDifference {
    LedgerField field;
    QString mine;   // display text
    QString theirs; // display text
};

// Editable fields whose values differ, in display order.
std::vector<FieldDifference> differingFields(const LedgerEntry &mine, const LedgerEntry &theirs);

// Three-way default per differing field, given the version both edits started from: a field only I changed → mine,
// only they changed → theirs, both changed → mine (the user reviews it; bothChanged() flags it). Without a base
// (history unavailable) every differing field defaults to mine.
QMap<LedgerField, MergeSide> suggestedChoices(const LedgerEntry *base, const LedgerEntry &mine,
                                              const LedgerEntry &theirs);
bool bothChanged(const LedgerEntry &base, const LedgerEntry &mine, const LedgerEntry &theirs, LedgerField field);

// Fields missing from choices default to theirs (the stored version wins unless mine is chosen).
LedgerEntry mergeEntries(const LedgerEntry &mine, const LedgerEntry &theirs,
                         const QMap<LedgerField, MergeSide> &choices);
LedgerEntry keepMine(const LedgerEntry &mine, const LedgerEntry &theirs); // every editable field from mine

} // namespace upstream::ledger
