#include "SignalRows.h"

#include "alerts/AlertBook.h"
#include "alerts/AlertLabels.h"
#include "compute/EvidenceJson.h"
#include "engines/Signal.h"
#include "storage/cache/SignalCacheQueries.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace upstream::dashboard {
namespace {

constexpr std::int32_t kNoDay = 0;

std::int32_t julian(const QString &iso)
{
    const QDate d = QDate::fromString(iso.left(10), Qt::ISODate);
    return d.isValid() ? std::int32_t(d.toJulianDay()) : kNoDay;
}

std::uint64_t similarKey(std::uint32_t type, std::uint32_t payer, std::uint32_t group)
{
    return (std::uint64_t(type) << 42) | (std::uint64_t(payer) << 21) | std::uint64_t(group);
}

// What the context badge reads of one alert: its latest verdict and the money recovered on its ledger entries.
struct AlertContext {
    ContextKind kind = ContextKind::None;
    std::int32_t day = kNoDay;
    QString judgedAt; // ISO 8601: compares in time order
    double recoveredDollars = 0;
};
using AlertContexts = QHash<QString, AlertContext>; // alert id → context (only alerts of this product's rows)

// Judgments map to rows through the alert-id hash, not an SQL join (see storage::forEachJudgmentVerdict).
Result<AlertContexts> alertContexts(storage::LocalCache &cache, const SignalRows &rows)
{
    AlertContexts out;
    const Status judged = storage::forEachJudgmentVerdict(cache, [&](const storage::SignalVerdictRecord &j) {
        if (rows.rowOfAlert(j.alertId) < 0)
            return; // another product's alert
        const QString &at = j.judgedAt;
        AlertContext &c = out[j.alertId];
        if (c.kind != ContextKind::None && c.judgedAt >= at)
            return; // an older judgment of another operator
        c.kind = j.verdict == QLatin1String("noise")  ? ContextKind::Noise
                 : j.verdict == QLatin1String("real") ? ContextKind::Real
                                                      : ContextKind::FollowUp;
        c.day = julian(at);
        c.judgedAt = at;
    });
    if (!judged.ok())
        return judged.error();
    const Status recovered = storage::forEachAlertRecoveredCents(cache, [&](const QString &alertId, qint64 cents) {
        const auto it = out.find(alertId);
        if (it != out.end())
            it->recoveredDollars = double(cents) / 100.0;
    });
    if (!recovered.ok())
        return recovered.error();
    return out;
}

// SPEC 7: a row's badge is the latest verdict among the kBadgeLookback most recent similar signals that are not
// newer than the row's own (window end, then as-of), the row's own alert excluded — the rule of
// alerts::AlertBook::contextBadge, applied to the table's columns.
void applyContext(SignalRows &rows, const AlertContexts &contexts, std::int32_t today, const std::vector<int> &which)
{
    auto keyOf = [&rows](int r) {
        return similarKey(rows.signalType[size_t(r)], rows.payer[size_t(r)], rows.group[size_t(r)]);
    };
    auto newer = [&rows](int a, int b) { // a is more recent than b
        const size_t i = size_t(a), j = size_t(b);
        if (rows.windowEnd[i] != rows.windowEnd[j])
            return rows.windowEnd[i] > rows.windowEnd[j];
        return rows.asOf[i] > rows.asOf[j];
    };
    std::vector<std::uint64_t> keys;
    keys.reserve(which.size());
    for (int r : which)
        keys.push_back(keyOf(r));
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    // The alerted rows of each affected key, newest first.
    std::unordered_map<std::uint64_t, std::vector<int>> similar;
    for (int r = 0; r < rows.size(); ++r) {
        if (rows.alertId[size_t(r)].isEmpty())
            continue;
        const auto k = keyOf(r);
        if (std::binary_search(keys.begin(), keys.end(), k))
            similar[k].push_back(r);
    }
    for (auto &[k, list] : similar)
        std::stable_sort(list.begin(), list.end(), [&](int a, int b) {
            return newer(a, b) || (!newer(b, a) && rows.signalId[size_t(a)] > rows.signalId[size_t(b)]);
        });
    for (int r : which) {
        const size_t i = size_t(r);
        rows.contextKind[i] = ContextKind::None;
        rows.contextDays[i] = 0;
        rows.contextDollars[i] = 0;
        const auto it = similar.find(keyOf(r));
        if (it == similar.end())
            continue;
        const std::vector<int> &list = it->second;
        auto from = std::partition_point(list.begin(), list.end(), [&](int s) { return newer(s, r); });
        const AlertContext *latest = nullptr;
        int seen = 0;
        for (; from != list.end() && seen < alerts::kBadgeLookback; ++from) {
            if (*from == r)
                continue;
            ++seen;
            const auto c = contexts.constFind(rows.alertId[size_t(*from)]);
            if (c != contexts.constEnd() && (!latest || c->judgedAt > latest->judgedAt))
                latest = &c.value();
        }
        if (!latest)
            continue;
        rows.contextKind[i] = latest->kind;
        rows.contextDays[i] = std::max(0, today - latest->day);
        rows.contextDollars[i] = latest->kind == ContextKind::Real ? latest->recoveredDollars : 0.0;
    }
}

} // namespace

