// Proves: signed in as customer A's user over a verified TLS connection, raw SELECT, INSERT, UPDATE and DELETE
// against customer B's rows return nothing or fail, in EVERY tenant table — the list comes from the catalog (every
// table of schema upstream with a customer_id column), so a new table cannot be forgotten. Every such table has
// row-level security enabled and forced, and no policy depends on a value the client can set.
#include "UpstreamSchema.h"

#include <QtTest>

using namespace upstream;
using storage::PgConnection;

namespace {

// Tables in schema upstream that are deliberately not per customer.
const QStringList kGlobalTables{QStringLiteral("schema_version")};

// Every tenant table the schema contract names; the catalog list must contain at least these.
const QStringList kContractTables{QStringLiteral("customers"),      QStringLiteral("memberships"),
                                  QStringLiteral("payer_mappings"), QStringLiteral("cpt_group_mappings"),
                                  QStringLiteral("uploads"),        QStringLiteral("upload_reports"),
                                  QStringLiteral("claims"),         QStringLiteral("signals"),
                                  QStringLiteral("alerts"),         QStringLiteral("judgments"),
                                  QStringLiteral("ledger_entries"), QStringLiteral("ledger_history"),
                                  QStringLiteral("audit_log"),      QStringLiteral("change_log"),
                                  QStringLiteral("claim_keys")};

// A digest of customer B's rows in `table`, read as superuser: must not change whatever A's user does.
QString fingerprint(PgConnection &su, const QString &table, qint64 customer)
{
    auto r = su.exec(QStringLiteral("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY "
                                    "t::text)), '') FROM upstream.%1 t WHERE customer_id = $1")
                         .arg(table),
                     {customer});
    return r.ok() ? r->text(0, 0) : QStringLiteral("error: ") + r.error().message;
}

// "Nothing or fail": an error must be the database refusing (SQLSTATE 42501), never something incidental.
bool refusedOrEmpty(const Result<storage::PgResult> &r, QString *why)
{
    if (!r.ok()) {
        *why = r.error().message;
        return r.error().code == ErrorCode::PermissionDenied;
    }
    *why = QStringLiteral("%1 row(s) affected, %2 returned").arg(r->affectedRows()).arg(r->rows());
    if (r->columns() > 0) // a count(*) query: nothing visible means one row holding 0
        return r->rows() == 0 || (r->rows() == 1 && r->columns() == 1 && r->text(0, 0) == QLatin1String("0"));
    return r->affectedRows() == 0;
}

} // namespace

class TstTenantIsolation : public QObject {
    Q_OBJECT
    std::optional<test::PgFixture> fx;
    std::unique_ptr<test::MigratedDatabase> db;
    qint64 a = 0;
    qint64 b = 0;
    std::vector<test::TestUser> usersOfA; // the roles with the widest write privileges
    test::TestUser userOfB;

private slots:
    void initTestCase()
    {
        fx = test::PgFixture::load();
        QVERIFY2(fx.has_value(), "the pg fixture is not running ($UPSTREAM_TEST_PG)");
        db = std::make_unique<test::MigratedDatabase>(*fx, QStringLiteral("tenancy"));
        QVERIFY2(db->ok(), qPrintable(db->error()));
        a = db->createCustomer(QStringLiteral("Customer A")).value_or(0);
        b = db->createCustomer(QStringLiteral("Customer B")).value_or(0);
        QVERIFY(a > 0 && b > 0);
        for (const QString &role :
             {QStringLiteral("supervisor"), QStringLiteral("admin"), QStringLiteral("operator")}) {
            auto u = db->createUser(a, role);
            QVERIFY(u.has_value());
            usersOfA.push_back(*u);
        }
        auto ub = db->createUser(b, QStringLiteral("supervisor"));
        QVERIFY(ub.has_value());
        userOfB = *ub;
        QCOMPARE(db->seed(a), QString());
        QCOMPARE(db->seed(b), QString());
    }

