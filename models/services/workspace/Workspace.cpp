#include "Workspace.h"

#include "core/BackgroundJob.h"
#include "core/BuildInfo.h"
#include "logging/Log.h"
#include "security/KeyVault.h"
#include "security/SecretStore.h"
#include "settings/Settings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

namespace upstream::workspace {
namespace {

constexpr auto kManifest = "workspace.json";
constexpr auto kCacheFile = "cache.db";

QString manifestPath(const QString &dir)
{
    return QDir(dir).filePath(QString::fromLatin1(kManifest));
}
QString cachePath(const QString &dir)
{
    return QDir(dir).filePath(QString::fromLatin1(kCacheFile));
}

Result<OpenedWorkspace> openCache(const QString &dir, const QString &id, const security::SecureBytes &key)
{
    auto cache = storage::LocalCache::open(cachePath(dir), key);
    if (!cache.ok())
        return cache.error();
    return OpenedWorkspace{dir, id, std::make_shared<storage::LocalCache>(std::move(cache.value()))};
}

// Replaces the manifest atomically (QSaveFile), readable by its owner only.
Status writeManifest(const QString &directory, const QJsonObject &manifest)
{
    QSaveFile f(manifestPath(directory));
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(manifest).toJson()) < 0 || !f.commit())
        return makeError(ErrorCode::PermissionDenied,
                         QCoreApplication::translate("upstream::workspace::WorkspaceOpener",
                                                     "Cannot write the workspace key file in %1.")
                             .arg(directory));
    QFile::setPermissions(manifestPath(directory), QFile::ReadOwner | QFile::WriteOwner);
    return Status::success();
}

// A workspace made with weaker key-derivation limits than today's gets its key wrapped again with today's, right
// after an unlock proved the password. A failure only means the next unlock tries again.
void rewrap(const QString &directory, QJsonObject manifest, const security::SecureBytes &key, const QString &password,
            const QByteArray &deviceSecret)
{
    auto wrapped = security::KeyVault::wrap(key, password, deviceSecret,
                                            manifest.value(QStringLiteral("workspace_id")).toString());
    if (!wrapped.ok()) {
        log::warn(QStringLiteral("workspace key not rewrapped: %1").arg(wrapped.error().message));
        return;
    }
    manifest.insert(QStringLiteral("key"), wrapped->toJson());
    if (Status st = writeManifest(directory, manifest); !st.ok())
        log::warn(QStringLiteral("workspace key not rewrapped: %1").arg(st.error().message));
    else
        log::info(QStringLiteral("workspace key rewrapped with the current key-derivation limits"));
}

} // namespace

WorkspaceOpener::WorkspaceOpener(security::SecretStore *secrets, QObject *parent) : QObject(parent), m_secrets(secrets)
{
}

bool WorkspaceOpener::exists(const QString &directory)
{
    return QFile::exists(manifestPath(directory));
}

namespace {

QString productDataDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QLatin1Char('/') +
           QString::fromLatin1(build::kOrganization) + QStringLiteral("/Upstream Workstation");
}

} // namespace

QString WorkspaceOpener::defaultDirectory()
{
    return productDataDirectory() + QStringLiteral("/workspace");
}

QString WorkspaceOpener::demoDirectory()
{
    return productDataDirectory() + QStringLiteral("/demo-workspace");
}

QString WorkspaceOpener::configuredDirectory(const settings::Settings &settings)
{
    const QString configured = settings.value(settings::keys::WorkspacePath);
    return configured.isEmpty() ? defaultDirectory() : configured;
}

QString WorkspaceOpener::deviceSecretKey(const QString &workspaceId)
{
    return QStringLiteral("device-secret:") + workspaceId;
}

QJsonObject WorkspaceOpener::manifestSummary(const QString &directory)
{
    QFile f(manifestPath(directory));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject m = QJsonDocument::fromJson(f.readAll()).object();
    return QJsonObject{{QStringLiteral("workspace_id"), m.value(QStringLiteral("workspace_id"))},
                       {QStringLiteral("created"), m.value(QStringLiteral("created"))}};
}

