#include "LedgerValidation.h"

#include <QCoreApplication>
#include <QStringList>

namespace upstream::ledger {
namespace {

} // namespace

bool canTransition(LedgerState from, LedgerState to)
{
    if (from == to)
        return true;
    switch (from) {
    case LedgerState::Open: return to == LedgerState::InProgress;
    case LedgerState::InProgress: return to == LedgerState::Recovered || to == LedgerState::WrittenOff;
    case LedgerState::Recovered:
    case LedgerState::WrittenOff: return false;
    }
    return false;
}

std::vector<LedgerState> allowedNextStates(LedgerState from)
{
    std::vector<LedgerState> out;
    for (int i = 0; i < kLedgerStateCount; ++i)
        if (canTransition(from, LedgerState(i)))
            out.push_back(LedgerState(i));
    return out;
}

QString ValidationReport::messageFor(LedgerField field) const
{
    QStringList parts;
    for (const FieldIssue &issue : issues)
        if (issue.field == field)
            parts << issue.message;
    return parts.join(QLatin1Char(' '));
}

QString ValidationReport::summary() const
{
    QStringList lines;
    for (const FieldIssue &issue : issues)
        lines << QStringLiteral("%1: %2").arg(fieldLabel(issue.field), issue.message);
    if (needsOverRecoveryConfirmation)
        lines << QCoreApplication::translate(
            "LedgerValidation", "The recovered amount is more than the expected amount; confirm it to save.");
    return lines.join(QLatin1Char('\n'));
}

ValidationReport validate(const LedgerEntry &e, const LedgerEntry *before, QDate today, bool overRecoveryConfirmed)
{
    ValidationReport r;
    auto add = [&](LedgerField f, QString msg) { r.issues.push_back({f, std::move(msg)}); };

    bool knownProduct = false;
    for (const QString &p : kLedgerProducts)
        knownProduct = knownProduct || e.product == p;
    if (!knownProduct)
        add(LedgerField::Product,
            QCoreApplication::translate("LedgerValidation", "Choose DriftWatch, DenialScope or DelayGuard."));

    const QString payer = e.payer.trimmed();
    if (payer.isEmpty())
        add(LedgerField::Payer, QCoreApplication::translate("LedgerValidation", "Enter the payer."));
    else if (payer.size() > kMaxPayerLength)
        add(LedgerField::Payer,
            QCoreApplication::translate("LedgerValidation", "The payer name is too long (at most %1 characters).")
                .arg(kMaxPayerLength));

    if (e.expectedCents < 0)
        add(LedgerField::Expected,
            QCoreApplication::translate("LedgerValidation", "The expected amount cannot be negative."));
    if (e.recoveredCents < 0)
        add(LedgerField::Recovered,
            QCoreApplication::translate("LedgerValidation", "The recovered amount cannot be negative."));
    if (e.expectedCents >= 0 && e.recoveredCents > e.expectedCents && !overRecoveryConfirmed)
        r.needsOverRecoveryConfirmation = true;

    if (e.recoveredDate.isValid()) {
        if (e.recoveredDate > today)
            add(LedgerField::RecoveredDate,
                QCoreApplication::translate("LedgerValidation", "The recovered date cannot be in the future."));
        else if (e.recoveredDate < kEarliestRecoveryDate)
            add(LedgerField::RecoveredDate,
                QCoreApplication::translate("LedgerValidation", "The recovered date is before %1; check the year.")
                    .arg(kEarliestRecoveryDate.toString(Qt::ISODate)));
    }
    if (e.state == LedgerState::Recovered) {
        if (!e.recoveredDate.isValid())
            add(LedgerField::RecoveredDate,
                QCoreApplication::translate("LedgerValidation", "Enter the date the money was recovered."));
        if (e.recoveredCents <= 0)
            add(LedgerField::Recovered,
                QCoreApplication::translate("LedgerValidation",
                                            "A recovered entry needs the amount that was recovered."));
    }

    const LedgerState from = before ? before->state : LedgerState::Open;
    if (!before && e.state != LedgerState::Open)
        add(LedgerField::State, QCoreApplication::translate("LedgerValidation", "A new entry starts as Open."));
    else if (!canTransition(from, e.state))
        add(LedgerField::State, QCoreApplication::translate("LedgerValidation", "An entry cannot move from %1 to %2.")
                                    .arg(stateLabel(from), stateLabel(e.state)));

    if (e.notes.size() > kMaxNotesLength)
        add(LedgerField::Notes,
            QCoreApplication::translate("LedgerValidation", "Notes are too long (at most %1 characters).")
                .arg(kMaxNotesLength));
    return r;
}

} // namespace upstream::ledger
