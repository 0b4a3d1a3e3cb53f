// Proves: in a pushed batch (one server transaction, set-based) every change stands alone — a change the server
// refuses (a CHECK violation, or an error the batch cannot foresee) is reported Rejected and leaves nothing behind,
// the changes around it still apply, a stale edit is a Conflict without blocking the others, and a change repeated
// in the same batch or pushed again is recognised as already applied: each arrives once.
#include "UpstreamSchema.h"
#include "sync/SyncPush.h"

#include <QUuid>
#include <QtTest>

using namespace upstream;

namespace {

sync::OutboxChange ledgerCreate(const QString &state, const QString &notes)
{
    sync::OutboxChange c;
    c.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    c.kind = QStringLiteral("ledger_upsert");
    c.entityId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    c.payload = {{QStringLiteral("product"), QStringLiteral("delayguard")},
                 {QStringLiteral("payer"), QStringLiteral("Numbat Synthetic Care")},
                 {QStringLiteral("expected_cents"), 125000.0},
                 {QStringLiteral("recovered_cents"), 0.0},
                 {QStringLiteral("state"), state},
                 {QStringLiteral("notes"), notes}};
    return c;
}

} // namespace

class TstPushBatchIsolatesEachChange : public QObject {
    Q_OBJECT
private slots:
    void refusedChangeDoesNotSpoilTheBatch()
    {
        auto fx = test::PgFixture::load();
        QVERIFY(fx.has_value());
        test::MigratedDatabase db(*fx, QStringLiteral("pushbatch"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        const qint64 customer = db.createCustomer(QStringLiteral("Batch Clinic")).value_or(0);
        auto op = db.createUser(customer, QStringLiteral("operator"));
        QVERIFY(op);
        auto conn = db.connectAs(*op);
        QVERIFY(conn.ok());

        const sync::OutboxChange first = ledgerCreate(QStringLiteral("open"), QStringLiteral("batch first"));
        const sync::OutboxChange refused = ledgerCreate(QStringLiteral("no_such_state"), QStringLiteral("refused"));
        const sync::OutboxChange third = ledgerCreate(QStringLiteral("open"), QStringLiteral("batch third"));
        std::vector<sync::PushResult> results;
        const Status st = sync::pushChanges(conn.value(), customer, {first, refused, third, first}, results);
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().message));
        QCOMPARE(results.size(), size_t(4));
        QCOMPARE(results[0].outcome, sync::PushOutcome::Applied);
        QCOMPARE(results[1].outcome, sync::PushOutcome::Rejected);
        QVERIFY(!results[1].message.isEmpty());
        QCOMPARE(results[2].outcome, sync::PushOutcome::Applied);
        QCOMPARE(results[3].outcome, sync::PushOutcome::AlreadyApplied);
        QCOMPARE(results[3].changeId, first.id);

        auto rows = db.superuser().exec("SELECT notes FROM upstream.ledger_entries WHERE customer_id = $1 ORDER BY "
                                        "notes",
                                        {customer});
        QVERIFY(rows.ok());
        QCOMPARE(rows->rows(), 2);
        QCOMPARE(rows->text(0, 0), QStringLiteral("batch first"));
        QCOMPARE(rows->text(1, 0), QStringLiteral("batch third"));
        auto marks =
            db.superuser().exec("SELECT count(*) FROM upstream.applied_changes WHERE customer_id = $1", {customer});
        QCOMPARE(marks->int64(0, 0), 2); // the refused change is not marked: fixed and resent, it can still apply

        // The connection is usable afterwards (no transaction left open or aborted).
        std::vector<sync::PushResult> again;
        QVERIFY(sync::pushChanges(conn.value(), customer, {third}, again).ok());
        QCOMPARE(again.front().outcome, sync::PushOutcome::AlreadyApplied);
    }

