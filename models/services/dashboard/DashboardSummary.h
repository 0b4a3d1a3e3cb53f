#pragma once
// The figures around a dashboard's table: KPI tiles, top payers, the recovery-ledger totals strip, the product's
// metric trend and the freshness line ("as of", "last synced"). All computed from the local cache or from the
// already loaded SignalRows; never from the network.
// Failure modes: cache errors are returned; an empty product gives zeroes, not errors.
#include "core/Result.h"
#include "dashboard/SignalRows.h"

#include <QDate>
#include <QString>

#include <vector>

namespace upstream::storage {
class LocalCache;
}

namespace upstream::dashboard {

struct Kpis {
    int total = 0;
    int open = 0;            // alerts pending triage (suppressed ones included: they stay visible)
    int critical = 0;        // among the open ones
    int high = 0;            // among the open ones
    double dollars = 0;      // Σ dollars of signals that are not resolved as noise
    double averageDelta = 0; // mean Δ over the signals measured in the product's main unit
    bool deltaInDays = false;
};
// daysProduct: the product's main metric is in days (DelayGuard); Δ of other units is left out of the average.
Kpis computeKpis(const SignalRows &rows, bool daysProduct = false);

struct PayerTotal {
    QString payer;
    double dollars = 0;
    int signalCount = 0;
    int open = 0;
};
std::vector<PayerTotal> topPayers(const SignalRows &rows, int count);

// The ledger tiles of one product's dashboard: ledger::computeTotals over the product's entries, plus counts per state.
struct LedgerTiles {
    qint64 expectedCents = 0, recoveredCents = 0;
    qint64 recoveredThisMonthCents = 0, recoveredLast30Cents = 0;
    int open = 0, inProgress = 0, recovered = 0, writtenOff = 0;
};
Result<LedgerTiles> ledgerTiles(storage::LocalCache &cache, const QString &product, const QDate &today);

struct TrendPoint {
    QDate date;
    double value = 0; // volume-weighted mean of the metric that day
    qint64 n = 0;
};
// The product's metric per day, from the daily series of its `topSignals` most severe signals of that metric
// (evidence "metric" field, e.g. denial_rate).
Result<std::vector<TrendPoint>> productTrend(storage::LocalCache &cache, const QString &product, const QString &metric,
                                             int topSignals = 60);

// The windows of the newest recompute, per signal type (DelayGuard's two types are keyed on different dates).
struct WindowsOfType {
    QString signalType;
    QString keyedOn;                                        // evidence "keyed_on": decided_date, submitted_date
    QDate baselineFrom, baselineTo, currentFrom, currentTo; // half-open [from, to)
};

struct Freshness {
    QDate asOf;         // latest as-of date of the product's signals
    QDate dataThrough;  // the last day of data the signals saw: as-of − 1 (SPEC 6: T defaults to the day after the
                        // newest submitted/decided date, and events on or after T are not seen)
    QString computedAt; // when they were computed (ISO)
    QString lastSynced; // sync_state 'last_synced' (ISO), empty for a local workspace never synced
    std::vector<WindowsOfType> windows; // one per signal type found at `asOf`, sorted by type
    // Whole days from the last data day to `today`; -1 without data.
    int ageDays(const QDate &today) const { return dataThrough.isValid() ? int(dataThrough.daysTo(today)) : -1; }
};
// `types`: the signal types whose windows to read (one small evidence read each); empty reads none.
Result<Freshness> freshness(storage::LocalCache &cache, const QString &product, const QStringList &types = {});
// "As of 2026-12-03 · data through 2026-12-02 (1 day old)" (translated; "no data" without signals).
QString freshnessText(const Freshness &f, const QDate &today);
// "Windows by decision date: current 2026-11-19 – 2026-12-02 · baseline 2026-08-21 – 2026-11-18"; DelayGuard:
// "Cohort 2026-11-05 – 2026-12-02 · reference 2026-08-07 – 2026-11-04 · adjudication by submission date,
// payment by decision date". Empty without windows.
QString windowsText(const Freshness &f, const QString &product);

// Everything a dashboard shows, read in one go — meant to run on a worker thread (the SQLCipher connection is
// serialized, so the GUI thread only waits if it touches the cache meanwhile).
struct DashboardData {
    SignalRows rows;
    Freshness freshness;
    std::vector<TrendPoint> trend;
    LedgerTiles ledger;
    qint64 loadNs = 0; // time spent loading (off the GUI thread when run on a worker)
};
Result<DashboardData> loadDashboard(storage::LocalCache &cache, const QString &product, const QString &metric,
                                    const QDate &today);

} // namespace upstream::dashboard
