#include "UpstreamSchema.h"

#include "storage/pg/AdminService.h"
#include "storage/pg/Migrator.h"

namespace upstream::test {

MigratedDatabase::MigratedDatabase(const PgFixture &fixture, const QString &prefix)
    : m_fixture(fixture), m_db(std::make_unique<ScratchDatabase>(fixture, prefix))
{
    if (!m_db->ok()) {
        m_error = m_db->error();
        return;
    }
    auto c = storage::PgConnection::connect(m_db->superuserParams());
    if (!c.ok()) {
        m_error = c.error().message;
        return;
    }
    m_super = std::move(c.value());
    auto report = storage::Migrator().migrate(m_super);
    if (!report.ok()) {
        m_error = report.error().message;
        return;
    }
    m_ok = true;
}

MigratedDatabase::~MigratedDatabase()
{
    m_super = storage::PgConnection();
    m_db.reset();
    auto admin = storage::PgConnection::connect(m_fixture.superuserParams());
    if (!admin.ok())
        return;
    for (const QString &login : m_logins)
        (void)admin->exec(QStringLiteral("DROP ROLE IF EXISTS \"%1\"").arg(login)); // [a-z0-9_] from uniqueName
}

std::optional<qint64> MigratedDatabase::createCustomer(const QString &name)
{
    auto id = storage::AdminService(m_super).createCustomer(name);
    if (!id.ok()) {
        qWarning("createCustomer: %s", qPrintable(id.error().message));
        return std::nullopt;
    }
    return id.value();
}

std::optional<QString> MigratedDatabase::createAlert(qint64 customerId, const QString &payer,
                                                     const QString &fingerprint, const QString &evidence)
{
    auto sig = m_super.exec(
        "INSERT INTO upstream.signals (customer_id, product, signal_type, payer, cpt_group, window_start, window_end, "
        "severity, confidence, fingerprint, evidence) VALUES ($1, 'driftwatch', 'denial_rate', $2, 'E&M', "
        "'2026-10-01', '2026-10-15', 'high', 0.9, $3, $4::jsonb) RETURNING signal_id",
        {customerId, payer, fingerprint, evidence});
    if (!sig.ok()) {
        qWarning("createAlert: %s", qPrintable(sig.error().message));
        return std::nullopt;
    }
    auto alert = m_super.exec("INSERT INTO upstream.alerts (customer_id, signal_id) VALUES ($1, $2) RETURNING alert_id",
                              {customerId, sig->int64(0, 0)});
    if (!alert.ok()) {
        qWarning("createAlert: %s", qPrintable(alert.error().message));
        return std::nullopt;
    }
    return alert->text(0, 0);
}

std::optional<TestUser> MigratedDatabase::createUser(qint64 customerId, const QString &role)
{
    TestUser u{uniqueName(QStringLiteral("u_") + role), storage::AdminService::generatePassword(), customerId, role};
    Status st = storage::AdminService(m_super).createUser(u.login, u.password, customerId, role);
    if (!st.ok()) {
        qWarning("createUser: %s", qPrintable(st.error().message));
        return std::nullopt;
    }
    m_logins << u.login;
    return u;
}

Result<storage::PgConnection> MigratedDatabase::connectAs(const TestUser &user) const
{
    return storage::PgConnection::connect(m_db->params(user.login, user.password));
}

QString MigratedDatabase::seed(qint64 c)
{
    // Identity columns are looked up rather than assumed, so seeding twice or for several customers works.
    const char *const steps[] = {
        "INSERT INTO upstream.payer_mappings (customer_id, raw_name, payer) VALUES ($1::bigint, 'AETNA INC', 'Aetna')",
        "INSERT INTO upstream.cpt_group_mappings (customer_id, cpt, cpt_group) VALUES ($1::bigint, '99213', 'E&M')",
        "INSERT INTO upstream.uploads (customer_id, file_name, sha256, total_rows, accepted_rows) "
        "VALUES ($1::bigint, 'claims.csv', sha256(('seed' || $1::bigint::text)::bytea), 1, 1)",
        "INSERT INTO upstream.upload_reports (customer_id, upload_id, report) "
        "SELECT $1::bigint, max(upload_id), '{\"quality_score\": 1.0}' FROM upstream.uploads WHERE customer_id = "
        "$1::bigint",
        "INSERT INTO upstream.claims (customer_id, upload_id, payer, cpt, cpt_group, submitted_date, decided_date, "
        "outcome, allowed_amount) SELECT $1::bigint, max(upload_id), 'Aetna', '99213', 'E&M', '2026-01-05', "
        "'2026-01-20', "
        "'DENIED', 120.50 FROM upstream.uploads WHERE customer_id = $1::bigint",
        "INSERT INTO upstream.signals (customer_id, product, signal_type, payer, cpt_group, window_start, "
        "window_end, severity, confidence, fingerprint) VALUES ($1::bigint, 'driftwatch', 'denial_rate', 'Aetna', "
        "'E&M', "
        "'2026-01-01', '2026-01-15', 'high', 0.9, 'fp-' || $1::bigint::text || '-' || gen_random_uuid()::text)",
        "INSERT INTO upstream.alerts (customer_id, signal_id) SELECT $1::bigint, max(signal_id) FROM upstream.signals "
        "WHERE customer_id = $1::bigint",
        "INSERT INTO upstream.judgments (customer_id, alert_id, verdict, reason_code, notes, client_uuid) "
        "SELECT $1::bigint, max(alert_id), 'real', 'payer_policy_change', 'seed', gen_random_uuid() FROM "
        "upstream.alerts "
        "WHERE customer_id = $1::bigint",
        "INSERT INTO upstream.ledger_entries (customer_id, client_uuid, product, payer, expected_amount) "
        "VALUES ($1::bigint, gen_random_uuid(), 'driftwatch', 'Aetna', 1000)",
        "UPDATE upstream.ledger_entries SET state = 'in_progress' WHERE customer_id = $1::bigint",
        "SELECT upstream.audit_append($1::bigint, 'seed', '{\"k\": \"v\"}', 'test-ws')",
        "INSERT INTO upstream.applied_changes (customer_id, change_id, kind) VALUES ($1::bigint, gen_random_uuid(), "
        "'verdict')",
    };
    for (const char *sql : steps) {
        auto r = m_super.exec(sql, {c});
        if (!r.ok())
            return QStringLiteral("%1 → %2").arg(QString::fromUtf8(sql), r.error().message);
    }
    return {};
}

static QString conninfo(const PgFixture &fx, const QString &db, const QString &user)
{
    return QStringLiteral("host=%1 hostaddr=%2 port=%3 dbname=%4 user=%5 sslmode=verify-full sslrootcert=%6")
        .arg(fx.host, fx.hostaddr)
        .arg(fx.port)
        .arg(db, user, fx.sslrootcert);
}

QString MigratedDatabase::superuserConninfo() const
{
    return conninfo(m_fixture, m_db->name(), m_fixture.superuser);
}

QString MigratedDatabase::conninfoFor(const TestUser &user) const
{
    return conninfo(m_fixture, m_db->name(), user.login);
}

QStringList tenantTables(storage::PgConnection &conn)
{
    QStringList out;
    auto r = conn.exec("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                       "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'customer_id' AND NOT a.attisdropped "
                       "WHERE n.nspname = 'upstream' AND c.relkind IN ('r', 'p') ORDER BY 1");
    if (r.ok())
        for (int i = 0; i < r->rows(); ++i)
            out << r->text(i, 0);
    return out;
}

} // namespace upstream::test