Severity severityFromString(const QString &s)
{
    if (s == QLatin1String("critical"))
        return Severity::Critical;
    if (s == QLatin1String("high"))
        return Severity::High;
    if (s == QLatin1String("medium"))
        return Severity::Medium;
    return Severity::Low;
}

QString severityName(Severity s)
{
    switch (s) {
    case Severity::Critical: return QCoreApplication::translate("Dashboard", "critical");
    case Severity::High: return QCoreApplication::translate("Dashboard", "high");
    case Severity::Medium: return QCoreApplication::translate("Dashboard", "medium");
    case Severity::Low: break;
    }
    return QCoreApplication::translate("Dashboard", "low");
}

AlertStatus statusFromString(const QString &s)
{
    if (s == QLatin1String("acknowledged"))
        return AlertStatus::Acknowledged;
    if (s == QLatin1String("resolved"))
        return AlertStatus::Resolved;
    if (s.isEmpty())
        return AlertStatus::None;
    return AlertStatus::Pending;
}

QString statusName(AlertStatus s)
{
    switch (s) {
    case AlertStatus::Pending: return QCoreApplication::translate("Dashboard", "pending");
    case AlertStatus::Acknowledged: return QCoreApplication::translate("Dashboard", "acknowledged");
    case AlertStatus::Resolved: return QCoreApplication::translate("Dashboard", "resolved");
    case AlertStatus::None: break;
    }
    return QCoreApplication::translate("Dashboard", "no alert");
}

QString unitOfSignalType(const QString &type)
{
    const auto t = engines::signalTypeFromName(type);
    return t ? compute::unitOf(*t) : QStringLiteral("rate");
}

bool isDaysSignalType(const QString &type)
{
    return unitOfSignalType(type) == QLatin1String("days");
}

QString signalTypeLabel(const QString &type)
{
    const auto t = engines::signalTypeFromName(type);
    if (!t)
        return type;
    switch (*t) {
    case engines::SignalType::DenialRate: return QCoreApplication::translate("Dashboard", "Denial rate");
    case engines::SignalType::NewReason: return QCoreApplication::translate("Dashboard", "New reason");
    case engines::SignalType::ReasonRateSpike: return QCoreApplication::translate("Dashboard", "Reason rate spike");
    case engines::SignalType::ReasonVolumeSpike: return QCoreApplication::translate("Dashboard", "Reason volume spike");
    case engines::SignalType::ReasonDollarSpike: return QCoreApplication::translate("Dashboard", "Reason dollar spike");
    case engines::SignalType::AdjudicationDelay: return QCoreApplication::translate("Dashboard", "Adjudication delay");
    case engines::SignalType::PaymentDelay: return QCoreApplication::translate("Dashboard", "Payment delay");
    }
    return type;
}

QString formatDollars(double dollars)
{
    const QString digits = QLocale().toString(qint64(std::llround(std::abs(dollars))));
    return (dollars < -0.5 ? QStringLiteral("−$") : QStringLiteral("$")) + digits;
}

QString formatDelta(const QString &signalType, double delta)
{
    const QString unit = unitOfSignalType(signalType);
    const QLocale loc;
    const QString sign = delta > 0 ? QStringLiteral("+") : delta < 0 ? QStringLiteral("−") : QString();
    const double v = std::abs(delta);
    if (unit == QLatin1String("days"))
        return QCoreApplication::translate("upstream::dashboard::SignalTableModel", "%1%2 d")
            .arg(sign, loc.toString(v, 'f', 1));
    if (unit == QLatin1String("count"))
        return sign + QCoreApplication::translate("upstream::dashboard::SignalTableModel", "%1/day")
                          .arg(loc.toString(v, 'f', 1));
    if (unit == QLatin1String("dollars"))
        return sign +
               QCoreApplication::translate("upstream::dashboard::SignalTableModel", "%1/day").arg(formatDollars(v));
    return QCoreApplication::translate("upstream::dashboard::SignalTableModel", "%1%2 pts")
        .arg(sign, loc.toString(v * 100.0, 'f', 1));
}

Urgency urgencyFor(double severityScore, double confidence, double dollars)
{
    const double u = 0.6 * severityScore + 0.2 * confidence + 0.2 * std::min(std::abs(dollars) / 50000.0, 1.0);
    return u >= 0.75 ? Urgency::Urgent : u >= 0.5 ? Urgency::Soon : Urgency::Watch;
}

