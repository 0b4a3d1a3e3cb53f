// DenialScope: per (payer, denial reason) over decided claims keyed on decided_date, recent [T−7, T) against
// baseline [T−28, T−7). Detects a reason that is new for the payer, and spikes of its rate (among the payer's
// decided claims), its daily volume and its daily denied dollars.
#include "engines/EngineSupport.h"
#include "engines/SignalEngines.h"
#include "engines/Stats.h"

#include <cmath>
#include <limits>

namespace upstream::engines {
namespace {

using detail::GroupSeries;

constexpr std::int64_t kMinPayerClaims = 10;
constexpr std::int64_t kMinNewReasonDenials = 10;
constexpr std::int64_t kMinSpikeDenials = 20;
constexpr double kMinRateDelta = 0.05;
constexpr double kMinRatio = 0.5;
constexpr double kAlpha = 0.01;
constexpr double kNewReasonConfidence = 0.8;

Severity severityFromRatio(double ratio)
{
    if (ratio >= 1.0)
        return Severity::Critical;
    if (ratio >= 0.75)
        return Severity::High;
    if (ratio >= 0.5)
        return Severity::Medium;
    return Severity::Low;
}

// (recent − base) ÷ base; a metric rising from zero is an infinite ratio.
double ratioOf(double base, double recent)
{
    if (base > 0.0)
        return (recent - base) / base;
    return recent > 0.0 ? std::numeric_limits<double>::infinity() : 0.0;
}

} // namespace

std::vector<Signal> runDenialScope(const AggregateSet &set, QDate asOf)
{
    const ProductWindows w = windowsFor(Product::DenialScope, asOf);
    const Window span{w.baseline.start, w.current.end};
    const double baseDays = w.baseline.days(), recentDays = w.current.days();

    const auto payers = detail::rollup(set, span, [](const AggregateRow &r, std::uint64_t &key) {
        key = r.payer;
        return r.kind == AggregateKind::Decided;
    });
    const auto reasons = detail::rollup(set, span, [](const AggregateRow &r, std::uint64_t &key) {
        key = (std::uint64_t(r.payer) << 32) | r.reason;
        return r.kind == AggregateKind::Decided && r.reason != 0 && r.c.denied > 0;
    });

    std::vector<Signal> out;
    for (const auto &[key, g] : reasons) {
        const auto payerIt = payers.find(key >> 32);
        if (payerIt == payers.end())
            continue;
        const DayCounters pb = payerIt->second.sum(span, w.baseline), pc = payerIt->second.sum(span, w.current);
        const std::int64_t nb = pb.decided(), nc = pc.decided();
        if (nb < kMinPayerClaims || nc < kMinPayerClaims)
            continue;
        const DayCounters rb = g.sum(span, w.baseline), rc = g.sum(span, w.current);
        const std::int64_t kb = rb.denied, kc = rc.denied;

        Signal s;
        s.product = Product::DenialScope;
        s.payer = set.payers()[int(key >> 32)];
        s.reason = set.reasons()[int(key & 0xffffffffu)];
        const stats::TestResult poisson = stats::poissonRateTest(kb, baseDays, kc, recentDays);
        bool fired = false;
        if (kb == 0 && kc >= kMinNewReasonDenials) {
            s.type = SignalType::NewReason;
            s.baselineValue = 0.0;
            s.currentValue = double(kc) / recentDays;
            s.delta = s.currentValue;
            s.severity = Severity::High;
            s.severityScore = 0.75;
            s.confidence = kNewReasonConfidence;
            s.evidence.test = QStringLiteral("poisson_exact");
            s.evidence.statistic = poisson.statistic;
            s.evidence.pValue = poisson.pValue;
            s.evidence.baselineCount = nb;
            s.evidence.currentCount = nc;
            fired = true;
        } else if (kc >= kMinSpikeDenials) {
            const double rateB = double(kb) / double(nb), rateC = double(kc) / double(nc);
            const double rateDelta = rateC - rateB, rateRatio = ratioOf(rateB, rateC);
            const stats::TestResult z = stats::twoProportionZ(kb, nb, kc, nc);
            const double volB = double(kb) / baseDays, volC = double(kc) / recentDays;
            const double dolB = double(rb.allowedDeniedCents) / 100.0 / baseDays;
            const double dolC = double(rc.allowedDeniedCents) / 100.0 / recentDays;
            const double volRatio = ratioOf(volB, volC), dolRatio = ratioOf(dolB, dolC);
            auto take = [&](SignalType type, double b, double c, double ratio, const stats::TestResult &test,
                            const QString &testName) {
                s.type = type;
                s.baselineValue = b;
                s.currentValue = c;
                s.delta = c - b;
                s.relativeDelta = std::isinf(ratio) ? 0.0 : ratio;
                s.severity = severityFromRatio(ratio);
                s.severityScore = std::min(ratio, 1.0);
                s.confidence = std::min(double(kc + kb) / 40.0, 1.0);
                s.evidence.test = testName;
                s.evidence.statistic = test.statistic;
                s.evidence.pValue = test.pValue;
                s.evidence.alpha = kAlpha;
                s.evidence.baselineCount = nb;
                s.evidence.currentCount = nc;
                fired = true;
            };
            if ((rateDelta >= kMinRateDelta || rateRatio >= kMinRatio) && z.pValue < kAlpha)
                take(SignalType::ReasonRateSpike, rateB, rateC, rateRatio, z, QStringLiteral("two_proportion_z"));
            else if (volRatio >= kMinRatio && poisson.pValue < kAlpha)
                take(SignalType::ReasonVolumeSpike, volB, volC, volRatio, poisson, QStringLiteral("poisson_exact"));
            else if (dolRatio >= kMinRatio && poisson.pValue < kAlpha)
                take(SignalType::ReasonDollarSpike, dolB, dolC, dolRatio, poisson, QStringLiteral("poisson_exact"));
        }
        if (!fired)
            continue;
        s.dollars = double(rc.allowedDeniedCents) / 100.0;
        s.direction = Direction::Degrading;
        auto &e = s.evidence;
        e.baseline = w.baseline;
        e.current = w.current;
        e.keyedOn = QStringLiteral("decided_date");
        e.baselineEvents = kb;
        e.currentEvents = kc;
        for (EpochDay d = span.start; d < span.end; ++d) {
            const std::size_t i = std::size_t(d - span.start);
            e.series.push_back({d, payerIt->second.days[i].decided(), double(g.days[i].denied)});
        }
        detail::finish(s);
        out.push_back(std::move(s));
    }
    detail::sortSignals(out);
    return out;
}

} // namespace upstream::engines
