#include "Settings.h"

#include "core/BuildInfo.h"

#include <QFile>
#include <QSettings>

#include <algorithm>

namespace upstream::settings {
namespace {

std::unique_ptr<QSettings> machinePolicyStore()
{
#if defined(Q_OS_MACOS)
    // A configuration profile (MDM) puts its values in /Library/Managed Preferences/<domain>.plist, which the
    // SystemScope lookup (CFPreferencesCopyValue for any user) never reads. When IT deployed a profile, it is the
    // policy; otherwise /Library/Preferences/com.upstream.Workstation.plist is (docs/it-deployment.md).
    const QString managed = QStringLiteral("/Library/Managed Preferences/com.upstream.Workstation.plist");
    if (QFile::exists(managed))
        return std::make_unique<QSettings>(managed, QSettings::NativeFormat);
#endif
    return std::make_unique<QSettings>(QSettings::SystemScope, QString::fromLatin1(build::kOrganization),
                                       QStringLiteral("Workstation"));
}

} // namespace

Settings::Settings()
    : Settings(std::make_unique<QSettings>(QSettings::UserScope, QString::fromLatin1(build::kOrganization),
                                           QStringLiteral("Workstation")),
               machinePolicyStore())
{
}

Settings::Settings(std::unique_ptr<QSettings> user, std::unique_ptr<QSettings> policy)
    : m_user(std::move(user)), m_policy(std::move(policy))
{
    // QSettings' SystemScope object falls back to nothing else; the user object must not fall back to system
    // values, or a policy value would look like a user choice.
    if (m_user)
        m_user->setFallbacksEnabled(false);
    if (m_policy)
        m_policy->setFallbacksEnabled(false);
}

Settings::~Settings() = default;

bool Settings::lockedRaw(const char *path, bool lockable) const
{
    return lockable && m_policy && m_policy->contains(QString::fromLatin1(path));
}

QVariant Settings::raw(const char *path, bool lockable) const
{
    const QString key = QString::fromLatin1(path);
    if (lockedRaw(path, lockable))
        return m_policy->value(key);
    if (m_user && m_user->contains(key))
        return m_user->value(key);
    return {};
}

Status Settings::setRaw(const char *path, bool lockable, const QVariant &v)
{
    if (lockedRaw(path, lockable))
        return makeError(ErrorCode::PermissionDenied,
                         QStringLiteral("The setting %1 is set by your IT department and cannot be changed here.")
                             .arg(QString::fromLatin1(path)));
    if (!m_user)
        return makeError(ErrorCode::Internal, QStringLiteral("no user settings store"));
    m_user->setValue(QString::fromLatin1(path), v);
    return Status::success();
}

bool Settings::importQualityGateBlocks() const
{
    const QString gate = value(keys::ImportQualityGate).trimmed();
    return !gate.isEmpty() && gate.compare(QLatin1String("confirm"), Qt::CaseInsensitive) != 0;
}

namespace {
bool policyFlag(const QSettings *policy, const Setting<bool> &s)
{
    const QString key = QString::fromLatin1(s.path);
    return policy && policy->contains(key) ? policy->value(key).toBool() : s.defaultValue;
}
} // namespace

bool Settings::rememberPasswordAllowed() const
{
    return policyFlag(m_policy.get(), keys::AllowRememberPassword);
}

bool Settings::weakTlsAllowed() const
{
    return policyFlag(m_policy.get(), keys::AllowWeakTls);
}

int Settings::idleLockMinutes() const
{
    return std::clamp(value(keys::IdleLockMinutes), 1, kMaxIdleLockMinutes);
}

void Settings::sync()
{
    if (m_user)
        m_user->sync();
}

} // namespace upstream::settings