    void everyTenantTableHasForcedRowLevelSecurity()
    {
        const QStringList tenant = test::tenantTables(db->superuser());
        for (const QString &t : kContractTables)
            QVERIFY2(tenant.contains(t), qPrintable(t + QStringLiteral(" is missing or has no customer_id")));
        auto r = db->superuser().exec(
            "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, "
            "EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'customer_id' "
            "        AND NOT a.attisdropped), "
            "(SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
            "        AND a.attnum = i.indkey[0] WHERE i.indrelid = c.oid AND i.indisprimary) "
            "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'upstream' AND c.relkind IN ('r', 'p') ORDER BY 1");
        QVERIFY(r.ok());
        QVERIFY(r->rows() >= kContractTables.size());
        for (int i = 0; i < r->rows(); ++i) {
            const QString t = r->text(i, 0);
            if (!r->boolean(i, 3)) {
                QVERIFY2(kGlobalTables.contains(t), qPrintable(t + QStringLiteral(" has no customer_id column")));
                continue;
            }
            QVERIFY2(r->boolean(i, 1), qPrintable(t + QStringLiteral(": row level security not enabled")));
            QVERIFY2(r->boolean(i, 2), qPrintable(t + QStringLiteral(": row level security not forced")));
            QVERIFY2(r->text(i, 4) == QLatin1String("customer_id"),
                     qPrintable(t + QStringLiteral(": customer_id must lead the primary key")));
        }
    }

    void policiesNeverReadClientSettableValues()
    {
        auto r = db->superuser().exec("SELECT tablename, coalesce(qual, '') || ' ' || coalesce(with_check, '') "
                                      "FROM pg_policies WHERE schemaname = 'upstream'");
        QVERIFY(r.ok());
        QVERIFY(r->rows() >= kContractTables.size());
        for (int i = 0; i < r->rows(); ++i) {
            const QString expr = r->text(i, 1);
            QVERIFY2(!expr.contains(QLatin1String("current_setting")) &&
                         !expr.contains(QLatin1String("application_name")),
                     qPrintable(r->text(i, 0) + QStringLiteral(": ") + expr));
        }
        // Every tenant table has at least the permissive isolation policy.
        for (const QString &t : test::tenantTables(db->superuser())) {
            auto p = db->superuser().exec("SELECT count(*) FROM pg_policies WHERE schemaname = 'upstream' AND "
                                          "tablename = $1 AND permissive = 'PERMISSIVE' AND qual LIKE "
                                          "'%current_customer_ids()%' AND with_check LIKE '%current_customer_ids()%'",
                                          {t});
            QVERIFY(p.ok());
            QVERIFY2(p->int64(0, 0) == 1, qPrintable(t));
        }
    }

    void customerAUserCannotReachCustomerBRows_data()
    {
        QTest::addColumn<int>("user");
        QTest::addColumn<QString>("table");
        const QStringList tables = test::tenantTables(db->superuser());
        for (int u = 0; u < int(usersOfA.size()); ++u)
            for (const QString &t : tables)
                QTest::newRow(qPrintable(usersOfA[size_t(u)].role + QLatin1Char('/') + t)) << u << t;
    }

