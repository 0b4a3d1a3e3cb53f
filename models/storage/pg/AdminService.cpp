#include "AdminService.h"

#include <libpq-fe.h>

#include <QRandomGenerator>

namespace upstream::storage {
namespace {

Status roleKnown(const QString &appRole)
{
    if (!AdminService::appRoles().contains(appRole))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("unknown role '%1'; use one of: %2")
                             .arg(appRole, AdminService::appRoles().join(QStringLiteral(", "))));
    return Status::success();
}

Status asStatus(const Result<PgResult> &r)
{
    if (!r.ok())
        return r.error();
    return Status::success();
}

} // namespace

QStringList AdminService::appRoles()
{
    return {QStringLiteral("viewer"), QStringLiteral("operator"), QStringLiteral("analyst"),
            QStringLiteral("supervisor"), QStringLiteral("admin")};
}

QString AdminService::generatePassword()
{
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    QString pw;
    auto *rng = QRandomGenerator::system(); // cryptographically secure source
    for (int i = 0; i < 24; ++i)
        pw += QLatin1Char(alphabet[rng->bounded(int(sizeof(alphabet) - 1))]);
    return pw;
}

Result<qint64> AdminService::createCustomer(const QString &name)
{
    if (name.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("a customer needs a name"));
    auto r = m_conn.exec("SELECT upstream.admin_create_customer($1)", {name});
    if (!r.ok())
        return r.error();
    return r->int64(0, 0);
}

Status AdminService::createUser(const QString &login, const QString &password, qint64 customerId,
                                const QString &appRole)
{
    if (Status st = roleKnown(appRole); !st.ok())
        return st;
    if (password.size() < 12)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("a user password needs at least 12 characters"));
    const QByteArray pw = password.toUtf8();
    const QByteArray user = login.toUtf8();
    char *verifier = PQencryptPasswordConn(m_conn.handle(), pw.constData(), user.constData(), "scram-sha-256");
    if (!verifier)
        return makeError(ErrorCode::Internal,
                         QStringLiteral("could not compute the password verifier: %1").arg(m_conn.errorMessage()));
    const QString scram = QString::fromUtf8(verifier);
    PQfreemem(verifier);
    auto r =
        m_conn.exec("SELECT upstream.admin_create_user($1, $2, $3::bigint, $4)", {login, scram, customerId, appRole});
    if (!r.ok() && r.error().message.contains(QLatin1String("already exists")))
        return makeError(ErrorCode::InvalidInput, r.error().message);
    return asStatus(r);
}

Status AdminService::setRole(const QString &login, const QString &appRole)
{
    if (Status st = roleKnown(appRole); !st.ok())
        return st;
    return asStatus(m_conn.exec("SELECT upstream.admin_set_role($1, $2)", {login, appRole}));
}

Status AdminService::disableUser(const QString &login)
{
    return asStatus(m_conn.exec("SELECT upstream.admin_disable_user($1)", {login}));
}

} // namespace upstream::storage
