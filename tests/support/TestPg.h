#pragma once
// Access to the throwaway PostgreSQL cluster started by the `pg` CTest fixture (tests/fixtures/pg_cluster.sh).
// Integration tests call PgFixture::load(); each test works in its own scratch database.
#include "storage/pg/PgConnection.h"

#include <QString>

#include <optional>

namespace upstream::test {

struct PgFixture {
    QString host;     // "localhost" (matches the server certificate)
    QString hostaddr; // 127.0.0.1
    int port = 0;
    QString superuser;
    QString password;
    QString sslrootcert; // the CA that signed the server certificate
    QString wrongCa;     // an unrelated CA
    QString socketDir;

    // Reads $UPSTREAM_TEST_PG. Returns nullopt (and the test should QFAIL) when the fixture is not running.
    static std::optional<PgFixture> load();
    static std::optional<PgFixture> loadFrom(const QString &conninfoPath);
    // verify-full TLS parameters for `user` on `database`.
    storage::PgConnectionParams params(const QString &database, const QString &user, const QString &password) const;
    storage::PgConnectionParams superuserParams(const QString &database = QStringLiteral("postgres")) const;
};

// A database created for one test and dropped (with FORCE) when this object goes away.
class ScratchDatabase {
public:
    ScratchDatabase(const PgFixture &fixture, const QString &prefix);
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase &) = delete;
    ScratchDatabase &operator=(const ScratchDatabase &) = delete;

    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    QString name() const { return m_name; }
    storage::PgConnectionParams superuserParams() const { return m_fixture.superuserParams(m_name); }
    storage::PgConnectionParams params(const QString &user, const QString &password) const
    {
        return m_fixture.params(m_name, user, password);
    }

private:
    PgFixture m_fixture;
    QString m_name;
    bool m_ok = false;
    QString m_error;
};

// A name unique across concurrently running tests: prefix + pid + counter + random suffix, lower case.
QString uniqueName(const QString &prefix);

} // namespace upstream::test
