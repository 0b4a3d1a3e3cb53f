// Proves: in a pushed batch every change stands alone — a change the server refuses (here a CHECK violation) is
// reported Rejected and leaves nothing behind, the changes around it still apply, and a change repeated in the
// same batch is recognised as already applied: each arrives once.
#include "UpstreamSchema.h"
#include "sync/SyncProtocol.h"

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
};

QTEST_GUILESS_MAIN(TstPushBatchIsolatesEachChange)
#include "tst_push_batch_isolates_each_change.moc"
