#include "SyntheticSignals.h"

#include "compute/EvidenceJson.h"
#include "dashboard/SignalEvidence.h"
#include "dashboard/SignalRows.h"
#include "engines/Signal.h"
#include "storage/cache/LocalCache.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <random>

namespace upstream::dashboard {
namespace {

const char *const kPayers[] = {"Northwind Health",   "Bluewater Mutual",      "Cedar Valley Plan",
                               "Summit Care",        "Harbor State Medicaid", "Pinecrest Advantage",
                               "Lakeside HMO",       "Redwood PPO",           "Meridian Employers",
                               "Granite Benefit Co", "Orchard Family Plan",   "Tidewater Choice"};
const char *const kCptGroups[] = {"E/M office visits", "Imaging",    "Laboratory",        "Outpatient surgery",
                                  "Physical therapy",  "Anesthesia", "Behavioral health", "Cardiology tests"};
const char *const kReasons[] = {"CO-197 Prior authorization absent", "CO-16 Missing information",
                                "CO-50 Not medically necessary",     "CO-97 Bundled service",
                                "PR-204 Not covered by plan",        "CO-29 Timely filing limit",
                                "CO-11 Diagnosis inconsistent",      "UNSPECIFIED"};

struct Generator {
    std::mt19937 rng;
    double uniform(double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); }
    int integer(int a, int b) { return std::uniform_int_distribution<int>(a, b)(rng); }
    double normal(double mean, double sd) { return std::normal_distribution<double>(mean, sd)(rng); }
};

QString severityFor(double score)
{
    return score >= 0.9   ? QStringLiteral("critical")
           : score >= 0.7 ? QStringLiteral("high")
           : score >= 0.4 ? QStringLiteral("medium")
                          : QStringLiteral("low");
}

struct Row {
    QString id, product, type, payer, cptGroup, reason, severity;
    double score = 0, confidence = 0, baseline = 0, current = 0, delta = 0, p = 1, dollars = 0;
    QDate windowStart, windowEnd;
    Evidence evidence;
};

QString money(double v)
{
    return formatDollars(v);
}

void setMetric(Row &r)
{
    const auto type = engines::signalTypeFromName(r.type);
    r.evidence.metric = type ? compute::metricOf(*type) : QString();
    r.evidence.unit = type ? compute::unitOf(*type) : QStringLiteral("rate");
}

Row driftWatch(Generator &g, const SyntheticOptions &o, const QString &payer, int)
{
    Row r;
    r.product = kDriftWatch;
    r.type = QStringLiteral("DENIAL_RATE");
    setMetric(r);
    r.payer = payer;
    r.cptGroup = QString::fromUtf8(kCptGroups[g.integer(0, 7)]);
    Evidence &e = r.evidence;
    e.keyedOn = QStringLiteral("decided_date");
    e.currentTo = o.asOf;
    e.currentFrom = o.asOf.addDays(-14);
    e.baselineTo = e.currentFrom;
    e.baselineFrom = o.asOf.addDays(-104);
    e.baselineN = g.integer(240, 900);
    e.currentN = g.integer(40, 160);
    const double allowed = g.uniform(140, 820);
    r.baseline = g.uniform(0.04, 0.16);
    r.delta = std::pow(g.uniform(0.0, 1.0), 1.6) * 0.42 + 0.05;
    r.current = std::min(r.baseline + r.delta, 0.95);
    r.delta = r.current - r.baseline;
    r.score = std::min(2 * std::abs(r.delta), 1.0);
    e.baselineEvents = qint64(std::llround(r.baseline * double(e.baselineN)));
    e.currentEvents = qint64(std::llround(r.current * double(e.currentN)));
    e.statisticName = QStringLiteral("z");
    e.statisticValue = g.uniform(2.1, 8.0);
    r.dollars = r.delta * double(e.currentN) * allowed;
    e.severityExplanation =
        QStringLiteral("min(2 × |Δ|, 1) = min(2 × %1, 1) = %2").arg(r.delta, 0, 'f', 3).arg(r.score, 0, 'f', 2);
    e.dollarsExplanation = QStringLiteral("impact = Δ %1 × %2 current claims × %3 mean allowed = %4")
                               .arg(r.delta, 0, 'f', 3)
                               .arg(e.currentN)
                               .arg(money(allowed), money(r.dollars));
    if (o.fullEvidence) {
        // Each decision day: the day's decided claims and their denial rate.
        const double perDay[2] = {double(e.baselineN) / 90.0, double(e.currentN) / 14.0};
        for (QDate d = e.baselineFrom; d < e.currentTo; d = d.addDays(1)) {
            const bool current = d >= e.currentFrom;
            const int n = std::max(1, int(std::lround(g.normal(perDay[current], std::sqrt(perDay[current])))));
            const double rate = current ? r.current : r.baseline;
            e.series.push_back({d, std::clamp(g.normal(rate, std::sqrt(rate * (1 - rate) / n)), 0.0, 1.0), n});
        }
        // By denial reason within the group: share of the group's decided claims denied with the reason.
        for (int k = 0; k < 4; ++k) {
            const double b = r.baseline * g.uniform(0.1, 0.4);
            e.breakdown.push_back({QString::fromUtf8(kReasons[(k * 3 + g.integer(0, 2)) % 8]), b,
                                   b + r.delta * g.uniform(0.05, 0.5), qint64(g.integer(2, 30))});
        }
    }
    r.confidence = std::min(double(e.baselineN + e.currentN) / 120.0, 1.0);
    r.severity = severityFor(r.score);
    return r;
}

Row denialScope(Generator &g, const SyntheticOptions &o, const QString &payer, int i)
{
    Row r;
    r.product = kDenialScope;
    const int kind = i % 5;
    r.type = kind == 0   ? QStringLiteral("NEW_REASON")
             : kind <= 2 ? QStringLiteral("REASON_RATE_SPIKE")
             : kind == 3 ? QStringLiteral("REASON_DOLLAR_SPIKE")
                         : QStringLiteral("REASON_VOLUME_SPIKE");
    setMetric(r);
    r.payer = payer;
    r.reason = QString::fromUtf8(kReasons[g.integer(0, 7)]);
    Evidence &e = r.evidence;
    e.keyedOn = QStringLiteral("decided_date");
    e.currentTo = o.asOf;
    e.currentFrom = o.asOf.addDays(-7);
    e.baselineTo = e.currentFrom;
    e.baselineFrom = o.asOf.addDays(-28);
    e.baselineN = g.integer(180, 700);
    e.currentN = g.integer(60, 240);
    const double rateB = kind == 0 ? 0.0 : g.uniform(0.01, 0.06);
    const double ratio = kind == 0 ? 0.0 : std::pow(g.uniform(0, 1), 1.3) * 1.6 + 0.5;
    const double rateC = kind == 0 ? g.uniform(0.05, 0.15) : rateB * (1 + ratio);
    e.baselineEvents = qint64(std::llround(rateB * double(e.baselineN)));
    e.currentEvents = std::max<qint64>(kind == 0 ? 10 : 20, qint64(std::llround(rateC * double(e.currentN))));
    const double meanDenied = g.uniform(160, 1400);
    // Values in the type's unit (SPEC 6): a rate, denials per day, or denied dollars per day.
    const double volB = double(e.baselineEvents) / 21.0, volC = double(e.currentEvents) / 7.0;
    switch (kind) {
    case 0: r.baseline = 0.0, r.current = volC; break;
    case 3: r.baseline = volB * meanDenied * g.uniform(0.5, 0.9), r.current = volC * meanDenied; break;
    case 4: r.baseline = volB, r.current = volC; break;
    default: r.baseline = rateB, r.current = rateC; break;
    }
    r.delta = r.current - r.baseline;
    r.score = kind == 0 ? 0.75 : std::min(ratio, 1.0);
    r.severity = kind == 0      ? QStringLiteral("high")
                 : ratio >= 1   ? QStringLiteral("critical")
                 : ratio >= .75 ? QStringLiteral("high")
                 : ratio >= .5  ? QStringLiteral("medium")
                                : QStringLiteral("low");
    r.confidence = kind == 0 ? 0.8 : std::min(double(e.baselineEvents + e.currentEvents) / 40.0, 1.0);
    e.statisticName = kind == 1 || kind == 2 ? QStringLiteral("z") : QStringLiteral("poisson");
    e.statisticValue = g.uniform(2.7, 9.0);
    r.dollars = double(e.currentEvents) * meanDenied;
    e.severityExplanation =
        kind == 0 ? QStringLiteral("new reason: absent in the baseline, %1 denials in the last 7 days → high")
                        .arg(e.currentEvents)
                  : QStringLiteral("ratio (current − baseline) ÷ baseline = %1 (≥1 critical, ≥.75 high, ≥.5 medium)")
                        .arg(ratio, 0, 'f', 2);
    e.dollarsExplanation = QStringLiteral("Allowed amount of the %1 recent denials with reason %2 = %3")
                               .arg(e.currentEvents)
                               .arg(r.reason, money(r.dollars));
    if (o.fullEvidence) {
        // Each decision day: the payer's decided claims (n) and the denials with this reason (value).
        for (QDate d = e.baselineFrom; d < e.currentTo; d = d.addDays(1)) {
            const bool current = d >= e.currentFrom;
            const double perDay = current ? double(e.currentN) / 7.0 : double(e.baselineN) / 21.0;
            const int n = std::max(1, int(std::lround(g.normal(perDay, std::sqrt(perDay)))));
            const double mean = (current ? rateC : rateB) * n;
            e.series.push_back({d, std::max(0.0, std::round(g.normal(mean, std::sqrt(mean + 0.01)))), n});
        }
        // By CPT group within the payer's reason: denials per day.
        for (int k = 0; k < 4; ++k) {
            const double b = volB * g.uniform(0.1, 0.4);
            e.breakdown.push_back({QString::fromUtf8(kCptGroups[(i + k) % 8]), b, b + volC * g.uniform(0.05, 0.4),
                                   qint64(g.integer(3, 30))});
        }
    }
    return r;
}

// DelayGuard figures computed from simulated claims exactly as SPEC 6 states them (reference curve F linear
// between whole days, E = Σ F(age), Δ by bisection, nearest-rank median and 80th percentile), so the synthetic
// deep dive draws curves whose O, E and Δ agree with each other.
struct SimClaim {
    int age; // as-of − the claim's cohort date (submitted, or decided for payment), in days
    int lag; // days to finish
    double billed;
};

double referenceShare(const std::vector<double> &at, double a)
{
    if (a <= 0.0)
        return 0.0;
    const double top = double(at.size() - 1);
    if (a >= top)
        return at.back();
    const auto i = size_t(a);
    return at[i] + (a - double(i)) * (at[i + 1] - at[i]);
}

int nearestRank(std::vector<int> lags, double q)
{
    std::sort(lags.begin(), lags.end());
    const auto rank = size_t(std::max(1.0, std::ceil(q * double(lags.size()) - 1e-9)));
    return lags.empty() ? -1 : lags[rank - 1];
}

Row delayGuard(Generator &g, const SyntheticOptions &o, const QString &payer, int i)
{
    Row r;
    r.product = kDelayGuard;
    const bool payment = i % 3 == 2;
    r.type = payment ? QStringLiteral("payment_delay") : QStringLiteral("adjudication_delay");
    setMetric(r);
    r.payer = payer;
    Evidence &e = r.evidence;
    e.keyedOn = payment ? QStringLiteral("decided_date") : QStringLiteral("submitted_date");
    e.currentTo = o.asOf;
    e.currentFrom = o.asOf.addDays(-28);
    e.baselineTo = e.currentFrom;
    e.baselineFrom = o.asOf.addDays(-118);
    constexpr int kMaxAge = 28;
    const int nRef = g.integer(140, 600), nCohort = g.integer(45, 180);
    const double median = payment ? g.uniform(5, 14) : g.uniform(8, 20);
    const double spread = median * 0.3 + 1.0;
    const double shift = std::pow(g.uniform(0, 1), 1.3) * 12.0 + 2.5;
    std::vector<SimClaim> reference, cohort;
    for (int k = 0; k < nRef; ++k) // submitted (decided) evenly over [T−118, T−28): ages 118 … 29
        reference.push_back(
            {118 - 90 * k / nRef, std::max(0, int(std::lround(g.normal(median, spread)))), g.uniform(80, 2400)});
    for (int k = 0; k < nCohort; ++k) // over [T−28, T): ages 28 … 1
        cohort.push_back({28 - 28 * k / nCohort, std::max(0, int(std::lround(g.normal(median + shift, spread * 1.15)))),
                          g.uniform(80, 2400)});
    auto finished = [](const SimClaim &c) { return c.lag < c.age; }; // decided (paid) before as-of
    std::vector<double> F(kMaxAge + 1, 0.0);
    std::vector<int> refLags;
    std::int64_t refFinished = 0;
    for (const SimClaim &c : reference)
        if (finished(c)) {
            ++refFinished;
            refLags.push_back(c.lag);
            for (int a = c.lag + 1; a <= kMaxAge; ++a)
                F[size_t(a)] += 1.0 / nRef;
        }
    double expected = 0, variance = 0;
    std::int64_t observed = 0;
    for (const SimClaim &c : cohort) {
        const double f = referenceShare(F, c.age);
        expected += f;
        variance += f * (1 - f);
        observed += finished(c);
    }
    const double z = variance > 0 ? (double(observed) - expected) / std::sqrt(variance) : 0.0;
    double delta = 0;
    if (double(observed) < expected) {
        double lo = 0, hi = 90;
        for (int k = 0; k < 60; ++k) {
            const double mid = (lo + hi) / 2;
            double sum = 0;
            for (const SimClaim &c : cohort)
                sum += referenceShare(F, c.age - mid);
            (sum > double(observed) ? lo : hi) = mid;
        }
        delta = std::round((lo + hi) * 50.0) / 100.0;
    }
    // Unfinished reference claims count as infinitely long in the quantiles.
    std::vector<int> allLags = refLags;
    allLags.resize(size_t(nRef), 1 << 20);
    const int medianLag = nearestRank(allLags, 0.5), p80Raw = nearestRank(allLags, 0.8);
    const int p80 = p80Raw >= (1 << 20) ? -1 : p80Raw;
    Evidence::Delay d;
    d.observed = double(observed);
    d.expected = expected;
    d.variance = variance;
    d.referenceP80Lag = p80;
    for (const SimClaim &c : cohort)
        if (!finished(c)) {
            ++d.unfinished;
            if (p80 >= 0 && c.age > p80) {
                ++d.overdueClaims;
                d.overdueDollars += c.billed;
            }
        }
    d.overdueDollars = std::round(d.overdueDollars * 100.0) / 100.0;
    for (int a = 0; a <= kMaxAge; ++a) {
        d.referenceCurve.push_back({a, F[size_t(a)], qint64(nRef)});
        qint64 atLeast = 0, below = 0;
        for (const SimClaim &c : cohort) {
            if (c.age < a)
                continue;
            ++atLeast;
            below += finished(c) && c.lag < a;
        }
        d.cohortCurve.push_back({a, atLeast > 0 ? double(below) / double(atLeast) : 0.0, atLeast});
    }
    e.baselineN = nRef;
    e.currentN = nCohort;
    e.baselineEvents = refFinished;
    e.currentEvents = observed;
    e.completeness = double(refFinished) / double(nRef);
    e.statisticName = QStringLiteral("z");
    e.statisticValue = z;
    r.p = variance > 0 ? 0.5 * std::erfc(-z / std::sqrt(2.0)) : 1.0;
    r.baseline = medianLag;
    r.delta = delta;
    r.current = medianLag + delta;
    r.confidence = 0.7 * std::min(1.0, expected / 40.0) + 0.3 * std::min(1.0, double(nRef) / 200.0);
    r.severity = (delta >= 10 && r.confidence >= .75)  ? QStringLiteral("critical")
                 : (delta >= 7 && r.confidence >= .65) ? QStringLiteral("high")
                 : (delta >= 4 && r.confidence >= .55) ? QStringLiteral("medium")
                                                       : QStringLiteral("low");
    r.score = std::min(delta / 10.0, 1.0);
    r.dollars = d.overdueDollars;
    e.severityExplanation =
        QStringLiteral("%1 went from %2 days to %3 days (change +%4); %5 days slower at confidence %6 -> %7.")
            .arg(e.metric == QLatin1String("payment_days") ? QStringLiteral("The median days from decision to payment")
                                                           : QStringLiteral("The median days to a decision"))
            .arg(r.baseline, 0, 'f', 1)
            .arg(r.current, 0, 'f', 1)
            .arg(delta, 0, 'f', 2)
            .arg(delta, 0, 'f', 1)
            .arg(r.confidence, 0, 'f', 2)
            .arg(r.severity);
    e.dollarsExplanation =
        p80 < 0 ? QStringLiteral("No claim counts as overdue: fewer than 80% of the reference cohort finished.")
                : QStringLiteral("At risk = billed amount of the %1 unfinished claims older than the reference's "
                                 "80th-percentile lag of %2 days (of %3 unfinished) = %4.")
                      .arg(d.overdueClaims)
                      .arg(p80)
                      .arg(d.unfinished)
                      .arg(money(d.overdueDollars));
    if (o.fullEvidence) {
        // Each cohort day: its claims and the share finished before as-of.
        std::vector<std::pair<int, int>> byAge(119, {0, 0});
        for (const auto *set : {&reference, &cohort})
            for (const SimClaim &c : *set) {
                ++byAge[size_t(c.age)].first;
                byAge[size_t(c.age)].second += finished(c);
            }
        for (int age = 118; age >= 1; --age) {
            const auto [n, fin] = byAge[size_t(age)];
            e.series.push_back({o.asOf.addDays(-age), n > 0 ? double(fin) / n : 0.0, n});
        }
    }
    e.delay = std::move(d);
    return r;
}

} // namespace

