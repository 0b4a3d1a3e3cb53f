// DriftWatch: denial rate and decision time per (payer, cpt_group), current [end−14, end) against baseline
// [end−104, end−14), over PAID and DENIED claims.
#include "engines/EngineSupport.h"
#include "engines/SignalEngines.h"
#include "engines/Stats.h"

#include <cmath>

namespace upstream::engines {
namespace {

using detail::GroupSeries;

constexpr std::int64_t kMinVolume = 30;
constexpr double kMinAbsDelta = 0.05;
constexpr double kMinRelDelta = 0.5;
constexpr double kAlpha = 0.05;
constexpr double kMinDecisionDays = 3.0;

double confidenceOf(std::int64_t nb, std::int64_t nc) { return std::min(double(nb + nc) / 120.0, 1.0); }

Signal base(const AggregateSet &set, std::uint64_t key, SignalType type, const ProductWindows &w)
{
    Signal s;
    s.product = Product::DriftWatch;
    s.type = type;
    s.payer = set.payers()[int(key >> 32)];
    s.cptGroup = set.groups()[int(key & 0xffffffffu)];
    s.evidence.baseline = w.baseline;
    s.evidence.current = w.current;
    return s;
}

void denialRate(const AggregateSet &set, std::uint64_t key, const GroupSeries &g, const ProductWindows &w,
                const Window &span, std::vector<Signal> &out)
{
    const DayCounters b = g.sum(span, w.baseline), c = g.sum(span, w.current);
    const std::int64_t nb = b.paid + b.denied, nc = c.paid + c.denied;
    if (nb < kMinVolume || nc < kMinVolume)
        return;
    const double rb = double(b.denied) / double(nb), rc = double(c.denied) / double(nc);
    const double delta = rc - rb;
    const bool effect =
        std::fabs(delta) >= kMinAbsDelta || (rb > 0.0 ? std::fabs(delta) / rb >= kMinRelDelta : delta != 0.0);
    const stats::TestResult z = stats::twoProportionZ(b.denied, nb, c.denied, nc);
    if (!effect || !(z.pValue < kAlpha))
        return;

    Signal s = base(set, key, SignalType::DenialRate, w);
    s.baselineValue = rb;
    s.currentValue = rc;
    s.delta = delta;
    s.relativeDelta = detail::relative(delta, rb);
    s.severityScore = std::min(2.0 * std::fabs(delta), 1.0);
    s.severity = detail::severityFromScore(s.severityScore);
    s.confidence = confidenceOf(nb, nc);
    const double meanAllowed = double(c.allowedPaidCents + c.allowedDeniedCents) / 100.0 / double(nc);
    s.dollars = delta * double(nc) * meanAllowed;
    s.direction = delta > 0 ? Direction::Degrading : Direction::Improving;
    auto &e = s.evidence;
    e.baselineCount = nb;
    e.currentCount = nc;
    e.baselineEvents = b.denied;
    e.currentEvents = c.denied;
    e.test = QStringLiteral("two_proportion_z");
    e.statistic = z.statistic;
    e.pValue = z.pValue;
    for (EpochDay d = span.start; d < span.end; ++d) {
        const DayCounters &x = g.days[std::size_t(d - span.start)];
        const std::int64_t n = x.paid + x.denied;
        e.series.push_back({d, n, n > 0 ? double(x.denied) / double(n) : 0.0});
    }
    detail::finish(s);
    out.push_back(std::move(s));
}

void decisionTime(const AggregateSet &set, std::uint64_t key, const GroupSeries &g, const ProductWindows &w,
                  const Window &span, std::vector<Signal> &out)
{
    const DayCounters b = g.sum(span, w.baseline), c = g.sum(span, w.current);
    if (b.decisionPdCount < kMinVolume || c.decisionPdCount < kMinVolume)
        return;
    const auto mb = stats::momentsFromSums(b.decisionPdCount, b.decisionPdSum, b.decisionPdSumSq);
    const auto mc = stats::momentsFromSums(c.decisionPdCount, c.decisionPdSum, c.decisionPdSumSq);
    const double delta = mc.mean - mb.mean;
    const bool effect = std::fabs(delta) >= kMinDecisionDays
                        || (mb.mean > 0.0 ? std::fabs(delta) / mb.mean >= kMinRelDelta : delta != 0.0);
    const stats::TestResult t = stats::welchT(mb.mean, mb.variance, mb.n, mc.mean, mc.variance, mc.n);
    if (!effect || !(t.pValue < kAlpha))
        return;

    Signal s = base(set, key, SignalType::DecisionTime, w);
    s.baselineValue = mb.mean;
    s.currentValue = mc.mean;
    s.delta = delta;
    s.relativeDelta = detail::relative(delta, mb.mean);
    s.severityScore = std::min(std::fabs(delta) / 10.0, 1.0);
    s.severity = detail::severityFromScore(s.severityScore);
    s.confidence = confidenceOf(b.decisionPdCount, c.decisionPdCount);
    s.dollars = 0.0; // SPEC gives decision time no dollar figure; DelayGuard carries the money at risk.
    s.direction = delta > 0 ? Direction::Degrading : Direction::Improving;
    auto &e = s.evidence;
    e.baselineCount = b.decisionPdCount;
    e.currentCount = c.decisionPdCount;
    e.test = QStringLiteral("welch_t");
    e.statistic = t.statistic;
    e.pValue = t.pValue;
    for (EpochDay d = span.start; d < span.end; ++d) {
        const DayCounters &x = g.days[std::size_t(d - span.start)];
        e.series.push_back(
            {d, x.decisionPdCount, x.decisionPdCount > 0 ? double(x.decisionPdSum) / double(x.decisionPdCount) : 0.0});
    }
    detail::finish(s);
    out.push_back(std::move(s));
}

} // namespace

std::vector<Signal> runDriftWatch(const AggregateSet &set, QDate asOf)
{
    const ProductWindows w = windowsFor(Product::DriftWatch, asOf);
    const Window span{w.baseline.start, w.current.end};
    const auto groups = detail::rollup(set, span, [](const AggregateRow &r, std::uint64_t &key) {
        key = (std::uint64_t(r.payer) << 32) | r.group;
        return true;
    });
    std::vector<Signal> out;
    for (const auto &[key, g] : groups) {
        denialRate(set, key, g, w, span, out);
        decisionTime(set, key, g, w, span, out);
    }
    detail::sortSignals(out);
    return out;
}

} // namespace upstream::engines
