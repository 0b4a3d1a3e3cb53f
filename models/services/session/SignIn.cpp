#include "SignIn.h"

#include "core/BackgroundJob.h"
#include "logging/Log.h"
#include "security/SecretStore.h"
#include "storage/pg/MembershipPg.h"
#include "storage/pg/PgConnection.h"
#include "storage/pg/PgTarget.h"

#include <QCryptographicHash>
#include <QStandardPaths>

namespace upstream::session {
namespace {

struct Membership {
    qint64 customerId = 0;
    QString appRole;
};

// Runs on a worker thread: connect and read the signed-in role's membership.
Result<Membership> connectAndReadMembership(const storage::PgConnectionParams &params)
{
    auto conn = storage::PgConnection::connect(params);
    if (!conn.ok())
        return conn.error();
    auto r = storage::readOwnMembership(conn.value());
    if (!r.ok())
        return makeError(ErrorCode::PermissionDenied,
                         QObject::tr("Signed in, but the server's Upstream schema is not readable for this user: %1")
                             .arg(r.error().message));
    if (!r.value())
        return makeError(ErrorCode::AuthFailed,
                         QObject::tr("This user is not a member of any customer, or has been disabled. Ask your "
                                     "administrator."));
    return Membership{r.value()->customerId, r.value()->appRole};
}

} // namespace

QString SignInService::rememberKey(const ServerProfile &profile, const QString &user)
{
    return QStringLiteral("server-password:") + profile.key(user);
}

QString ServerProfile::key(const QString &user) const
{
    return QStringLiteral("%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

SignInService::SignInService(security::SecretStore *secrets, QObject *parent)
    : QObject(parent), m_secrets(secrets), m_opener(secrets)
{
}

QString SignInService::workspaceDirectory(const ServerProfile &profile, const QString &user)
{
    // A stable folder name that does not spell the user or host in clear on disk.
    const QByteArray id = QCryptographicHash::hash(profile.key(user).toUtf8(), QCryptographicHash::Sha256).toHex();
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/workspaces/") +
           QString::fromLatin1(id.left(24));
}

storage::PgConnectionParams SignInService::connectionParams(const SignInRequest &request)
{
    storage::PgConnectionParams p;
    p.host = request.profile.host;
    p.hostaddr = request.profile.hostaddr;
    p.port = request.profile.port;
    p.database = request.profile.database;
    p.user = request.user;
    p.password = request.password;
    p.sslmode = request.profile.sslmode;
    p.sslrootcert = request.profile.sslrootcert;
    p.applicationName = QStringLiteral("upstream-workstation");
    return p;
}

void SignInService::signIn(const SignInRequest &request, const Done &done)
{
    if (auto refused = refuseBeforeConnecting(request)) {
        done(std::move(*refused));
        return;
    }
    readMembership(request, [this, request, done](Result<SignedIn> m) {
        if (m.ok()) {
            openWorkspace(request, true, m->customerId, m->appRole, done);
            return;
        }
        if (m.error().code == ErrorCode::Unreachable &&
            workspace::WorkspaceOpener::exists(workspaceDirectory(request.profile, request.user))) {
            log::info(QStringLiteral("server unreachable: signing in offline"));
            openWorkspace(request, false, 0, QString(), done);
            return;
        }
        finish(request, std::move(m), done);
    });
}

void SignInService::verifyOnServer(const SignInRequest &request, const Done &done)
{
    if (auto refused = refuseBeforeConnecting(request)) {
        done(std::move(*refused));
        return;
    }
    readMembership(request, [this, request, done](Result<SignedIn> m) { finish(request, std::move(m), done); });
}

std::optional<Error> SignInService::refuseBeforeConnecting(const SignInRequest &request) const
{
    if (const auto wait = m_backoff.remaining(); wait.count() > 0) {
        const auto seconds = std::chrono::ceil<std::chrono::seconds>(wait).count();
        return makeError(ErrorCode::AuthFailed,
                         tr("Too many failed attempts. Try again in %n second(s).", nullptr, int(seconds)));
    }
    if (request.user.isEmpty() || request.password.isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("Enter your user name and password."));
    if (!request.profile.isConfigured())
        return makeError(ErrorCode::InvalidInput, tr("No server is configured. Enter the server's host and database."));
    if (request.profile.sslmode != QLatin1String("verify-full") && !request.profile.allowWeakTls &&
        storage::connectsOverTcp(request.profile.host, request.profile.hostaddr))
        return makeError(ErrorCode::CertificateRejected,
                         tr("The connection would use TLS mode \"%1\", which does not verify the server. Upstream "
                            "signs in only with verify-full unless your IT department allows less.")
                             .arg(request.profile.sslmode));
    return std::nullopt;
}

void SignInService::readMembership(const SignInRequest &request, const Done &done)
{
    const storage::PgConnectionParams params = connectionParams(request);
    BackgroundJob::runOnce<Result<Membership>>(
        this, [params] { return connectAndReadMembership(params); },
        [done](const Result<Membership> &m) {
            if (!m.ok()) {
                done(m.error());
                return;
            }
            SignedIn s;
            s.online = true;
            s.customerId = m->customerId;
            s.appRole = m->appRole;
            done(std::move(s));
        });
}

void SignInService::openWorkspace(const SignInRequest &request, bool online, qint64 customer, const QString &role,
                                  const Done &done)
{
    const QString dir = workspaceDirectory(request.profile, request.user);
    auto opened = [this, request, online, customer, role, done](Result<workspace::OpenedWorkspace> ws) {
        if (!ws.ok()) {
            Error e = ws.error();
            if (!online && e.code == ErrorCode::AuthFailed)
                e.message = tr("The server cannot be reached and the password does not open this computer's "
                               "offline copy. Check the password, or try again when the server is reachable.");
            finish(request, e, done);
            return;
        }
        if (online) {
            (void)ws->cache->setMeta(QStringLiteral("customer_id"), QString::number(customer));
            (void)ws->cache->setMeta(QStringLiteral("app_role"), role);
            (void)ws->cache->setMeta(QStringLiteral("user"), request.user);
        }
        SignedIn s;
        s.online = online;
        s.customerId = online ? customer : ws->cache->meta(QStringLiteral("customer_id")).toLongLong();
        s.appRole = online ? role : ws->cache->meta(QStringLiteral("app_role"));
        s.workspace = std::move(ws.value());
        finish(request, std::move(s), done);
    };
    if (workspace::WorkspaceOpener::exists(dir))
        m_opener.open(dir, request.password, opened);
    else
        m_opener.create(dir, request.password, opened);
}

void SignInService::finish(const SignInRequest &request, Result<SignedIn> result, const Done &done)
{
    if (!result.ok()) {
        if (result.error().code == ErrorCode::AuthFailed)
            m_backoff.recordFailure();
        log::warn(QStringLiteral("sign-in failed: %1").arg(result.error().message));
        done(std::move(result));
        return;
    }
    m_failuresBeforeSuccess = m_backoff.consecutiveFailures();
    m_backoff.recordSuccess();
    const QString key = rememberKey(request.profile, request.user);
    auto forward = [done, r = std::make_shared<Result<SignedIn>>(std::move(result))](const Status &st) mutable {
        if (!st.ok())
            log::warn(QStringLiteral("could not update the remembered password: %1").arg(st.error().message));
        done(std::move(*r));
    };
    if (request.remember)
        m_secrets->write(key, request.password.toUtf8(), forward);
    else
        m_secrets->remove(key, forward);
}

void SignInService::rememberedPassword(const ServerProfile &profile, const QString &user,
                                       const std::function<void(Result<QString>)> &done)
{
    m_secrets->read(rememberKey(profile, user), [done](Result<QByteArray> r) {
        if (!r.ok())
            done(r.error());
        else
            done(QString::fromUtf8(r.value()));
    });
}

} // namespace upstream::session
