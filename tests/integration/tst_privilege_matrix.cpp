// Proves: each role (viewer, operator, analyst, supervisor, admin) is refused by the database (SQLSTATE 42501) for
// every write it must not make, and can make the writes its duty needs (so a refusal is not an accident of a broken
// statement). Every statement runs in a transaction that is rolled back. The superuser column documents the writes
// that even a superuser cannot make without switching triggers off (the append-only audit log).
#include "UpstreamSchema.h"

#include <QtTest>

using namespace upstream;
using storage::PgConnection;

namespace {

enum Who : unsigned { Viewer = 1, Operator = 2, Analyst = 4, Supervisor = 8, Admin = 16, Super = 32 };

struct Operation {
    const char *name;
    const char *sql; // $1 = own customer, $2 = other customer, $3 = a spare login of the own customer,
                     // $4 = a login of the other customer, $5 = a fresh login name, $6 = a SCRAM verifier
    unsigned allowed;
};

// The role/permission table of docs/schema.md, as statements.
const Operation kOperations[] = {
    {"read claims", "SELECT count(*) FROM upstream.claims WHERE customer_id = $1::bigint",
     Viewer | Operator | Analyst | Supervisor | Admin | Super},
    {"judge an alert",
     "INSERT INTO upstream.judgments (customer_id, alert_id, verdict, client_uuid) SELECT $1::bigint, "
     "max(alert_id), 'noise', gen_random_uuid() FROM upstream.alerts WHERE customer_id = $1::bigint "
     "ON CONFLICT (customer_id, alert_id, operator) DO UPDATE SET verdict = excluded.verdict",
     Operator | Analyst | Supervisor | Super},
    {"change an alert's status", "UPDATE upstream.alerts SET status = 'acknowledged' WHERE customer_id = $1::bigint",
     Operator | Analyst | Supervisor | Super},
    {"change another operator's judgment", "UPDATE upstream.judgments SET notes = 'x' WHERE customer_id = $1::bigint",
     Super},
    {"open a ledger entry",
     "INSERT INTO upstream.ledger_entries (customer_id, client_uuid, product, payer, expected_amount) "
     "VALUES ($1::bigint, gen_random_uuid(), 'delayguard', 'Cigna', 10)",
     Operator | Analyst | Supervisor | Super},
    {"work a ledger entry",
     "UPDATE upstream.ledger_entries SET state = 'recovered', recovered_amount = 5 "
     "WHERE customer_id = $1::bigint",
     Operator | Analyst | Supervisor | Super},
    {"approve a ledger entry",
     "UPDATE upstream.ledger_entries SET approved_by = session_user, approved_at = now() "
     "WHERE customer_id = $1::bigint",
     Supervisor | Super},
    {"open a pre-approved ledger entry",
     "INSERT INTO upstream.ledger_entries (customer_id, client_uuid, product, payer, approved_by, approved_at) "
     "VALUES ($1::bigint, gen_random_uuid(), 'delayguard', 'Cigna', session_user, now())",
     Supervisor | Super},
    {"approve in someone else's name",
     "UPDATE upstream.ledger_entries SET approved_by = 'someone_else', "
     "approved_at = now() WHERE customer_id = $1::bigint",
     0},
    {"record an upload",
     "INSERT INTO upstream.uploads (customer_id, sha256) VALUES ($1::bigint, sha256(gen_random_uuid()::text::bytea))",
     Analyst | Supervisor | Super},
    {"import claims",
     "INSERT INTO upstream.claims (customer_id, payer, cpt, cpt_group, submitted_date, decided_date, outcome) "
     "VALUES ($1::bigint, 'Aetna', '99214', 'E&M', '2026-02-01', '2026-02-10', 'PAID')",
     Analyst | Supervisor | Super},
    {"recompute signals",
     "INSERT INTO upstream.signals (customer_id, product, signal_type, window_start, window_end, severity, "
     "confidence, fingerprint) VALUES ($1::bigint, 'delayguard', 'payment_latency', '2026-01-01', '2026-01-15', "
     "'low', 0.5, gen_random_uuid()::text)",
     Analyst | Supervisor | Super},
    {"suppress an alert",
     "UPDATE upstream.alerts SET suppressed = true, suppression_reason = 'cooldown' "
     "WHERE customer_id = $1::bigint",
     Analyst | Supervisor | Super},
    {"edit a payer mapping",
     "INSERT INTO upstream.payer_mappings (customer_id, raw_name, payer) VALUES ($1::bigint, 'UHC', 'United')",
     Analyst | Supervisor | Admin | Super},
    {"delete a CPT mapping", "DELETE FROM upstream.cpt_group_mappings WHERE customer_id = $1::bigint",
     Analyst | Supervisor | Admin | Super},
    {"delete claims", "DELETE FROM upstream.claims WHERE customer_id = $1::bigint", Super},
    // A re-export replaces a claim's state (SPEC 3): the importing roles may update the state columns, never a
    // claim's identity or customer.
    {"rewrite a claim's state (re-export)",
     "UPDATE upstream.claims SET outcome = 'PAID', decided_date = coalesce(decided_date, submitted_date) "
     "WHERE customer_id = $1::bigint",
     Analyst | Supervisor | Super},
    {"change a claim's identity",
     "UPDATE upstream.claims SET claim_ref_hmac = sha256(gen_random_uuid()::text::bytea) WHERE customer_id = "
     "$1::bigint",
     Super},
    {"move a claim to another customer",
     "UPDATE upstream.claims SET customer_id = $2::bigint WHERE customer_id = $1::bigint", Super},
    {"read the claim keys table", "SELECT count(*) FROM upstream.claim_keys", Super},
    {"read the customer's claim key", "SELECT upstream.claim_key($1::bigint)", Analyst | Supervisor | Super},
    {"read another customer's claim key", "SELECT upstream.claim_key($2::bigint)", Super},
    {"overwrite a claim key", "UPDATE upstream.claim_keys SET claim_key = sha256(''::bytea)", Super},
    {"truncate claims", "TRUNCATE upstream.claims", Super},
    {"promote a membership", "UPDATE upstream.memberships SET app_role = 'admin' WHERE customer_id = $1::bigint",
     Super},
    {"add a membership",
     "INSERT INTO upstream.memberships (customer_id, member_role, app_role) VALUES ($1::bigint, $5, 'admin')", Super},
    {"create a customer", "INSERT INTO upstream.customers (name) VALUES ($5)", Super},
    {"create a customer (function)", "SELECT upstream.admin_create_customer($5)", Super},
    {"create a user", "SELECT upstream.admin_create_user($5, $6, $1::bigint, 'viewer')", Admin | Super},
    {"create a user in another customer", "SELECT upstream.admin_create_user($5, $6, $2::bigint, 'viewer')", Super},
    {"change a user's role", "SELECT upstream.admin_set_role($3, 'analyst')", Admin | Super},
    {"change a role in another customer", "SELECT upstream.admin_set_role($4, 'admin')", Super},
    {"disable a user", "SELECT upstream.admin_disable_user($3)", Admin | Super},
    {"disable a user of another customer", "SELECT upstream.admin_disable_user($4)", Super},
    {"append to the audit log", "SELECT upstream.audit_append($1::bigint, 'test.write', '{}')",
     Viewer | Operator | Analyst | Supervisor | Admin | Super},
    {"write an audit row directly",
     "INSERT INTO upstream.audit_log (customer_id, seq, at, actor, action, prev_hash, hash) VALUES ($1::bigint, "
     "999999, now(), 'x', 'forged', sha256(''::bytea), sha256(''::bytea))",
     Super},
    {"edit an audit row", "UPDATE upstream.audit_log SET action = 'edited' WHERE customer_id = $1::bigint", 0},
    {"delete audit rows", "DELETE FROM upstream.audit_log WHERE customer_id = $1::bigint", 0},
    {"truncate the audit log", "TRUNCATE upstream.audit_log", 0},
    {"move the audit head", "UPDATE upstream.audit_heads SET last_seq = 1 WHERE customer_id = $1::bigint", Super},
    {"rewrite ledger history", "UPDATE upstream.ledger_history SET after = '{}' WHERE customer_id = $1::bigint", Super},
    {"delete the change log", "DELETE FROM upstream.change_log WHERE customer_id = $1::bigint", Super},
    {"record a schema version", "INSERT INTO upstream.schema_version (version, name, checksum) VALUES (0, 'x', 'x')",
     Super},
    {"create a table in the schema", "CREATE TABLE upstream.smuggled (x int)", Super},
    {"switch row-level security off", "ALTER TABLE upstream.claims NO FORCE ROW LEVEL SECURITY", Super},
    {"drop a policy", "DROP POLICY tenant_isolation ON upstream.claims", Super},
};

const std::pair<Who, const char *> kRoles[] = {
    {Viewer, "viewer"}, {Operator, "operator"}, {Analyst, "analyst"}, {Supervisor, "supervisor"}, {Admin, "admin"}};

} // namespace

