#include "KeyVault.h"

#include <sodium.h>

#include <QJsonValue>

namespace upstream::security {

static_assert(KeyVault::kOpsLimit == crypto_pwhash_OPSLIMIT_MODERATE);
static_assert(KeyVault::kMemLimit == crypto_pwhash_MEMLIMIT_MODERATE);

namespace {

QByteArray associatedData(const QString &workspaceId)
{
    return QByteArrayLiteral("upstream-cache-key-v1:") + workspaceId.toUtf8();
}

// KEK from password + device secret. Returns an empty SecureBytes when Argon2id runs out of memory.
SecureBytes deriveKek(const QString &password, const QByteArray &deviceSecret, const QByteArray &salt, quint64 opsLimit,
                      quint64 memLimit)
{
    SecureBytes stretched(crypto_generichash_BYTES);
    QByteArray pw = password.toUtf8();
    const int rc = crypto_pwhash(stretched.data(), stretched.size(), pw.constData(), quint64(pw.size()),
                                 reinterpret_cast<const unsigned char *>(salt.constData()), opsLimit, size_t(memLimit),
                                 crypto_pwhash_ALG_ARGON2ID13);
    secureWipe(pw);
    if (rc != 0)
        return {};
    SecureBytes kek(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    crypto_generichash_state st;
    crypto_generichash_init(&st, nullptr, 0, kek.size());
    crypto_generichash_update(&st, stretched.data(), stretched.size());
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char *>(deviceSecret.constData()),
                              size_t(deviceSecret.size()));
    crypto_generichash_final(&st, kek.data(), kek.size());
    sodium_memzero(&st, sizeof st);
    return kek;
}

QByteArray randomBytes(int n)
{
    QByteArray b(n, Qt::Uninitialized);
    randombytes_buf(b.data(), size_t(n));
    return b;
}

} // namespace

QJsonObject WrappedKey::toJson() const
{
    return {{QStringLiteral("format"), QStringLiteral("upstream-wrapped-key-v1")},
            {QStringLiteral("kdf"), QStringLiteral("argon2id13")},
            {QStringLiteral("aead"), QStringLiteral("xchacha20poly1305-ietf")},
            {QStringLiteral("salt"), QString::fromLatin1(salt.toBase64())},
            {QStringLiteral("nonce"), QString::fromLatin1(nonce.toBase64())},
            {QStringLiteral("ciphertext"), QString::fromLatin1(ciphertext.toBase64())},
            {QStringLiteral("opslimit"), QString::number(opsLimit)},
            {QStringLiteral("memlimit"), QString::number(memLimit)},
            {QStringLiteral("workspace_id"), workspaceId}};
}

Result<WrappedKey> WrappedKey::fromJson(const QJsonObject &o)
{
    WrappedKey w;
    if (o.value(QStringLiteral("format")).toString() != QLatin1String("upstream-wrapped-key-v1"))
        return makeError(ErrorCode::Corrupt, QObject::tr("The workspace key file has an unknown format."));
    w.salt = QByteArray::fromBase64(o.value(QStringLiteral("salt")).toString().toLatin1());
    w.nonce = QByteArray::fromBase64(o.value(QStringLiteral("nonce")).toString().toLatin1());
    w.ciphertext = QByteArray::fromBase64(o.value(QStringLiteral("ciphertext")).toString().toLatin1());
    w.opsLimit = o.value(QStringLiteral("opslimit")).toString().toULongLong();
    w.memLimit = o.value(QStringLiteral("memlimit")).toString().toULongLong();
    w.workspaceId = o.value(QStringLiteral("workspace_id")).toString();
    if (w.salt.size() != crypto_pwhash_SALTBYTES || w.nonce.size() != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES ||
        w.ciphertext.size() != KeyVault::kKeyBytes + int(crypto_aead_xchacha20poly1305_ietf_ABYTES) ||
        w.workspaceId.isEmpty())
        return makeError(ErrorCode::Corrupt, QObject::tr("The workspace key file is damaged."));
    if (!KeyVault::acceptableLimits(w.opsLimit, w.memLimit))
        return makeError(ErrorCode::Corrupt,
                         QObject::tr("The workspace key file asks for key-derivation settings outside the allowed "
                                     "range; it was not written by Upstream Workstation."));
    return w;
}

bool KeyVault::acceptableLimits(quint64 opsLimit, quint64 memLimit)
{
    return opsLimit >= crypto_pwhash_OPSLIMIT_INTERACTIVE && opsLimit <= crypto_pwhash_OPSLIMIT_SENSITIVE &&
           memLimit >= crypto_pwhash_MEMLIMIT_INTERACTIVE && memLimit <= crypto_pwhash_MEMLIMIT_SENSITIVE;
}

bool KeyVault::belowCurrentLimits(const WrappedKey &wrapped)
{
    return wrapped.opsLimit < kOpsLimit || wrapped.memLimit < kMemLimit;
}

SecureBytes KeyVault::generateKey()
{
    SecureBytes key(kKeyBytes);
    randombytes_buf(key.data(), key.size());
    return key;
}

QByteArray KeyVault::generateDeviceSecret()
{
    SecureBytes init(1); // makes sure sodium_init() ran
    return randomBytes(kDeviceSecretBytes);
}

Result<WrappedKey> KeyVault::wrap(const SecureBytes &key, const QString &password, const QByteArray &deviceSecret,
                                  const QString &workspaceId, quint64 opsLimit, quint64 memLimit)
{
    if (!acceptableLimits(opsLimit, memLimit))
        return makeError(ErrorCode::InvalidInput, QStringLiteral("key-derivation limits out of range"));
    if (key.size() != size_t(kKeyBytes))
        return makeError(ErrorCode::InvalidInput, QStringLiteral("the cache key must be 256 bits"));
    if (password.isEmpty())
        return makeError(ErrorCode::InvalidInput, QObject::tr("A password is required to protect the workspace."));
    if (deviceSecret.size() != kDeviceSecretBytes)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("the device secret must be 256 bits"));
    WrappedKey w;
    w.workspaceId = workspaceId;
    w.opsLimit = opsLimit;
    w.memLimit = memLimit;
    w.salt = randomBytes(crypto_pwhash_SALTBYTES);
    w.nonce = randomBytes(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    const SecureBytes kek = deriveKek(password, deviceSecret, w.salt, w.opsLimit, w.memLimit);
    if (kek.isEmpty())
        return makeError(ErrorCode::Internal, QObject::tr("Not enough memory to protect the workspace key."));
    w.ciphertext.resize(kKeyBytes + int(crypto_aead_xchacha20poly1305_ietf_ABYTES));
    const QByteArray ad = associatedData(workspaceId);
    unsigned long long outLen = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        reinterpret_cast<unsigned char *>(w.ciphertext.data()), &outLen, key.data(), key.size(),
        reinterpret_cast<const unsigned char *>(ad.constData()), quint64(ad.size()), nullptr,
        reinterpret_cast<const unsigned char *>(w.nonce.constData()), kek.data());
    return w;
}

Result<SecureBytes> KeyVault::unwrap(const WrappedKey &w, const QString &password, const QByteArray &deviceSecret)
{
    const SecureBytes kek = deriveKek(password, deviceSecret, w.salt, w.opsLimit, w.memLimit);
    if (kek.isEmpty())
        return makeError(ErrorCode::Internal, QObject::tr("Not enough memory to open the workspace key."));
    SecureBytes key(kKeyBytes);
    const QByteArray ad = associatedData(w.workspaceId);
    unsigned long long outLen = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            key.data(), &outLen, nullptr, reinterpret_cast<const unsigned char *>(w.ciphertext.constData()),
            quint64(w.ciphertext.size()), reinterpret_cast<const unsigned char *>(ad.constData()), quint64(ad.size()),
            reinterpret_cast<const unsigned char *>(w.nonce.constData()), kek.data()) != 0 ||
        outLen != kKeyBytes)
        return makeError(ErrorCode::AuthFailed,
                         QObject::tr("The password is wrong, or this device's secret does not match the workspace."));
    return key;
}

} // namespace upstream::security