    // A failure the batch cannot foresee (here a verdict on an alert that does not exist: a foreign-key error)
    // rolls the batch back and the batch is pushed change by change: only that change is Rejected.
    void unforeseenServerErrorFallsBackChangeByChange()
    {
        auto fx = test::PgFixture::load();
        QVERIFY(fx.has_value());
        test::MigratedDatabase db(*fx, QStringLiteral("pushfallback"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        const qint64 customer = db.createCustomer(QStringLiteral("Fallback Clinic")).value_or(0);
        auto op = db.createUser(customer, QStringLiteral("operator"));
        QVERIFY(op);
        auto conn = db.connectAs(*op);
        QVERIFY(conn.ok());

        sync::OutboxChange missingAlert;
        missingAlert.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        missingAlert.kind = QStringLiteral("verdict");
        missingAlert.entityId = QStringLiteral("987654321");
        missingAlert.payload = {{QStringLiteral("alert_id"), QStringLiteral("987654321")},
                                {QStringLiteral("verdict"), QStringLiteral("real")}};
        const sync::OutboxChange before = ledgerCreate(QStringLiteral("open"), QStringLiteral("before"));
        const sync::OutboxChange after = ledgerCreate(QStringLiteral("open"), QStringLiteral("after"));
        std::vector<sync::PushResult> results;
        QVERIFY(sync::pushChanges(conn.value(), customer, {before, missingAlert, after}, results).ok());
        QCOMPARE(results.size(), size_t(3));
        QCOMPARE(results[0].outcome, sync::PushOutcome::Applied);
        QCOMPARE(results[1].outcome, sync::PushOutcome::Rejected);
        QCOMPARE(results[2].outcome, sync::PushOutcome::Applied);
        auto marks =
            db.superuser().exec("SELECT count(*) FROM upstream.applied_changes WHERE customer_id = $1", {customer});
        QCOMPARE(marks->int64(0, 0), 2);
    }

    // Version checks without savepoints: in one batch a stale edit is a Conflict (with the server's row) while the
    // edits around it apply, two edits of one entry apply in queue order, the change queued after a conflict on its
    // entry is held back, and pushing the same batch again replays to the same result.
    void staleEditConflictsAloneAndReplaysTheSame()
    {
        auto fx = test::PgFixture::load();
        QVERIFY(fx.has_value());
        test::MigratedDatabase db(*fx, QStringLiteral("pushconflict"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        const qint64 customer = db.createCustomer(QStringLiteral("Conflict Clinic")).value_or(0);
        auto op = db.createUser(customer, QStringLiteral("operator"));
        QVERIFY(op);
        auto conn = db.connectAs(*op);
        QVERIFY(conn.ok());

        const sync::OutboxChange createA = ledgerCreate(QStringLiteral("open"), QStringLiteral("a1"));
        const sync::OutboxChange createB = ledgerCreate(QStringLiteral("open"), QStringLiteral("b1"));
        std::vector<sync::PushResult> setup;
        QVERIFY(sync::pushChanges(conn.value(), customer, {createA, createB}, setup).ok());
        QCOMPARE(setup.size(), size_t(2));
        // Someone else moves B to version 2.
        QVERIFY(db.superuser()
                    .exec("UPDATE upstream.ledger_entries SET notes = 'theirs' WHERE client_uuid = $1::uuid",
                          {createB.entityId})
                    .ok());

        auto edit = [](const sync::OutboxChange &create, qint64 base, const QString &notes) {
            sync::OutboxChange c = ledgerCreate(QStringLiteral("in_progress"), notes);
            c.entityId = create.entityId;
            c.baseVersion = base;
            return c;
        };
        const sync::OutboxChange a2 = edit(createA, 1, QStringLiteral("a2"));
        const sync::OutboxChange staleB = edit(createB, 1, QStringLiteral("b-mine"));
        const sync::OutboxChange a3 = edit(createA, 2, QStringLiteral("a3"));
        const sync::OutboxChange followerB = edit(createB, 2, QStringLiteral("b-follow"));
        const sync::OutboxChange createC = ledgerCreate(QStringLiteral("open"), QStringLiteral("c1"));
        const std::vector<sync::OutboxChange> batch = {a2, staleB, a3, followerB, createC};

        for (int round = 0; round < 2; ++round) {
            std::vector<sync::PushResult> results;
            QVERIFY(sync::pushChanges(conn.value(), customer, batch, results).ok());
            QCOMPARE(results.size(), size_t(4)); // followerB is held back: no result
            const sync::PushOutcome applied =
                round == 0 ? sync::PushOutcome::Applied : sync::PushOutcome::AlreadyApplied;
            QCOMPARE(results[0].changeId, a2.id);
            QCOMPARE(results[0].outcome, applied);
            QCOMPARE(results[1].changeId, staleB.id);
            QCOMPARE(results[1].outcome, sync::PushOutcome::Conflict);
            QCOMPARE(results[1].theirs.value(QStringLiteral("notes")).toString(), QStringLiteral("theirs"));
            QCOMPARE(results[1].theirs.value(QStringLiteral("version")).toInt(), 2);
            QCOMPARE(results[2].changeId, a3.id);
            QCOMPARE(results[2].outcome, applied);
            QCOMPARE(results[3].changeId, createC.id);
            QCOMPARE(results[3].outcome, applied);
        }
        auto rows = db.superuser().exec("SELECT string_agg(notes || ':' || version, ',' ORDER BY notes) "
                                        "FROM upstream.ledger_entries WHERE customer_id = $1",
                                        {customer});
        QVERIFY(rows.ok());
        QCOMPARE(rows->text(0, 0), QStringLiteral("a3:3,c1:1,theirs:2")); // nothing overwritten, nothing twice
        auto marks = db.superuser().exec("SELECT count(*) FROM upstream.applied_changes WHERE customer_id = $1 AND "
                                         "change_id IN ($2::uuid, $3::uuid)",
                                         {customer, staleB.id, followerB.id});
        QCOMPARE(marks->int64(0, 0), 0); // neither the conflict nor the held-back change stays claimed
    }
};

QTEST_GUILESS_MAIN(TstPushBatchIsolatesEachChange)
#include "tst_push_batch_isolates_each_change.moc"
