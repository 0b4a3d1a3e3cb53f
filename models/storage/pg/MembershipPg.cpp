#include "storage/pg/MembershipPg.h"

#include "storage/pg/PgConnection.h"

namespace upstream::storage {

Result<std::optional<PgMembership>> readOwnMembership(PgConnection &conn)
{
    auto r = conn.exec("SELECT customer_id, app_role FROM upstream.memberships "
                       "WHERE member_role = session_user AND NOT disabled ORDER BY customer_id LIMIT 1");
    if (!r.ok())
        return r.error();
    if (r->rows() == 0)
        return std::optional<PgMembership>();
    return std::optional<PgMembership>(PgMembership{r->int64(0, 0), r->text(0, 1)});
}

} // namespace upstream::storage
