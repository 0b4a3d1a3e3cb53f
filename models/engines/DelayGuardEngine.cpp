// DelayGuard: per payer, current [end−14, end) against baseline [end−74, end−14). Payment latency
// (submitted→payment over PAID claims) when at least 80% of the payer's PAID claims carry a payment date in
// both windows; otherwise decision latency (submitted→decided over all claims). Slower only.
#include "engines/EngineSupport.h"
#include "engines/SignalEngines.h"
#include "engines/Stats.h"

#include <cmath>

namespace upstream::engines {
namespace {

constexpr std::int64_t kMinVolume = 10;
constexpr double kMinCompleteness = 0.8;
constexpr double kAlpha = 0.05;
constexpr double kMinLowDelta = 2.0;

Severity delaySeverity(double delta, double confidence)
{
    if (delta >= 10 && confidence >= 0.75)
        return Severity::Critical;
    if (delta >= 7 && confidence >= 0.65)
        return Severity::High;
    if (delta >= 4 && confidence >= 0.55)
        return Severity::Medium;
    return Severity::Low;
}

double completenessOf(const DayCounters &c) { return c.paid > 0 ? double(c.paymentCount) / double(c.paid) : 0.0; }

struct Latency {
    std::int64_t n = 0, sum = 0, sumSq = 0;
};

Latency latencyOf(const DayCounters &c, bool payment)
{
    if (payment)
        return {c.paymentCount, c.paymentSum, c.paymentSumSq};
    return {c.decisionPdCount + c.decisionOtherCount, c.decisionPdSum + c.decisionOtherSum,
            c.decisionPdSumSq + c.decisionOtherSumSq};
}

} // namespace

std::vector<Signal> runDelayGuard(const AggregateSet &set, QDate asOf)
{
    const ProductWindows w = windowsFor(Product::DelayGuard, asOf);
    const Window span{w.baseline.start, w.current.end};
    const auto payers = detail::rollup(set, span, [](const AggregateRow &r, std::uint64_t &key) {
        key = r.payer;
        return true;
    });
    std::vector<Signal> out;
    for (const auto &[key, g] : payers) {
        const DayCounters b = g.sum(span, w.baseline), c = g.sum(span, w.current);
        const double compB = completenessOf(b), compC = completenessOf(c);
        const bool payment = compB >= kMinCompleteness && compC >= kMinCompleteness;
        const Latency lb = latencyOf(b, payment), lc = latencyOf(c, payment);
        if (lb.n < kMinVolume || lc.n < kMinVolume)
            continue;
        const auto mb = stats::momentsFromSums(lb.n, lb.sum, lb.sumSq);
        const auto mc = stats::momentsFromSums(lc.n, lc.sum, lc.sumSq);
        const double delta = mc.mean - mb.mean;
        const double completeness = payment ? compC : 1.0;
        const double confidence =
            0.7 * std::min(1.0, double(lc.n + lb.n) / 40.0) + 0.3 * std::min(1.0, completeness / kMinCompleteness);
        const Severity severity = delaySeverity(delta, confidence);
        if (!(delta > 0) || (severity == Severity::Low && delta < kMinLowDelta))
            continue;
        const stats::TestResult t = stats::welchT(mb.mean, mb.variance, mb.n, mc.mean, mc.variance, mc.n);
        if (!(t.pValue < kAlpha))
            continue;

        Signal s;
        s.product = Product::DelayGuard;
        s.type = payment ? SignalType::PaymentLatency : SignalType::DecisionLatency;
        s.payer = set.payers()[int(key)];
        s.baselineValue = mb.mean;
        s.currentValue = mc.mean;
        s.delta = delta;
        s.relativeDelta = detail::relative(delta, mb.mean);
        s.severity = severity;
        s.severityScore = std::min(delta / 10.0, 1.0);
        s.confidence = confidence;
        s.dollars = double(c.allowedCents()) / 100.0 / double(w.current.days()) * delta;
        s.direction = Direction::Degrading;
        auto &e = s.evidence;
        e.baseline = w.baseline;
        e.current = w.current;
        e.baselineCount = lb.n;
        e.currentCount = lc.n;
        e.test = QStringLiteral("welch_t");
        e.statistic = t.statistic;
        e.pValue = t.pValue;
        e.completeness = completeness;
        for (EpochDay d = span.start; d < span.end; ++d) {
            const Latency l = latencyOf(g.days[std::size_t(d - span.start)], payment);
            e.series.push_back({d, l.n, l.n > 0 ? double(l.sum) / double(l.n) : 0.0});
        }
        detail::finish(s);
        out.push_back(std::move(s));
    }
    detail::sortSignals(out);
    return out;
}

ProductWindows windowsFor(Product product, QDate asOf)
{
    const EpochDay end = toEpochDay(asOf);
    switch (product) {
    case Product::DriftWatch:
        return {{end - 104, end - 14}, {end - 14, end}};
    case Product::DenialScope:
        return {{end - 28, end - 7}, {end - 7, end}};
    case Product::DelayGuard:
        return {{end - 74, end - 14}, {end - 14, end}};
    }
    return {};
}

std::vector<Signal> run(const AggregateSet &aggregates, Product product, QDate asOf)
{
    switch (product) {
    case Product::DriftWatch:
        return runDriftWatch(aggregates, asOf);
    case Product::DenialScope:
        return runDenialScope(aggregates, asOf);
    case Product::DelayGuard:
        return runDelayGuard(aggregates, asOf);
    }
    return {};
}

std::vector<Signal> runAll(const AggregateSet &aggregates, QDate asOf)
{
    std::vector<Signal> all;
    for (const Product p : {Product::DriftWatch, Product::DenialScope, Product::DelayGuard}) {
        auto part = run(aggregates, p, asOf);
        all.insert(all.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
    }
    return all;
}

} // namespace upstream::engines
