#pragma once
// Signal: what an engine found for one group, with the evidence behind it (SPEC section 6), so the deep dive
// can show why and recompute can recognise the same finding (fingerprint per product, signal type, group and
// window). Plain value types; no I/O.
#include "engines/ClaimRecord.h"

#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace upstream::engines {

enum class Product : std::uint8_t { DriftWatch, DenialScope, DelayGuard };

enum class SignalType : std::uint8_t {
    DenialRate,      // DriftWatch: denial rate of (payer, cpt_group)
    DecisionTime,    // DriftWatch: mean decided−submitted of (payer, cpt_group)
    NewReason,       // DenialScope: reason absent in the baseline
    ReasonRateSpike, // DenialScope: reason rate among all payer claims
    ReasonVolumeSpike,
    ReasonDollarSpike,
    PaymentLatency,  // DelayGuard: submitted→payment over PAID claims
    DecisionLatency, // DelayGuard fallback: submitted→decided over all claims
};

enum class Severity : std::uint8_t { Low, Medium, High, Critical };
enum class Direction : std::uint8_t { Degrading, Improving };

QString productName(Product p); // "driftwatch", "denialscope", "delayguard"
std::optional<Product> productFromName(const QString &name);
QString signalTypeName(SignalType t); // "DENIAL_RATE", "DECISION_TIME", "NEW_REASON", ...
QString severityName(Severity s);     // "low", "medium", "high", "critical"
QString directionName(Direction d);   // "degrading", "improving"

// Half-open day window [start, end).
struct Window {
    EpochDay start = 0;
    EpochDay end = 0;
    bool contains(EpochDay d) const { return d >= start && d < end; }
    int days() const { return end - start; }
    bool operator==(const Window &) const = default;
};

// One day of the group's series: n = claims in the metric's population, value = the metric that day
// (denial rate, reason count, mean days…; 0 when n = 0).
struct DailyPoint {
    EpochDay day = 0;
    std::int64_t n = 0;
    double value = 0.0;
    bool operator==(const DailyPoint &) const = default;
};

struct Evidence {
    Window baseline;
    Window current;
    std::int64_t baselineCount = 0; // the metric's population in each window
    std::int64_t currentCount = 0;
    std::int64_t baselineEvents = 0; // denials, reason denials…; 0 when the metric is a mean
    std::int64_t currentEvents = 0;
    QString test; // "two_proportion_z", "welch_t", "poisson_exact", "none"
    double statistic = 0.0;
    double pValue = 1.0;
    double completeness = 1.0;      // DelayGuard: share of PAID claims with a payment date (current window)
    std::vector<DailyPoint> series; // every day of [baseline.start, current.end)
    bool operator==(const Evidence &) const = default;
};

struct Signal {
    Product product = Product::DriftWatch;
    SignalType type = SignalType::DenialRate;
    QString payer;
    QString cptGroup; // DriftWatch only
    QString reason;   // DenialScope only
    double baselineValue = 0.0;
    double currentValue = 0.0;
    double delta = 0.0;         // current − baseline
    double relativeDelta = 0.0; // delta ÷ baseline (0 when the baseline is 0)
    double severityScore = 0.0; // DriftWatch's min(2|Δ|, 1) etc.; the label is `severity`
    Severity severity = Severity::Low;
    double confidence = 0.0;
    double dollars = 0.0; // impact / Σ denied allowed / at risk, per product
    Direction direction = Direction::Degrading;
    Evidence evidence;
    QString fingerprint;
    bool operator==(const Signal &) const = default;

    double pValue() const { return evidence.pValue; }
    // The suppression/similarity key inside one customer: product, type and group.
    QString groupKey() const;
};

// sha256 hex over product, signal type, payer, cpt_group, reason and both windows.
QString fingerprintOf(const Signal &signal);

// The fields SPEC section 9 lists for `signals --json`, plus evidence.
QJsonObject toJson(const Signal &signal);

} // namespace upstream::engines
