#pragma once
// DemoDataGenerator: realistic synthetic claim exports with planted changes of known size, deterministic for a
// seed. Feeds tests, benchmarks and the demo workspace (`upstream demo-data`). All data is invented: payer names
// are organisations from DemoCatalog, claim refs are counters; nothing resembles PHI.
//
// A live export (SPEC 3, 6): claims are submitted over [asOf − historyDays, exportedOn) and the file holds each
// claim as it stands on `exportedOn` (default asOf): a claim decided on or after that day is PENDING (no decided
// date, outcome or reason), a payment dated on or after it is blank. Exactly `rows` claims are submitted before
// asOf; a later export adds the days after asOf at the same volume, and its claims before asOf are the same
// claims in a newer state (so a replay at asOf equals the export taken on asOf).
//
// Shape: `payers` payers × 8 CPT groups, weekday seasonality and day-to-day volume noise (keyed on the day's
// distance from asOf, so only the weekday of asOf changes the data), per payer/group denial rates, per payer
// reason mixes, decision and payment lags. Denials are decided faster (about 60 % of the payer's usual decision
// time) than claims are paid, so the newest decided claims are denial-heavy: a window keyed on submitted_date
// would read that as a denial spike.
//
// Planted changes (listed in truth()), each aimed at asOf and acting on the date its product keys on:
// DriftWatch denial-rate shifts of claims decided in [asOf−14, …); DenialScope new reasons and reason spikes of
// claims decided in [asOf−7, …); DelayGuard adjudication slowdowns of claims submitted in [asOf−28, …) and payment
// slowdowns of claims decided in [asOf−28, …); and as many decoys below the engines' thresholds. Payers are
// partitioned (layout()), so every payer is touched by at most one product's items; the rest are quiet, some of
// them with no payment dates at all.
#include "core/Result.h"
#include "engines/ClaimRecord.h"
#include "engines/Signal.h"

#include <QDate>
#include <QJsonObject>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <vector>

namespace upstream::demo {

struct DemoConfig {
    std::int64_t rows = 100000; // claims submitted before asOf
    std::uint64_t seed = 1;
    QDate asOf;       // the date the planted changes are aimed at; default: today
    QDate exportedOn; // the day the export is taken (≥ asOf); default: asOf
    int payers = 128;
    int historyDays = 150;
};

// Which payers carry which items: [0, driftWatch) DriftWatch, then DenialScope, adjudication, payment; the rest
// are quiet, the last `noPaymentDates` of them without payment dates.
struct DemoLayout {
    int driftWatch = 0, denialScope = 0, adjudication = 0, payment = 0, noPaymentDates = 0;
    int itemPayers() const { return driftWatch + denialScope + adjudication + payment; }
};

struct PlantedChange {
    engines::Product product = engines::Product::DriftWatch;
    QString kind; // denial_rate_shift, new_reason, reason_spike, adjudication_slowdown, payment_slowdown
    bool decoy = false;
    int payerIndex = 0;
    QString payer;
    QString cptGroup; // DriftWatch
    QString reason;   // DenialScope (the reason key: the code)
    // denial_rate_shift: Δ denial rate; new_reason: share of the payer's claims denied with it (planted) or
    // expected number of such denials in the window (decoy); reason_spike: rate multiplier;
    // adjudication_slowdown, payment_slowdown: days added to the decision or payment lag.
    double size = 0;
    // The signal type that must find it (DelayGuard: adjudication_delay or payment_delay).
    engines::SignalType signalType = engines::SignalType::DenialRate;
    engines::Window window;
    QJsonObject toJson() const;
};

struct DemoTruth {
    DemoConfig config;
    QStringList payers;
    std::vector<PlantedChange> changes;
    QJsonObject toJson() const;
    DemoLayout layout;
    // True when no planted change or decoy touches the payer: any alert on it is a false alert.
    bool quiet(const QString &payer) const;
};

// One generated claim in catalog indices; toRecord() turns it into the engines' ClaimRecord.
struct DemoClaim {
    std::uint32_t payer = 0;
    std::uint32_t group = 0;
    std::uint32_t cpt = 0;      // index into the group's codes
    std::int32_t reason = -1;   // -1 none; [0, common) common reasons; [common, common+new) new reasons
    std::int32_t freeText = -1; // >= 0: denial carries only this free-text reason (no code)
    engines::EpochDay submitted = 0, decided = engines::kNoDay, payment = engines::kNoDay; // as exported
    engines::Outcome outcome = engines::Outcome::Paid;
    std::int64_t allowedCents = 0, billedCents = 0, paidCents = engines::kNoAmount;
    std::uint64_t ref = 0;
};

class DemoDataGenerator {
public:
    explicit DemoDataGenerator(DemoConfig config);

    const DemoTruth &truth() const { return m_truth; }
    // Emits every claim of the export, in submitted-date order.
    void generate(const std::function<void(const DemoClaim &)> &sink) const;
    engines::ClaimRecord toRecord(const DemoClaim &claim) const;
    QString claimRefOf(const DemoClaim &claim) const;

    // Streams the CSV (SPEC section 3 header) to `csvPath` and, when given, the truth JSON to `truthPath`.
    // Fails with a user-facing message when a file cannot be written.
    Status writeCsv(const QString &csvPath, const QString &truthPath = {}) const;

    // Per-payer generation parameters (public for the CSV writer and tests; not a stable API).
    struct PayerModel {
        double weight = 1.0;
        std::vector<double> groupWeight; // per CPT group
        std::vector<double> denialRate;  // per CPT group, baseline
        std::vector<int> reasons;        // indices into demoCommonReasons()
        std::vector<double> reasonCdf;   // cumulative shares of `reasons`
        double decisionMean = 10, paymentLagMean = 8, paymentCompleteness = 0.97;
        int shiftedGroup = -1; // DriftWatch item
        double denialShift = 0;
        int newReason = -1; // DenialScope new-reason item: index into demoNewReasons()
        double newReasonRate = 0;
        int spikeReason = -1; // DenialScope spike item: index into demoCommonReasons()
        double spikeExtraRate = 0;
        double decisionShiftDays = 0; // DelayGuard adjudication item
        double paymentShiftDays = 0;  // DelayGuard payment item
    };

private:
    void plan();

    DemoConfig m_config;
    DemoTruth m_truth;
    std::vector<PayerModel> m_payers;
    std::vector<double> m_cellWeights; // payer × group
};

} // namespace upstream::demo
