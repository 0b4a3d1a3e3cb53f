#pragma once
// The signed-in role's membership (upstream.memberships): which customer it works for and its application role.
// Read once at sign-in (session::SignInService), on the worker thread that made the connection.
//
// Failure modes: PgConnection errors pass through (the caller reports an unreadable schema); a role with no enabled
// membership is an empty result, not an error.
#include "core/Result.h"

#include <QString>

#include <optional>

namespace upstream::storage {

class PgConnection;

struct PgMembership {
    qint64 customerId = 0;
    QString appRole;
};
// The enabled membership of session_user with the lowest customer id.
Result<std::optional<PgMembership>> readOwnMembership(PgConnection &conn);

} // namespace upstream::storage
