#pragma once
// Signal: what an engine found for one group, with the evidence behind it (SPEC section 6), so the deep dive
// can show why and recompute can recognise the same finding (fingerprint per product, signal type, group and
// window). Plain value types; no I/O.
#include "engines/ClaimRecord.h"

#include <QJsonObject>
#include <QString>

#include <array>
#include <optional>
#include <vector>

namespace upstream::engines {

enum class Product : std::uint8_t { DriftWatch, DenialScope, DelayGuard };

enum class SignalType : std::uint8_t {
    DenialRate,      // DriftWatch: denial rate of (payer, cpt_group), by decided date
    NewReason,       // DenialScope: reason absent in the baseline
    ReasonRateSpike, // DenialScope: reason rate among the payer's decided claims
    ReasonVolumeSpike,
    ReasonDollarSpike,
    AdjudicationDelay, // DelayGuard: submitted→decided, observed vs expected finished claims (cohort by submitted)
    PaymentDelay,      // DelayGuard: decided→payment over PAID claims (cohort by decided)
};

enum class Severity : std::uint8_t { Low, Medium, High, Critical };
enum class Direction : std::uint8_t { Degrading, Improving };

// The one place product ids are spelled: database ids (signals.product, ledger_entries.product, page names) and
// display names. Everything else compares through these.
inline constexpr std::array<Product, 3> kProducts{Product::DriftWatch, Product::DenialScope, Product::DelayGuard};
QString productName(Product p);  // "driftwatch", "denialscope", "delayguard"
QString productLabel(Product p); // "DriftWatch", "DenialScope", "DelayGuard" (product names are not translated)
std::optional<Product> productFromName(const QString &name); // case-insensitive
bool isProduct(const QString &id, Product p);                // id is exactly p's database id
// "DENIAL_RATE", "NEW_REASON", "REASON_RATE_SPIKE", "REASON_VOLUME_SPIKE", "REASON_DOLLAR_SPIKE",
// "adjudication_delay", "payment_delay" (the DelayGuard names are lower case: SPEC 9's contract).
QString signalTypeName(SignalType t);
std::optional<SignalType> signalTypeFromName(const QString &name);
QString severityName(Severity s);   // "low", "medium", "high", "critical"
QString directionName(Direction d); // "degrading", "improving"

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

// A point of a DelayGuard curve: share of claims finished (decided, or paid) before `age` days.
struct CurvePoint {
    int age = 0;
    std::int64_t n = 0; // claims the share is taken over (cohort: those at least `age` days old)
    double value = 0.0;
    bool operator==(const CurvePoint &) const = default;
};

// DelayGuard's observed-vs-expected figures (SPEC 6); zero for the other products.
struct DelayFigures {
    double observed = 0.0;                  // O: cohort claims finished before as-of
    double expected = 0.0;                  // E = Σ F(ageᵢ)
    double variance = 0.0;                  // V = Σ F(ageᵢ)(1 − F(ageᵢ))
    std::int64_t unfinished = 0;            // cohort claims not finished before as-of
    std::int64_t overdueClaims = 0;         // unfinished and older than the reference's 80th-percentile lag
    double overdueDollars = 0.0;            // Σ billed (allowed where billed is blank) of the overdue claims
    int referenceP80Lag = -1;               // days; -1 when fewer than 80 % of the reference finished
    std::vector<CurvePoint> referenceCurve; // F(a), a = 0 … oldest cohort age
    std::vector<CurvePoint> cohortCurve;    // the cohort's own share finished by age
    bool operator==(const DelayFigures &) const = default;
};

struct Evidence {
    Window baseline;
    Window current;
    std::int64_t baselineCount = 0; // the metric's population in each window
    std::int64_t currentCount = 0;
    std::int64_t baselineEvents = 0; // denials, reason denials…; 0 when the metric is a mean
    std::int64_t currentEvents = 0;
    QString keyedOn; // "decided_date" or "submitted_date": the date the windows are keyed on
    QString test;    // "two_proportion_z", "poisson_exact", "observed_vs_expected", "none"
    double statistic = 0.0;
    double pValue = 1.0;
    double alpha = 0.0;             // the significance level the test had to pass
    double familyPValue = 1.0;      // DriftWatch: the payer's pooled test that gates its groups
    double completeness = 1.0;      // DelayGuard payment: share of the reference's PAID claims paid before as-of
    std::vector<DailyPoint> series; // every day of [baseline.start, current.end)
    DelayFigures delay;
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
// SPEC 9's DelayGuard row fields: observed, expected, overdue_claims, overdue_dollars.
void addDelayFields(QJsonObject &row, const DelayFigures &figures);

} // namespace upstream::engines