Status fillSyntheticSignals(storage::LocalCache &cache, const SyntheticOptions &o)
{
    Generator g{std::mt19937(o.seed)};
    QStringList payers;
    for (const char *p : kPayers)
        payers << QString::fromUtf8(p);
    for (int k = int(payers.size()); k < o.payerCount; ++k)
        payers << QStringLiteral("Synthetic Payer %1").arg(k + 1, 3, 10, QLatin1Char('0'));
    while (payers.size() > std::max(1, o.payerCount))
        payers.removeLast();
    auto &db = cache.db();
    const QString asOf = o.asOf.toString(Qt::ISODate);
    const QString computedAt = o.asOf.startOfDay(Qt::UTC).addSecs(6 * 3600).toString(Qt::ISODate);
    return cache.transaction([&]() -> Status {
        auto sig = db.prepare(QStringLiteral(
            "INSERT INTO signals(id, product, signal_type, payer, cpt_group, reason, severity, severity_score, "
            "confidence, baseline_value, current_value, delta, p_value, dollars, window_start, window_end, as_of, "
            "evidence, computed_at) VALUES (?, ?, ?, ?, NULLIF(?, ''), NULLIF(?, ''), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?)"));
        auto alert = db.prepare(QStringLiteral(
            "INSERT INTO alerts(id, signal_id, product, status, suppressed, suppression_reason, created_at) "
            "VALUES (?, ?, ?, ?, ?, NULLIF(?, ''), ?)"));
        auto judgment = db.prepare(QStringLiteral("INSERT INTO judgments(id, alert_id, operator, verdict, reason_code, "
                                                  "judged_at) VALUES (?, ?, ?, ?, ?, ?)"));
        auto ledger = db.prepare(QStringLiteral(
            "INSERT INTO ledger_entries(id, alert_id, signal_id, product, payer, expected_cents, recovered_cents, "
            "recovered_date, state, owner, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULLIF(?, ''), ?, ?, "
            "?, ?)"));
        if (!sig.ok() || !alert.ok() || !judgment.ok() || !ledger.ok())
            return makeError(ErrorCode::Internal, db.lastError());
        const struct {
            const QString &product;
            int count;
            Row (*make)(Generator &, const SyntheticOptions &, const QString &, int);
            const char *prefix;
        } plan[] = {{kDriftWatch, o.driftWatch, &driftWatch, "dw"},
                    {kDenialScope, o.denialScope, &denialScope, "ds"},
                    {kDelayGuard, o.delayGuard, &delayGuard, "dg"}};
        for (const auto &p : plan) {
            for (int i = 0; i < p.count; ++i) {
                // Payers are skewed (a few large ones), as in real books of business.
                const int pi = std::min(int(payers.size()) - 1, int(std::pow(g.uniform(0, 1), 1.7) * payers.size()));
                Row r = p.make(g, o, payers[pi], i);
                r.id = QStringLiteral("%1-%2").arg(QLatin1String(p.prefix)).arg(i, 7, 10, QLatin1Char('0'));
                if (r.product != kDelayGuard) // DelayGuard's p follows from its own z
                    r.p = std::pow(10.0, -g.uniform(2.1, 7.0));
                r.evidence.pValue = r.p;
                r.evidence.confidence = r.confidence;
                sig->reset();
                int k = 1;
                for (const QVariant &v :
                     {QVariant(r.id), QVariant(r.product), QVariant(r.type), QVariant(r.payer), QVariant(r.cptGroup),
                      QVariant(r.reason), QVariant(r.severity), QVariant(r.score), QVariant(r.confidence),
                      QVariant(r.baseline), QVariant(r.current), QVariant(r.delta), QVariant(r.p), QVariant(r.dollars),
                      QVariant(r.evidence.currentFrom.toString(Qt::ISODate)),
                      QVariant(r.evidence.currentTo.toString(Qt::ISODate)), QVariant(asOf),
                      QVariant(QString::fromUtf8(evidenceToJson(r.evidence))), QVariant(computedAt)})
                    sig->bind(k++, v);
                if (Status st = sig->run(); !st.ok())
                    return st;
                // SPEC 7: severity ≥ medium, or low with confidence ≥ .5, becomes an alert.
                if (r.severity == QLatin1String("low") && r.confidence < 0.5)
                    continue;
                const QString alertId = QStringLiteral("al-") + r.id;
                const double roll = g.uniform(0, 1);
                QString verdict, status = QStringLiteral("pending");
                if (roll < o.judgedShare) {
                    const double v = g.uniform(0, 1);
                    verdict = v < 0.45  ? QStringLiteral("noise")
                              : v < 0.8 ? QStringLiteral("real")
                                        : QStringLiteral("needs_followup");
                    status = verdict == QLatin1String("noise")  ? QStringLiteral("resolved")
                             : verdict == QLatin1String("real") ? QStringLiteral("acknowledged")
                                                                : QStringLiteral("pending");
                }
                QString suppression;
                if (verdict.isEmpty() && g.uniform(0, 1) < 0.06)
                    suppression = g.uniform(0, 1) < 0.6
                                      ? QStringLiteral("noise memory: 2 noise verdicts on similar alerts in 30 days")
                                      : QStringLiteral("cooldown: alerted for this group 2 h ago");
                alert->reset();
                k = 1;
                for (const QVariant &v :
                     {QVariant(alertId), QVariant(r.id), QVariant(r.product), QVariant(status),
                      QVariant(qint64(suppression.isEmpty() ? 0 : 1)), QVariant(suppression), QVariant(computedAt)})
                    alert->bind(k++, v);
                if (Status st = alert->run(); !st.ok())
                    return st;
                if (verdict.isEmpty())
                    continue;
                const QString judgedAt = o.asOf.addDays(-g.integer(0, 20))
                                             .startOfDay(Qt::UTC)
                                             .addSecs(g.integer(8, 17) * 3600)
                                             .toString(Qt::ISODate);
                judgment->reset();
                k = 1;
                const QString reason = verdict == QLatin1String("noise") ? QStringLiteral("expected_seasonal")
                                                                         : QStringLiteral("payer_policy_change");
                for (const QVariant &v :
                     {QVariant(QStringLiteral("j-") + r.id), QVariant(alertId), QVariant(o.operatorName),
                      QVariant(verdict), QVariant(reason), QVariant(judgedAt)})
                    judgment->bind(k++, v);
                if (Status st = judgment->run(); !st.ok())
                    return st;
                if (verdict != QLatin1String("real"))
                    continue;
                const qint64 expected = qint64(std::llround(r.dollars * 100.0));
                const double share = g.uniform(0, 1);
                const QString state = share < 0.35  ? QStringLiteral("open")
                                      : share < 0.6 ? QStringLiteral("in_progress")
                                      : share < 0.9 ? QStringLiteral("recovered")
                                                    : QStringLiteral("written_off");
                const qint64 recovered =
                    state == QLatin1String("recovered") ? qint64(double(expected) * g.uniform(0.55, 1.0)) : 0;
                const QString recoveredDate = state == QLatin1String("recovered")
                                                  ? o.asOf.addDays(-g.integer(0, 40)).toString(Qt::ISODate)
                                                  : QString();
                ledger->reset();
                k = 1;
                for (const QVariant &v :
                     {QVariant(QStringLiteral("le-") + r.id), QVariant(alertId), QVariant(r.id), QVariant(r.product),
                      QVariant(r.payer), QVariant(expected), QVariant(recovered), QVariant(recoveredDate),
                      QVariant(state), QVariant(o.operatorName), QVariant(judgedAt), QVariant(judgedAt)})
                    ledger->bind(k++, v);
                if (Status st = ledger->run(); !st.ok())
                    return st;
            }
        }
        return Status::success();
    });
}

} // namespace upstream::dashboard
