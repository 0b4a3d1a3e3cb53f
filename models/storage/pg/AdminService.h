#pragma once
// AdminService: customers and users of the central database, through the upstream.admin_* functions.
//
// Contract: a user is a PostgreSQL LOGIN role (SCRAM) holding one group role (upstream_viewer ... upstream_admin)
// and one membership row naming its customer. The password never reaches the server in clear: the SCRAM verifier
// is computed here (libpq PQencryptPasswordConn) and only the verifier is sent. The database enforces who may do
// this: a superuser for any customer, an app admin for their own customer only (else PermissionDenied). Every
// change is written to the audit log in the same transaction.
// Failure modes: bad login name or role → InvalidInput; existing login → InvalidInput; unknown user or customer →
// PermissionDenied/InvalidInput as reported by the database.
#include "core/Result.h"
#include "storage/pg/PgConnection.h"

#include <QString>
#include <QStringList>

namespace upstream::storage {

class AdminService {
public:
    explicit AdminService(PgConnection &conn) : m_conn(conn) {}

    static QStringList appRoles(); // viewer, operator, analyst, supervisor, admin
    // A random 24-character password for a new user (letters and digits), for when the admin supplies none.
    static QString generatePassword();

    Result<qint64> createCustomer(const QString &name);
    Status createUser(const QString &login, const QString &password, qint64 customerId, const QString &appRole);
    Status setRole(const QString &login, const QString &appRole);
    Status disableUser(const QString &login);

private:
    PgConnection &m_conn;
};

} // namespace upstream::storage
