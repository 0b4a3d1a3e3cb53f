#pragma once
// The one typed settings registry (like KeePassXC's core/Config): every setting is declared once below with its
// storage path, default and whether IT policy may lock it. Views never use raw QSettings strings.
//
// Two layers: user settings (QSettings UserScope) and machine policy (QSettings SystemScope: the registry's
// HKLM hive on Windows, a configuration profile on macOS, /etc/xdg/Upstream/Workstation.conf on Linux). A policy
// value of a lockable setting overrides the user's and is reported as locked; setValue() on it is refused.
#include "core/Result.h"

#include <QString>
#include <QVariant>

#include <memory>

class QSettings;

namespace upstream::settings {

template<typename T>
struct Setting {
    const char *path;
    T defaultValue;
    bool policyLockable;
};

namespace keys {
inline const Setting<QString> ServerHost{"server/host", QString(), true};
inline const Setting<int> ServerPort{"server/port", 5432, true};
inline const Setting<QString> ServerDatabase{"server/database", QStringLiteral("upstream"), true};
inline const Setting<QString> SslMode{"server/sslmode", QStringLiteral("verify-full"), true};
inline const Setting<QString> SslRootCert{"server/sslrootcert", QString(), true};
inline const Setting<QString> UserName{"server/user", QString(), false};
inline const Setting<bool> RememberPassword{"server/remember_password", false, true};
// Machine policy only (a user's own value is ignored): false removes "Remember my password" and any remembered one.
inline const Setting<bool> AllowRememberPassword{"server/allow_remember_password", true, true};
// Machine policy only: true lets the sign-in dialog offer verify-ca and require (with a warning), for a test server.
inline const Setting<bool> AllowWeakTls{"server/allow_weak_tls", false, true};
// Written by the workstation when it locks, cleared when it unlocks: still set at the next start means the last
// run ended locked, and the sign-in dialog then fills in nothing from the keychain.
inline const Setting<bool> EndedLocked{"security/ended_locked", false, false};
inline const Setting<int> IdleLockMinutes{"security/idle_lock_minutes", 30, true};
// SQLCipher's memory security for the local cache (storage::CipherDatabase::enableMemorySecurity): wipes every freed
// buffer of decrypted data, at about 11 times the cache's CPU cost. Off unless IT turns it on.
inline const Setting<bool> CacheMemorySecurity{"security/cache_memory_security", false, true};
inline const Setting<QString> LogLevel{"logging/level", QStringLiteral("info"), true};
inline const Setting<QString> Language{"ui/language", QString(), true}; // empty = system language
inline const Setting<QString> WorkspacePath{"workspace/path", QString(), true};
// The import's quality gate (SPEC 4): an upload below the 0.95 pass mark is loaded only after the analyst confirms
// it ("confirm"), or never ("block", for IT policy). See Settings::importQualityGateBlocks.
inline const Setting<QString> ImportQualityGate{"import/quality_gate", QStringLiteral("confirm"), true};
} // namespace keys

inline constexpr int kMaxIdleLockMinutes = 30; // SPEC section 8: policy may lower it, never raise it

class Settings {
public:
    // Default stores: the application's user and system scopes.
    Settings();
    // Explicit stores (tests, tools). Either may be null (= empty).
    Settings(std::unique_ptr<QSettings> user, std::unique_ptr<QSettings> policy);
    ~Settings();
    Settings(const Settings &) = delete;
    Settings &operator=(const Settings &) = delete;

    template<typename T>
    T value(const Setting<T> &s) const
    {
        const QVariant v = raw(s.path, s.policyLockable);
        return v.isValid() ? v.value<T>() : s.defaultValue;
    }
    template<typename T>
    Status setValue(const Setting<T> &s, const T &v)
    {
        return setRaw(s.path, s.policyLockable, QVariant::fromValue(v));
    }
    template<typename T>
    bool isLocked(const Setting<T> &s) const
    {
        return lockedRaw(s.path, s.policyLockable);
    }

    // The effective idle-lock timeout: the configured value clamped to 1..30 minutes.
    int idleLockMinutes() const;
    // Whether an upload below the pass mark is refused. Only "confirm" (any case) or no value asks the analyst;
    // any other value blocks, so a mistyped policy fails closed.
    bool importQualityGateBlocks() const;
    // The two policy-only switches above: the user's own settings file cannot turn them on (or off).
    bool rememberPasswordAllowed() const;
    bool weakTlsAllowed() const;
    void sync();

private:
    QVariant raw(const char *path, bool lockable) const;
    Status setRaw(const char *path, bool lockable, const QVariant &v);
    bool lockedRaw(const char *path, bool lockable) const;
    std::unique_ptr<QSettings> m_user;
    std::unique_ptr<QSettings> m_policy;
};

} // namespace upstream::settings
