#pragma once
// DemoDataGenerator: realistic synthetic claims with planted changes of known size, deterministic for a seed.
// Feeds tests, benchmarks and the demo workspace (`upstream demo-data`). All data is invented: payer names
// are organisations from DemoCatalog, claim refs are counters; nothing resembles PHI.
//
// Shape: `payers` payers × 8 CPT groups over `historyDays` days before asOf (submitted dates in
// [asOf − historyDays, asOf)), weekday seasonality and day-to-day volume noise, per payer/group denial rates,
// per payer reason mixes and decision/payment latencies; decided and payment dates may fall after asOf (no
// censoring). Exactly `rows` claims, emitted in submitted-date order.
//
// Planted changes (listed in truth()): DriftWatch denial-rate shifts in [asOf−14, asOf); DenialScope new
// reasons and reason spikes in [asOf−7, asOf); DelayGuard payment slow-downs in [asOf−14, asOf); and as many
// decoys below the engines' thresholds. Payers are partitioned so each change's footprint is known:
// payers [0,32) carry DriftWatch items, [32,48) DenialScope items, [0,20) DelayGuard items, the rest are
// untouched (see affects()).
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
    std::int64_t rows = 100000;
    std::uint64_t seed = 1;
    QDate asOf; // default: today
    int payers = 72;
    int historyDays = 120;
};

struct PlantedChange {
    engines::Product product = engines::Product::DriftWatch;
    QString kind; // denial_rate_shift, new_reason, reason_spike, payment_slowdown
    bool decoy = false;
    int payerIndex = 0;
    QString payer;
    QString cptGroup; // DriftWatch
    QString reason;   // DenialScope (the reason key: the code)
    // denial_rate_shift: Δ denial rate; new_reason: share of the payer's claims denied with it (planted) or
    // expected number of such denials in the window (decoy); reason_spike: rate multiplier;
    // payment_slowdown: days added to payment.
    double size = 0;
    engines::Window window;
    QJsonObject toJson() const;
};

struct DemoTruth {
    DemoConfig config;
    QStringList payers;
    std::vector<PlantedChange> changes;
    QJsonObject toJson() const;
    // True when a planted change or decoy (of any product) touches this product's group, so it cannot be
    // counted as stable: a DriftWatch cell is touched by its own item and by DenialScope items on its payer
    // (they add denials); a DenialScope (payer, reason) by DenialScope items on the payer and DriftWatch items
    // on the payer; a DelayGuard payer only by DelayGuard items.
    bool affects(engines::Product product, const QString &payer, const QString &cptGroup, const QString &reason) const;
};

// One generated claim in catalog indices; toRecord() turns it into the engines' ClaimRecord.
struct DemoClaim {
    std::uint32_t payer = 0;
    std::uint32_t group = 0;
    std::uint32_t cpt = 0;      // index into the group's codes
    std::int32_t reason = -1;   // -1 none; [0, common) common reasons; [common, common+new) new reasons
    std::int32_t freeText = -1; // >= 0: denial carries only this free-text reason (no code)
    engines::EpochDay submitted = 0, decided = 0, payment = engines::kNoDay;
    engines::Outcome outcome = engines::Outcome::Paid;
    std::int64_t allowedCents = 0, billedCents = 0, paidCents = engines::kNoAmount;
    std::uint64_t ref = 0;
};

class DemoDataGenerator {
public:
    explicit DemoDataGenerator(DemoConfig config);

    const DemoTruth &truth() const { return m_truth; }
    // Emits every claim, in submitted-date order.
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
        double paymentShiftDays = 0; // DelayGuard item
    };

private:
    void plan();

    DemoConfig m_config;
    DemoTruth m_truth;
    std::vector<PayerModel> m_payers;
    std::vector<double> m_cellWeights; // payer × group
};

} // namespace upstream::demo
