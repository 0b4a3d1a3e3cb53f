#include "alerts/AlertBook.h"
#include "alerts/AlertLabels.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace upstream::alerts {
namespace {

// User-visible texts (lupdate context "upstream::alerts").
constexpr const char *kAlertGone =
    QT_TRANSLATE_NOOP("upstream::alerts", "The alert no longer exists. Refresh the list and try again.");
constexpr const char *kNothingToUndo =
    QT_TRANSLATE_NOOP("upstream::alerts", "There is no verdict to undo on this alert.");
constexpr const char *kNoiseToday = QT_TRANSLATE_NOOP("upstream::alerts", "marked noise today");
constexpr const char *kNoiseYesterday = QT_TRANSLATE_NOOP("upstream::alerts", "marked noise yesterday");
constexpr const char *kNoiseDaysAgo = QT_TRANSLATE_NOOP("upstream::alerts", "marked noise %1 days ago");
constexpr const char *kRealToday = QT_TRANSLATE_NOOP("upstream::alerts", "confirmed real today");
constexpr const char *kRealYesterday = QT_TRANSLATE_NOOP("upstream::alerts", "confirmed real yesterday");
constexpr const char *kRealDaysAgo = QT_TRANSLATE_NOOP("upstream::alerts", "confirmed real %1 days ago");
constexpr const char *kRealRecovered = QT_TRANSLATE_NOOP("upstream::alerts", "confirmed real, $%1 recovered");
constexpr const char *kFollowupOpen = QT_TRANSLATE_NOOP("upstream::alerts", "follow-up open");

QString tr(const char *text)
{
    return QCoreApplication::translate("upstream::alerts", text);
}

QString historyKey(qint64 alertId, const QString &operatorId)
{
    return QString::number(alertId) + QChar(0x1f) + operatorId;
}

QString daysAgo(const char *today, const char *yesterday, const char *many, qint64 days)
{
    if (days <= 0)
        return tr(today);
    if (days == 1)
        return tr(yesterday);
    return tr(many).arg(days);
}

} // namespace

QString statusName(AlertStatus s)
{
    switch (s) {
    case AlertStatus::Pending: return QStringLiteral("pending");
    case AlertStatus::Acknowledged: return QStringLiteral("acknowledged");
    case AlertStatus::Resolved: return QStringLiteral("resolved");
    }
    return {};
}

QString verdictName(Verdict v)
{
    switch (v) {
    case Verdict::Real: return QStringLiteral("real");
    case Verdict::Noise: return QStringLiteral("noise");
    case Verdict::NeedsFollowup: return QStringLiteral("needs_followup");
    }
    return {};
}

AlertStatus statusFromName(const QString &name)
{
    for (const AlertStatus s : {AlertStatus::Acknowledged, AlertStatus::Resolved})
        if (name == statusName(s))
            return s;
    return AlertStatus::Pending;
}

Verdict verdictFromName(const QString &name)
{
    for (const Verdict v : {Verdict::Real, Verdict::Noise})
        if (name == verdictName(v))
            return v;
    return Verdict::NeedsFollowup;
}

QString verdictReasonName(VerdictReason r)
{
    switch (r) {
    case VerdictReason::FalsePositive: return QStringLiteral("false_positive");
    case VerdictReason::DataEntryError: return QStringLiteral("data_entry_error");
    case VerdictReason::PayerPolicyChange: return QStringLiteral("payer_policy_change");
    case VerdictReason::CodingIssue: return QStringLiteral("coding_issue");
    case VerdictReason::ExpectedSeasonal: return QStringLiteral("expected_seasonal");
    case VerdictReason::Other: return QStringLiteral("other");
    }
    return {};
}

AlertStatus statusForVerdict(Verdict v)
{
    switch (v) {
    case Verdict::Real: return AlertStatus::Acknowledged;
    case Verdict::Noise: return AlertStatus::Resolved;
    case Verdict::NeedsFollowup: return AlertStatus::Pending;
    }
    return AlertStatus::Pending;
}

bool shouldAlert(const Signal &s)
{
    if (s.direction == engines::Direction::Improving)
        return false;
    return s.severity >= engines::Severity::Medium || s.confidence >= 0.5;
}

QString Alert::similarityKey() const
{
    return customerId + QChar(0x1f) + signal.groupKey();
}

std::optional<Judgment> Alert::latestJudgment() const
{
    if (judgments.empty())
        return std::nullopt;
    return *std::max_element(judgments.begin(), judgments.end(),
                             [](const Judgment &a, const Judgment &b) { return a.at < b.at; });
}

std::vector<qint64> AlertBook::ingest(const QString &customerId, const std::vector<Signal> &found, const QDateTime &now)
{
    std::vector<qint64> created;
    for (const Signal &s : found) {
        if (!shouldAlert(s))
            continue;
        const QString fpKey = customerId + QChar(0x1f) + s.fingerprint;
        if (m_byFingerprint.contains(fpKey))
            continue;
        Alert a;
        a.id = m_nextId++;
        a.customerId = customerId;
        a.signal = s;
        a.createdAt = now;
        a.suppressionBadge = suppressionFor(a.similarityKey(), now);
        a.suppressed = !a.suppressionBadge.isEmpty();
        m_byFingerprint.insert(fpKey, a.id);
        created.push_back(a.id);
        m_alerts.push_back(std::move(a));
    }
    return created;
}

void AlertBook::restore(Alert alert)
{
    m_byFingerprint.insert(alert.customerId + QChar(0x1f) + alert.signal.fingerprint, alert.id);
    m_nextId = std::max(m_nextId, alert.id + 1);
    m_alerts.push_back(std::move(alert));
}

