#pragma once
// Migrator: brings the central PostgreSQL schema (`upstream`) to the version this program was built with.
//
// Contract: the migrations are resources/migrations/NNNN_name.sql, compiled in. Each pending one runs in its own
// transaction together with its row in upstream.schema_version, under a per-database advisory lock, so a failure
// leaves the database at the previous version and two concurrent runs apply each migration once. Running again is a
// no-op. Failure modes: a database at a newer version than the code → ErrorCode::TooNew (nothing touched); pending
// migrations but the signed-in role is not a superuser → PermissionDenied; a failing statement → its mapped error,
// with the migration named.
#include "core/Result.h"
#include "storage/pg/PgConnection.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace upstream::storage {

struct Migration {
    int version = 0;
    QString name;
    QByteArray sql;
};

struct MigrationReport {
    int fromVersion = 0;
    int toVersion = 0;
    std::vector<int> applied;          // versions applied by this run, ascending
    std::vector<int> checksumMismatch; // applied earlier from a different text of the same version
};

class Migrator {
public:
    Migrator();                                           // the built-in migrations
    explicit Migrator(std::vector<Migration> migrations); // tests inject their own list

    static const std::vector<Migration> &builtin();
    int latestVersion() const;
    const std::vector<Migration> &migrations() const { return m_migrations; }

    // 0 when the database has no upstream schema yet.
    static Result<int> currentVersion(PgConnection &conn);
    Result<MigrationReport> migrate(PgConnection &conn) const;

private:
    Status applyOne(PgConnection &conn, const Migration &m, bool &applied) const;
    std::vector<Migration> m_migrations;
};

} // namespace upstream::storage
