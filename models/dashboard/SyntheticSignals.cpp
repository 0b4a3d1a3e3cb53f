#include "SyntheticSignals.h"

#include "dashboard/SignalEvidence.h"
#include "dashboard/SignalRows.h"
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

void addSeries(Generator &g, Row &r, bool full, int perDay, double sd)
{
    Evidence &e = r.evidence;
    if (!full)
        return;
    for (QDate d = e.baselineFrom; d < e.currentTo; d = d.addDays(1)) {
        const bool current = d >= e.currentFrom;
        const double mean = current ? r.current : r.baseline;
        const int n = std::max(1, perDay + g.integer(-perDay / 3, perDay / 3));
        double v = g.normal(mean, sd);
        v = e.unit == QLatin1String("rate") ? std::clamp(v, 0.0, 1.0) : std::max(0.0, v);
        e.series.push_back({d, v, n});
    }
}

Row driftWatch(Generator &g, const SyntheticOptions &o, const QString &payer, int i)
{
    Row r;
    r.product = kDriftWatch;
    const bool time = i % 9 == 4;
    r.type = time ? QStringLiteral("DECISION_TIME") : QStringLiteral("DENIAL_RATE");
    r.payer = payer;
    r.cptGroup = QString::fromUtf8(kCptGroups[g.integer(0, 7)]);
    Evidence &e = r.evidence;
    e.currentTo = o.asOf;
    e.currentFrom = o.asOf.addDays(-14);
    e.baselineTo = e.currentFrom;
    e.baselineFrom = o.asOf.addDays(-104);
    e.baselineN = g.integer(240, 900);
    e.currentN = g.integer(40, 160);
    const double allowed = g.uniform(140, 820);
    if (time) {
        e.metric = QStringLiteral("decision_days");
        e.unit = QStringLiteral("days");
        r.baseline = g.uniform(9, 18);
        r.delta = g.uniform(3, 12);
        r.current = r.baseline + r.delta;
        r.score = std::min(r.delta / 10.0, 1.0);
        e.statisticName = QStringLiteral("t");
        e.statisticValue = g.uniform(2.4, 7.5);
        r.dollars = r.delta / 30.0 * double(e.currentN) * allowed;
        e.severityExplanation =
            QStringLiteral("min(|Δ| ÷ 10, 1) = min(%1 ÷ 10, 1) = %2").arg(r.delta, 0, 'f', 1).arg(r.score, 0, 'f', 2);
        e.dollarsExplanation = QStringLiteral("Δ %1 days ÷ 30 × %2 current claims × %3 mean allowed = %4")
                                   .arg(r.delta, 0, 'f', 1)
                                   .arg(e.currentN)
                                   .arg(money(allowed), money(r.dollars));
        addSeries(g, r, o.fullEvidence, 4, 3.0);
    } else {
        e.metric = QStringLiteral("denial_rate");
        e.unit = QStringLiteral("rate");
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
        addSeries(g, r, o.fullEvidence, 5, 0.06);
    }
    r.confidence = std::min(double(e.baselineN + e.currentN) / 120.0, 1.0);
    r.severity = severityFor(r.score);
    if (o.fullEvidence)
        for (int k = 0; k < 4; ++k) {
            const double b = time ? g.uniform(8, 18) : g.uniform(0.03, 0.15);
            e.breakdown.push_back({QStringLiteral("CPT %1").arg(99200 + g.integer(1, 99)), b,
                                   b + (time ? g.uniform(0, 10) : g.uniform(0, 0.4)), qint64(g.integer(8, 60))});
        }
    return r;
}

