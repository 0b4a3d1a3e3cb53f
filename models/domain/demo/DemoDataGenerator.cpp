#include "demo/DemoDataGenerator.h"

#include "demo/DemoCatalog.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace upstream::demo {

using engines::EpochDay;
using engines::Outcome;
using engines::Product;

namespace {

// xoshiro256** seeded through splitmix64: fast, and identical on every platform for a seed.
class Rng {
public:
    explicit Rng(std::uint64_t seed)
    {
        for (auto &s : m_s)
            s = splitmix(seed);
    }
    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    int index(int n) { return int(uniform() * n); }
    static std::uint64_t splitmix(std::uint64_t &x)
    {
        std::uint64_t z = (x += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t m_s[4]{};
};

// Mon..Sun volume factors: clinics submit little at weekends.
constexpr double kWeekday[7] = {1.15, 1.10, 1.05, 1.05, 1.00, 0.35, 0.20};
constexpr double kOtherRate = 0.03;
constexpr double kFreeTextShare = 0.015, kUnspecifiedShare = 0.005;
constexpr double kDecoyNewReasonDenials = 4.0;    // expected denials of a decoy new reason in its 7 days (< 10)
constexpr double kPlantedNewReasonDenials = 30.0; // at least this many expected for a planted one

// Day-to-day volume noise per payer, from a hash (not the claim stream), so it does not depend on row count;
// keyed on the day's distance from asOf, so the data does not depend on the calendar beyond the weekday.
double dayNoise(std::uint64_t seed, int payer, int daysBeforeAsOf)
{
    std::uint64_t x = seed ^ (std::uint64_t(payer) << 32) ^ std::uint64_t(std::uint32_t(daysBeforeAsOf)) * 0x9e37ull;
    return 0.85 + 0.30 * double(Rng::splitmix(x) >> 11) * 0x1.0p-53;
}

int evenShare(int payers, int per128)
{
    return std::max(2, (payers * per128 / 128) & ~1);
}

int latency(Rng &rng, double mean)
{
    // Mean-preserving spread over [0.4, 1.6] × mean (sum of three uniforms: a rounded hump, no long tail).
    return int(std::lround(mean * (0.4 + 0.4 * (rng.uniform() + rng.uniform() + rng.uniform()))));
}

} // namespace

QJsonObject PlantedChange::toJson() const
{
    return QJsonObject{{QStringLiteral("product"), engines::productName(product)},
                       {QStringLiteral("signal_type"), engines::signalTypeName(signalType)},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("decoy"), decoy},
                       {QStringLiteral("payer"), payer},
                       {QStringLiteral("cpt_group"), cptGroup},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("size"), size},
                       {QStringLiteral("window_start"), engines::fromEpochDay(window.start).toString(Qt::ISODate)},
                       {QStringLiteral("window_end"), engines::fromEpochDay(window.end).toString(Qt::ISODate)}};
}

QJsonObject DemoTruth::toJson() const
{
    QJsonArray items;
    int planted = 0;
    for (const auto &c : changes) {
        items.append(c.toJson());
        planted += c.decoy ? 0 : 1;
    }
    QStringList quietPayers;
    for (const QString &p : payers)
        if (quiet(p))
            quietPayers.append(p);
    return QJsonObject{{QStringLiteral("seed"), QString::number(config.seed)},
                       {QStringLiteral("rows"), qint64(config.rows)},
                       {QStringLiteral("as_of"), config.asOf.toString(Qt::ISODate)},
                       {QStringLiteral("exported_on"), config.exportedOn.toString(Qt::ISODate)},
                       {QStringLiteral("payers"), QJsonArray::fromStringList(payers)},
                       {QStringLiteral("quiet_payers"), QJsonArray::fromStringList(quietPayers)},
                       {QStringLiteral("planted"), planted},
                       {QStringLiteral("decoys"), int(changes.size()) - planted},
                       {QStringLiteral("changes"), items}};
}

bool DemoTruth::quiet(const QString &payer) const
{
    return std::none_of(changes.begin(), changes.end(), [&](const PlantedChange &c) { return c.payer == payer; });
}

