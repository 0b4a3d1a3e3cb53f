// Proves: each role (viewer, operator, analyst, supervisor, admin) is refused by the database (SQLSTATE 42501) for
// every write it must not make, and can make the writes its duty needs (so a refusal is not an accident of a broken
// statement). Every statement runs in a transaction that is rolled back. The superuser column documents the writes
// that even a superuser cannot make without switching triggers off (the append-only audit log).
//
// Issue 16 (an insider with psql): the attack tests after the matrix run as each role over its own connection and
// assert the SQLSTATE or the audit row — approved ledger entries are frozen and approved only when closed, at the
// server's time; every role's audit events arrive through the real push path; a login dropped and re-created under
// the same name inherits no membership; clients append only workstation actions while judgments, ledger entries and
// uploads audit themselves in their transaction; change notifications name no customer and reach only its members.
#include "UpstreamSchema.h"
#include "storage/cache/LocalCache.h"
#include "storage/pg/AdminService.h"
#include "storage/pg/AuditLog.h"
#include "sync/Outbox.h"
#include "sync/SyncRound.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUuid>
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
     "WHERE customer_id = $1::bigint AND approved_by IS NULL",
     Operator | Analyst | Supervisor | Super},
    // Approval needs a recovered or written-off entry (issue 16): the entry is closed and approved in one update.
    {"approve a ledger entry",
     "UPDATE upstream.ledger_entries SET state = 'recovered', approved_by = session_user, approved_at = now() "
     "WHERE customer_id = $1::bigint AND approved_by IS NULL",
     Supervisor | Super},
    {"open a pre-approved ledger entry",
     "INSERT INTO upstream.ledger_entries (customer_id, client_uuid, product, payer, state, approved_by, "
     "approved_at) VALUES ($1::bigint, gen_random_uuid(), 'delayguard', 'Cigna', 'recovered', session_user, now())",
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
     "INSERT INTO upstream.memberships (customer_id, member_role, app_role) VALUES ($1::bigint, $4, 'admin')", Super},
    {"create a customer", "INSERT INTO upstream.customers (name) VALUES ($5)", Super},
    {"create a customer (function)", "SELECT upstream.admin_create_customer($5)", Super},
    {"create a user", "SELECT upstream.admin_create_user($5, $6, $1::bigint, 'viewer')", Admin | Super},
    {"create a user in another customer", "SELECT upstream.admin_create_user($5, $6, $2::bigint, 'viewer')", Super},
    {"change a user's role", "SELECT upstream.admin_set_role($3, 'analyst')", Admin | Super},
    {"change a role in another customer", "SELECT upstream.admin_set_role($4, 'admin')", Super},
    {"disable a user", "SELECT upstream.admin_disable_user($3)", Admin | Super},
    {"disable a user of another customer", "SELECT upstream.admin_disable_user($4)", Super},
    {"append to the audit log", "SELECT upstream.audit_append($1::bigint, 'sign_in', '{}')",
     Viewer | Operator | Analyst | Supervisor | Admin | Super},
    // Issue 16: a client records only the actions a workstation records; the rest is the server's to write.
    {"append a server-only audit action", "SELECT upstream.audit_append($1::bigint, 'user.disable', '{}')", Super},
    {"append a trigger-only audit action", "SELECT upstream.audit_append($1::bigint, 'judgment.insert', '{}')", Super},
    // Issue 16: every role delivers its audit events; only the roles that apply a change may mark one delivered.
    {"mark an audit event delivered",
     "INSERT INTO upstream.applied_changes (customer_id, change_id, kind) VALUES ($1::bigint, gen_random_uuid(), "
     "'audit')",
     Viewer | Operator | Analyst | Supervisor | Admin | Super},
    {"mark a verdict delivered",
     "INSERT INTO upstream.applied_changes (customer_id, change_id, kind) VALUES ($1::bigint, gen_random_uuid(), "
     "'verdict')",
     Operator | Analyst | Supervisor | Super},
    {"mark an audit event delivered for another customer",
     "INSERT INTO upstream.applied_changes (customer_id, change_id, kind) VALUES ($2::bigint, gen_random_uuid(), "
     "'audit')",
     Super},
    // Issue 16: the views that list the cluster's logins and sessions are closed to app roles (docs/security.md).
    {"list the cluster's logins", "SELECT count(*) FROM pg_catalog.pg_roles", Super},
    {"list role memberships", "SELECT count(*) FROM pg_catalog.pg_auth_members", Super},
    {"list who is connected", "SELECT count(*) FROM pg_catalog.pg_stat_activity", Super},
    {"write a change channel", "UPDATE upstream.change_channels SET channel = channel WHERE customer_id = $1::bigint",
     Super},
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
    test::TestUser adminOfOther;  // signs in: creates a user in the other customer
    test::TestUser viewerOfOther; // signs in: listens for the other customer's changes

    std::vector<std::pair<QString, PgConnection *>> connections; // (who, connection) for every role + superuser
    std::vector<PgConnection> roleConnections;

    // The SQLSTATE `sql` raises for this connection's role, "00000" if it succeeds. Either way nothing it did is
    // kept: it runs in a subtransaction that is always rolled back.
    static QString sqlstateOf(PgConnection &c, const QString &sql)
    {
        auto r = c.exec("SELECT public.sqlstate_of($1)", {sql});
        return r.ok() ? r->text(0, 0) : QStringLiteral("helper failed: ") + r.error().message;
    }

    // A committed ledger entry of the own customer, opened by the supervisor; returns its client_uuid.
    QString newEntry(const QString &state, const QString &recovered = QStringLiteral("0"))
    {
        auto c = db->connectAs(users[Supervisor]);
        if (!c.ok())
            return {};
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto r = c->exec("INSERT INTO upstream.ledger_entries (customer_id, client_uuid, product, payer, "
                         "expected_amount, recovered_amount, state) VALUES ($1, $2::uuid, 'denialscope', 'Aetna', "
                         "1000, $3::numeric, $4)",
                         {own, id, recovered, state});
        return r.ok() ? id : QString();
    }

    std::optional<storage::LocalCache> newCache(QTemporaryDir &dir)
    {
        auto cache = storage::LocalCache::open(dir.filePath(QStringLiteral("cache.db")), QByteArray(32, '\x16'));
        if (!cache.ok())
            return std::nullopt;
        return std::move(cache.value());
    }

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
        adminOfOther = db->createUser(other, QStringLiteral("admin")).value();
        viewerOfOther = db->createUser(other, QStringLiteral("viewer")).value();
        // Reports a statement's SQLSTATE to the attack tests (runs as the caller: SECURITY INVOKER).
        QVERIFY(db->superuser()
                    .execScript(QStringLiteral(
                        "CREATE FUNCTION public.sqlstate_of(stmt text) RETURNS text LANGUAGE plpgsql AS $f$ "
                        "BEGIN BEGIN EXECUTE stmt; RAISE EXCEPTION 'done' USING ERRCODE = 'UT001'; "
                        "EXCEPTION WHEN OTHERS THEN RETURN CASE WHEN SQLSTATE = 'UT001' THEN '00000' ELSE SQLSTATE "
                        "END; END; END $f$"))
                    .ok());
        for (const auto &[who, role] : kRoles) {
            auto c = db->connectAs(users[who]);
            QVERIFY2(c.ok(), role);
            roleConnections.push_back(std::move(c.value()));
        }
        int i = 0;
        for (const auto &[who, role] : kRoles)
            connections.emplace_back(QString::fromLatin1(role), &roleConnections[size_t(i++)]);
        connections.emplace_back(QStringLiteral("superuser"), &db->superuser());
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

    // --- Issue 16: attacks as each role over a real connection ---------------------------------------------------

    void approvedEntryIsFrozenForEveryRole()
    {
        const QString entry = newEntry(QStringLiteral("recovered"), QStringLiteral("500"));
        QVERIFY(!entry.isEmpty());
        auto sup = db->connectAs(users[Supervisor]);
        QVERIFY(sup.ok());
        auto approved = sup->exec("UPDATE upstream.ledger_entries SET approved_by = session_user, approved_at = now() "
                                  "WHERE customer_id = $1 AND client_uuid = $2::uuid RETURNING version",
                                  {own, entry});
        QVERIFY2(approved.ok() && approved->rows() == 1,
                 qPrintable(approved.ok() ? QString() : approved.error().message));
        const qint64 version = approved->int64(0, 0);

        const QString where = QStringLiteral(" WHERE customer_id = %1 AND client_uuid = '%2'").arg(own).arg(entry);
        const QString attacks[] = {
            QStringLiteral("UPDATE upstream.ledger_entries SET recovered_amount = 999999") + where,
            QStringLiteral("UPDATE upstream.ledger_entries SET notes = 'edited after approval'") + where,
            QStringLiteral("UPDATE upstream.ledger_entries SET state = 'open'") + where,
            QStringLiteral("UPDATE upstream.ledger_entries SET approved_at = now() - interval '30 days'") + where,
            QStringLiteral("UPDATE upstream.ledger_entries SET approved_by = NULL, approved_at = NULL") + where,
            QStringLiteral("DELETE FROM upstream.ledger_entries") + where,
        };
        for (const auto &[who, conn] : connections)
            for (const QString &sql : attacks)
                QVERIFY2(sqlstateOf(*conn, sql) == QLatin1String("42501"),
                         qPrintable(who + QStringLiteral(": ") + sql + QStringLiteral(" → ") + sqlstateOf(*conn, sql)));

        auto row = db->superuser().exec("SELECT recovered_amount::text, version, approved_by, notes IS NULL FROM "
                                        "upstream.ledger_entries WHERE customer_id = $1 AND client_uuid = $2::uuid",
                                        {own, entry});
        QVERIFY(row.ok() && row->rows() == 1);
        QCOMPARE(row->text(0, 0), QStringLiteral("500.00"));
        QCOMPARE(row->int64(0, 1), version);
        QCOMPARE(row->text(0, 2), users[Supervisor].login);
        QVERIFY(row->boolean(0, 3));
    }

    void approvalNeedsARecoveredOrWrittenOffEntry()
    {
        for (const char *state : {"open", "in_progress"}) {
            const QString entry = newEntry(QString::fromLatin1(state));
            QVERIFY(!entry.isEmpty());
            const QString approve = QStringLiteral("UPDATE upstream.ledger_entries SET approved_by = session_user, "
                                                   "approved_at = now() WHERE customer_id = %1 AND client_uuid = '%2'")
                                        .arg(own)
                                        .arg(entry);
            for (const auto &[who, conn] : connections) {
                // A supervisor (and the superuser) may approve, but not an entry that is still being worked.
                const bool approver = who == QLatin1String("supervisor") || who == QLatin1String("superuser");
                QCOMPARE(sqlstateOf(*conn, approve), approver ? QStringLiteral("23514") : QStringLiteral("42501"));
            }
        }
        const QString preApproved = QStringLiteral("INSERT INTO upstream.ledger_entries (customer_id, client_uuid, "
                                                   "product, payer, state, approved_by, approved_at) VALUES (%1, "
                                                   "gen_random_uuid(), 'denialscope', 'Aetna', 'open', session_user, "
                                                   "now())")
                                        .arg(own);
        QCOMPARE(sqlstateOf(*connections[3].second, preApproved), QStringLiteral("23514")); // the supervisor
        // Closing and approving in one statement is one act: allowed (the matrix's "approve a ledger entry").
        const QString entry = newEntry(QStringLiteral("in_progress"));
        QCOMPARE(sqlstateOf(*connections[3].second,
                            QStringLiteral("UPDATE upstream.ledger_entries SET state = 'written_off', approved_by = "
                                           "session_user, approved_at = now() WHERE customer_id = %1 AND client_uuid "
                                           "= '%2'")
                                .arg(own)
                                .arg(entry)),
                 QStringLiteral("00000"));
    }

    void approvalTimeIsTheServersAndTheClientsIsKeptApart()
    {
        // Over psql: a supervisor backdates the approval by 30 days; the server stores its own time.
        const QString entry = newEntry(QStringLiteral("recovered"));
        auto sup = db->connectAs(users[Supervisor]);
        QVERIFY(sup.ok());
        auto r = sup->exec("UPDATE upstream.ledger_entries SET approved_by = session_user, approved_at = now() - "
                           "interval '30 days', approved_at_client = '2026-01-01T09:00:00Z' WHERE customer_id = $1 "
                           "AND client_uuid = $2::uuid RETURNING approved_at = now(), "
                           "approved_at_client = '2026-01-01T09:00:00Z'::timestamptz",
                           {own, entry});
        QVERIFY2(r.ok() && r->rows() == 1, qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY2(r->boolean(0, 0), "approved_at must be the server's transaction time");
        QVERIFY2(r->boolean(0, 1), "the client's approval time is kept apart");

        // Through the workstation's push: the offline approval time arrives as approved_at_client.
        const QString pushed = newEntry(QStringLiteral("written_off"));
        QTemporaryDir dir;
        auto cache = newCache(dir);
        QVERIFY(cache.has_value());
        QVERIFY(sync::enqueueChange(*cache, QStringLiteral("ledger_approve"), pushed, 1,
                                    {{QStringLiteral("approved_at"), QStringLiteral("2025-11-30T08:15:00Z")},
                                     {QStringLiteral("approved_by"), QStringLiteral("someone_else")}})
                    .ok());
        auto round = sync::syncOnce(*sup, *cache, own);
        QVERIFY2(round.ok(), qPrintable(round.ok() ? QString() : round.error().message));
        QCOMPARE(round->pushed, 1);
        QCOMPARE(round->rejected, 0);
        auto row = db->superuser().exec(
            "SELECT approved_by, approved_at > now() - interval '5 minutes', "
            "approved_at_client = '2025-11-30T08:15:00Z'::timestamptz FROM upstream.ledger_entries "
            "WHERE customer_id = $1 AND client_uuid = $2::uuid",
            {own, pushed});
        QVERIFY(row.ok() && row->rows() == 1);
        QCOMPARE(row->text(0, 0), users[Supervisor].login);
        QVERIFY2(row->boolean(0, 1), "approved_at is the server's time");
        QVERIFY2(row->boolean(0, 2), "approved_at_client carries the workstation's approval time");
    }

    void auditEventsOfEveryRoleArriveThroughPush()
    {
        for (const auto &[who, role] : kRoles) {
            const test::TestUser &u = users[who];
            auto conn = db->connectAs(u);
            QVERIFY(conn.ok());
            QTemporaryDir dir;
            auto cache = newCache(dir);
            QVERIFY(cache.has_value());
            const QString probe = QUuid::createUuid().toString(QUuid::WithoutBraces);
            for (const char *action : {"sign_in", "lock", "export"})
                QVERIFY(sync::enqueueAudit(*cache, u.login, QStringLiteral("ws-16"), QString::fromLatin1(action),
                                           {{QStringLiteral("probe"), probe}})
                            .ok());
            auto round = sync::syncOnce(*conn, *cache, own);
            QVERIFY2(round.ok(), qPrintable(round.ok() ? QString() : round.error().message));
            QVERIFY2(round->pushed == 3 && round->rejected == 0, qPrintable(QStringLiteral("%1: pushed %2, rejected %3")
                                                                                .arg(QLatin1String(role))
                                                                                .arg(round->pushed)
                                                                                .arg(round->rejected)));
            auto rows = db->superuser().exec("SELECT string_agg(action, ',' ORDER BY action) FROM upstream.audit_log "
                                             "WHERE customer_id = $1 AND actor = $2 AND details ->> 'probe' = $3",
                                             {own, u.login, probe});
            QVERIFY(rows.ok());
            QCOMPARE(rows->text(0, 0), QStringLiteral("export,lock,sign_in")); // each exactly once
            auto marks = db->superuser().exec("SELECT count(*) FROM upstream.applied_changes WHERE customer_id = $1 "
                                              "AND applied_by = $2 AND kind = 'audit'",
                                              {own, u.login});
            QCOMPARE(marks->int64(0, 0), 3);
            auto again = sync::syncOnce(*conn, *cache, own); // delivered once: nothing left to push
            QVERIFY(again.ok());
            QCOMPARE(again->pushed, 0);
        }
        // Marking an audit event delivered does not let a viewer apply anything else.
        auto viewer = db->connectAs(users[Viewer]);
        QVERIFY(viewer.ok());
        QTemporaryDir dir;
        auto cache = newCache(dir);
        QVERIFY(cache.has_value());
        auto alert =
            db->superuser().exec("SELECT max(alert_id)::text FROM upstream.alerts WHERE customer_id = $1", {own});
        QVERIFY(sync::enqueueChange(*cache, QStringLiteral("verdict"), alert->text(0, 0), 0,
                                    {{QStringLiteral("alert_id"), alert->text(0, 0)},
                                     {QStringLiteral("verdict"), QStringLiteral("noise")}})
                    .ok());
        auto round = sync::syncOnce(*viewer, *cache, own);
        QVERIFY(round.ok());
        QCOMPARE(round->rejected, 1);
        auto judged = db->superuser().exec("SELECT count(*) FROM upstream.judgments WHERE customer_id = $1 AND "
                                           "operator = $2",
                                           {own, users[Viewer].login});
        QCOMPARE(judged->int64(0, 0), 0);
    }

    void recreatedLoginInheritsNoMembership()
    {
        auto victim = db->createUser(own, QStringLiteral("analyst"));
        QVERIFY(victim.has_value());
        {
            auto c = db->connectAs(*victim);
            QVERIFY(c.ok());
            auto n = c->exec("SELECT count(*) FROM upstream.claims");
            QVERIFY(n.ok() && n->int64(0, 0) > 0);
        }
        PgConnection &su = db->superuser();
        // A DBA drops the login without disabling it: its membership row stays behind.
        QVERIFY(su.exec(QStringLiteral("DROP ROLE \"%1\"").arg(victim->login)).ok());
        auto left = su.exec("SELECT count(*) FROM upstream.memberships WHERE member_role = $1", {victim->login});
        QCOMPARE(left->int64(0, 0), 1);

        // 1. The same name re-created by hand: a new OID, no customer.
        QVERIFY(su.execScript(QStringLiteral("CREATE ROLE \"%1\" LOGIN PASSWORD '%2'; GRANT upstream_analyst TO \"%1\"")
                                  .arg(victim->login, victim->password))
                    .ok());
        {
            auto c = db->connectAs(*victim);
            QVERIFY(c.ok());
            auto n = c->exec("SELECT count(*), cardinality(upstream.current_customer_ids()) FROM upstream.claims");
            QVERIFY(n.ok());
            QCOMPARE(n->int64(0, 0), 0);
            QCOMPARE(n->int64(0, 1), 0);
        }
        QVERIFY(su.exec(QStringLiteral("DROP ROLE \"%1\"").arg(victim->login)).ok());

        // 2. The other customer's admin creates a user of that name: it reads only the other customer's rows.
        auto admin = db->connectAs(adminOfOther);
        QVERIFY(admin.ok());
        const QString password = storage::AdminService::generatePassword();
        const Status created =
            storage::AdminService(*admin).createUser(victim->login, password, other, QStringLiteral("analyst"));
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        {
            test::TestUser again = *victim;
            again.password = password;
            auto c = db->connectAs(again);
            QVERIFY(c.ok());
            auto n = c->exec("SELECT count(*) FILTER (WHERE customer_id = $1), count(*) FILTER (WHERE customer_id = "
                             "$2), upstream.current_customer_ids()::text FROM upstream.claims",
                             {own, other});
            QVERIFY(n.ok());
            QCOMPARE(n->int64(0, 0), 0);
            QVERIFY(n->int64(0, 1) > 0);
            QCOMPARE(n->text(0, 2), QStringLiteral("{%1}").arg(other));
        }
        // Not even a superuser can leave a membership waiting for whoever creates a name later.
        QCOMPARE(sqlstateOf(su, QStringLiteral("INSERT INTO upstream.memberships (customer_id, member_role, app_role) "
                                               "VALUES (%1, '%2', 'admin')")
                                    .arg(own)
                                    .arg(test::uniqueName(QStringLiteral("nobody")))),
                 QStringLiteral("23503"));
        // The dropped role's membership went with the re-creation, recorded in the own customer's audit log.
        auto rows = su.exec("SELECT string_agg(customer_id::text, ',') FROM upstream.memberships WHERE member_role = "
                            "$1",
                            {victim->login});
        QCOMPARE(rows->text(0, 0), QString::number(other));
        auto audit = su.exec("SELECT count(*) FROM upstream.audit_log WHERE customer_id = $1 AND action = "
                             "'membership.remove_dropped_role' AND details ->> 'login' = $2",
                             {own, victim->login});
        QCOMPARE(audit->int64(0, 0), 1);
    }

    void onlyWorkstationAuditActionsAreAccepted()
    {
        for (const auto &[who, conn] : connections) {
            if (who == QLatin1String("superuser"))
                continue;
            for (const char *forged : {"user.disable", "user.create", "judgment.insert", "customer.create"})
                QCOMPARE(sqlstateOf(*conn, QStringLiteral("SELECT upstream.audit_append(%1, '%2', '{}')")
                                               .arg(own)
                                               .arg(QLatin1String(forged))),
                         QStringLiteral("42501"));
            QCOMPARE(sqlstateOf(*conn, QStringLiteral("SELECT upstream.audit_append(%1, 'unlock', '{}')").arg(own)),
                     QStringLiteral("00000"));
        }
        // Through the push path: refused, kept on the workstation, nothing written.
        auto viewer = db->connectAs(users[Viewer]);
        QVERIFY(viewer.ok());
        QTemporaryDir dir;
        auto cache = newCache(dir);
        QVERIFY(cache.has_value());
        QVERIFY(sync::enqueueAudit(*cache, users[Viewer].login, QString(), QStringLiteral("user.disable"),
                                   {{QStringLiteral("login"), spare.login}})
                    .ok());
        auto round = sync::syncOnce(*viewer, *cache, own);
        QVERIFY(round.ok());
        QCOMPARE(round->rejected, 1);
        auto forged = db->superuser().exec("SELECT count(*) FROM upstream.audit_log WHERE customer_id = $1 AND "
                                           "actor = $2 AND action = 'user.disable'",
                                           {own, users[Viewer].login});
        QCOMPARE(forged->int64(0, 0), 0);
    }

    void judgmentsLedgerAndUploadsAuditThemselvesInTheirTransaction()
    {
        // Over a plain connection, no app: the audit row exists inside the writing transaction...
        auto sup = db->connectAs(users[Supervisor]); // may read the audit log
        QVERIFY(sup.ok());
        auto head = sup->exec("SELECT coalesce(max(seq), 0) FROM upstream.audit_log WHERE customer_id = $1", {own});
        QVERIFY(head.ok());
        QVERIFY(sup->execScript(QStringLiteral("BEGIN")).ok());
        auto j = sup->exec("INSERT INTO upstream.judgments (customer_id, alert_id, verdict, client_uuid) SELECT $1, "
                           "max(alert_id), 'real', gen_random_uuid() FROM upstream.alerts WHERE customer_id = $1 "
                           "ON CONFLICT (customer_id, alert_id, operator) DO UPDATE SET verdict = excluded.verdict "
                           "RETURNING judgment_id",
                           {own});
        QVERIFY2(j.ok(), qPrintable(j.ok() ? QString() : j.error().message));
        const qint64 judgment = j->int64(0, 0);
        auto inTx = sup->exec("SELECT count(*) FROM upstream.audit_log WHERE customer_id = $1 AND action IN "
                              "('judgment.insert', 'judgment.update') AND actor = session_user AND "
                              "(details ->> 'judgment_id')::bigint = $2 AND seq > $3",
                              {own, judgment, head->int64(0, 0)});
        QVERIFY2(inTx.ok(), qPrintable(inTx.ok() ? QString() : inTx.error().message));
        QCOMPARE(inTx->int64(0, 0), 1);
        QVERIFY(sup->execScript(QStringLiteral("ROLLBACK")).ok());
        // ...and goes with it.
        auto gone = db->superuser().exec("SELECT count(*) FROM upstream.audit_log WHERE customer_id = $1 AND seq > $2",
                                         {own, head->int64(0, 0)});
        QCOMPARE(gone->int64(0, 0), 0);

        // Committed writes by each writing role leave their audit rows, signed with the role's name.
        struct Write {
            unsigned who;
            const char *sql;
            const char *action;
        };
        const Write writes[] = {
            {Operator,
             "INSERT INTO upstream.judgments (customer_id, alert_id, verdict, client_uuid) SELECT $1, max(alert_id), "
             "'noise', gen_random_uuid() FROM upstream.alerts WHERE customer_id = $1 ON CONFLICT (customer_id, "
             "alert_id, operator) DO UPDATE SET verdict = excluded.verdict",
             "judgment."},
            {Operator,
             "INSERT INTO upstream.ledger_entries (customer_id, client_uuid, product, payer) VALUES ($1, "
             "gen_random_uuid(), 'driftwatch', 'Cigna')",
             "ledger_entry.insert"},
            {Analyst,
             "INSERT INTO upstream.uploads (customer_id, sha256) VALUES ($1, sha256(gen_random_uuid()::text::bytea))",
             "upload.insert"},
        };
        for (const Write &w : writes) {
            auto c = db->connectAs(users[w.who]);
            QVERIFY(c.ok());
            auto before = db->superuser().exec("SELECT coalesce(max(seq), 0) FROM upstream.audit_log WHERE "
                                               "customer_id = $1",
                                               {own});
            auto r = c->exec(w.sql, {own});
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
            auto rows =
                db->superuser().exec("SELECT count(*) FROM upstream.audit_log WHERE customer_id = $1 AND "
                                     "seq > $2 AND actor = $3 AND action LIKE $4 || '%'",
                                     {own, before->int64(0, 0), users[w.who].login, QString::fromLatin1(w.action)});
            QVERIFY(rows.ok());
            QVERIFY2(rows->int64(0, 0) == 1, w.action);
        }
        auto chain = storage::AuditLog::verify(db->superuser(), own);
        QVERIFY(chain.ok());
        QVERIFY2(chain->intact(), "the trigger-written rows keep the hash chain intact");
    }

    void notificationsNameNoCustomerAndReachOnlyItsMembers()
    {
        const QRegularExpression opaque(QStringLiteral("^upstream_c_[0-9a-f]{32}$"));
        // Every role sees its own customer's channel and no other.
        for (const auto &[who, conn] : connections) {
            if (who == QLatin1String("superuser"))
                continue;
            auto r = conn->exec("SELECT count(*), count(*) FILTER (WHERE customer_id = $1), min(channel) FROM "
                                "upstream.change_channels",
                                {own});
            QVERIFY(r.ok());
            QCOMPARE(r->int64(0, 0), 1);
            QCOMPARE(r->int64(0, 1), 1);
            QVERIFY2(opaque.match(r->text(0, 2)).hasMatch(), qPrintable(r->text(0, 2)));
        }
        auto listenerA = db->connectAs(users[Viewer]);
        auto listenerB = db->connectAs(viewerOfOther);
        QVERIFY(listenerA.ok() && listenerB.ok());
        const QString channelA = listenerA->exec("SELECT channel FROM upstream.change_channels")->text(0, 0);
        auto channelsB = listenerB->exec("SELECT channel FROM upstream.change_channels");
        QCOMPARE(channelsB->rows(), 1);
        const QString channelB = channelsB->text(0, 0);
        QVERIFY(channelA != channelB);
        QVERIFY(listenerA->listen(channelA).ok());
        QVERIFY(listenerB->listen(channelB).ok());
        QVERIFY(listenerB->listen(QStringLiteral("upstream_changes")).ok()); // the old shared channel: silent now

        auto writer = db->connectAs(users[Analyst]);
        QVERIFY(writer.ok());
        QVERIFY(writer
                    ->exec("INSERT INTO upstream.payer_mappings (customer_id, raw_name, payer) VALUES ($1, $2, "
                           "'Aetna')",
                           {own, QUuid::createUuid().toString(QUuid::WithoutBraces)})
                    .ok());
        QVERIFY(listenerA->waitForNotify(5000));
        const auto notes = listenerA->takeNotifications();
        QCOMPARE(int(notes.size()), 1);
        QCOMPARE(notes.front().first, channelA);
        QCOMPARE(notes.front().second, QString()); // the payload names nothing
        QVERIFY2(!listenerB->waitForNotify(1500), "another customer's listener was woken");
        QVERIFY(listenerB->takeNotifications().empty());
    }

    void cleanupTestCase()
    {
        connections.clear();
        roleConnections.clear();
        db.reset();
    }
};

QTEST_GUILESS_MAIN(TstPrivilegeMatrix)
#include "tst_privilege_matrix.moc"