QString urgencyName(Urgency u)
{
    switch (u) {
    case Urgency::Urgent: return QCoreApplication::translate("Dashboard", "urgent");
    case Urgency::Soon: return QCoreApplication::translate("Dashboard", "soon");
    case Urgency::Watch: break;
    }
    return QCoreApplication::translate("Dashboard", "watch");
}

std::uint32_t StringDictionary::intern(const QString &s)
{
    const auto it = m_index.constFind(s);
    if (it != m_index.constEnd())
        return it.value();
    const auto i = std::uint32_t(entries.size());
    entries.append(s);
    m_index.insert(s, i);
    return i;
}

void SignalRows::relabel()
{
    signalTypeLabels.clear();
    for (const QString &t : signalTypes.entries)
        signalTypeLabels << signalTypeLabel(t);
    signalTypes.finalizeRanks(signalTypeLabels); // the Signal column sorts as it reads
    suppressionReasonLabels.clear();
    for (const QString &stored : suppressionReasons.entries)
        suppressionReasonLabels << alerts::suppressionLabel(stored);
    suppressionReasons.finalizeRanks(suppressionReasonLabels);
}

void StringDictionary::finalizeRanks(const QStringList &sortKeys)
{
    const QStringList &keys = sortKeys.size() == entries.size() ? sortKeys : entries;
    std::vector<std::uint32_t> order(size_t(entries.size()));
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&keys](std::uint32_t a, std::uint32_t b) {
        return QString::localeAwareCompare(keys[qsizetype(a)], keys[qsizetype(b)]) < 0;
    });
    rank.assign(order.size(), 0);
    for (size_t i = 0; i < order.size(); ++i)
        rank[order[i]] = std::uint32_t(i);
}

void SignalRows::reserve(size_t n)
{
    for (auto *v : {&signalId, &alertId})
        v->reserve(n);
    for (auto *v : {&payer, &group, &signalType, &suppressionReason})
        v->reserve(n);
    severity.reserve(n);
    for (auto *v : {&severityScore, &confidence, &baseline, &current, &delta, &pValue, &dollars})
        v->reserve(n);
    for (auto *v : {&windowStart, &windowEnd, &asOf, &contextDays})
        v->reserve(n);
    status.reserve(n);
    suppressed.reserve(n);
    urgency.reserve(n);
    contextKind.reserve(n);
}

QString SignalRows::contextBadge(int row) const
{
    const size_t i = size_t(row);
    switch (contextKind[i]) {
    case ContextKind::Noise: return alerts::contextBadgeText(alerts::Verdict::Noise, contextDays[i], 0);
    case ContextKind::Real: return alerts::contextBadgeText(alerts::Verdict::Real, contextDays[i], contextDollars[i]);
    case ContextKind::FollowUp: return alerts::contextBadgeText(alerts::Verdict::NeedsFollowup, contextDays[i], 0);
    case ContextKind::None: break;
    }
    return {};
}

int SignalRows::rowOfAlert(const QString &id) const
{
    return alertRows.value(id, -1);
}