    void customerAUserCannotReachCustomerBRows()
    {
        QFETCH(int, user);
        QFETCH(QString, table);
        const test::TestUser &u = usersOfA[size_t(user)];
        PgConnection &su = db->superuser();
        const QString before = fingerprint(su, table, b);
        QVERIFY2(!before.startsWith(QLatin1String("0:")), qPrintable(table + QStringLiteral(" has no seeded row of B; "
                                                                                            "extend seed()")));
        QVERIFY2(!fingerprint(su, table, a).startsWith(QLatin1String("0:")), qPrintable(table));

        auto c = db->connectAs(u);
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message));
        auto tls = c->exec("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
        QVERIFY(tls.ok() && tls->boolean(0, 0));
        QString why;

        // SELECT: B's rows are invisible; A's own rows are visible where the role may read the table (control).
        auto sel = c->exec(QStringLiteral("SELECT count(*) FROM upstream.%1 WHERE customer_id = $1").arg(table), {b});
        QVERIFY2(refusedOrEmpty(sel, &why), qPrintable(QStringLiteral("SELECT: ") + why));
        auto all = c->exec(QStringLiteral("SELECT count(*) FROM upstream.%1 WHERE customer_id <> $1").arg(table), {a});
        QVERIFY2(refusedOrEmpty(all, &why), qPrintable(QStringLiteral("SELECT others: ") + why));
        auto own = c->exec(QStringLiteral("SELECT count(*) FROM upstream.%1 WHERE customer_id = $1").arg(table), {a});
        if (own.ok())
            QVERIFY2(own->int64(0, 0) > 0, qPrintable(table + QStringLiteral(": A cannot see its own rows")));

        // UPDATE and DELETE of B's rows touch nothing or are refused. customer_id itself cannot be assigned where it
        // is an identity column (customers): there the first other column is written back unchanged.
        auto ident =
            su.exec("SELECT attidentity <> '' FROM pg_attribute WHERE attrelid = ('upstream.' || $1)::regclass "
                    "AND attname = 'customer_id'",
                    {table});
        QVERIFY(ident.ok() && ident->rows() == 1);
        const bool customerIsIdentity = ident->boolean(0, 0);
        auto col = su.exec("SELECT attname FROM pg_attribute WHERE attrelid = ('upstream.' || $1)::regclass AND "
                           "attnum > 0 AND NOT attisdropped AND attidentity = '' AND attgenerated = '' ORDER BY "
                           "attname <> 'customer_id', attnum LIMIT 1",
                           {table});
        QVERIFY(col.ok() && col->rows() == 1);
        const QString touch = col->text(0, 0);
        auto upd =
            c->exec(QStringLiteral("UPDATE upstream.%1 SET %2 = %2 WHERE customer_id = $1").arg(table, touch), {b});
        QVERIFY2(refusedOrEmpty(upd, &why), qPrintable(QStringLiteral("UPDATE: ") + why));
        auto del = c->exec(QStringLiteral("DELETE FROM upstream.%1 WHERE customer_id = $1").arg(table), {b});
        QVERIFY2(refusedOrEmpty(del, &why), qPrintable(QStringLiteral("DELETE: ") + why));

        // Moving one of A's rows into B is refused (WITH CHECK) or touches nothing.
        if (!customerIsIdentity) {
            auto move = c->exec(
                QStringLiteral("UPDATE upstream.%1 SET customer_id = $1 WHERE customer_id = $2").arg(table), {b, a});
            QVERIFY2(refusedOrEmpty(move, &why), qPrintable(QStringLiteral("UPDATE into B: ") + why));
        }

        // INSERT a row for B: a copy of one of A's rows with customer_id = B and fresh identity values.
        auto proto = su.exec(
            QStringLiteral("SELECT to_jsonb(t) FROM upstream.%1 t WHERE customer_id = $1 LIMIT 1").arg(table), {a});
        QVERIFY(proto.ok() && proto->rows() == 1);
        auto row = su.exec("SELECT $1::jsonb || jsonb_build_object('customer_id', $2::bigint) || coalesce((SELECT "
                           "jsonb_object_agg(a.attname, 900000000 + a.attnum) FROM pg_attribute a WHERE a.attrelid = "
                           "('upstream.' || $3)::regclass AND a.attidentity <> ''), '{}'::jsonb)",
                           {proto->text(0, 0), b, table});
        QVERIFY(row.ok());
        auto ins = c->exec(QStringLiteral("INSERT INTO upstream.%1 OVERRIDING SYSTEM VALUE SELECT * FROM "
                                          "jsonb_populate_record(NULL::upstream.%1, $1::jsonb)")
                               .arg(table),
                           {row->text(0, 0)});
        QVERIFY2(!ins.ok(), qPrintable(table + QStringLiteral(": INSERT for customer B succeeded")));
        QCOMPARE(ins.error().code, ErrorCode::PermissionDenied);

        QCOMPARE(fingerprint(su, table, b), before);
    }

    // The claim key (SPEC 3: claim_ref is stored only as HMAC under it) of customer B is out of reach of every user
    // of A, through the table and through the definer function; A's supervisor reads A's own key through the
    // function (the control), and the keys of A and B differ.
    void claimKeyOfAnotherCustomerIsNeverReadable()
    {
        PgConnection &su = db->superuser();
        auto keys = su.exec("SELECT encode(claim_key, 'hex') FROM upstream.claim_keys WHERE customer_id IN ($1, $2) "
                            "ORDER BY customer_id",
                            {a, b});
        QVERIFY(keys.ok());
        QCOMPARE(keys->rows(), 2);
        QCOMPARE(keys->text(0, 0).size(), 64);
        QVERIFY(keys->text(0, 0) != keys->text(1, 0));
        bool ownKeyRead = false;
        for (const test::TestUser &u : usersOfA) {
            auto c = db->connectAs(u);
            QVERIFY(c.ok());
            auto direct = c->exec("SELECT claim_key FROM upstream.claim_keys");
            QVERIFY2(!direct.ok() && direct.error().code == ErrorCode::PermissionDenied, qPrintable(u.role));
            auto other = c->exec("SELECT encode(upstream.claim_key($1), 'hex')", {b});
            QVERIFY2(!other.ok() && other.error().code == ErrorCode::PermissionDenied,
                     qPrintable(u.role + (other.ok() ? QStringLiteral(": read B's key") : other.error().message)));
            auto own = c->exec("SELECT encode(upstream.claim_key($1), 'hex')", {a});
            if (u.role == QLatin1String("supervisor")) {
                QVERIFY2(own.ok(), qPrintable(own.ok() ? QString() : own.error().message));
                QCOMPARE(own->text(0, 0), keys->text(0, 0));
                ownKeyRead = true;
            } else {
                QVERIFY2(!own.ok() && own.error().code == ErrorCode::PermissionDenied, qPrintable(u.role));
            }
        }
        QVERIFY(ownKeyRead);
    }

    void clientSettableValuesDoNotWidenAccess()
    {
        auto c = db->connectAs(usersOfA.front());
        QVERIFY(c.ok());
        QVERIFY(c->execScript(
                     QStringLiteral("SET upstream.customer_id = '%1'; SET application_name = 'customer %1'").arg(b))
                    .ok());
        auto r = c->exec("SELECT count(*) FROM upstream.claims WHERE customer_id = $1", {b});
        QVERIFY(r.ok());
        QCOMPARE(r->int64(0, 0), 0);
        // SET ROLE to B's user is not possible, and the group role carries no customer.
        QVERIFY(!c->execScript(QStringLiteral("SET ROLE \"%1\"").arg(userOfB.login)).ok());
        QVERIFY(c->execScript(QStringLiteral("SET ROLE upstream_supervisor")).ok());
        auto r2 = c->exec("SELECT count(*) FROM upstream.claims WHERE customer_id = $1", {b});
        QVERIFY(r2.ok());
        QCOMPARE(r2->int64(0, 0), 0);
        auto fn = c->exec("SELECT upstream.audit_append($1, 'forged', '{}')", {b});
        QVERIFY(!fn.ok());
        QCOMPARE(fn.error().code, ErrorCode::PermissionDenied);
    }

    void disabledMembershipSeesNothingAtOnce()
    {
        auto u = db->createUser(a, QStringLiteral("viewer"));
        QVERIFY(u.has_value());
        auto c = db->connectAs(*u);
        QVERIFY(c.ok());
        auto before = c->exec("SELECT count(*) FROM upstream.claims");
        QVERIFY(before.ok() && before->int64(0, 0) > 0);
        QVERIFY(db->superuser()
                    .exec("UPDATE upstream.memberships SET disabled = true WHERE member_role = $1", {u->login})
                    .ok());
        auto after = c->exec("SELECT count(*) FROM upstream.claims");
        QVERIFY(after.ok());
        QCOMPARE(after->int64(0, 0), 0);
    }

    void cleanupTestCase() { db.reset(); }
};

QTEST_GUILESS_MAIN(TstTenantIsolation)
#include "tst_tenant_isolation.moc"
