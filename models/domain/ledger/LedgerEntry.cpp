#include "LedgerEntry.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace upstream::ledger {
namespace {

QString dateTimeText(const QDateTime &dt)
{
    return dt.isValid() ? dt.toUTC().toString(Qt::ISODate) : QString();
}

QDateTime dateTimeFrom(const QJsonValue &v)
{
    const QString s = v.toString();
    return s.isEmpty() ? QDateTime() : QDateTime::fromString(s, Qt::ISODate);
}

} // namespace

QString stateId(LedgerState state)
{
    switch (state) {
    case LedgerState::Open: return QStringLiteral("open");
    case LedgerState::InProgress: return QStringLiteral("in_progress");
    case LedgerState::Recovered: return QStringLiteral("recovered");
    case LedgerState::WrittenOff: return QStringLiteral("written_off");
    }
    return {};
}

bool stateFromId(const QString &id, LedgerState *state)
{
    for (int i = 0; i < kLedgerStateCount; ++i) {
        if (stateId(LedgerState(i)) == id) {
            *state = LedgerState(i);
            return true;
        }
    }
    return false;
}

QString stateLabel(LedgerState state)
{
    switch (state) {
    case LedgerState::Open: return QCoreApplication::translate("Ledger", "Open");
    case LedgerState::InProgress: return QCoreApplication::translate("Ledger", "In progress");
    case LedgerState::Recovered: return QCoreApplication::translate("Ledger", "Recovered");
    case LedgerState::WrittenOff: return QCoreApplication::translate("Ledger", "Written off");
    }
    return {};
}

bool isTerminal(LedgerState state)
{
    return state == LedgerState::Recovered || state == LedgerState::WrittenOff;
}

QString productLabel(const QString &productId)
{
    for (const engines::Product p : engines::kProducts)
        if (engines::isProduct(productId, p))
            return engines::productLabel(p);
    return productId;
}

QJsonObject LedgerEntry::toJson() const
{
    QJsonObject o;
    o[QLatin1String("id")] = id;
    o[QLatin1String("alert_id")] = alertId;
    o[QLatin1String("signal_id")] = signalId;
    o[QLatin1String("product")] = product;
    o[QLatin1String("payer")] = payer;
    o[QLatin1String("expected_cents")] = expectedCents;
    o[QLatin1String("recovered_cents")] = recoveredCents;
    o[QLatin1String("recovered_date")] = recoveredDate.isValid() ? recoveredDate.toString(Qt::ISODate) : QString();
    o[QLatin1String("recovered_by")] = recoveredBy;
    o[QLatin1String("state")] = stateId(state);
    o[QLatin1String("owner")] = owner;
    o[QLatin1String("notes")] = notes;
    o[QLatin1String("approved_by")] = approvedBy;
    o[QLatin1String("approved_at")] = dateTimeText(approvedAt);
    o[QLatin1String("version")] = version;
    o[QLatin1String("created_at")] = dateTimeText(createdAt);
    o[QLatin1String("updated_at")] = dateTimeText(updatedAt);
    return o;
}

LedgerEntry LedgerEntry::fromJson(const QJsonObject &o)
{
    LedgerEntry e;
    e.id = o.value(QLatin1String("id")).toString();
    e.alertId = o.value(QLatin1String("alert_id")).toString();
    e.signalId = o.value(QLatin1String("signal_id")).toString();
    e.product = o.value(QLatin1String("product")).toString();
    e.payer = o.value(QLatin1String("payer")).toString();
    e.expectedCents = o.value(QLatin1String("expected_cents")).toInteger();
    e.recoveredCents = o.value(QLatin1String("recovered_cents")).toInteger();
    e.recoveredDate = QDate::fromString(o.value(QLatin1String("recovered_date")).toString(), Qt::ISODate);
    e.recoveredBy = o.value(QLatin1String("recovered_by")).toString();
    (void)stateFromId(o.value(QLatin1String("state")).toString(), &e.state);
    e.owner = o.value(QLatin1String("owner")).toString();
    e.notes = o.value(QLatin1String("notes")).toString();
    e.approvedBy = o.value(QLatin1String("approved_by")).toString();
    e.approvedAt = dateTimeFrom(o.value(QLatin1String("approved_at")));
    e.version = o.value(QLatin1String("version")).toInteger();
    e.createdAt = dateTimeFrom(o.value(QLatin1String("created_at")));
    e.updatedAt = dateTimeFrom(o.value(QLatin1String("updated_at")));
    return e;
}

