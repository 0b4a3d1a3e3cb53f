#pragma once
// Compute and persist signals (SPEC 6, 7): daily aggregates → engines → signals upserted by fingerprint →
// alerts per the AlertBook rules (one per fingerprint, cooldown, noise memory, decided against the stored
// history) → an audit row. Two targets with the same rules:
//  - the central database (computeCentral): aggregates by kDailyAggregateSql, everything written in ONE
//    transaction (signals, alerts, audit row `signals.compute`), so a failure leaves the previous state;
//  - a local cache (computeLocal): aggregates from the in-process aggregator; signals (id = fingerprint),
//    alerts (id = "al-" + fingerprint) and the daily aggregates, in one cache transaction.
// Recompute for the same data and as-of date is idempotent: same fingerprints → the same signal rows updated
// in place, no second alert.
//
// Failure modes: PgConnection / cache errors pass through (permission: an analyst or supervisor may
// recompute, SQLSTATE 42501 otherwise → PermissionDenied); nothing is written then. options.cancelRequested is
// polled between steps, the last time just before the commit: true → ErrorCode::Cancelled, the transaction is
// rolled back and nothing is written either.
#include "core/Result.h"
#include "engines/DailyAggregate.h"
#include "engines/Signal.h"

#include <QDate>
#include <QJsonArray>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace upstream::storage {
class PgConnection;
class LocalCache;
} // namespace upstream::storage

namespace upstream::compute {

// The steps of a run, in order: Aggregating (central: the SQL aggregation; a local caller reads the stored
// aggregates before computeLocal), one RunningProduct per selected product, WritingSignals, and WritingAlerts
// (central only; the local cache writes signals and alerts in one step).
enum class ComputeStage { Aggregating, RunningProduct, WritingSignals, WritingAlerts };
struct ComputeStep {
    ComputeStage stage = ComputeStage::Aggregating;
    engines::Product product = engines::Product::DriftWatch; // RunningProduct
    std::size_t signalCount = 0;                             // WritingSignals
};

struct ComputeOptions {
    std::vector<engines::Product> products{engines::Product::DriftWatch, engines::Product::DenialScope,
                                           engines::Product::DelayGuard};
    QDate asOf; // invalid: the data's own date, the day after its newest submitted or decided date (SPEC 6)
    std::function<void(const QString &)> progress; // one short phrase per step; may be empty
    std::function<void(const ComputeStep &)> step; // the same steps, structured; may be empty
    std::function<bool()> cancelRequested;         // polled between steps; may be empty
};

struct ComputeReport {
    QDate asOf;                         // the as-of date used (options.asOf, else the data's own date)
    std::vector<engines::Signal> found; // every signal of the run (`signals` is a Qt keyword)
    std::int64_t aggregateRows = 0;
    int signalsInserted = 0, signalsUpdated = 0;
    int alertsCreated = 0, alertsSuppressed = 0;
    double aggregateSeconds = 0, engineSeconds = 0, persistSeconds = 0;
    QJsonObject toJson() const; // counts and timings, no signal bodies
};

// The first day any selected product reads for asOf (its earliest baseline start).
QDate firstDayNeeded(const std::vector<engines::Product> &products, QDate asOf);
// Runs the selected products in order; ErrorCode::Cancelled when options.cancelRequested says so after a product.
Result<std::vector<engines::Signal>> runProducts(const engines::AggregateSet &set, const ComputeOptions &options,
                                                 QDate asOf);
// ErrorCode::Cancelled when options.cancelRequested says so, else success.
Status checkCancelled(const ComputeOptions &options);

// computeCentral's reading half: the as-of, the aggregates (handed back when `aggregates` is set) and the engines'
// signals, nothing written. Runs inside the caller's transaction when there is one.
Result<ComputeReport> evaluateCentral(storage::PgConnection &conn, qint64 customerId, const ComputeOptions &options,
                                      engines::AggregateSet *aggregates = nullptr);
Result<ComputeReport> computeCentral(storage::PgConnection &conn, qint64 customerId, const ComputeOptions &options);

Result<ComputeReport> computeLocal(storage::LocalCache &cache, const engines::AggregateSet &set,
                                   const ComputeOptions &options);

// The stored signals with their alert status ("none" when the signal did not alert), newest window first;
// each object carries the SPEC 9 fields. product empty = all.
Result<QJsonArray> listCentralSignals(storage::PgConnection &conn, std::optional<qint64> customerId,
                                      const QString &product);
Result<QJsonArray> listLocalSignals(storage::LocalCache &cache, const QString &product);

// Listed rows, each with its evidence's "delay" object (key "delay", JSON object or text) lifted into SPEC 9's
// DelayGuard fields (observed, expected, overdue_claims, overdue_dollars); rows of other products lose the key.
// Errors of the listing pass through.
Result<QJsonArray> withDelayFields(const Result<QJsonArray> &rows);

} // namespace upstream::compute
