#pragma once
// SignalRows: the signals of one product, loaded from the local cache into columns (one vector per field) so that
// sorting and filtering 1,000,000 rows only touches the integers and doubles they compare. Strings that repeat
// (payer, group, signal type, suppression reason) are dictionary-encoded: a row stores an index into a dictionary
// whose entries also carry their alphabetical rank, so a text sort is an integer sort.
//
// The context badge of each row (SPEC 7) is computed at load time: the latest verdict among the 10 most recent similar
// signals (same product, signal type, payer and group; not newer than the row; its own alert excluded), with the
// dollars recovered on that alert's ledger entries.
//
// Failure modes: loadSignalRows() returns the cache's error (locked/closed cache, corrupt page); rows with unknown
// severity or status strings are kept and mapped to Low / Pending rather than dropped.
#include "core/Result.h"

#include <QDate>
#include <QHash>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace upstream::storage {
class LocalCache;
}

namespace upstream::dashboard {

enum class Severity : std::uint8_t { Low = 0, Medium, High, Critical };
enum class AlertStatus : std::uint8_t { None = 0, Pending, Acknowledged, Resolved };
enum class Urgency : std::uint8_t { Watch = 0, Soon, Urgent };
enum class ContextKind : std::uint8_t { None = 0, Noise, Real, FollowUp };

Severity severityFromString(const QString &s);
QString severityName(Severity s); // "critical", ...
AlertStatus statusFromString(const QString &s);
QString statusName(AlertStatus s);
// Urgency blends how bad, how sure and how much money: 0.6·severity score + 0.2·confidence + 0.2·min(dollars ÷
// 50,000, 1); ≥ 0.75 urgent, ≥ 0.5 soon, else watch. It orders the queue; it does not change what alerts.
// The unit of a signal type's baseline/current values (compute::unitOf): "rate" (DENIAL_RATE,
// REASON_RATE_SPIKE), "days" (adjudication_delay, payment_delay), "count" per day (NEW_REASON,
// REASON_VOLUME_SPIKE), "dollars" per day (REASON_DOLLAR_SPIKE); "rate" for an unknown type.
QString unitOfSignalType(const QString &type);
bool isDaysSignalType(const QString &type); // unitOfSignalType(type) == "days"
// A signal type in words for people ("Denial rate", "Adjudication delay"…, translated); an unknown id passes
// through unchanged.
QString signalTypeLabel(const QString &type);
Urgency urgencyFor(double severityScore, double confidence, double dollars);
QString urgencyName(Urgency u);
// "$1,234" (whole dollars, locale grouping; the symbol leads in every locale the product ships).
QString formatDollars(double dollars);
// A signal's delta in its type's unit: "+40.0 pts" (rates), "+8.0 d" (days), "+3.5/day" (counts),
// "−$1,200/day" (dollars).
QString formatDelta(const QString &signalType, double delta);

// A dictionary of repeated strings with their alphabetical rank (rank[i] = position of entries[i] when sorted).
struct StringDictionary {
    QStringList entries;
    std::vector<std::uint32_t> rank;
    std::uint32_t intern(const QString &s);
    // Ranks by the entries themselves, or by sortKeys[i] for entries[i] when given (e.g. translated labels).
    void finalizeRanks(const QStringList &sortKeys = {});

private:
    QHash<QString, std::uint32_t> m_index;
};

struct SignalRows {
    QString product;
    std::vector<QString> signalId;
    std::vector<QString> alertId; // empty when the signal did not become an alert
    std::vector<std::uint32_t> payer, group, signalType, suppressionReason; // dictionary indexes
    std::vector<Severity> severity;
    std::vector<double> severityScore, confidence, baseline, current, delta, pValue, dollars;
    std::vector<std::int32_t> windowStart, windowEnd, asOf; // Julian days (QDate::toJulianDay)
    std::vector<AlertStatus> status;
    std::vector<std::uint8_t> suppressed;
    std::vector<Urgency> urgency;
    std::vector<ContextKind> contextKind;
    std::vector<std::int32_t> contextDays; // days since the context verdict (relative to `today`)
    std::vector<double> contextDollars;    // recovered on the judged similar alert (a "real" context only)
    // DelayGuard only (evidence "delay"; empty vectors for the other products): O, E, overdue claims and dollars.
    std::vector<double> observed, expected, overdueDollars;
    std::vector<std::int64_t> overdueClaims;
    QStringList signalTypeLabels; // signalTypeLabel() of each signalTypes entry
    // alerts::suppressionLabel() of each suppressionReasons entry (entries hold the stored, English form): translated
    // once per distinct reason, not per row, and again on a language change.
    QStringList suppressionReasonLabels;
    // Recomputes both label lists from the stored forms in the current language, and their sort ranks.
    void relabel();
    StringDictionary payers, groups, signalTypes, suppressionReasons;
    QHash<QString, int> alertRows; // alert id → row

    int size() const { return int(signalId.size()); }
    bool hasDelayFigures() const { return !observed.empty(); }
    void reserve(size_t n);
    QString contextBadge(int row) const; // "marked noise 9 days ago", "confirmed real, $12,400 recovered", ""
    int rowOfAlert(const QString &alertId) const;
};

struct LoadOptions {
    QDate today = QDate::currentDate(); // context badges say "N days ago" relative to this day
};

Result<SignalRows> loadSignalRows(storage::LocalCache &cache, const QString &product, const LoadOptions &options = {});

// Re-reads the alert status and suppression of the given alerts (after a verdict) in place, and recomputes the
// context badges of their similar rows.
Status refreshAlertStatus(storage::LocalCache &cache, SignalRows &rows, const QStringList &alertIds,
                          const QDate &today = QDate::currentDate());

} // namespace upstream::dashboard
