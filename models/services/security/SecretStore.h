#pragma once
// SecretStore: the OS keychain through QtKeychain (Secret Service on Linux, Keychain on macOS, Credential Manager
// on Windows), done the Nextcloud way: asynchronous jobs, completion by callback on the caller's thread, a missing
// entry reported apart from a backend failure, and QtKeychain's insecure plain-text fallback never enabled.
// Never spins a nested event loop.
#include "core/Result.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace upstream::security {

class SecretStore : public QObject {
    Q_OBJECT
public:
    // service: the keychain service name ("Upstream Workstation" by default; tests pass their own).
    explicit SecretStore(QString service = QStringLiteral("Upstream Workstation"), QObject *parent = nullptr);

    using ReadDone = std::function<void(Result<QByteArray>)>; // NotFound when there is no such entry
    using WriteDone = std::function<void(Status)>;

    void read(const QString &key, ReadDone done);
    void write(const QString &key, const QByteArray &secret, WriteDone done);
    void remove(const QString &key, WriteDone done); // removing a missing entry succeeds

    QString service() const { return m_service; }

private:
    QString m_service;
};

} // namespace upstream::security
