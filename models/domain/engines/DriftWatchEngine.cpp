// DriftWatch: the denial rate of (payer, cpt_group) over decided PAID and DENIED claims, keyed on decided_date:
// current [T−14, T) against baseline [T−104, T−14). A payer's groups are one family of tests (SPEC 6): they are
// tested only when the payer as a whole moved (all groups pooled, p < 0.05), each at α = 0.01 ÷ k, k = the
// payer's groups that meet the minimum volume.
#include "engines/EngineSupport.h"
#include "engines/SignalEngines.h"
#include "engines/Stats.h"

#include <cmath>
#include <map>

namespace upstream::engines {
namespace {

using detail::GroupSeries;

constexpr std::int64_t kMinVolume = 30;
constexpr double kMinAbsDelta = 0.05;
constexpr double kMinRelDelta = 0.5;
constexpr double kFamilyAlpha = 0.05;
constexpr double kGroupAlpha = 0.01;

std::int64_t decidedPd(const DayCounters &c)
{
    return c.paid + c.denied;
}

struct Family {
    DayCounters baseline, current;
    std::vector<std::pair<std::uint32_t, const GroupSeries *>> groups; // (group id, series), sorted by id
};

void denialRate(const AggregateSet &set, std::uint32_t payer, std::uint32_t group, const GroupSeries &g,
                const ProductWindows &w, const Window &span, double alpha, double familyP, std::vector<Signal> &out)
{
    const DayCounters b = g.sum(span, w.baseline), c = g.sum(span, w.current);
    const std::int64_t nb = decidedPd(b), nc = decidedPd(c);
    const double rb = double(b.denied) / double(nb), rc = double(c.denied) / double(nc);
    const double delta = rc - rb;
    const bool effect =
        std::fabs(delta) >= kMinAbsDelta || (rb > 0.0 ? std::fabs(delta) / rb >= kMinRelDelta : delta != 0.0);
    const stats::TestResult z = stats::twoProportionZ(b.denied, nb, c.denied, nc);
    if (!effect || !(z.pValue < alpha))
        return;

    Signal s;
    s.product = Product::DriftWatch;
    s.type = SignalType::DenialRate;
    s.payer = set.payers()[int(payer)];
    s.cptGroup = set.groups()[int(group)];
    s.baselineValue = rb;
    s.currentValue = rc;
    s.delta = delta;
    s.relativeDelta = detail::relative(delta, rb);
    s.severityScore = std::min(2.0 * std::fabs(delta), 1.0);
    s.severity = detail::severityFromScore(s.severityScore);
    s.confidence = std::min(double(nb + nc) / 120.0, 1.0);
    const double meanAllowed = double(c.allowedPaidCents + c.allowedDeniedCents) / 100.0 / double(nc);
    s.dollars = delta * double(nc) * meanAllowed;
    s.direction = delta > 0 ? Direction::Degrading : Direction::Improving;
    auto &e = s.evidence;
    e.baseline = w.baseline;
    e.current = w.current;
    e.keyedOn = QStringLiteral("decided_date");
    e.baselineCount = nb;
    e.currentCount = nc;
    e.baselineEvents = b.denied;
    e.currentEvents = c.denied;
    e.test = QStringLiteral("two_proportion_z");
    e.statistic = z.statistic;
    e.pValue = z.pValue;
    e.alpha = alpha;
    e.familyPValue = familyP;
    for (EpochDay d = span.start; d < span.end; ++d) {
        const DayCounters &x = g.days[std::size_t(d - span.start)];
        const std::int64_t n = decidedPd(x);
        e.series.push_back({d, n, n > 0 ? double(x.denied) / double(n) : 0.0});
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
        return r.kind == AggregateKind::Decided;
    });
    std::map<std::uint32_t, Family> families;
    for (const auto &[key, g] : groups) {
        Family &f = families[std::uint32_t(key >> 32)];
        f.baseline.add(g.sum(span, w.baseline));
        f.current.add(g.sum(span, w.current));
        f.groups.emplace_back(std::uint32_t(key & 0xffffffffu), &g);
    }
    std::vector<Signal> out;
    for (auto &[payer, f] : families) {
        const stats::TestResult pooled =
            stats::twoProportionZ(f.baseline.denied, decidedPd(f.baseline), f.current.denied, decidedPd(f.current));
        if (!(pooled.pValue < kFamilyAlpha))
            continue;
        int k = 0;
        for (const auto &[group, g] : f.groups) {
            const DayCounters b = g->sum(span, w.baseline), c = g->sum(span, w.current);
            k += decidedPd(b) >= kMinVolume && decidedPd(c) >= kMinVolume ? 1 : 0;
        }
        if (k == 0)
            continue;
        const double alpha = kGroupAlpha / double(k);
        for (const auto &[group, g] : f.groups) {
            const DayCounters b = g->sum(span, w.baseline), c = g->sum(span, w.current);
            if (decidedPd(b) >= kMinVolume && decidedPd(c) >= kMinVolume)
                denialRate(set, payer, group, *g, w, span, alpha, pooled.pValue, out);
        }
    }
    detail::sortSignals(out);
    return out;
}

} // namespace upstream::engines
