#pragma once
// KeyVault: the local cache key, stored only wrapped (SPEC section 8).
//
//   KEK   = BLAKE2b-256( Argon2id(password, salt, MODERATE limits: 3 passes, 256 MiB) || device secret )
//   wrap  = XChaCha20-Poly1305(KEK, nonce, cache key, associated data = "upstream-cache-key-v1:" + workspace id)
//
// The device secret is 32 random bytes kept in the OS keychain, so a copied cache file plus a guessed password is
// not enough, and the password is still needed on the device. A wrong password or a wrong/missing device secret
// fails authentication of the wrapped key (ErrorCode::AuthFailed); a damaged key file is ErrorCode::Corrupt.
// Key material lives in SecureBytes (sodium_malloc: guarded, locked, zeroed on free).
#include "core/Result.h"
#include "security/SecureBytes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace upstream::security {

struct WrappedKey {
    QByteArray salt;       // Argon2id salt (16 bytes)
    QByteArray nonce;      // XChaCha20 nonce (24 bytes)
    QByteArray ciphertext; // 32-byte key + 16-byte tag
    quint64 opsLimit = 0;
    quint64 memLimit = 0;
    QString workspaceId;

    QJsonObject toJson() const;
    static Result<WrappedKey> fromJson(const QJsonObject &o);
};

class KeyVault {
public:
    static constexpr int kKeyBytes = 32;
    static constexpr int kDeviceSecretBytes = 32;
    // libsodium's MODERATE limits (crypto_pwhash_OPSLIMIT_MODERATE / MEMLIMIT_MODERATE) for every new wrap.
    static constexpr quint64 kOpsLimit = 3;
    static constexpr quint64 kMemLimit = quint64(256) << 20;

    // What a workspace manifest may ask for: from INTERACTIVE (2 passes, 64 MiB; workspaces made before MODERATE)
    // to SENSITIVE (4 passes, 1 GiB). Anything outside is a forged or damaged manifest: too weak to resist a
    // guess, or big enough to exhaust the machine's memory.
    static bool acceptableLimits(quint64 opsLimit, quint64 memLimit);
    // A key wrapped with weaker limits than today's: rewrap it after the next successful unlock.
    static bool belowCurrentLimits(const WrappedKey &wrapped);

    // A fresh random cache key.
    static SecureBytes generateKey();
    static QByteArray generateDeviceSecret();

    // Argon2id takes about half a second and 256 MiB: call from a worker thread in the GUI.
    // opsLimit/memLimit: today's unless a test needs a workspace made by an older version; must be acceptable.
    static Result<WrappedKey> wrap(const SecureBytes &key, const QString &password, const QByteArray &deviceSecret,
                                   const QString &workspaceId, quint64 opsLimit = kOpsLimit,
                                   quint64 memLimit = kMemLimit);
    static Result<SecureBytes> unwrap(const WrappedKey &wrapped, const QString &password,
                                      const QByteArray &deviceSecret);
};

} // namespace upstream::security
