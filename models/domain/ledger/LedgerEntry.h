#pragma once
// LedgerEntry: one recovery ledger entry (SPEC section 7) as a value type, with its JSON form (history rows, outbox
// payloads, conflict records all use the same form) and user-facing field names for the history and conflict views.
// Amounts are integer cents: money is never a floating-point value here.
#include "engines/Signal.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <array>

namespace upstream::ledger {

// SPEC: open → in_progress → recovered | written_off (see LedgerValidation.h for the allowed transitions).
enum class LedgerState { Open, InProgress, Recovered, WrittenOff };
inline constexpr int kLedgerStateCount = 4;

QString stateId(LedgerState state); // "open", "in_progress", "recovered", "written_off" (database values)
bool stateFromId(const QString &id, LedgerState *state);
QString stateLabel(LedgerState state); // translated: "Open", "In progress", ...
bool isTerminal(LedgerState state);    // recovered or written_off

// The products an entry can belong to (database ids, engines::kProducts in order).
inline const std::array<QString, 3> kLedgerProducts = {engines::productName(engines::kProducts[0]),
                                                       engines::productName(engines::kProducts[1]),
                                                       engines::productName(engines::kProducts[2])};
QString productLabel(const QString &productId); // "DriftWatch", ...; unknown ids are returned as they are

struct LedgerEntry {
    QString id;
    QString alertId;
    QString signalId;
    QString product;
    QString payer;
    qint64 expectedCents = 0;
    qint64 recoveredCents = 0;
    QDate recoveredDate; // null = not set
    // Who recorded the current recovered amount (empty while nothing is recovered). Set by the repository when the
    // amount changes and, authoritatively, by the server (0008_recovered_by.sql); SPEC 7's "by operator" totals.
    QString recoveredBy;
    LedgerState state = LedgerState::Open;
    QString owner; // the operator who works the recovery
    QString notes;
    QString approvedBy;   // empty = not approved
    QDateTime approvedAt; // when the supervisor approved, on their workstation (an offline approval keeps its time)
    qint64 version = 0;   // 0 = not stored yet
    QDateTime createdAt;
    QDateTime updatedAt;

    bool isApproved() const { return !approvedBy.isEmpty(); }
    QJsonObject toJson() const;
    static LedgerEntry fromJson(const QJsonObject &json);
    // The server's row form (to_jsonb of upstream.ledger_entries, as pulled or returned with a conflict): id is the
    // client_uuid, amounts are decimal dollars, links are numbers, times are truncated to whole seconds.
    static LedgerEntry fromServerRow(const QJsonObject &row);
    bool operator==(const LedgerEntry &other) const = default;
};

// Fields shown in the history and conflict views, in display order.
enum class LedgerField {
    Product,
    Payer,
    Expected,
    Recovered,
    RecoveredDate,
    RecoveredBy,
    State,
    Owner,
    Notes,
    AlertId,
    SignalId,
    ApprovedBy,
    ApprovedAt,
};
inline constexpr int kLedgerFieldCount = 13;
// The fields a user edits (the rest are links or the supervisor's approval); merge chooses among these.
inline constexpr std::array<LedgerField, 8> kEditableFields = {
    LedgerField::Product,       LedgerField::Payer, LedgerField::Expected, LedgerField::Recovered,
    LedgerField::RecoveredDate, LedgerField::State, LedgerField::Owner,    LedgerField::Notes};

QString fieldLabel(LedgerField field);                          // translated, e.g. "Recovered amount"
QString fieldText(const LedgerEntry &entry, LedgerField field); // display form, e.g. "$1,250.00"
bool fieldEquals(const LedgerEntry &a, const LedgerEntry &b, LedgerField field);
void copyField(LedgerEntry &to, const LedgerEntry &from, LedgerField field);

QString formatCents(qint64 cents);                   // "$12,400.00" (US dollars; claims are US claims)
bool parseCents(const QString &text, qint64 *cents); // "1,250.5", "$12", "0.07" → cents; false when not money

} // namespace upstream::ledger
