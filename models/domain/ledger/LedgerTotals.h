#pragma once
// Ledger totals (SPEC section 7): recovered this month, in the last 30 days and all time, and per product, payer
// and operator. Pure: computed from entries and "today", so the table can total exactly what it shows.
//
// Windows go by recovered_date (an entry without one counts only in "all time"): this month = the 1st of today's
// month to today; last 30 days = today and the 29 days before it. Written-off entries count their recovered
// part (a partial recovery is still money recovered).
#include "LedgerEntry.h"

#include <QMap>

#include <vector>

namespace upstream::ledger {

struct LedgerBucket {
    int entries = 0;
    qint64 expectedCents = 0;
    qint64 recoveredCents = 0;
    qint64 outstandingCents = 0; // expected − recovered of entries still open or in progress (never below 0)
    bool operator==(const LedgerBucket &) const = default;
};

struct LedgerTotals {
    qint64 recoveredThisMonthCents = 0;
    qint64 recoveredLast30DaysCents = 0;
    LedgerBucket allTime;
    QMap<QString, LedgerBucket> byProduct; // key: product id
    QMap<QString, LedgerBucket> byPayer;
    // SPEC's "by operator": who recorded the recovered amount (LedgerEntry::recoveredBy). Only entries with money
    // recovered count here; "" = recovered before the ledger recorded who.
    QMap<QString, LedgerBucket> byRecoveredBy;
    QMap<QString, LedgerBucket> byOwner; // who works the entry ("" = unassigned)
};

LedgerTotals computeTotals(const std::vector<LedgerEntry> &entries, QDate today);
// Only the entries at the given indexes (a filtered table view).
LedgerTotals computeTotals(const std::vector<LedgerEntry> &entries, const std::vector<int> &indexes, QDate today);

} // namespace upstream::ledger
