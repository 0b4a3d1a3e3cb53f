#include "RolePermissions.h"

#include <QCoreApplication>

namespace upstream::session {
namespace {

// 0 viewer, 1 operator, 2 analyst, 3 supervisor; admin is a viewer for everything the workstation does.
int rank(const QString &role)
{
    if (role == QLatin1String("operator"))
        return 1;
    if (role == QLatin1String("analyst"))
        return 2;
    if (role == QLatin1String("supervisor"))
        return 3;
    return 0;
}

int requiredRank(RoleAction action)
{
    switch (action) {
    case RoleAction::Triage:
    case RoleAction::EditLedger: return 1;
    case RoleAction::Import:
    case RoleAction::Recompute: return 2;
    case RoleAction::ApproveLedger: return 3;
    }
    return 3;
}

} // namespace

bool roleAllows(const QString &role, RoleAction action)
{
    return rank(role) >= requiredRank(action);
}

QString roleDisplayName(const QString &role)
{
    if (role == QLatin1String("operator"))
        return QCoreApplication::translate("RolePermissions", "Operator");
    if (role == QLatin1String("analyst"))
        return QCoreApplication::translate("RolePermissions", "Analyst");
    if (role == QLatin1String("supervisor"))
        return QCoreApplication::translate("RolePermissions", "Supervisor");
    if (role == QLatin1String("admin"))
        return QCoreApplication::translate("RolePermissions", "Administrator");
    return QCoreApplication::translate("RolePermissions", "Viewer");
}

QString roleRefusal(const QString &role, RoleAction action)
{
    if (roleAllows(role, action))
        return {};
    const QString who = roleDisplayName(role);
    switch (action) {
    case RoleAction::Triage:
        return QCoreApplication::translate(
                   "RolePermissions",
                   "Signed in as %1: you can read alerts but not record verdicts. Ask a supervisor for the "
                   "operator role.")
            .arg(who);
    case RoleAction::EditLedger:
        return QCoreApplication::translate(
                   "RolePermissions",
                   "Signed in as %1: you can read the ledger but not change it. Ask a supervisor for the operator "
                   "role.")
            .arg(who);
    case RoleAction::ApproveLedger:
        return QCoreApplication::translate("RolePermissions", "Only a supervisor can approve entries");
    case RoleAction::Import:
        return QCoreApplication::translate("RolePermissions",
                                           "Signed in as %1: importing claim files needs the analyst role.")
            .arg(who);
    case RoleAction::Recompute:
        return QCoreApplication::translate("RolePermissions",
                                           "Signed in as %1: recomputing signals needs the analyst role.")
            .arg(who);
    }
    return {};
}

} // namespace upstream::session
