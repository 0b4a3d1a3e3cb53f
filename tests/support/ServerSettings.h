#pragma once
// Workstation settings pointing at a test database of the shared cluster over verify-full TLS, for one user, in
// throwaway INI files (user settings and an empty machine policy) under `dir`. Remember-password starts off.
#include "TestPg.h"
#include "settings/Settings.h"

#include <QDir>
#include <QSettings>

#include <memory>

namespace upstream::test {

inline std::unique_ptr<settings::Settings> serverSettings(const QDir &dir, const PgFixture &fixture,
                                                          const QString &database, const QString &login)
{
    auto user = std::make_unique<QSettings>(dir.filePath(QStringLiteral("user.ini")), QSettings::IniFormat);
    auto machine = std::make_unique<QSettings>(dir.filePath(QStringLiteral("policy.ini")), QSettings::IniFormat);
    auto s = std::make_unique<settings::Settings>(std::move(user), std::move(machine));
    namespace keys = settings::keys;
    (void)s->setValue(keys::ServerHost, fixture.host);
    (void)s->setValue(keys::ServerPort, fixture.port);
    (void)s->setValue(keys::ServerDatabase, database);
    (void)s->setValue(keys::SslMode, QStringLiteral("verify-full"));
    (void)s->setValue(keys::SslRootCert, fixture.sslrootcert);
    (void)s->setValue(keys::UserName, login);
    (void)s->setValue(keys::RememberPassword, false);
    return s;
}

} // namespace upstream::test