DemoDataGenerator::DemoDataGenerator(DemoConfig config) : m_config(config)
{
    if (!m_config.asOf.isValid())
        m_config.asOf = QDate::currentDate();
    if (!m_config.exportedOn.isValid() || m_config.exportedOn < m_config.asOf)
        m_config.exportedOn = m_config.asOf;
    m_config.payers = std::clamp(m_config.payers, 24, 240); // the catalog has 240 distinct payer names
    m_config.historyDays = std::max(m_config.historyDays, 130);
    m_config.rows = std::max<std::int64_t>(m_config.rows, 0);
    m_truth.config = m_config;
    m_truth.payers = demoPayerNames(m_config.payers);
    DemoLayout &l = m_truth.layout;
    l.driftWatch = evenShare(m_config.payers, 28);
    l.denialScope = evenShare(m_config.payers, 16);
    l.adjudication = evenShare(m_config.payers, 10);
    l.payment = evenShare(m_config.payers, 10);
    l.noPaymentDates = std::max(1, (m_config.payers - l.itemPayers()) / 8);
    plan();
}

void DemoDataGenerator::plan()
{
    Rng rng(m_config.seed);
    const auto &groups = demoCptGroups();
    const int nGroups = int(groups.size()), nCommon = int(demoCommonReasons().size());
    const EpochDay end = engines::toEpochDay(m_config.asOf);
    const DemoLayout &l = m_truth.layout;
    const int dsBegin = l.driftWatch, adjBegin = dsBegin + l.denialScope, payBegin = adjBegin + l.adjudication;
    m_payers.resize(std::size_t(m_config.payers));
    for (int p = 0; p < m_config.payers; ++p) {
        PayerModel &m = m_payers[std::size_t(p)];
        m.weight = rng.uniform(0.6, 1.6);
        const double payerDenial = rng.uniform(0.10, 0.18);
        for (int g = 0; g < nGroups; ++g) {
            m.groupWeight.push_back(groups[std::size_t(g)].weight * rng.uniform(0.7, 1.3));
            m.denialRate.push_back(payerDenial * rng.uniform(0.9, 1.2));
        }
        // Seven of the common reasons, with uneven shares.
        std::vector<int> all(static_cast<std::size_t>(nCommon));
        for (int i = 0; i < nCommon; ++i)
            all[std::size_t(i)] = i;
        for (int i = nCommon - 1; i > 0; --i)
            std::swap(all[std::size_t(i)], all[std::size_t(rng.index(i + 1))]);
        // A payer denies mostly for three reasons (the first dominant) and rarely for four more: few reasons sit
        // in the band of 20–40 weekly denials where chance spikes clear DenialScope's thresholds.
        double total = 0;
        for (int i = 0; i < 7; ++i) {
            m.reasons.push_back(all[std::size_t(i)]);
            total += i == 0 ? 2.0 + rng.uniform() : i < 3 ? 1.0 + 0.5 * rng.uniform() : 0.03 + 0.03 * rng.uniform();
            m.reasonCdf.push_back(total);
        }
        for (double &c : m.reasonCdf)
            c /= total;
        m.decisionMean = rng.uniform(6, 16);
        m.paymentLagMean = rng.uniform(8, 18); // payments come later than denials
        m.paymentCompleteness = p >= m_config.payers - l.noPaymentDates ? 0.0 : 0.97;
    }

    auto add = [&](Product product, engines::SignalType type, const QString &kind, bool decoy, int p,
                   const QString &group, const QString &reason, double size, engines::Window window) {
        m_truth.changes.push_back(
            PlantedChange{product, kind, decoy, p, m_truth.payers[p], group, reason, size, type, window});
    };
    const engines::Window last14{end - 14, end}, last7{end - 7, end}, last28{end - 28, end};
    for (int p = 0; p < dsBegin; ++p) { // DriftWatch: even payers planted, odd payers decoys
        PayerModel &m = m_payers[std::size_t(p)];
        const bool decoy = p % 2 == 1;
        // Decoys sit on the payer's busiest group, so "below threshold" is a property of the change, not a
        // coin flip of small-sample noise; planted shifts go to any of the payer's five busiest groups (the three
        // smallest see too few claims in 14 days for a shift of this size to be certain).
        std::vector<int> byVolume(std::size_t(nGroups), 0);
        for (int g = 0; g < nGroups; ++g)
            byVolume[std::size_t(g)] = g;
        std::sort(byVolume.begin(), byVolume.end(),
                  [&](int a, int b) { return m.groupWeight[std::size_t(a)] > m.groupWeight[std::size_t(b)]; });
        const int randomGroup = byVolume[std::size_t(rng.index(std::min(5, nGroups)))];
        m.shiftedGroup = decoy ? byVolume.front() : randomGroup;
        m.denialShift = decoy ? 0.01 : rng.uniform(0.15, 0.30);
        add(Product::DriftWatch, engines::SignalType::DenialRate, QStringLiteral("denial_rate_shift"), decoy, p,
            groups[std::size_t(m.shiftedGroup)].name, {}, m.denialShift, last14);
    }
    const int half = dsBegin + l.denialScope / 2;
    for (int p = dsBegin; p < adjBegin; ++p) { // DenialScope: one new reason + one spike each
        PayerModel &m = m_payers[std::size_t(p)];
        const bool newDecoy = p >= half;
        m.newReason = (p - dsBegin) % int(demoNewReasons().size());
        // Both are an expected number of denials over the 7 days (a negative plan value, turned into a per-claim
        // rate in generate() from the expected volume): a decoy has fewer than the 10 DenialScope needs.
        m.newReasonRate = newDecoy ? -kDecoyNewReasonDenials : -kPlantedNewReasonDenials * rng.uniform(1.0, 1.5);
        add(Product::DenialScope, engines::SignalType::NewReason, QStringLiteral("new_reason"), newDecoy, p, {},
            demoNewReasons()[std::size_t(m.newReason)].code, std::fabs(m.newReasonRate), last7);
        const bool spikeDecoy = !newDecoy;
        const double multiplier = spikeDecoy ? 1.2 : rng.uniform(2.5, 3.5);
        m.spikeReason = m.reasons.front();
        double avgDenial = 0, weights = 0;
        for (int g = 0; g < nGroups; ++g) {
            avgDenial += m.denialRate[std::size_t(g)] * m.groupWeight[std::size_t(g)];
            weights += m.groupWeight[std::size_t(g)];
        }
        const double share = m.reasonCdf.front() * (1.0 - kFreeTextShare - kUnspecifiedShare);
        m.spikeExtraRate = (multiplier - 1.0) * (avgDenial / weights) * (1.0 - kOtherRate) * share;
        add(Product::DenialScope, engines::SignalType::ReasonRateSpike, QStringLiteral("reason_spike"), spikeDecoy, p,
            {}, demoCommonReasons()[std::size_t(m.spikeReason)].code, multiplier, last7);
    }
    for (int p = adjBegin; p < payBegin; ++p) { // adjudication slowdowns: first half planted, second half decoys
        PayerModel &m = m_payers[std::size_t(p)];
        const bool decoy = p >= adjBegin + l.adjudication / 2;
        m.decisionShiftDays = decoy ? 1.0 : rng.uniform(6, 12);
        add(Product::DelayGuard, engines::SignalType::AdjudicationDelay, QStringLiteral("adjudication_slowdown"), decoy,
            p, {}, {}, m.decisionShiftDays, last28);
    }
    for (int p = payBegin; p < payBegin + l.payment; ++p) { // payment slowdowns: first half planted
        PayerModel &m = m_payers[std::size_t(p)];
        const bool decoy = p >= payBegin + l.payment / 2;
        m.paymentShiftDays = decoy ? 1.0 : rng.uniform(6, 12);
        add(Product::DelayGuard, engines::SignalType::PaymentDelay, QStringLiteral("payment_slowdown"), decoy, p, {},
            {}, m.paymentShiftDays, last28);
    }
}

