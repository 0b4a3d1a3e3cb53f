#include "LedgerTotals.h"

namespace upstream::ledger {
namespace {

void addTo(LedgerBucket &b, const LedgerEntry &e)
{
    ++b.entries;
    b.expectedCents += e.expectedCents;
    b.recoveredCents += e.recoveredCents;
    if (!isTerminal(e.state))
        b.outstandingCents += std::max<qint64>(0, e.expectedCents - e.recoveredCents);
}

void addEntry(LedgerTotals &t, const LedgerEntry &e, QDate monthStart, QDate windowStart, QDate today)
{
    addTo(t.allTime, e);
    addTo(t.byProduct[e.product], e);
    addTo(t.byPayer[e.payer], e);
    addTo(t.byOwner[e.owner], e);
    if (e.recoveredDate.isValid() && e.recoveredDate <= today) {
        if (e.recoveredDate >= monthStart)
            t.recoveredThisMonthCents += e.recoveredCents;
        if (e.recoveredDate >= windowStart)
            t.recoveredLast30DaysCents += e.recoveredCents;
    }
}

} // namespace

LedgerTotals computeTotals(const std::vector<LedgerEntry> &entries, QDate today)
{
    LedgerTotals t;
    const QDate monthStart(today.year(), today.month(), 1);
    const QDate windowStart = today.addDays(-29);
    for (const LedgerEntry &e : entries)
        addEntry(t, e, monthStart, windowStart, today);
    return t;
}

LedgerTotals computeTotals(const std::vector<LedgerEntry> &entries, const std::vector<int> &indexes, QDate today)
{
    LedgerTotals t;
    const QDate monthStart(today.year(), today.month(), 1);
    const QDate windowStart = today.addDays(-29);
    for (int i : indexes)
        addEntry(t, entries[size_t(i)], monthStart, windowStart, today);
    return t;
}

} // namespace upstream::ledger
