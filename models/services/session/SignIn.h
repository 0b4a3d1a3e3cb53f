#pragma once
// Sign-in to the central server, with offline fallback (SPEC section 8, issue "Sign-in, idle lock ...").
//
// 1. Connect with the user's own PostgreSQL role (SCRAM over TLS, sslmode from the profile) on a worker thread and
//    read the user's membership (customer, app role). Wrong password, disabled user, rejected certificate and an
//    unknown database each fail with a plain message.
// 2. The user's local workspace (one per server + database + user) is opened — or created on first sign-in — with
//    the same password: the cache key is wrapped with it.
// 3. When the server cannot be reached, a returning user signs in offline: the password unlocks the local cache.
// 4. "Remember me" keeps the password in the OS keychain (and only there); unticking it deletes the stored copy.
// Failures in a row are slowed down by FailureBackoff.
#include "core/Result.h"
#include "security/FailureBackoff.h"
#include "storage/pg/PgConnection.h"
#include "workspace/Workspace.h"

#include <QObject>

#include <functional>
#include <optional>

namespace upstream::security {
class SecretStore;
}

namespace upstream::session {

struct ServerProfile {
    QString host;
    int port = 5432;
    QString database;
    QString sslmode = QStringLiteral("verify-full");
    QString sslrootcert;
    QString hostaddr; // optional: skip DNS (tests)
    // Only machine policy (server/allow_weak_tls) sets it: then a TCP connection may use verify-ca or require.
    bool allowWeakTls = false;

    bool isConfigured() const { return !host.isEmpty() && !database.isEmpty(); }
    QString key(const QString &user) const; // "user@host:port/db", the identity of a workspace and a keychain entry
};

struct SignInRequest {
    ServerProfile profile;
    QString user;
    QString password;
    bool remember = false;
};

struct SignedIn {
    bool online = false;
    qint64 customerId = 0;
    QString appRole; // viewer|operator|analyst|supervisor|admin ("" when offline and never seen)
    workspace::OpenedWorkspace workspace;
};

class SignInService : public QObject {
    Q_OBJECT
public:
    SignInService(security::SecretStore *secrets, QObject *parent = nullptr);

    using Done = std::function<void(Result<SignedIn>)>;
    void signIn(const SignInRequest &request, const Done &done);
    // Signing in again while the workstation runs (the server refused the session's password): the same checks,
    // server round, backoff and "Remember me" handling as signIn(), but the local workspace, already open, is left
    // alone. The result has online = true, the membership and no workspace; an unreachable server is an error.
    void verifyOnServer(const SignInRequest &request, const Done &done);
    // The remembered password for this profile and user, if any (NotFound otherwise).
    void rememberedPassword(const ServerProfile &profile, const QString &user,
                            const std::function<void(Result<QString>)> &done);
    // The keychain entry of a remembered password ("server-password:user@host:port/db").
    static QString rememberKey(const ServerProfile &profile, const QString &user);

    security::FailureBackoff &backoff() { return m_backoff; }
    // Failed attempts in a row before the last successful sign-in (for the audit trail: a failed sign-in cannot be
    // written to the encrypted cache, whose key needs the right password).
    int failuresBeforeLastSuccess() const { return m_failuresBeforeSuccess; }
    static QString workspaceDirectory(const ServerProfile &profile, const QString &user);
    static storage::PgConnectionParams connectionParams(const SignInRequest &request);

private:
    // The checks made before connecting (backoff wait, missing fields, TLS mode); nullopt when the request may go.
    std::optional<Error> refuseBeforeConnecting(const SignInRequest &request) const;
    // Connects on a worker thread and reads the membership: done(online, customer, role) or the server's refusal.
    void readMembership(const SignInRequest &request, const Done &done);
    void openWorkspace(const SignInRequest &request, bool online, qint64 customer, const QString &role,
                       const Done &done);
    void finish(const SignInRequest &request, Result<SignedIn> result, const Done &done);

    security::SecretStore *m_secrets;
    workspace::WorkspaceOpener m_opener;
    security::FailureBackoff m_backoff;
    int m_failuresBeforeSuccess = 0;
};

} // namespace upstream::session
