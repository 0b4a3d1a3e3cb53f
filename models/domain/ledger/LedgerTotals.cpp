#include "LedgerTotals.h"

#include <QHash>

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

// Per-key sums are accumulated in hashes (a million ordered-map lookups with string compares took seconds) and
// copied into the sorted maps once at the end.
struct Accumulator {
    LedgerTotals totals;
    QHash<QString, LedgerBucket> product, payer, recoveredBy, owner;
    QDate monthStart, windowStart, today;

    explicit Accumulator(QDate day) : monthStart(day.year(), day.month(), 1), windowStart(day.addDays(-29)), today(day)
    {
    }
    void add(const LedgerEntry &e)
    {
        addTo(totals.allTime, e);
        addTo(product[e.product], e);
        addTo(payer[e.payer], e);
        addTo(owner[e.owner], e);
        if (e.recoveredCents > 0)
            addTo(recoveredBy[e.recoveredBy], e);
        if (e.recoveredDate.isValid() && e.recoveredDate <= today) {
            if (e.recoveredDate >= monthStart)
                totals.recoveredThisMonthCents += e.recoveredCents;
            if (e.recoveredDate >= windowStart)
                totals.recoveredLast30DaysCents += e.recoveredCents;
        }
    }
    LedgerTotals finish()
    {
        for (auto [from, to] : {std::pair{&product, &totals.byProduct}, std::pair{&payer, &totals.byPayer},
                                std::pair{&recoveredBy, &totals.byRecoveredBy}, std::pair{&owner, &totals.byOwner}})
            for (auto it = from->cbegin(); it != from->cend(); ++it)
                to->insert(it.key(), it.value());
        return std::move(totals);
    }
};

} // namespace

LedgerTotals computeTotals(const std::vector<LedgerEntry> &entries, QDate today)
{
    Accumulator acc(today);
    for (const LedgerEntry &e : entries)
        acc.add(e);
    return acc.finish();
}

LedgerTotals computeTotals(const std::vector<LedgerEntry> &entries, const std::vector<int> &indexes, QDate today)
{
    Accumulator acc(today);
    for (int i : indexes)
        acc.add(entries[size_t(i)]);
    return acc.finish();
}

} // namespace upstream::ledger