Row denialScope(Generator &g, const SyntheticOptions &o, const QString &payer, int i)
{
    Row r;
    r.product = kDenialScope;
    const int kind = i % 5;
    r.type = kind == 0   ? QStringLiteral("NEW_REASON")
             : kind <= 2 ? QStringLiteral("RATE_SPIKE")
             : kind == 3 ? QStringLiteral("DOLLAR_SPIKE")
                         : QStringLiteral("VOLUME_SPIKE");
    r.payer = payer;
    r.reason = QString::fromUtf8(kReasons[g.integer(0, 7)]);
    Evidence &e = r.evidence;
    e.currentTo = o.asOf;
    e.currentFrom = o.asOf.addDays(-7);
    e.baselineTo = e.currentFrom;
    e.baselineFrom = o.asOf.addDays(-28);
    e.metric = QStringLiteral("reason_rate");
    e.unit = QStringLiteral("rate");
    e.baselineN = g.integer(180, 700);
    e.currentN = g.integer(60, 240);
    r.baseline = kind == 0 ? 0.0 : g.uniform(0.01, 0.06);
    const double ratio = kind == 0 ? 0.0 : std::pow(g.uniform(0, 1), 1.3) * 1.6 + 0.5;
    r.current = kind == 0 ? g.uniform(0.05, 0.15) : r.baseline * (1 + ratio);
    r.delta = r.current - r.baseline;
    r.score = kind == 0 ? 0.75 : std::min(ratio, 1.0);
    r.severity = kind == 0      ? QStringLiteral("high")
                 : ratio >= 1   ? QStringLiteral("critical")
                 : ratio >= .75 ? QStringLiteral("high")
                 : ratio >= .5  ? QStringLiteral("medium")
                                : QStringLiteral("low");
    e.baselineEvents = qint64(std::llround(r.baseline * double(e.baselineN)));
    e.currentEvents = std::max<qint64>(20, qint64(std::llround(r.current * double(e.currentN))));
    r.confidence = kind == 0 ? 0.8 : std::min(double(e.baselineEvents + e.currentEvents) / 40.0, 1.0);
    e.statisticName = kind >= 3 ? QStringLiteral("poisson") : QStringLiteral("z");
    e.statisticValue = g.uniform(2.7, 9.0);
    const double meanDenied = g.uniform(160, 1400);
    r.dollars = double(e.currentEvents) * meanDenied;
    e.severityExplanation =
        kind == 0 ? QStringLiteral("new reason: absent in the baseline, %1 denials in the last 7 days → high")
                        .arg(e.currentEvents)
                  : QStringLiteral("rate ratio Δ ÷ baseline = %1 ÷ %2 = %3 (≥1 critical, ≥.75 high, ≥.5 medium)")
                        .arg(r.delta, 0, 'f', 3)
                        .arg(r.baseline, 0, 'f', 3)
                        .arg(ratio, 0, 'f', 2);
    e.dollarsExplanation = QStringLiteral("Σ denied allowed in the current window: %1 denials × %2 mean = %3")
                               .arg(e.currentEvents)
                               .arg(money(meanDenied), money(r.dollars));
    addSeries(g, r, o.fullEvidence, 20, 0.012);
    if (o.fullEvidence)
        for (int k = 0; k < 4; ++k) {
            const double b = g.uniform(0.0, 0.05);
            e.breakdown.push_back(
                {QString::fromUtf8(kCptGroups[(i + k) % 8]), b, b + g.uniform(0.0, 0.12), qint64(g.integer(5, 40))});
        }
    return r;
}

Row delayGuard(Generator &g, const SyntheticOptions &o, const QString &payer, int i)
{
    Row r;
    r.product = kDelayGuard;
    const bool latency = i % 4 == 3;
    r.type = latency ? QStringLiteral("DECISION_LATENCY") : QStringLiteral("PAYMENT_LATENCY");
    r.payer = payer;
    Evidence &e = r.evidence;
    e.currentTo = o.asOf;
    e.currentFrom = o.asOf.addDays(-14);
    e.baselineTo = e.currentFrom;
    e.baselineFrom = o.asOf.addDays(-74);
    e.metric = latency ? QStringLiteral("decision_days") : QStringLiteral("payment_days");
    e.unit = QStringLiteral("days");
    e.baselineN = g.integer(40, 400);
    e.currentN = g.integer(12, 120);
    r.baseline = g.uniform(16, 32);
    r.delta = std::pow(g.uniform(0, 1), 1.4) * 14 + 2.0;
    r.current = r.baseline + r.delta;
    const double completeness = latency ? 1.0 : g.uniform(0.8, 1.0);
    r.confidence =
        0.7 * std::min(1.0, double(e.currentN + e.baselineN) / 40.0) + 0.3 * std::min(1.0, completeness / 0.8);
    r.severity = (r.delta >= 10 && r.confidence >= .75)  ? QStringLiteral("critical")
                 : (r.delta >= 7 && r.confidence >= .65) ? QStringLiteral("high")
                 : (r.delta >= 4 && r.confidence >= .55) ? QStringLiteral("medium")
                                                         : QStringLiteral("low");
    r.score = std::min(r.delta / 15.0, 1.0);
    e.statisticName = QStringLiteral("t");
    e.statisticValue = g.uniform(2.2, 6.5);
    const double allowedCurrent = g.uniform(40000, 420000);
    r.dollars = allowedCurrent / 14.0 * r.delta;
    e.severityExplanation = QStringLiteral("Δ %1 days with confidence %2 (critical ≥ 10 d and ≥ .75; high ≥ 7 d and "
                                           "≥ .65; medium ≥ 4 d and ≥ .55)")
                                .arg(r.delta, 0, 'f', 1)
                                .arg(r.confidence, 0, 'f', 2);
    e.dollarsExplanation = QStringLiteral("at risk = (Σ allowed current %1 ÷ 14) × Δ %2 days = %3")
                               .arg(money(allowedCurrent))
                               .arg(r.delta, 0, 'f', 1)
                               .arg(money(r.dollars));
    addSeries(g, r, o.fullEvidence, 3, 4.0);
    if (o.fullEvidence)
        for (int k = 0; k < 4; ++k) {
            const double b = g.uniform(14, 30);
            e.breakdown.push_back(
                {QString::fromUtf8(kCptGroups[(i + k) % 8]), b, b + g.uniform(0, 16), qint64(g.integer(4, 30))});
        }
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
