#pragma once
// The workstation's connection to the central server as one enum (like Nextcloud's AccountState).
// The status bar only listens to ConnectionStatus::stateChanged; the sync service is the only writer.
#include <QObject>
#include <QString>

namespace upstream::sync {
Q_NAMESPACE

enum class ConnectionState {
    LocalWorkspace,      // no server configured: the encrypted local workspace is the whole world
    Offline,             // a server is configured but unreachable; edits queue in the outbox, retry with backoff
    Connecting,          // a connection attempt is in progress
    Online,              // connected and the cache is current
    Syncing,             // connected, pulling changes or pushing the outbox
    AuthFailed,          // the server refused the credentials; the user must sign in again
    CertificateRejected, // TLS verification failed; IT must fix the certificate or CA — no retry
    ServerTooNew,        // the server schema is newer than this program; update the workstation
};
Q_ENUM_NS(ConnectionState)

QString describe(ConnectionState state); // user-facing text, translated
bool isConnected(ConnectionState state);

class ConnectionStatus : public QObject {
    Q_OBJECT
public:
    explicit ConnectionStatus(QObject *parent = nullptr);
    ConnectionState state() const { return m_state; }
    QString detail() const { return m_detail; }
    void setState(ConnectionState state, const QString &detail = {});

signals:
    void stateChanged(upstream::sync::ConnectionState state, const QString &detail);

private:
    ConnectionState m_state = ConnectionState::LocalWorkspace;
    QString m_detail;
};

} // namespace upstream::sync
