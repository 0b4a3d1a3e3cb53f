#include "SecretStore.h"

#include <qt6keychain/keychain.h>

namespace upstream::security {
namespace {

Error keychainError(const QKeychain::Job *job, const QString &what)
{
    const ErrorCode code = job->error() == QKeychain::EntryNotFound        ? ErrorCode::NotFound
                           : job->error() == QKeychain::AccessDenied       ? ErrorCode::PermissionDenied
                           : job->error() == QKeychain::AccessDeniedByUser ? ErrorCode::PermissionDenied
                                                                           : ErrorCode::Internal;
    if (code == ErrorCode::NotFound)
        return makeError(code, QObject::tr("No saved secret was found in the system keychain."));
    return makeError(code, QObject::tr("The system keychain could not %1: %2. Make sure a keyring is available and "
                                       "unlocked.")
                               .arg(what, job->errorString()));
}

template<typename JobT>
JobT *makeJob(const QString &service, const QString &key, QObject *parent)
{
    auto *job = new JobT(service, parent);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never: on some desktops it would write the secret in plain text
    job->setKey(key);
    return job;
}

} // namespace

SecretStore::SecretStore(QString service, QObject *parent) : QObject(parent), m_service(std::move(service)) {}

void SecretStore::read(const QString &key, ReadDone done)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(m_service, key, this);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (j->error() != QKeychain::NoError)
            done(keychainError(j, tr("read a secret")));
        else
            done(readJob->binaryData());
    });
    job->start();
}

void SecretStore::write(const QString &key, const QByteArray &secret, WriteDone done)
{
    auto *job = makeJob<QKeychain::WritePasswordJob>(m_service, key, this);
    job->setBinaryData(secret);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        done(j->error() == QKeychain::NoError ? Status::success() : Status(keychainError(j, tr("store a secret"))));
    });
    job->start();
}

void SecretStore::remove(const QString &key, WriteDone done)
{
    auto *job = makeJob<QKeychain::DeletePasswordJob>(m_service, key, this);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        if (j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound)
            done(Status::success());
        else
            done(keychainError(j, tr("delete a secret")));
    });
    job->start();
}

} // namespace upstream::security
