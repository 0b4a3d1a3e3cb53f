// Proves: every write to a synced table records one change_log row for its customer, numbered 1, 2, 3 ... without
// gaps in commit order, carrying the table, the row key and the operation; a LISTENer on the customer's own channel
// (an opaque name from upstream.change_channels, issue 16) is told once the transaction commits (not before), with a
// payload that names no customer; a rolled-back write leaves no change behind; and a user sees only their own
// customer's changes.
#include "UpstreamSchema.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace upstream;
using storage::PgConnection;

class TstChangeLogOrdersAndNotifies : public QObject {
    Q_OBJECT
    std::optional<test::PgFixture> fx;
    std::unique_ptr<test::MigratedDatabase> db;
    qint64 a = 0;
    qint64 b = 0;
    test::TestUser analystA;
    test::TestUser viewerB;

private slots:
    void initTestCase()
    {
        fx = test::PgFixture::load();
        QVERIFY2(fx.has_value(), "the pg fixture is not running ($UPSTREAM_TEST_PG)");
        db = std::make_unique<test::MigratedDatabase>(*fx, QStringLiteral("changes"));
        QVERIFY2(db->ok(), qPrintable(db->error()));
        a = db->createCustomer(QStringLiteral("Changes A")).value_or(0);
        b = db->createCustomer(QStringLiteral("Changes B")).value_or(0);
        analystA = db->createUser(a, QStringLiteral("analyst")).value();
        viewerB = db->createUser(b, QStringLiteral("viewer")).value();
    }

    void writesAreNumberedAndAnnouncedAfterCommit()
    {
        auto listener = db->connectAs(analystA);
        QVERIFY(listener.ok());
        auto channel = listener->exec("SELECT channel FROM upstream.change_channels WHERE customer_id = $1", {a});
        QVERIFY(channel.ok() && channel->rows() == 1);
        QVERIFY(listener->listen(channel->text(0, 0)).ok());
        auto writer = db->connectAs(analystA);
        QVERIFY(writer.ok());

        auto head = writer->exec("SELECT coalesce(max(seq), 0) FROM upstream.change_log WHERE customer_id = $1", {a});
        const qint64 start = head->int64(0, 0);

        QVERIFY(writer->execScript(QStringLiteral("BEGIN")).ok());
        auto m = writer->exec("INSERT INTO upstream.payer_mappings (customer_id, raw_name, payer) VALUES ($1, "
                              "'BCBS TX', 'Blue Cross') RETURNING mapping_id",
                              {a});
        QVERIFY(m.ok());
        QVERIFY(writer
                    ->exec("UPDATE upstream.payer_mappings SET payer = 'BCBS' WHERE customer_id = $1 AND "
                           "mapping_id = $2",
                           {a, m->int64(0, 0)})
                    .ok());
        QVERIFY(writer
                    ->exec("DELETE FROM upstream.payer_mappings WHERE customer_id = $1 AND mapping_id = $2",
                           {a, m->int64(0, 0)})
                    .ok());
        QVERIFY2(!listener->waitForNotify(300), "a change was announced before its transaction committed");
        QVERIFY(writer->execScript(QStringLiteral("COMMIT")).ok());

        QVERIFY(listener->waitForNotify(5000));
        const auto notes = listener->takeNotifications();
        QCOMPARE(int(notes.size()), 1); // identical notifications of one transaction fold into one
        QCOMPARE(notes.front().first, channel->text(0, 0));
        QCOMPARE(notes.front().second, QString()); // no customer id (issue 16)

        auto rows = writer->exec("SELECT seq, table_name, row_key, op FROM upstream.change_log WHERE customer_id = $1 "
                                 "AND seq > $2 ORDER BY seq",
                                 {a, start});
        QVERIFY(rows.ok());
        QCOMPARE(rows->rows(), 3);
        const char *ops[] = {"INSERT", "UPDATE", "DELETE"};
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(rows->int64(i, 0), start + 1 + i);
            QCOMPARE(rows->text(i, 1), QStringLiteral("payer_mappings"));
            const QJsonObject key = QJsonDocument::fromJson(rows->text(i, 2).toUtf8()).object();
            QCOMPARE(key.value(QStringLiteral("mapping_id")).toInteger(), m->int64(0, 0));
            QCOMPARE(rows->text(i, 3), QLatin1String(ops[i]));
        }
    }

    void rolledBackWritesLeaveNoChange()
    {
        auto writer = db->connectAs(analystA);
        QVERIFY(writer.ok());
        auto before = writer->exec("SELECT count(*), coalesce(max(seq), 0) FROM upstream.change_log "
                                   "WHERE customer_id = $1",
                                   {a});
        QVERIFY(writer->execScript(QStringLiteral("BEGIN")).ok());
        QVERIFY(writer
                    ->exec("INSERT INTO upstream.cpt_group_mappings (customer_id, cpt, cpt_group) VALUES ($1, "
                           "'97110', 'PT')",
                           {a})
                    .ok());
        QVERIFY(writer->execScript(QStringLiteral("ROLLBACK")).ok());
        QVERIFY(writer
                    ->exec("INSERT INTO upstream.cpt_group_mappings (customer_id, cpt, cpt_group) VALUES ($1, "
                           "'97112', 'PT')",
                           {a})
                    .ok());
        auto after = writer->exec("SELECT count(*), max(seq) FROM upstream.change_log WHERE customer_id = $1", {a});
        QCOMPARE(after->int64(0, 0), before->int64(0, 0) + 1);
        QCOMPARE(after->int64(0, 1), before->int64(0, 1) + 1); // no gap left by the rolled-back change
    }

    void usersSeeOnlyTheirOwnChanges()
    {
        auto cb = db->connectAs(viewerB);
        QVERIFY(cb.ok());
        auto r = cb->exec("SELECT count(*) FROM upstream.change_log WHERE customer_id <> $1", {b});
        QVERIFY(r.ok());
        QCOMPARE(r->int64(0, 0), 0);
        auto su = db->superuser().exec("SELECT count(*) FROM upstream.change_log WHERE customer_id = $1", {a});
        QVERIFY(su->int64(0, 0) > 0);
    }

    void cleanupTestCase() { db.reset(); }
};

QTEST_GUILESS_MAIN(TstChangeLogOrdersAndNotifies)
#include "tst_change_log_orders_and_notifies.moc"
