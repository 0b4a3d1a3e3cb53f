#pragma once
// Integration-test helpers for the central schema: a scratch database migrated to the current version, customers,
// users (real LOGIN roles, cleaned up at the end), and one seeded row in every tenant table for a customer.
#include "TestPg.h"

#include "storage/pg/PgConnection.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace upstream::test {

struct TestUser {
    QString login;
    QString password;
    qint64 customerId = 0;
    QString role;
};

class MigratedDatabase {
public:
    MigratedDatabase(const PgFixture &fixture, const QString &prefix);
    ~MigratedDatabase(); // drops the database, then the login roles created through it

    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    const ScratchDatabase &db() const { return *m_db; }
    storage::PgConnection &superuser() { return m_super; }

    std::optional<qint64> createCustomer(const QString &name);
    std::optional<TestUser> createUser(qint64 customerId, const QString &role);
    Result<storage::PgConnection> connectAs(const TestUser &user) const;
    // One row in every tenant table for `customerId` (as superuser). Returns an error text, empty on success.
    QString seed(qint64 customerId);
    // One high-severity DriftWatch denial-rate signal for `payer` (E&M, 2026-10-01 – 2026-10-15, confidence 0.9,
    // the given fingerprint and evidence) and its pending alert, as the server's engines would store them.
    // Returns the alert id; nullopt (with a warning) on failure.
    std::optional<QString> createAlert(qint64 customerId, const QString &payer, const QString &fingerprint,
                                       const QString &evidence = QStringLiteral("{}"));
    // libpq conninfo of this database for the superuser, without the password (the CLI reads UPSTREAM_PASSWORD).
    QString superuserConninfo() const;
    QString conninfoFor(const TestUser &user) const;

private:
    PgFixture m_fixture;
    std::unique_ptr<ScratchDatabase> m_db;
    storage::PgConnection m_super;
    QStringList m_logins;
    bool m_ok = false;
    QString m_error;
};

// Tenant tables of schema upstream read from the catalog: every ordinary table with a customer_id column.
QStringList tenantTables(storage::PgConnection &conn);

} // namespace upstream::test