class TstPrivilegeMatrix : public QObject {
    Q_OBJECT
    std::optional<test::PgFixture> fx;
    std::unique_ptr<test::MigratedDatabase> db;
    qint64 own = 0;
    qint64 other = 0;
    std::map<unsigned, test::TestUser> users;
    test::TestUser spare;
    test::TestUser ofOther;

private slots:
    void initTestCase()
    {
        fx = test::PgFixture::load();
        QVERIFY2(fx.has_value(), "the pg fixture is not running ($UPSTREAM_TEST_PG)");
        db = std::make_unique<test::MigratedDatabase>(*fx, QStringLiteral("privmatrix"));
        QVERIFY2(db->ok(), qPrintable(db->error()));
        own = db->createCustomer(QStringLiteral("Own")).value_or(0);
        other = db->createCustomer(QStringLiteral("Other")).value_or(0);
        QVERIFY(own > 0 && other > 0);
        QCOMPARE(db->seed(own), QString());
        QCOMPARE(db->seed(other), QString());
        for (const auto &[who, role] : kRoles) {
            auto u = db->createUser(own, QString::fromLatin1(role));
            QVERIFY(u.has_value());
            users[who] = *u;
        }
        spare = db->createUser(own, QStringLiteral("viewer")).value();    // never signs in: safe to disable
        ofOther = db->createUser(other, QStringLiteral("admin")).value(); // never signs in
    }