void DemoDataGenerator::generate(const std::function<void(const DemoClaim &)> &sink) const
{
    const auto &groups = demoCptGroups();
    const int nGroups = int(groups.size()), nPayers = m_config.payers;
    const int nCommon = int(demoCommonReasons().size());
    const EpochDay end = engines::toEpochDay(m_config.asOf), start = end - m_config.historyDays;
    const EpochDay exportDay = engines::toEpochDay(m_config.exportedOn);
    // Expected volume of every (day, payer, group) cell, then systematic rounding so exactly `rows` claims are
    // submitted before asOf; days after asOf (a later export) continue at the same scale.
    std::vector<double> lambda;
    lambda.reserve(std::size_t(exportDay - start) * std::size_t(nPayers * nGroups));
    double total = 0;
    for (EpochDay d = start; d < exportDay; ++d) {
        const double wd = kWeekday[engines::fromEpochDay(d).dayOfWeek() - 1];
        for (int p = 0; p < nPayers; ++p) {
            const PayerModel &m = m_payers[std::size_t(p)];
            const double f = m.weight * wd * dayNoise(m_config.seed, p, end - d);
            for (int g = 0; g < nGroups; ++g) {
                lambda.push_back(f * m.groupWeight[std::size_t(g)]);
                total += d < end ? lambda.back() : 0.0;
            }
        }
    }
    const std::size_t cellsBeforeAsOf = std::size_t(end - start) * std::size_t(nPayers * nGroups);
    Rng rng(m_config.seed ^ 0x5deece66dull);
    const double scale = total > 0 ? double(m_config.rows) / total : 0.0;
    // Per-claim rate of each payer's new-reason item from its expected number of denials in [asOf−7, asOf).
    std::vector<double> newReasonRate(std::size_t(nPayers), 0.0);
    for (int p = 0; p < nPayers; ++p) {
        const double planned = m_payers[std::size_t(p)].newReasonRate;
        if (planned >= 0) {
            newReasonRate[std::size_t(p)] = planned;
            continue;
        }
        double expected = 0;
        for (EpochDay d = end - 7; d < end; ++d)
            for (int g = 0; g < nGroups; ++g)
                expected +=
                    lambda[(std::size_t(d - start) * std::size_t(nPayers) + std::size_t(p)) * std::size_t(nGroups) +
                           std::size_t(g)] *
                    scale;
        newReasonRate[std::size_t(p)] = expected > 0 ? std::min(0.5, -planned / expected) : 0.0;
    }
    const double offset = rng.uniform();
    double cumulative = 0;
    std::int64_t emitted = 0;
    std::size_t cell = 0;
    DemoClaim c;
    for (EpochDay d = start; d < exportDay; ++d) {
        for (int p = 0; p < nPayers; ++p) {
            const PayerModel &m = m_payers[std::size_t(p)];
            const double newRate = newReasonRate[std::size_t(p)];
            for (int g = 0; g < nGroups; ++g, ++cell) {
                const double before = std::floor(cumulative + offset);
                cumulative += lambda[cell] * scale;
                std::int64_t count = std::int64_t(std::floor(cumulative + offset) - before);
                if (cell + 1 == cellsBeforeAsOf)
                    count = m_config.rows - emitted; // absorb rounding error in the last cell before asOf
                const DemoCptGroup &grp = groups[std::size_t(g)];
                for (std::int64_t i = 0; i < count; ++i) {
                    c.payer = std::uint32_t(p);
                    c.group = std::uint32_t(g);
                    c.cpt = std::uint32_t(rng.index(int(grp.codes.size())));
                    c.submitted = d;
                    c.allowedCents = grp.minAllowedCents +
                                     std::int64_t(rng.uniform() * double(grp.maxAllowedCents - grp.minAllowedCents));
                    c.billedCents = std::int64_t(double(c.allowedCents) * rng.uniform(1.2, 2.2));
                    c.reason = -1;
                    c.freeText = -1;
                    // The decision first: the planted changes act on the decided date.
                    // Denials come back faster than payments: a denial is decided in about 60 % of the payer's
                    // usual time. Whether a claim is denied is drawn at the day a denial would be decided.
                    const int baseLag = std::max(1, latency(rng, m.decisionMean));
                    const int slowdown = d >= end - 28 ? int(std::lround(m.decisionShiftDays)) : 0;
                    const EpochDay deniedOn = d + std::max(1, int(std::lround(0.6 * baseLag))) + slowdown;
                    const EpochDay decidedOtherwise = d + baseLag + slowdown;
                    const bool in14 = deniedOn >= end - 14, in7 = deniedOn >= end - 7;
                    const double denial =
                        m.denialRate[std::size_t(g)] + (in14 && g == m.shiftedGroup ? m.denialShift : 0.0);
                    const double u = rng.uniform();
                    const double uPlant = rng.uniform();
                    if (in7 && m.newReason >= 0 && uPlant < newRate) {
                        c.outcome = Outcome::Denied;
                        c.reason = nCommon + m.newReason;
                    } else if (in7 && m.spikeReason >= 0 && uPlant >= newRate && uPlant < newRate + m.spikeExtraRate) {
                        c.outcome = Outcome::Denied;
                        c.reason = m.spikeReason;
                    } else if (u < kOtherRate) {
                        c.outcome = Outcome::Other;
                    } else if (u < kOtherRate + (1.0 - kOtherRate) * denial) {
                        c.outcome = Outcome::Denied;
                        const double r = rng.uniform();
                        if (r < kFreeTextShare) {
                            c.freeText = rng.index(int(demoFreeTextReasons().size()));
                        } else if (r >= kFreeTextShare + kUnspecifiedShare) {
                            const double x = rng.uniform();
                            const auto it = std::lower_bound(m.reasonCdf.begin(), m.reasonCdf.end(), x);
                            c.reason = m.reasons[std::size_t(std::min<std::ptrdiff_t>(
                                it - m.reasonCdf.begin(), std::ptrdiff_t(m.reasons.size()) - 1))];
                        }
                    } else {
                        c.outcome = Outcome::Paid;
                    }
                    const EpochDay decided = c.outcome == Outcome::Denied ? deniedOn : decidedOtherwise;
                    c.decided = decided;
                    c.payment = engines::kNoDay;
                    c.paidCents = engines::kNoAmount;
                    if (c.outcome == Outcome::Paid) {
                        c.paidCents = std::int64_t(double(c.allowedCents) * rng.uniform(0.85, 1.0));
                        if (rng.uniform() < m.paymentCompleteness)
                            c.payment = decided + std::max(1, latency(rng, m.paymentLagMean)) +
                                        int(std::lround(decided >= end - 28 ? m.paymentShiftDays : 0.0));
                    } else if (c.outcome == Outcome::Denied) {
                        c.paidCents = 0;
                    }
                    ++emitted;
                    c.ref = std::uint64_t(emitted);
                    // The export's view: what had not happened by the export day is not in the file.
                    if (c.decided >= exportDay) {
                        c.outcome = Outcome::Pending;
                        c.decided = engines::kNoDay;
                        c.payment = engines::kNoDay;
                        c.paidCents = engines::kNoAmount;
                        c.reason = -1;
                        c.freeText = -1;
                    } else if (c.payment != engines::kNoDay && c.payment >= exportDay) {
                        c.payment = engines::kNoDay;
                        c.paidCents = engines::kNoAmount;
                    }
                    sink(c);
                }
            }
        }
    }
}

