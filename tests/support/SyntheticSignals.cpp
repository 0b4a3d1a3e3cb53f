#include "SyntheticSignals.h"

#include "alerts/AlertLabels.h"
#include "compute/EvidenceJson.h"
#include "dashboard/SignalEvidence.h"
#include "dashboard/SignalRows.h"
#include "engines/DailyAggregate.h"
#include "engines/Signal.h"
#include "engines/SignalEngines.h"
#include "storage/cache/LocalCache.h"

#include <QLocale>
#include <QMutex>

#include <algorithm>
#include <cmath>
#include <map>
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

// The windows of a signal keyed on the decided date, both ending before `asOf`: the current one the last
// `currentDays` days, the baseline from `baselineDays` days back to the current one's start.
void setDecidedWindows(Evidence &e, const QDate &asOf, int currentDays, int baselineDays)
{
    e.keyedOn = QStringLiteral("decided_date");
    e.currentTo = asOf;
    e.currentFrom = asOf.addDays(-currentDays);
    e.baselineTo = e.currentFrom;
    e.baselineFrom = asOf.addDays(-baselineDays);
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
    setDecidedWindows(e, o.asOf, 14, 104);
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
    setDecidedWindows(e, o.asOf, 7, 28);
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

// DelayGuard rows are the real engine's output: simulated claims of one payer (a reference cohort and a slower
// current cohort, unfinished claims pending or unpaid at as-of) go through the in-process aggregator and
// runDelayGuard, and the signal's stored evidence (compute::evidenceJsonText) is what the row carries. A few dozen
// such templates per as-of date are computed once and dealt out to the synthetic payers, so a million-row
// benchmark fill does not run the engine a million times.
struct DelayTemplate {
    engines::Signal signal;
    Evidence evidence;
};

std::vector<DelayTemplate> simulateDelayTemplates(QDate asOf)
{
    using namespace engines;
    std::vector<DelayTemplate> out;
    const EpochDay t = toEpochDay(asOf);
    for (int k = 0; k < 24; ++k) {
        Generator g{std::mt19937(7919u * unsigned(k) + 1u)};
        const bool payment = k % 3 == 2;
        const SignalType wanted = payment ? SignalType::PaymentDelay : SignalType::AdjudicationDelay;
        const int nRef = g.integer(140, 600), nCohort = g.integer(45, 180);
        const double median = payment ? g.uniform(5, 14) : g.uniform(8, 20);
        const double spread = median * 0.3 + 1.0;
        const double shift = std::pow(g.uniform(0, 1), 1.3) * 12.0 + 2.5;
        ClaimAggregator agg;
        auto add = [&](int age, double meanLag, double sd) {
            ClaimRecord c;
            c.payer = QStringLiteral("Synthetic DelayGuard payer");
            c.cpt = QStringLiteral("99213");
            c.cptGroup = QStringLiteral("E&M");
            c.outcome = Outcome::Paid;
            c.billedCents = std::int64_t(g.uniform(80, 2400) * 100.0);
            const int lag = std::max(0, int(std::lround(g.normal(meanLag, sd))));
            const EpochDay day = t - age; // the cohort date: submitted (adjudication) or decided (payment)
            if (payment) {
                c.submittedDay = day - 5;
                c.decidedDay = day;
                c.paymentDay = day + lag < t ? day + lag : kNoDay; // unpaid at as-of
            } else {
                c.submittedDay = day;
                c.decidedDay = day + lag < t ? day + lag : kNoDay;
                if (c.decidedDay == kNoDay)
                    c.outcome = Outcome::Pending;
            }
            agg.add(c);
        };
        for (int n = 0; n < nRef; ++n) // over [T−118, T−28): ages 118 … 29
            add(118 - 90 * n / nRef, median, spread);
        for (int n = 0; n < nCohort; ++n) // over [T−28, T): ages 28 … 1
            add(28 - 28 * n / nCohort, median + shift, spread * 1.15);
        const AggregateSet set = agg.take();
        for (const Signal &sig : runDelayGuard(set, asOf)) {
            if (sig.type != wanted)
                continue;
            auto evidence = parseEvidence(compute::evidenceJsonText(sig, &set));
            if (evidence.ok())
                out.push_back({sig, std::move(evidence.value())});
        }
    }
    return out;
}

Row delayGuard(Generator &g, const SyntheticOptions &o, const QString &payer, int i)
{
    static QMutex mutex;
    static std::map<qint64, std::vector<DelayTemplate>> cache; // by as-of (Julian day)
    QMutexLocker lock(&mutex);
    auto &templates = cache[o.asOf.toJulianDay()];
    if (templates.empty())
        templates = simulateDelayTemplates(o.asOf);
    // Every third row a payment delay, the others adjudication delays (the templates alternate the same way).
    const bool payment = i % 3 == 2;
    std::vector<const DelayTemplate *> pool;
    for (const DelayTemplate &t : templates)
        if ((t.signal.type == engines::SignalType::PaymentDelay) == payment)
            pool.push_back(&t);
    Row r;
    r.product = kDelayGuard;
    if (pool.empty()) // the engine found no slowdown in any simulation: an empty row, never a made-up one
        return r;
    const DelayTemplate &t = *pool[std::size_t(g.integer(0, int(pool.size()) - 1))];
    r.type = engines::signalTypeName(t.signal.type);
    r.payer = payer;
    r.severity = engines::severityName(t.signal.severity);
    r.score = t.signal.severityScore;
    r.confidence = t.signal.confidence;
    r.baseline = t.signal.baselineValue;
    r.current = t.signal.currentValue;
    r.delta = t.signal.delta;
    r.p = t.signal.pValue();
    r.dollars = t.signal.dollars;
    r.evidence = t.evidence;
    if (!o.fullEvidence)
        r.evidence.series.clear();
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
                if (r.type.isEmpty())
                    continue;
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
                    suppression =
                        g.uniform(0, 1) < 0.6 ? alerts::noiseSuppression(2) : alerts::cooldownSuppression(120);
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
