// DelayGuard: per payer and signal type, observed vs expected finished claims (SPEC 6). A cohort
// [T−28, T) is held against the reference curve of the cohort [T−118, T−28): F(a) = share of reference claims
// finished (lag < a), linear between whole days. E = Σ F(ageᵢ) over the cohort, O = cohort claims finished
// before T; slower means O < E (one-sided z). The slowdown Δ shifts the curve: Σ F(ageᵢ − Δ) = O.
//  - adjudication_delay: every claim, cohorts by submitted day, lag = decided − submitted;
//  - payment_delay: PAID claims, cohorts by decided day, lag = payment − decided, only when ≥ 80 % of the
//    reference's PAID claims were paid before T (an export without payment dates gets no payment signal).
// The replay rule lives here: a lag ≥ T − day had not happened at T (AggregateRow::finishedBefore).
#include "engines/EngineSupport.h"
#include "engines/SignalEngines.h"
#include "engines/Stats.h"

#include <cmath>
#include <map>
#include <tuple>

namespace upstream::engines {
namespace {

constexpr std::int64_t kMinCohortClaims = 30;
constexpr double kMinExpected = 10.0;
constexpr double kMinCompleteness = 0.8;
constexpr double kAlpha = 0.01;
constexpr double kMinDelta = 2.0;
constexpr double kMaxDelta = 90.0;

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

struct LagCell {
    EpochDay day;
    std::uint16_t lag;
    std::int64_t claims;
    std::int64_t atRiskCents;
};

// The reference curve F at whole days 0 … maxAge, linear between them, 0 at and below 0.
class ReferenceCurve {
public:
    ReferenceCurve(const std::vector<LagCell> &reference, std::int64_t n, EpochDay asOf, int maxAge)
        : m_at(std::size_t(maxAge) + 1, 0.0)
    {
        std::vector<std::int64_t> finishedWithLag(std::size_t(maxAge) + 1, 0);
        for (const LagCell &c : reference)
            if (c.lag != kUnfinishedLag && std::int64_t(c.day) + c.lag < asOf && c.lag < maxAge)
                finishedWithLag[c.lag] += c.claims;
        std::int64_t below = 0; // claims with lag < a
        for (int a = 0; a <= maxAge; ++a) {
            m_at[std::size_t(a)] = n > 0 ? double(below) / double(n) : 0.0;
            if (a < maxAge)
                below += finishedWithLag[std::size_t(a)];
        }
    }
    double operator()(double a) const
    {
        if (a <= 0.0)
            return 0.0;
        const double top = double(m_at.size() - 1);
        if (a >= top)
            return m_at.back();
        const auto i = std::size_t(a);
        return m_at[i] + (a - double(i)) * (m_at[i + 1] - m_at[i]);
    }
    const std::vector<double> &points() const { return m_at; }

private:
    std::vector<double> m_at;
};

// Nearest-rank quantile of the reference lags, unfinished claims counting as infinitely long; -1 when the rank
// falls on an unfinished claim.
int referenceQuantile(const std::vector<LagCell> &reference, std::int64_t n, EpochDay asOf, double q)
{
    std::map<int, std::int64_t> byLag;
    for (const LagCell &c : reference)
        if (c.lag != kUnfinishedLag && std::int64_t(c.day) + c.lag < asOf)
            byLag[c.lag] += c.claims;
    const auto rank = std::int64_t(std::ceil(q * double(n) - 1e-9));
    std::int64_t seen = 0;
    for (const auto &[lag, claims] : byLag) {
        seen += claims;
        if (seen >= std::max<std::int64_t>(rank, 1))
            return lag;
    }
    return -1;
}

void delay(const AggregateSet &set, std::uint32_t payer, SignalType type, const std::vector<LagCell> &cells,
           const ProductWindows &w, EpochDay asOf, std::vector<Signal> &out)
{
    std::vector<LagCell> reference, cohort;
    std::int64_t nRef = 0, nCohort = 0;
    for (const LagCell &c : cells) {
        if (w.baseline.contains(c.day)) {
            reference.push_back(c);
            nRef += c.claims;
        } else if (w.current.contains(c.day)) {
            cohort.push_back(c);
            nCohort += c.claims;
        }
    }
    if (nRef < kMinCohortClaims || nCohort < kMinCohortClaims)
        return;
    std::int64_t refFinished = 0;
    for (const LagCell &c : reference)
        refFinished += c.lag != kUnfinishedLag && std::int64_t(c.day) + c.lag < asOf ? c.claims : 0;
    const double completeness = double(refFinished) / double(nRef);
    if (type == SignalType::PaymentDelay && completeness < kMinCompleteness)
        return;

    const int maxAge = w.current.days();
    const ReferenceCurve F(reference, nRef, asOf, maxAge);
    // The cohort by age (1 … maxAge): integer counts first, so the sums below do not depend on row order.
    std::vector<std::int64_t> atAge(std::size_t(maxAge) + 1, 0);
    std::int64_t observed = 0;
    for (const LagCell &c : cohort) {
        const int age = asOf - c.day;
        atAge[std::size_t(age)] += c.claims;
        observed += c.lag != kUnfinishedLag && c.lag < age ? c.claims : 0;
    }
    double expected = 0.0, variance = 0.0;
    for (int age = 1; age <= maxAge; ++age) {
        const double f = F(age);
        expected += double(atAge[std::size_t(age)]) * f;
        variance += double(atAge[std::size_t(age)]) * f * (1.0 - f);
    }
    if (expected < kMinExpected)
        return;
    const double z = variance > 0.0 ? (double(observed) - expected) / std::sqrt(variance) : 0.0;
    const double p = variance > 0.0 ? stats::normalCdf(z) : 1.0;

    double delta = 0.0;
    if (double(observed) < expected) {
        auto shifted = [&](double d) {
            double sum = 0.0;
            for (int age = 1; age <= maxAge; ++age)
                sum += double(atAge[std::size_t(age)]) * F(double(age) - d);
            return sum;
        };
        double lo = 0.0, hi = kMaxDelta; // shifted() falls as d grows
        for (int i = 0; i < 60 && hi - lo > 1e-9; ++i) {
            const double mid = 0.5 * (lo + hi);
            (shifted(mid) > double(observed) ? lo : hi) = mid;
        }
        delta = std::round(0.5 * (lo + hi) * 100.0) / 100.0; // SPEC: to 0.01 day
    }
    if (!(delta >= kMinDelta) || !(p < kAlpha))
        return;

    const int median = referenceQuantile(reference, nRef, asOf, 0.5);
    const int p80 = referenceQuantile(reference, nRef, asOf, 0.8);
    if (median < 0)
        return; // over half of the reference unfinished: no baseline to state a slowdown against
    DelayFigures d;
    d.observed = double(observed);
    d.expected = expected;
    d.variance = variance;
    d.referenceP80Lag = p80;
    for (const LagCell &c : cohort) {
        const int age = asOf - c.day;
        const bool finished = c.lag != kUnfinishedLag && c.lag < age;
        if (finished)
            continue;
        d.unfinished += c.claims;
        if (p80 >= 0 && age > p80) {
            d.overdueClaims += c.claims;
            d.overdueDollars += double(c.atRiskCents) / 100.0;
        }
    }
    for (int a = 0; a <= maxAge; ++a) {
        d.referenceCurve.push_back({a, nRef, F.points()[std::size_t(a)]});
        std::int64_t atLeast = 0, finishedBelow = 0;
        for (const LagCell &c : cohort) {
            const int age = asOf - c.day;
            if (age < a)
                continue;
            atLeast += c.claims;
            finishedBelow += c.lag != kUnfinishedLag && c.lag < a && c.lag < age ? c.claims : 0;
        }
        d.cohortCurve.push_back({a, atLeast, atLeast > 0 ? double(finishedBelow) / double(atLeast) : 0.0});
    }

    Signal s;
    s.product = Product::DelayGuard;
    s.type = type;
    s.payer = set.payers()[int(payer)];
    s.baselineValue = median;
    s.currentValue = median + delta;
    s.delta = delta;
    s.relativeDelta = detail::relative(delta, median);
    s.confidence = 0.7 * std::min(1.0, expected / 40.0) + 0.3 * std::min(1.0, double(nRef) / 200.0);
    s.severity = delaySeverity(delta, s.confidence);
    s.severityScore = std::min(delta / 10.0, 1.0);
    s.dollars = d.overdueDollars;
    s.direction = Direction::Degrading;
    auto &e = s.evidence;
    e.baseline = w.baseline;
    e.current = w.current;
    e.keyedOn =
        type == SignalType::AdjudicationDelay ? QStringLiteral("submitted_date") : QStringLiteral("decided_date");
    e.baselineCount = nRef;
    e.currentCount = nCohort;
    e.baselineEvents = refFinished;
    e.currentEvents = observed;
    e.test = QStringLiteral("observed_vs_expected");
    e.statistic = z;
    e.pValue = p;
    e.alpha = kAlpha;
    e.completeness = completeness;
    // The daily series: claims per cohort day and the share finished before T.
    std::map<EpochDay, std::pair<std::int64_t, std::int64_t>> byDay;
    for (const LagCell &c : cells) {
        auto &[n, fin] = byDay[c.day];
        n += c.claims;
        fin += c.lag != kUnfinishedLag && std::int64_t(c.day) + c.lag < asOf ? c.claims : 0;
    }
    for (EpochDay day = w.baseline.start; day < w.current.end; ++day) {
        const auto it = byDay.find(day);
        const std::int64_t n = it == byDay.end() ? 0 : it->second.first;
        e.series.push_back({day, n, n > 0 ? double(it->second.second) / double(n) : 0.0});
    }
    e.delay = std::move(d);
    detail::finish(s);
    out.push_back(std::move(s));
}

} // namespace

std::vector<Signal> runDelayGuard(const AggregateSet &set, QDate asOf)
{
    const ProductWindows w = windowsFor(Product::DelayGuard, asOf);
    const EpochDay end = toEpochDay(asOf);
    const Window span{w.baseline.start, w.current.end};
    // payer → cells per kind (index 0 adjudication, 1 payment), in a deterministic order.
    std::map<std::uint32_t, std::vector<LagCell>> cells[2];
    for (const AggregateRow &r : set.rows()) {
        if (r.kind == AggregateKind::Decided || !span.contains(r.day) || r.c.claims == 0)
            continue;
        cells[r.kind == AggregateKind::Adjudication ? 0 : 1][r.payer].push_back(
            {r.day, r.lag, r.c.claims, r.c.atRiskCents});
    }
    // Sums in (day, lag) order: the same figures, to the last bit, whatever order the rows arrived in.
    for (auto &byPayer : cells)
        for (auto &[payer, list] : byPayer)
            std::sort(list.begin(), list.end(), [](const LagCell &a, const LagCell &b) {
                return std::tie(a.day, a.lag) < std::tie(b.day, b.lag);
            });
    std::vector<Signal> out;
    for (int k = 0; k < 2; ++k)
        for (const auto &[payer, list] : cells[k])
            delay(set, payer, k == 0 ? SignalType::AdjudicationDelay : SignalType::PaymentDelay, list, w, end, out);
    detail::sortSignals(out);
    return out;
}

ProductWindows windowsFor(Product product, QDate asOf)
{
    const EpochDay end = toEpochDay(asOf);
    switch (product) {
    case Product::DriftWatch: return {{end - 104, end - 14}, {end - 14, end}};
    case Product::DenialScope: return {{end - 28, end - 7}, {end - 7, end}};
    case Product::DelayGuard: return {{end - 118, end - 28}, {end - 28, end}};
    }
    return {};
}

std::vector<Signal> run(const AggregateSet &aggregates, Product product, QDate asOf)
{
    switch (product) {
    case Product::DriftWatch: return runDriftWatch(aggregates, asOf);
    case Product::DenialScope: return runDenialScope(aggregates, asOf);
    case Product::DelayGuard: return runDelayGuard(aggregates, asOf);
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

QDate defaultAsOf(const AggregateSet &aggregates)
{
    const EpochDay newest = aggregates.newestEventDay();
    return newest == kNoDay ? QDate() : fromEpochDay(newest + 1);
}

} // namespace upstream::engines