LedgerEntry LedgerEntry::fromServerRow(const QJsonObject &o)
{
    auto text = [&](const char *key) {
        const QJsonValue v = o.value(QLatin1String(key));
        return v.isDouble() ? QString::number(v.toInteger()) : v.toString();
    };
    auto cents = [&](const char *key) { return qint64(std::llround(o.value(QLatin1String(key)).toDouble() * 100.0)); };
    auto wholeSeconds = [&](const char *key) {
        const QDateTime t = dateTimeFrom(o.value(QLatin1String(key)));
        return t.isValid() ? QDateTime::fromSecsSinceEpoch(t.toSecsSinceEpoch(), Qt::UTC) : QDateTime();
    };
    LedgerEntry e;
    e.id = text("client_uuid");
    e.alertId = text("alert_id");
    e.signalId = text("signal_id");
    e.product = text("product");
    e.payer = text("payer");
    e.expectedCents = cents("expected_amount");
    e.recoveredCents = cents("recovered_amount");
    e.recoveredDate = QDate::fromString(text("recovered_date"), Qt::ISODate);
    e.recoveredBy = text("recovered_by");
    (void)stateFromId(text("state"), &e.state);
    e.owner = text("owner");
    e.notes = text("notes");
    e.approvedBy = text("approved_by");
    // The supervisor's own approval time when the workstation reported one (an offline approval synced later); the
    // server's receipt time otherwise.
    e.approvedAt = wholeSeconds("approved_at_client");
    if (!e.approvedAt.isValid())
        e.approvedAt = wholeSeconds("approved_at");
    e.version = o.value(QLatin1String("version")).toInteger();
    e.createdAt = wholeSeconds("created_at");
    e.updatedAt = wholeSeconds("updated_at");
    return e;
}

QString fieldLabel(LedgerField field)
{
    switch (field) {
    case LedgerField::Product: return QCoreApplication::translate("Ledger", "Product");
    case LedgerField::Payer: return QCoreApplication::translate("Ledger", "Payer");
    case LedgerField::Expected: return QCoreApplication::translate("Ledger", "Expected amount");
    case LedgerField::Recovered: return QCoreApplication::translate("Ledger", "Recovered amount");
    case LedgerField::RecoveredDate: return QCoreApplication::translate("Ledger", "Recovered date");
    case LedgerField::RecoveredBy: return QCoreApplication::translate("Ledger", "Recovered by");
    case LedgerField::State: return QCoreApplication::translate("Ledger", "State");
    case LedgerField::Owner: return QCoreApplication::translate("Ledger", "Owner");
    case LedgerField::Notes: return QCoreApplication::translate("Ledger", "Notes");
    case LedgerField::AlertId: return QCoreApplication::translate("Ledger", "Alert");
    case LedgerField::SignalId: return QCoreApplication::translate("Ledger", "Signal");
    case LedgerField::ApprovedBy: return QCoreApplication::translate("Ledger", "Approved by");
    case LedgerField::ApprovedAt: return QCoreApplication::translate("Ledger", "Approved at");
    }
    return {};
}

QString fieldText(const LedgerEntry &e, LedgerField field)
{
    switch (field) {
    case LedgerField::Product: return productLabel(e.product);
    case LedgerField::Payer: return e.payer;
    case LedgerField::Expected: return formatCents(e.expectedCents);
    case LedgerField::Recovered: return formatCents(e.recoveredCents);
    case LedgerField::RecoveredDate:
        return e.recoveredDate.isValid() ? e.recoveredDate.toString(Qt::ISODate) : QString();
    case LedgerField::RecoveredBy: return e.recoveredBy;
    case LedgerField::State: return stateLabel(e.state);
    case LedgerField::Owner: return e.owner;
    case LedgerField::Notes: return e.notes;
    case LedgerField::AlertId: return e.alertId;
    case LedgerField::SignalId: return e.signalId;
    case LedgerField::ApprovedBy: return e.approvedBy;
    case LedgerField::ApprovedAt:
        return e.approvedAt.isValid() ? e.approvedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))
                                      : QString();
    }
    return {};
}

