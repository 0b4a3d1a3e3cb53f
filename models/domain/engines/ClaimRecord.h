#pragma once
// ClaimRecord: one parsed, validated claim row as the engines' aggregator consumes it. The CSV import produces
// the same struct, so the in-process aggregation path and the PostgreSQL path (table upstream.claims) see the
// same fields.
//
// Representation choices (for speed and for exact agreement with SQL):
// - dates are days since 1970-01-01 (int32), kNoDay when absent; plain integer arithmetic, no QDate per row;
// - amounts are integer cents (int64), kNoAmount when absent; sums are exact, as SQL's numeric sums are.
#include <QDate>
#include <QString>

#include <cstdint>
#include <limits>

namespace upstream::engines {

// Pending: not yet adjudicated (no decided date; SPEC 3). A live export's newest claims are pending.
enum class Outcome : std::uint8_t { Paid, Denied, Other, Pending };

using EpochDay = std::int32_t;
inline constexpr EpochDay kNoDay = std::numeric_limits<EpochDay>::min();
inline constexpr std::int64_t kNoAmount = std::numeric_limits<std::int64_t>::min();

// 1970-01-01 as a Julian day number (QDate's internal representation).
inline constexpr std::int64_t kUnixEpochJulianDay = 2440588;

inline EpochDay toEpochDay(QDate date)
{
    return date.isValid() ? static_cast<EpochDay>(date.toJulianDay() - kUnixEpochJulianDay) : kNoDay;
}
inline QDate fromEpochDay(EpochDay day)
{
    return day == kNoDay ? QDate() : QDate::fromJulianDay(std::int64_t(day) + kUnixEpochJulianDay);
}
// The day as stored and exported: "yyyy-MM-dd"; empty for kNoDay.
inline QString isoDate(EpochDay day)
{
    return fromEpochDay(day).toString(Qt::ISODate);
}

struct ClaimRecord {
    QString payer;    // normalised payer name
    QString cpt;      // as imported (5-char CPT/HCPCS)
    QString cptGroup; // the customer's CPT group mapping, else the default grouping (claims/CptGrouping.h)
    EpochDay submittedDay = kNoDay;
    EpochDay decidedDay = kNoDay;
    EpochDay paymentDay = kNoDay;
    Outcome outcome = Outcome::Other;
    std::int64_t allowedCents = kNoAmount;
    std::int64_t billedCents = kNoAmount;
    std::int64_t paidCents = kNoAmount;
    QString denialReasonCode; // upper-case, may be empty
    QString denialReasonText; // may be empty
};

// The DenialScope reason of a claim: code, else text, else UNSPECIFIED; denials only (empty for other outcomes).
// The SQL aggregate query computes the same expression (see storage/pg/AggregateSql.h).
QString reasonKeyOf(const ClaimRecord &claim);
inline const QString &unspecifiedReason()
{
    static const QString s = QStringLiteral("UNSPECIFIED");
    return s;
}

} // namespace upstream::engines
