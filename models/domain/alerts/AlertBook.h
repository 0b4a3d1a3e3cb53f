#pragma once
// Alerts from signals, triage verdicts, suppression and the context badge (SPEC section 7), in memory and
// clock-free (every call takes `now`), so storage and sync can persist what this decides and tests can move
// time freely.
//
// Similarity key: customer + product + signal type + group (payer, cpt_group, reason). Every rule — cooldown,
// noise memory, context badge — compares alerts by this whole key, so a DelayGuard alert is only ever matched
// against DelayGuard alerts of the same payer (the system this replaces matched them on the wrong key).
//
// Failure modes: judge/undo on an unknown alert return NotFound; undo with nothing to undo returns
// InvalidInput. Nothing else fails.
#include "core/Result.h"
#include "engines/Signal.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <chrono>
#include <optional>
#include <vector>

namespace upstream::alerts {

using engines::Signal;

enum class AlertStatus : std::uint8_t { Pending, Acknowledged, Resolved };
enum class Verdict : std::uint8_t { Real, Noise, NeedsFollowup };
enum class VerdictReason : std::uint8_t {
    FalsePositive,
    DataEntryError,
    PayerPolicyChange,
    CodingIssue,
    ExpectedSeasonal,
    Other
};

QString statusName(AlertStatus s); // "pending", "acknowledged", "resolved"
QString verdictName(Verdict v);    // "real", "noise", "needs_followup"
// The stored names read back (cache and server rows): anything unknown reads as Pending / NeedsFollowup, the
// states that keep an alert in front of an operator.
AlertStatus statusFromName(const QString &name);
Verdict verdictFromName(const QString &name);
QString verdictReasonName(VerdictReason r); // "false_positive", ...
AlertStatus statusForVerdict(Verdict v);

inline constexpr std::chrono::hours kCooldown{4};
inline constexpr std::chrono::days kNoiseMemory{30};
inline constexpr int kNoiseVerdictsToSuppress = 2;
inline constexpr int kBadgeLookback = 10;

// The context badge's words (SPEC 7), one place for the alert book and the dashboards: "marked noise 9 days ago",
// "confirmed real, $12,400 recovered" (when money was recovered on the judged alert), "follow-up open".
QString contextBadgeText(Verdict verdict, qint64 daysAgo, double recoveredDollars);

// Severity ≥ medium, or low with confidence ≥ .5; an improving DriftWatch change is shown, never alerted.
bool shouldAlert(const Signal &signal);

struct Judgment {
    QString operatorId;
    Verdict verdict = Verdict::NeedsFollowup;
    VerdictReason reason = VerdictReason::Other;
    QString note;
    QDateTime at;
};

struct Alert {
    qint64 id = 0;
    QString customerId;
    Signal signal;
    QDateTime createdAt;
    AlertStatus status = AlertStatus::Pending;
    bool suppressed = false;
    QString suppressionBadge; // why it was suppressed, stored form (English; suppressionLabel() shows it); empty = not
    std::vector<Judgment> judgments; // current judgment per operator (one each)
    std::optional<double> recoveredDollars;

    QString similarityKey() const;
    std::optional<Judgment> latestJudgment() const;
};

class AlertBook {
public:
    // Turns qualifying signals into alerts (status pending), deciding suppression at `now`. A signal whose
    // fingerprint already has an alert for this customer is not alerted again (recompute is idempotent).
    // Returns the ids of the alerts created.
    std::vector<qint64> ingest(const QString &customerId, const std::vector<Signal> &found, const QDateTime &now);
    // Loads an alert persisted earlier, as stored (id, suppression, judgments), so that ingest() applies the
    // cooldown, noise memory and one-alert-per-fingerprint rules against the stored history.
    void restore(Alert alert);

    // Records or replaces `operatorId`'s verdict on the alert and updates its status.
    Status judge(qint64 alertId, const QString &operatorId, Verdict verdict, VerdictReason reason, const QDateTime &at,
                 const QString &note = {});
    // Restores the operator's previous verdict on the alert (or none).
    Status undoLastVerdict(qint64 alertId, const QString &operatorId);
    Status setRecovered(qint64 alertId, double dollars);

    const Alert *find(qint64 alertId) const;
    const std::vector<Alert> &alerts() const { return m_alerts; }

    // The suppression badge a new alert with this key would get at `now`, or empty when it would not be
    // suppressed.
    QString suppressionFor(const QString &similarityKey, const QDateTime &now) const;
    // "marked noise 9 days ago", "confirmed real, $12,400 recovered", "follow-up open", or empty.
    QString contextBadge(qint64 alertId, const QDateTime &now) const;

private:
    Alert *findMutable(qint64 alertId);
    void refreshStatus(Alert &alert);

    std::vector<Alert> m_alerts;
    QHash<QString, qint64> m_byFingerprint;          // customer + fingerprint -> alert id
    QHash<QString, std::vector<Judgment>> m_history; // alert id + operator -> earlier verdicts (undo stack)
    qint64 m_nextId = 1;
};

} // namespace upstream::alerts
