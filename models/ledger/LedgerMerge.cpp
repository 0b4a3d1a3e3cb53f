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
