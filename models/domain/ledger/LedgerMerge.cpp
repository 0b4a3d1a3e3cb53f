#include "LedgerMerge.h"

namespace upstream::ledger {

std::vector<FieldDifference> differingFields(const LedgerEntry &mine, const LedgerEntry &theirs)
{
    std::vector<FieldDifference> out;
    for (LedgerField f : kEditableFields)
        if (!fieldEquals(mine, theirs, f))
            out.push_back({f, fieldText(mine, f), fieldText(theirs, f)});
    return out;
}

QMap<LedgerField, MergeSide> suggestedChoices(const LedgerEntry *base, const LedgerEntry &mine,
                                              const LedgerEntry &theirs)
{
    QMap<LedgerField, MergeSide> out;
    for (const FieldDifference &d : differingFields(mine, theirs)) {
        const bool iChanged = !base || !fieldEquals(*base, mine, d.field);
        out.insert(d.field, iChanged ? MergeSide::Mine : MergeSide::Theirs);
    }
    return out;
}

bool bothChanged(const LedgerEntry &base, const LedgerEntry &mine, const LedgerEntry &theirs, LedgerField field)
{
    return !fieldEquals(base, mine, field) && !fieldEquals(base, theirs, field) && !fieldEquals(mine, theirs, field);
}

LedgerEntry mergeEntries(const LedgerEntry &mine, const LedgerEntry &theirs,
                         const QMap<LedgerField, MergeSide> &choices)
{
    LedgerEntry out = theirs;
    for (LedgerField f : kEditableFields)
        if (choices.value(f, MergeSide::Theirs) == MergeSide::Mine)
            copyField(out, mine, f);
    return out;
}

LedgerEntry keepMine(const LedgerEntry &mine, const LedgerEntry &theirs)
{
    QMap<LedgerField, MergeSide> all;
    for (LedgerField f : kEditableFields)
        all.insert(f, MergeSide::Mine);
    return mergeEntries(mine, theirs, all);
}

} // namespace upstream::ledger