Result<SignalRows> loadSignalRows(storage::LocalCache &cache, const QString &product, const LoadOptions &options)
{
    SignalRows rows;
    rows.product = product;
    auto count = storage::countSignalsOfProduct(cache, product);
    if (!count.ok())
        return count.error();
    const size_t expected = size_t(count.value());
    rows.reserve(expected);

    // Sequential scans and hash joins in memory (see storage::forEachSignalOfProduct). Evidence is deliberately
    // not read: it lives in overflow pages and is read only by the deep dive.
    // Dates repeat massively (one as-of per recompute): cache their parse.
    QHash<QString, std::int32_t> days;
    auto day = [&days](const QString &iso) {
        auto it = days.constFind(iso);
        if (it != days.constEnd())
            return it.value();
        const std::int32_t d = julian(iso);
        days.insert(iso, d);
        return d;
    };
    QHash<QString, int> bySignal;
    bySignal.reserve(qsizetype(expected));
    const Status scanned = storage::forEachSignalOfProduct(cache, product, [&](const storage::SignalTableRecord &s) {
        bySignal.insert(s.id, int(rows.signalId.size()));
        rows.signalId.push_back(s.id);
        rows.payer.push_back(rows.payers.intern(s.payer));
        rows.group.push_back(rows.groups.intern(s.group));
        rows.signalType.push_back(rows.signalTypes.intern(s.signalType));
        rows.severity.push_back(severityFromString(s.severity));
        rows.severityScore.push_back(s.severityScore);
        rows.confidence.push_back(s.confidence);
        rows.baseline.push_back(s.baseline);
        rows.current.push_back(s.current);
        rows.delta.push_back(s.delta);
        rows.pValue.push_back(s.pValue);
        rows.dollars.push_back(s.dollars);
        rows.windowStart.push_back(day(s.windowStart));
        rows.windowEnd.push_back(day(s.windowEnd));
        rows.asOf.push_back(day(s.asOf));
        rows.urgency.push_back(urgencyFor(rows.severityScore.back(), rows.confidence.back(), rows.dollars.back()));
    });
    if (!scanned.ok())
        return scanned.error();
    const size_t n = rows.signalId.size();
    rows.alertId.assign(n, QString());
    rows.status.assign(n, AlertStatus::None);
    rows.suppressed.assign(n, 0);
    rows.suppressionReason.assign(n, rows.suppressionReasons.intern(QString()));
    rows.alertRows.reserve(qsizetype(n));
    const Status alerted = storage::forEachAlertOfProduct(cache, product, [&](const storage::SignalAlertRecord &a) {
        const int r = bySignal.value(a.signalId, -1);
        if (r < 0)
            return;
        const size_t i = size_t(r);
        rows.alertId[i] = a.alertId;
        rows.alertRows.insert(rows.alertId[i], r);
        rows.status[i] = statusFromString(a.status);
        rows.suppressed[i] = std::uint8_t(a.suppressed);
        rows.suppressionReason[i] = rows.suppressionReasons.intern(a.suppressionReason);
    });
    if (!alerted.ok())
        return alerted.error();
    if (engines::isProduct(product, engines::Product::DelayGuard)) {
        // DelayGuard's table shows O / E and the overdue claims from the evidence. A DelayGuard recompute yields
        // at most two signals per payer, so reading their evidence here stays cheap (unlike DriftWatch's).
        rows.observed.assign(n, 0.0);
        rows.expected.assign(n, 0.0);
        rows.overdueDollars.assign(n, 0.0);
        rows.overdueClaims.assign(n, 0);
        const Status delays =
            storage::forEachDelayFiguresOfProduct(cache, product, [&](const storage::SignalDelayRecord &d) {
                const int r = bySignal.value(d.signalId, -1);
                if (r < 0)
                    return;
                rows.observed[size_t(r)] = d.observed;
                rows.expected[size_t(r)] = d.expected;
                rows.overdueClaims[size_t(r)] = d.overdueClaims;
                rows.overdueDollars[size_t(r)] = d.overdueDollars;
            });
        if (!delays.ok())
            return delays.error();
    }
    rows.payers.finalizeRanks();
    rows.groups.finalizeRanks();
    rows.relabel();
    rows.contextKind.assign(n, ContextKind::None);
    rows.contextDays.assign(n, 0);
    rows.contextDollars.assign(n, 0.0);

    auto contexts = alertContexts(cache, rows);
    if (!contexts.ok())
        return contexts.error();
    if (!contexts->isEmpty()) {
        std::vector<int> all(n);
        std::iota(all.begin(), all.end(), 0);
        applyContext(rows, contexts.value(), std::int32_t(options.today.toJulianDay()), all);
    }
    return rows;
}

Status refreshAlertStatus(storage::LocalCache &cache, SignalRows &rows, const QStringList &alertIds, const QDate &today)
{
    // Only the alerts of these rows are read back.
    QStringList shown;
    for (const QString &id : alertIds)
        if (rows.rowOfAlert(id) >= 0)
            shown << id;
    std::vector<std::uint64_t> keys;
    Status read = storage::readAlertStates(cache, shown, [&](const storage::SignalAlertRecord &a) {
        const size_t r = size_t(rows.rowOfAlert(a.alertId));
        rows.status[r] = statusFromString(a.status);
        rows.suppressed[r] = std::uint8_t(a.suppressed);
        rows.suppressionReason[r] = rows.suppressionReasons.intern(a.suppressionReason);
        keys.push_back(similarKey(rows.signalType[r], rows.payer[r], rows.group[r]));
    });
    if (!read.ok())
        return read;
    rows.relabel();
    // A verdict changes the context badge of every similar row.
    std::sort(keys.begin(), keys.end());
    std::vector<int> affected;
    for (int r = 0; r < rows.size(); ++r) {
        const auto k = similarKey(rows.signalType[size_t(r)], rows.payer[size_t(r)], rows.group[size_t(r)]);
        if (std::binary_search(keys.begin(), keys.end(), k))
            affected.push_back(r);
    }
    auto contexts = alertContexts(cache, rows);
    if (!contexts.ok())
        return contexts.error();
    applyContext(rows, contexts.value(), std::int32_t(today.toJulianDay()), affected);
    return Status::success();
}

} // namespace upstream::dashboard