    void eachRoleIsRefusedWhatItMustNotDo_data()
    {
        QTest::addColumn<unsigned>("who");
        QTest::addColumn<int>("op");
        for (const auto &[who, role] : kRoles)
            for (int i = 0; i < int(std::size(kOperations)); ++i)
                QTest::newRow(
                    qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(role), QLatin1String(kOperations[i].name))))
                    << unsigned(who) << i;
        for (int i = 0; i < int(std::size(kOperations)); ++i)
            QTest::newRow(qPrintable(QStringLiteral("superuser: %1").arg(QLatin1String(kOperations[i].name))))
                << unsigned(Super) << i;
    }

    void eachRoleIsRefusedWhatItMustNotDo()
    {
        QFETCH(unsigned, who);
        QFETCH(int, op);
        const Operation &o = kOperations[op];
        std::optional<PgConnection> own_conn;
        PgConnection *c = &db->superuser();
        if (who != Super) {
            auto conn = db->connectAs(users[who]);
            QVERIFY2(conn.ok(), qPrintable(conn.ok() ? QString() : conn.error().message));
            own_conn = std::move(conn.value());
            c = &*own_conn;
        }
        QVERIFY(c->execScript(QStringLiteral("BEGIN")).ok());
        const std::vector<QVariant> params{own,
                                           other,
                                           spare.login,
                                           ofOther.login,
                                           test::uniqueName(QStringLiteral("fresh")),
                                           QStringLiteral("SCRAM-SHA-256$4096:c2FsdA==$a2V5:c2Vy")};
        // Pass only the parameters the statement uses, renumbered $1..$n: libpq cannot type an unused one.
        QString sql = QString::fromLatin1(o.sql);
        std::vector<QVariant> used;
        for (int i = 1; i <= int(params.size()); ++i) {
            const QRegularExpression placeholder(QStringLiteral("\\$%1(?![0-9])").arg(i));
            if (!sql.contains(placeholder))
                continue;
            used.push_back(params[size_t(i - 1)]);
            sql.replace(placeholder, QStringLiteral("$#%1").arg(used.size()));
        }
        sql.replace(QStringLiteral("$#"), QStringLiteral("$"));
        auto r = c->exec(sql, used);
        (void)c->execScript(QStringLiteral("ROLLBACK"));

        const bool allowed = (o.allowed & who) != 0;
        if (allowed) {
            QVERIFY2(r.ok(), qPrintable(QStringLiteral("must be allowed but failed: ") +
                                        (r.ok() ? QString() : r.error().message)));
            if (r->columns() == 0 && !sql.startsWith(QLatin1String("TRUNCATE")) &&
                !sql.startsWith(QLatin1String("CREATE")) && !sql.startsWith(QLatin1String("ALTER")) &&
                !sql.startsWith(QLatin1String("DROP")))
                QVERIFY2(r->affectedRows() > 0, "an allowed write must change a row");
        } else {
            QVERIFY2(!r.ok(), "the database accepted a write this role must not make");
            QVERIFY2(r.error().code == ErrorCode::PermissionDenied, qPrintable(r.error().message));
        }
    }

    void whoColumnsNameTheSignedInRole()
    {
        const test::TestUser &u = users[Supervisor];
        auto c = db->connectAs(u);
        QVERIFY(c.ok());
        auto m = c->exec("INSERT INTO upstream.payer_mappings (customer_id, raw_name, payer, updated_by) VALUES ($1, "
                         "'HUMANA', 'Humana', 'the_ceo') RETURNING updated_by",
                         {own});
        QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().message));
        QCOMPARE(m->text(0, 0), u.login);
        auto up = c->exec("INSERT INTO upstream.uploads (customer_id, sha256, uploaded_by) VALUES ($1, "
                          "sha256('who'::bytea), 'the_ceo') RETURNING uploaded_by",
                          {own});
        QVERIFY(up.ok());
        QCOMPARE(up->text(0, 0), u.login);
        auto j = c->exec("INSERT INTO upstream.judgments (customer_id, alert_id, operator, verdict, client_uuid) "
                         "SELECT $1, max(alert_id), 'the_ceo', 'real', gen_random_uuid() FROM upstream.alerts WHERE "
                         "customer_id = $1 RETURNING operator",
                         {own});
        QVERIFY(j.ok());
        QCOMPARE(j->text(0, 0), u.login);
        auto l = c->exec("INSERT INTO upstream.ledger_entries (customer_id, client_uuid, product, payer) VALUES ($1, "
                         "gen_random_uuid(), 'driftwatch', 'Humana') RETURNING updated_by, version",
                         {own});
        QVERIFY(l.ok());
        QCOMPARE(l->text(0, 0), u.login);
        QCOMPARE(l->int64(0, 1), 1);
    }

    void adminCannotTouchAPrivilegedRole()
    {
        const QString privileged = test::uniqueName(QStringLiteral("dba"));
        auto su = PgConnection::connect(fx->superuserParams());
        QVERIFY(su.ok());
        QVERIFY(su->exec(QStringLiteral("CREATE ROLE \"%1\" LOGIN CREATEROLE").arg(privileged)).ok());
        // A membership row slipped in by hand must not hand the role to the customer's admin.
        QVERIFY(db->superuser()
                    .exec("INSERT INTO upstream.memberships (customer_id, member_role, app_role) VALUES "
                          "($1, $2, 'viewer')",
                          {own, privileged})
                    .ok());
        auto c = db->connectAs(users[Admin]);
        QVERIFY(c.ok());
        auto r = c->exec("SELECT upstream.admin_disable_user($1)", {privileged});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::PermissionDenied);
        auto login = su->exec("SELECT rolcanlogin FROM pg_roles WHERE rolname = $1", {privileged});
        QVERIFY(login->boolean(0, 0));
        (void)db->superuser().exec("DELETE FROM upstream.memberships WHERE member_role = $1", {privileged});
        (void)su->exec(QStringLiteral("DROP ROLE \"%1\"").arg(privileged));
    }

    void cleanupTestCase() { db.reset(); }
};

QTEST_GUILESS_MAIN(TstPrivilegeMatrix)
#include "tst_privilege_matrix.moc"