QString AlertBook::suppressionFor(const QString &key, const QDateTime &now) const
{
    const QDateTime memoryStart = now.addSecs(-std::chrono::seconds(kNoiseMemory).count());
    std::optional<QDateTime> lastRaised;
    int noise = 0;
    for (const Alert &a : m_alerts) {
        if (a.similarityKey() != key)
            continue;
        const auto latest = a.latestJudgment();
        // A confirmed-real alert neither starts a cooldown nor counts as noise: real never suppresses.
        const bool real = latest && latest->verdict == Verdict::Real;
        // Only an alert that was shown starts a cooldown; otherwise hourly recomputes would chain forever.
        if (!real && !a.suppressed && a.createdAt <= now &&
            a.createdAt.secsTo(now) < std::chrono::seconds(kCooldown).count())
            lastRaised = std::max(lastRaised.value_or(a.createdAt), a.createdAt);
        if (latest && latest->verdict == Verdict::Noise && latest->at > memoryStart && latest->at <= now)
            ++noise;
    }
    if (noise >= kNoiseVerdictsToSuppress)
        return noiseSuppression(noise);
    if (lastRaised) {
        const qint64 minutes = lastRaised->secsTo(now) / 60;
        return cooldownSuppression(minutes);
    }
    return {};
}

Alert *AlertBook::findMutable(qint64 alertId)
{
    const auto it = std::find_if(m_alerts.begin(), m_alerts.end(), [&](const Alert &a) { return a.id == alertId; });
    return it == m_alerts.end() ? nullptr : &*it;
}

const Alert *AlertBook::find(qint64 alertId) const
{
    return const_cast<AlertBook *>(this)->findMutable(alertId);
}

void AlertBook::refreshStatus(Alert &alert)
{
    const auto latest = alert.latestJudgment();
    alert.status = latest ? statusForVerdict(latest->verdict) : AlertStatus::Pending;
}

Status AlertBook::judge(qint64 alertId, const QString &operatorId, Verdict verdict, VerdictReason reason,
                        const QDateTime &at, const QString &note)
{
    Alert *alert = findMutable(alertId);
    if (!alert)
        return makeError(ErrorCode::NotFound, tr(kAlertGone));
    auto it = std::find_if(alert->judgments.begin(), alert->judgments.end(),
                           [&](const Judgment &j) { return j.operatorId == operatorId; });
    const Judgment j{operatorId, verdict, reason, note, at};
    if (it != alert->judgments.end()) {
        m_history[historyKey(alertId, operatorId)].push_back(*it);
        *it = j;
    } else {
        m_history[historyKey(alertId, operatorId)].push_back(Judgment{}); // "no verdict" marker for undo
        alert->judgments.push_back(j);
    }
    refreshStatus(*alert);
    return Status::success();
}

Status AlertBook::undoLastVerdict(qint64 alertId, const QString &operatorId)
{
    Alert *alert = findMutable(alertId);
    if (!alert)
        return makeError(ErrorCode::NotFound, tr(kAlertGone));
    auto &stack = m_history[historyKey(alertId, operatorId)];
    auto it = std::find_if(alert->judgments.begin(), alert->judgments.end(),
                           [&](const Judgment &j) { return j.operatorId == operatorId; });
    if (stack.empty() || it == alert->judgments.end())
        return makeError(ErrorCode::InvalidInput, tr(kNothingToUndo));
    const Judgment previous = stack.back();
    stack.pop_back();
    if (previous.operatorId.isEmpty())
        alert->judgments.erase(it);
    else
        *it = previous;
    refreshStatus(*alert);
    return Status::success();
}

Status AlertBook::setRecovered(qint64 alertId, double dollars)
{
    Alert *alert = findMutable(alertId);
    if (!alert)
        return makeError(ErrorCode::NotFound, tr(kAlertGone));
    alert->recoveredDollars = dollars;
    return Status::success();
}

QString AlertBook::contextBadge(qint64 alertId, const QDateTime &now) const
{
    const Alert *self = find(alertId);
    if (!self)
        return {};
    const QString key = self->similarityKey();
    std::vector<const Alert *> similar;
    for (const Alert &a : m_alerts)
        if (a.id != alertId && a.similarityKey() == key && a.createdAt <= self->createdAt)
            similar.push_back(&a);
    std::sort(similar.begin(), similar.end(), [](const Alert *a, const Alert *b) {
        return a->createdAt != b->createdAt ? a->createdAt > b->createdAt : a->id > b->id;
    });
    if (similar.size() > std::size_t(kBadgeLookback))
        similar.resize(kBadgeLookback);
    const Alert *judged = nullptr;
    std::optional<Judgment> latest;
    for (const Alert *a : similar) {
        const auto j = a->latestJudgment();
        if (j && (!latest || j->at > latest->at)) {
            latest = j;
            judged = a;
        }
    }
    if (!latest)
        return {};
    return contextBadgeText(latest->verdict, latest->at.daysTo(now), judged->recoveredDollars.value_or(0.0));
}

QString contextBadgeText(Verdict verdict, qint64 days, double recoveredDollars)
{
    switch (verdict) {
    case Verdict::Noise: return daysAgo(kNoiseToday, kNoiseYesterday, kNoiseDaysAgo, days);
    case Verdict::Real:
        if (recoveredDollars >= 0.5)
            return tr(kRealRecovered).arg(QLocale(QLocale::English).toString(std::llround(recoveredDollars)));
        return daysAgo(kRealToday, kRealYesterday, kRealDaysAgo, days);
    case Verdict::NeedsFollowup: return tr(kFollowupOpen);
    }
    return {};
}

} // namespace upstream::alerts