engines::ClaimRecord DemoDataGenerator::toRecord(const DemoClaim &c) const
{
    const auto &grp = demoCptGroups()[c.group];
    engines::ClaimRecord r;
    r.payer = m_truth.payers[int(c.payer)];
    r.cpt = grp.codes[int(c.cpt)];
    r.cptGroup = grp.name;
    r.submittedDay = c.submitted;
    r.decidedDay = c.decided;
    r.paymentDay = c.payment;
    r.outcome = c.outcome;
    r.allowedCents = c.allowedCents;
    r.billedCents = c.billedCents;
    r.paidCents = c.paidCents;
    if (c.reason >= 0) {
        const auto nCommon = int(demoCommonReasons().size());
        const DemoReason &reason = c.reason < nCommon ? demoCommonReasons()[std::size_t(c.reason)]
                                                      : demoNewReasons()[std::size_t(c.reason - nCommon)];
        r.denialReasonCode = reason.code;
        r.denialReasonText = reason.text;
    } else if (c.freeText >= 0) {
        r.denialReasonText = demoFreeTextReasons()[c.freeText];
    }
    return r;
}

QString DemoDataGenerator::claimRefOf(const DemoClaim &c) const
{
    return QStringLiteral("DM%1").arg(c.ref, 10, 10, QLatin1Char('0'));
}

} // namespace upstream::demo
