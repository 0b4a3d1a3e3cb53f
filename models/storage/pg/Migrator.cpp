#include "Migrator.h"

#include "logging/Log.h"

#include <QCryptographicHash>

#include <algorithm>

namespace upstream::storage {
namespace {

struct EmbeddedMigration {
    int version;
    const char *name;
    const unsigned char *data;
    unsigned long size;
};

#include "storage/pg/MigrationScripts.inc"

// One key for pg_advisory_xact_lock: serialises concurrent `upstream migrate` runs on the same database.
constexpr const char *kLockSql = "SELECT pg_advisory_xact_lock(hashtext('upstream.migrate'))";

QString checksumOf(const QByteArray &sql)
{
    return QString::fromLatin1(QCryptographicHash::hash(sql, QCryptographicHash::Sha256).toHex());
}

Error withContext(const Error &e, const QString &context)
{
    return makeError(e.code, QStringLiteral("%1: %2").arg(context, e.message));
}

} // namespace

Migrator::Migrator() : m_migrations(builtin()) {}

Migrator::Migrator(std::vector<Migration> migrations) : m_migrations(std::move(migrations))
{
    std::sort(m_migrations.begin(), m_migrations.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
}

const std::vector<Migration> &Migrator::builtin()
{
    static const std::vector<Migration> list = [] {
        std::vector<Migration> v;
        for (const EmbeddedMigration &e : kEmbeddedMigrations)
            v.push_back({e.version, QString::fromLatin1(e.name),
                         QByteArray(reinterpret_cast<const char *>(e.data), qsizetype(e.size))});
        return v;
    }();
    return list;
}

int Migrator::latestVersion() const
{
    return m_migrations.empty() ? 0 : m_migrations.back().version;
}

Result<int> Migrator::currentVersion(PgConnection &conn)
{
    auto exists = conn.exec("SELECT to_regclass('upstream.schema_version') IS NOT NULL");
    if (!exists.ok())
        return exists.error();
    if (!exists->boolean(0, 0))
        return 0;
    auto v = conn.exec("SELECT coalesce(max(version), 0) FROM upstream.schema_version");
    if (!v.ok())
        return withContext(v.error(), QStringLiteral("cannot read the schema version"));
    return int(v->int64(0, 0));
}

Status Migrator::applyOne(PgConnection &conn, const Migration &m, bool &applied) const
{
    applied = false;
    const QString label = QStringLiteral("migration %1 (%2)").arg(m.version).arg(m.name);
    if (Status st = conn.begin(); !st.ok())
        return st;
    auto fail = [&](const Error &e) -> Status {
        (void)conn.rollback();
        return withContext(e, label);
    };
    // A migration runs as a superuser: pin the search path for its transaction, so no object a less trusted role
    // created in a schema of the caller's path (public, "$user") can stand in for a catalog function or operator
    // (the CVE-2018-1058 pattern). Every migration names its own objects upstream.*.
    if (Status st = conn.execScript(QStringLiteral("SET LOCAL search_path = pg_catalog, pg_temp")); !st.ok())
        return fail(st.error());
    if (auto lock = conn.exec(kLockSql); !lock.ok())
        return fail(lock.error());
    // Re-read under the lock: another run may have applied it meanwhile.
    auto current = currentVersion(conn);
    if (!current.ok())
        return fail(current.error());
    if (current.value() >= m.version)
        return conn.execScript(QStringLiteral("ROLLBACK"));
    if (Status st = conn.execScript(QString::fromUtf8(m.sql)); !st.ok())
        return fail(st.error());
    auto rec = conn.exec("INSERT INTO upstream.schema_version (version, name, checksum) VALUES ($1, $2, $3)",
                         {m.version, m.name, checksumOf(m.sql)});
    if (!rec.ok())
        return fail(rec.error());
    if (Status st = conn.commit(); !st.ok())
        return withContext(st.error(), label);
    applied = true;
    return Status::success();
}

Result<MigrationReport> Migrator::migrate(PgConnection &conn) const
{
    MigrationReport report;
    auto current = currentVersion(conn);
    if (!current.ok())
        return current.error();
    report.fromVersion = report.toVersion = current.value();
    if (current.value() > latestVersion())
        return makeError(ErrorCode::TooNew,
                         QStringLiteral("The database schema is at version %1, newer than this program knows (%2). "
                                        "Install a newer Upstream; the database was not changed.")
                             .arg(current.value())
                             .arg(latestVersion()));

    const bool pending = std::any_of(m_migrations.begin(), m_migrations.end(),
                                     [&](const Migration &m) { return m.version > current.value(); });
    if (pending) {
        // is_superuser, not pg_roles: 0006 closes pg_roles to non-superusers, who must still get the message below.
        auto su = conn.exec("SELECT pg_catalog.current_setting('is_superuser') = 'on'");
        if (!su.ok())
            return su.error();
        if (su->rows() != 1 || !su->boolean(0, 0))
            return makeError(ErrorCode::PermissionDenied,
                             QStringLiteral("Migrating the schema needs a database superuser (it creates roles and "
                                            "row-level security). Run `upstream migrate` as the database owner."));
    }

    for (const Migration &m : m_migrations) {
        if (m.version <= current.value())
            continue;
        bool applied = false;
        if (Status st = applyOne(conn, m, applied); !st.ok())
            return st.error();
        if (applied) {
            report.applied.push_back(m.version);
            log::info(QStringLiteral("schema migration %1 (%2) applied").arg(m.version).arg(m.name));
        }
        report.toVersion = m.version;
    }

    if (report.toVersion > 0) {
        auto sums = conn.exec("SELECT version, checksum FROM upstream.schema_version ORDER BY version");
        if (sums.ok()) {
            for (int i = 0; i < sums->rows(); ++i) {
                const int v = int(sums->int64(i, 0));
                for (const Migration &m : m_migrations)
                    if (m.version == v && checksumOf(m.sql) != sums->text(i, 1))
                        report.checksumMismatch.push_back(v);
            }
        }
    }
    return report;
}

} // namespace upstream::storage
