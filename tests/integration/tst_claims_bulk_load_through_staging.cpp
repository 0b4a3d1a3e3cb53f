// Proves: the bulk-load path for claims under row-level security works and stays isolated. PostgreSQL refuses
// COPY FROM into an RLS table for a non-bypass role, so an importer COPYs into a session TEMP table and moves the
// rows with one INSERT ... SELECT, which RLS checks: the analyst's own rows load in one atomic statement, and a batch
// holding even one row of another customer is refused as a whole.
#include "UpstreamSchema.h"

#include <QtTest>

using namespace upstream;
using storage::PgConnection;

class TstClaimsBulkLoadThroughStaging : public QObject {
    Q_OBJECT
    std::optional<test::PgFixture> fx;
    std::unique_ptr<test::MigratedDatabase> db;
    qint64 a = 0;
    qint64 b = 0;
    test::TestUser analyst;

    static constexpr int kRows = 20000;

    Status stage(PgConnection &c, qint64 customer, int rows, qint64 strayCustomer = 0)
    {
        if (Status st = c.execScript(QStringLiteral(
                "CREATE TEMP TABLE IF NOT EXISTS staging (customer_id bigint, payer text, cpt text, cpt_group text, "
                "submitted_date date, decided_date date, outcome text, allowed_amount numeric(12,2)); "
                "TRUNCATE staging"));
            !st.ok())
            return st;
        if (Status st = c.copyBegin(QStringLiteral("COPY staging FROM STDIN")); !st.ok())
            return st;
        QByteArray chunk;
        for (int i = 0; i < rows; ++i) {
            const qint64 owner = (strayCustomer && i == rows / 2) ? strayCustomer : customer;
            chunk += QByteArray::number(owner) + "\tPayer " + QByteArray::number(i % 40) + "\t99213\tE&M\t2026-01-" +
                     QByteArray::number(1 + i % 28).rightJustified(2, '0') + "\t2026-02-01\t" +
                     (i % 5 == 0 ? "DENIED" : "PAID") + "\t120.00\n";
            if (chunk.size() > 64 * 1024) {
                if (Status st = c.copyPut(chunk.constData(), int(chunk.size())); !st.ok())
                    return st;
                chunk.clear();
            }
        }
        if (Status st = c.copyPut(chunk.constData(), int(chunk.size())); !st.ok())
            return st;
        return c.copyEnd();
    }

    static constexpr const char *kMove =
        "INSERT INTO upstream.claims (customer_id, payer, cpt, cpt_group, submitted_date, decided_date, outcome, "
        "allowed_amount) SELECT customer_id, payer, cpt, cpt_group, submitted_date, decided_date, outcome, "
        "allowed_amount FROM staging";

private slots:
    void initTestCase()
    {
        fx = test::PgFixture::load();
        QVERIFY2(fx.has_value(), "the pg fixture is not running ($UPSTREAM_TEST_PG)");
        db = std::make_unique<test::MigratedDatabase>(*fx, QStringLiteral("bulk"));
        QVERIFY2(db->ok(), qPrintable(db->error()));
        a = db->createCustomer(QStringLiteral("Bulk A")).value_or(0);
        b = db->createCustomer(QStringLiteral("Bulk B")).value_or(0);
        analyst = db->createUser(a, QStringLiteral("analyst")).value();
    }

    void directCopyIntoClaimsIsRefusedByPostgres()
    {
        auto c = db->connectAs(analyst);
        QVERIFY(c.ok());
        Status st = c->copyBegin(QStringLiteral("COPY upstream.claims (customer_id, payer, cpt, cpt_group, "
                                                "submitted_date, decided_date, outcome) FROM STDIN"));
        QVERIFY(!st.ok());
        QVERIFY2(st.error().message.contains(QLatin1String("row-level security")), qPrintable(st.error().message));
    }

    void ownRowsLoadThroughStaging()
    {
        auto c = db->connectAs(analyst);
        QVERIFY(c.ok());
        Status st = stage(*c, a, kRows);
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().message));
        auto moved = c->exec(kMove);
        QVERIFY2(moved.ok(), qPrintable(moved.ok() ? QString() : moved.error().message));
        QCOMPARE(moved->affectedRows(), qint64(kRows));
        auto denied =
            c->exec("SELECT count(*) FROM upstream.claims WHERE customer_id = $1 AND outcome = 'DENIED'", {a});
        QCOMPARE(denied->int64(0, 0), qint64(kRows / 5));
    }

    void oneForeignRowRefusesTheWholeBatch()
    {
        auto c = db->connectAs(analyst);
        QVERIFY(c.ok());
        auto before = db->superuser().exec("SELECT count(*) FROM upstream.claims");
        QVERIFY(stage(*c, a, 1000, b).ok());
        auto moved = c->exec(kMove);
        QVERIFY(!moved.ok());
        QCOMPARE(moved.error().code, ErrorCode::PermissionDenied);
        auto after = db->superuser().exec("SELECT count(*) FROM upstream.claims");
        QCOMPARE(after->int64(0, 0), before->int64(0, 0));
    }

    void cleanupTestCase() { db.reset(); }
};

QTEST_GUILESS_MAIN(TstClaimsBulkLoadThroughStaging)
#include "tst_claims_bulk_load_through_staging.moc"