void WorkspaceOpener::create(const QString &directory, const QString &password, const Done &done)
{
    if (exists(directory)) {
        done(makeError(ErrorCode::InvalidInput, tr("A workspace already exists in %1.").arg(directory)));
        return;
    }
    if (!QDir().mkpath(directory)) {
        done(makeError(ErrorCode::PermissionDenied, tr("Cannot create the workspace folder %1.").arg(directory)));
        return;
    }
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QByteArray deviceSecret = security::KeyVault::generateDeviceSecret();
    m_secrets->write(deviceSecretKey(id), deviceSecret,
                     [this, directory, id, password, deviceSecret, done](const Status &st) {
                         if (!st.ok()) {
                             done(st.error());
                             return;
                         }
                         BackgroundJob::runOnce<Result<OpenedWorkspace>>(
                             this,
                             [directory, id, password, deviceSecret]() -> Result<OpenedWorkspace> {
                                 const security::SecureBytes key = security::KeyVault::generateKey();
                                 auto wrapped = security::KeyVault::wrap(key, password, deviceSecret, id);
                                 if (!wrapped.ok())
                                     return wrapped.error();
                                 QJsonObject manifest{
                                     {QStringLiteral("workspace_id"), id},
                                     {QStringLiteral("format"), 1},
                                     {QStringLiteral("created"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                                     {QStringLiteral("key"), wrapped->toJson()}};
                                 if (Status written = writeManifest(directory, manifest); !written.ok())
                                     return written.error();
                                 return openCache(directory, id, key);
                             },
                             done);
                     });
}

struct WorkspaceOpener::Unwrapped {
    QString directory;
    security::WrappedKey wrapped;
    QJsonObject manifest;
    security::SecureBytes key;
    QByteArray deviceSecret;
};

template<typename T>
void WorkspaceOpener::withKey(const QString &directory, const QString &password, KeyWork<T> work,
                              std::function<void(Result<T>)> done)
{
    QFile f(manifestPath(directory));
    if (!f.open(QIODevice::ReadOnly)) {
        done(makeError(ErrorCode::NotFound, tr("No workspace was found in %1.").arg(directory)));
        return;
    }
    const QJsonObject manifest = QJsonDocument::fromJson(f.readAll()).object();
    auto wrapped = security::WrappedKey::fromJson(manifest.value(QStringLiteral("key")).toObject());
    if (!wrapped.ok()) {
        done(wrapped.error());
        return;
    }
    const QString id = wrapped->workspaceId;
    m_secrets->read(deviceSecretKey(id), [this, directory, password, w = wrapped.value(), manifest,
                                          work = std::move(work), done](Result<QByteArray> secret) {
        if (!secret.ok()) {
            if (secret.error().code == ErrorCode::NotFound)
                done(makeError(ErrorCode::NotFound,
                               tr("This computer's keychain does not hold the device secret for this workspace, so "
                                  "the local cache cannot be opened here. Sign in to the server to rebuild the cache, "
                                  "or ask IT to restore the keychain.")));
            else
                done(secret.error());
            return;
        }
        BackgroundJob::runOnce<Result<T>>(
            this,
            [directory, password, w, manifest, work, deviceSecret = secret.value()]() -> Result<T> {
                auto key = security::KeyVault::unwrap(w, password, deviceSecret);
                if (!key.ok()) {
                    log::warn(QStringLiteral("workspace unlock failed: %1").arg(key.error().message));
                    return makeError(ErrorCode::AuthFailed, tr("The password is wrong. Try again."));
                }
                return work({directory, w, manifest, std::move(key.value()), deviceSecret});
            },
            done);
    });
}

void WorkspaceOpener::open(const QString &directory, const QString &password, Done done)
{
    withKey<OpenedWorkspace>(
        directory, password,
        [password](const Unwrapped &u) -> Result<OpenedWorkspace> {
            if (security::KeyVault::belowCurrentLimits(u.wrapped))
                rewrap(u.directory, u.manifest, u.key, password, u.deviceSecret);
            return openCache(u.directory, u.wrapped.workspaceId, u.key);
        },
        std::move(done));
}

void WorkspaceOpener::changePassword(const QString &directory, const QString &oldPassword, const QString &newPassword,
                                     std::function<void(Status)> done)
{
    withKey<bool>(
        directory, oldPassword,
        [newPassword](const Unwrapped &u) -> Result<bool> {
            auto wrapped = security::KeyVault::wrap(u.key, newPassword, u.deviceSecret, u.wrapped.workspaceId);
            if (!wrapped.ok())
                return wrapped.error();
            QJsonObject manifest = u.manifest;
            manifest.insert(QStringLiteral("key"), wrapped->toJson());
            if (Status st = writeManifest(u.directory, manifest); !st.ok())
                return st.error();
            log::info(QStringLiteral("workspace key wrapped again with the new password"));
            return true;
        },
        [done = std::move(done)](const Result<bool> &r) { done(r.ok() ? Status::success() : Status(r.error())); });
}

} // namespace upstream::workspace