bool fieldEquals(const LedgerEntry &a, const LedgerEntry &b, LedgerField field)
{
    switch (field) {
    case LedgerField::Product: return a.product == b.product;
    case LedgerField::Payer: return a.payer == b.payer;
    case LedgerField::Expected: return a.expectedCents == b.expectedCents;
    case LedgerField::Recovered: return a.recoveredCents == b.recoveredCents;
    case LedgerField::RecoveredDate: return a.recoveredDate == b.recoveredDate;
    case LedgerField::RecoveredBy: return a.recoveredBy == b.recoveredBy;
    case LedgerField::State: return a.state == b.state;
    case LedgerField::Owner: return a.owner == b.owner;
    case LedgerField::Notes: return a.notes == b.notes;
    case LedgerField::AlertId: return a.alertId == b.alertId;
    case LedgerField::SignalId: return a.signalId == b.signalId;
    case LedgerField::ApprovedBy: return a.approvedBy == b.approvedBy;
    case LedgerField::ApprovedAt: return a.approvedAt == b.approvedAt;
    }
    return true;
}

void copyField(LedgerEntry &to, const LedgerEntry &from, LedgerField field)
{
    switch (field) {
    case LedgerField::Product: to.product = from.product; break;
    case LedgerField::Payer: to.payer = from.payer; break;
    case LedgerField::Expected: to.expectedCents = from.expectedCents; break;
    case LedgerField::Recovered: to.recoveredCents = from.recoveredCents; break;
    case LedgerField::RecoveredDate: to.recoveredDate = from.recoveredDate; break;
    case LedgerField::RecoveredBy: to.recoveredBy = from.recoveredBy; break;
    case LedgerField::State: to.state = from.state; break;
    case LedgerField::Owner: to.owner = from.owner; break;
    case LedgerField::Notes: to.notes = from.notes; break;
    case LedgerField::AlertId: to.alertId = from.alertId; break;
    case LedgerField::SignalId: to.signalId = from.signalId; break;
    case LedgerField::ApprovedBy: to.approvedBy = from.approvedBy; break;
    case LedgerField::ApprovedAt: to.approvedAt = from.approvedAt; break;
    }
}

QString formatCents(qint64 cents)
{
    // Integer arithmetic: a double would round large sums. Grouping follows en_US because amounts are US dollars.
    const bool negative = cents < 0;
    const quint64 abs = negative ? quint64(-(cents + 1)) + 1 : quint64(cents);
    const QString dollars = QLocale(QLocale::English, QLocale::UnitedStates).toString(qulonglong(abs / 100));
    return QStringLiteral("%1$%2.%3")
        .arg(negative ? QStringLiteral("-") : QString(), dollars)
        .arg(uint(abs % 100), 2, 10, QLatin1Char('0'));
}

bool parseCents(const QString &text, qint64 *cents)
{
    QString s = text.trimmed();
    if (s.startsWith(QLatin1Char('$')))
        s.remove(0, 1);
    s.remove(QLatin1Char(','));
    if (s.isEmpty())
        return false;
    const qsizetype dot = s.indexOf(QLatin1Char('.'));
    const QString whole = dot < 0 ? s : s.left(dot);
    QString frac = dot < 0 ? QString() : s.mid(dot + 1);
    if ((whole.isEmpty() && frac.isEmpty()) || frac.size() > 2 || whole.size() > 13)
        return false;
    for (QChar c : whole + frac)
        if (!c.isDigit() || c.unicode() > 127)
            return false;
    while (frac.size() < 2)
        frac += QLatin1Char('0');
    *cents = (whole.isEmpty() ? 0 : whole.toLongLong()) * 100 + frac.toLongLong();
    return true;
}

} // namespace upstream::ledger
