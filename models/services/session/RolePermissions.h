#pragma once
// What each application role may do, as the server's grants say (resources/migrations/0001_initial.sql): the UI
// disables what a role may not do instead of letting the server refuse it later, silently, during sync.
//
// Duties are cumulative: operator ⊇ viewer, analyst ⊇ operator, supervisor ⊇ analyst; admin = viewer + users and
// mappings. An empty or unknown role is treated as a viewer (least privilege). GUI-free: the refusal texts are
// translated through QCoreApplication::translate("RolePermissions", ...).
#include <QString>

namespace upstream::session {

enum class RoleAction {
    Triage,        // record or undo a verdict on an alert (judgments, alert status)
    EditLedger,    // create or edit a recovery-ledger entry
    ApproveLedger, // approve a closed ledger entry
    Import,        // import a claim file
    Recompute,     // recompute signals
};

bool roleAllows(const QString &role, RoleAction action);
// Why `role` may not do `action`, for a tooltip ("Viewers see everything read-only; ..."); empty when allowed.
QString roleRefusal(const QString &role, RoleAction action);
// The role's name as shown to the user ("Viewer", "Supervisor", ...).
QString roleDisplayName(const QString &role);

} // namespace upstream::session
