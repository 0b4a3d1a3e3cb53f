#pragma once
// The reads behind the dashboards and the deep dive (cache tables signals, alerts, judgments, ledger_entries,
// sync_state): the one place that spells them. Every function runs its statements and hands back the stored values
// as they are (ISO dates as text, COALESCEd defaults as noted); the dashboard services build rows, badges and
// labels from them.
//
// Threading: each call uses the connection it is given, on the caller's thread (the dashboard load runs on a
// worker over the same LocalCache the GUI thread triages through; see dashboard/DashboardService.h).
// Failure modes: cache errors pass through; a missing row is std::nullopt or an empty list, not an error.
#include "core/Result.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace upstream::storage {

class LocalCache;

// --- The signals table of one product (dashboard::loadSignalRows) ---

Result<qint64> countSignalsOfProduct(LocalCache &cache, const QString &product);

// One signal without its evidence (which lives in overflow pages and is read only by the deep dive).
struct SignalTableRecord {
    QString id, payer;
    QString group; // cpt_group, else reason, else ''
    QString signalType, severity;
    double severityScore = 0, confidence = 0, baseline = 0, current = 0, delta = 0, pValue = 1, dollars = 0;
    QString windowStart, windowEnd, asOf; // as stored
};
// Calls onRow for every signal of `product`, in table order. A sequential scan (NOT INDEXED): walking the product
// index meant a random B-tree probe per signal — 10 s at 100,000 rows — where a scan reads each page once.
Status forEachSignalOfProduct(LocalCache &cache, const QString &product,
                              const std::function<void(const SignalTableRecord &)> &onRow);

struct SignalAlertRecord {
    QString signalId, alertId, status;
    bool suppressed = false;
    QString suppressionReason; // '' when none
};
// Calls onRow for every alert of `product` (a sequential scan, joined to the signals in memory by the caller).
Status forEachAlertOfProduct(LocalCache &cache, const QString &product,
                             const std::function<void(const SignalAlertRecord &)> &onRow);
// Calls onFound for each of `alertIds` that exists, in the given order (signalId is left empty).
Status readAlertStates(LocalCache &cache, const QStringList &alertIds,
                       const std::function<void(const SignalAlertRecord &)> &onFound);

// DelayGuard's figures from a signal's evidence "delay" object (0 where absent); signals with invalid JSON are
// skipped.
struct SignalDelayRecord {
    QString signalId;
    double observed = 0, expected = 0;
    qint64 overdueClaims = 0;
    double overdueDollars = 0;
};
Status forEachDelayFiguresOfProduct(LocalCache &cache, const QString &product,
                                    const std::function<void(const SignalDelayRecord &)> &onRow);

// Every judgment's verdict and time (all products: the caller keeps those of its alerts).
struct SignalVerdictRecord {
    QString alertId, verdict, judgedAt;
};
Status forEachJudgmentVerdict(LocalCache &cache, const std::function<void(const SignalVerdictRecord &)> &onRow);
// Σ recovered_cents of the ledger entries of each alert that has any.
Status forEachAlertRecoveredCents(LocalCache &cache,
                                  const std::function<void(const QString &alertId, qint64 recoveredCents)> &onRow);

// --- Freshness and trend (dashboard::freshness, dashboard::productTrend) ---

// The evidence JSON of the `limit` most severe signals of `product` whose evidence metric is `metric`.
Result<std::vector<QString>> evidenceOfTopSignals(LocalCache &cache, const QString &product, const QString &metric,
                                                  int limit);
// The newest as_of and computed_at of a product's signals; empty strings without signals.
struct SignalRecency {
    QString asOf, computedAt;
};
Result<SignalRecency> signalRecency(LocalCache &cache, const QString &product);
// The evidence of one signal per type at `asOf` (ISO), one entry per entry of `types` in that order; std::nullopt
// where the type has no signal that day.
Result<std::vector<std::optional<QString>>> evidenceOfTypesAt(LocalCache &cache, const QString &product,
                                                              const QStringList &types, const QString &asOf);
// sync_state 'last_synced' (ISO); std::nullopt when never synced.
Result<std::optional<QString>> lastSyncedAt(LocalCache &cache);

// --- One signal for the deep dive (dashboard::loadSignalDetail) ---

struct SignalDetailRecord {
    QString product, signalType, payer;
    QString group; // cpt_group, else reason, else ''
    QString severity;
    double severityScore = 0, confidence = 0, baseline = 0, current = 0, delta = 0, pValue = 1, dollars = 0;
    QString asOf, evidence;
    QString alertId, alertStatus; // '' when the signal did not become an alert
    bool suppressed = false;
    QString suppressionReason;
};
Result<std::optional<SignalDetailRecord>> signalDetailRecord(LocalCache &cache, const QString &signalId);

struct SignalJudgmentRecord {
    QString operatorName, verdict, reasonCode, notes, judgedAt; // reason and notes '' when none
    qint64 version = 0;
};
// The judgments of an alert, newest first.
Result<std::vector<SignalJudgmentRecord>> signalJudgments(LocalCache &cache, const QString &alertId);

struct SignalLedgerRecord {
    QString id, state, owner;
    qint64 expectedCents = 0, recoveredCents = 0;
    QString createdAt;
};
// The ledger entries of a signal or of its alert (an empty alertId matches none by alert), newest first.
Result<std::vector<SignalLedgerRecord>> signalLedgerEntries(LocalCache &cache, const QString &signalId,
                                                            const QString &alertId);

} // namespace upstream::storage
