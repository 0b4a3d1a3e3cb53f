// Proves: a change the real server refuses (a verdict and a ledger entry queued on a workstation whose user is a
// viewer on the server: the policy push_kind_by_role of migration 0006 refuses it) is shown in "Changes needing
// attention" with the server's reason, is no longer pushed at every sync round (it waits for the user), Retry puts it
// back in the queue so the next round sends it, and Discard (after asking) removes it from the outbox. The status bar
// counts queued and refused changes. Keyboard: the list has the focus on opening; Tab goes list → Retry → Discard →
// Close, checked through QApplication::focusWidget(); Retry and Discard are pressed with the keyboard. A private
// PostgreSQL cluster and a real encrypted cache. A refused audit event (an action the server does not accept yet) is
// held and listed too, can be retried but never discarded, and reaches the audit chain once accepted. Screenshots: the
// dialog with two refused changes, in English and Spanish, and the status bar in Spanish.
#include "DialogSeam.h"
#include "PrivateCluster.h"
#include "Screenshot.h"
#include "Spanish.h"
#include "UpstreamSchema.h"
#include "storage/cache/LocalCache.h"
#include "storage/cache/OutboxStore.h"
#include "sync/Outbox.h"
#include "sync/RefusedChanges.h"
#include "sync/RefusedChangesDialog.h"
#include "sync/SyncRound.h"
#include "sync/SyncStatusBar.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QUuid>
#include <QtTest>

using namespace upstream;

class TstRefusedChangesVisible : public QObject {
    Q_OBJECT
    std::unique_ptr<test::PrivateCluster> cluster;
    std::unique_ptr<test::MigratedDatabase> db;
    std::optional<test::TestUser> viewer, op;
    qint64 customer = 0;
    QString alertId;
    QTemporaryDir tmp;

    qint64 scalar(storage::LocalCache &cache, const QString &sql)
    {
        auto q = cache.db().prepare(sql);
        if (!q.ok() || !q->step().ok())
            return -1;
        return q->int64(0);
    }

private slots:
    void initTestCase()
    {
        cluster = std::make_unique<test::PrivateCluster>();
        QVERIFY2(cluster->ok(), qPrintable(cluster->error()));
        db = std::make_unique<test::MigratedDatabase>(cluster->fixture(), QStringLiteral("refused"));
        QVERIFY2(db->ok(), qPrintable(db->error()));
        customer = db->createCustomer(QStringLiteral("Refused Changes Clinic")).value_or(0);
        QVERIFY(customer > 0);
        viewer = db->createUser(customer, QStringLiteral("viewer"));
        op = db->createUser(customer, QStringLiteral("operator"));
        QVERIFY(viewer && op);
        const auto alert =
            db->createAlert(customer, QStringLiteral("Synthetic Mutual"), QStringLiteral("fp-refused-1"));
        QVERIFY(alert);
        alertId = *alert;
    }

    void refusedChangesAreShownRetriedAndDiscarded()
    {
        auto opened = storage::LocalCache::open(tmp.filePath(QStringLiteral("ws.db")), QByteArray(32, '\x21'));
        QVERIFY(opened.ok());
        storage::LocalCache &cache = opened.value();
        // Queued while this workstation's user could still triage (an operator, since made a viewer).
        QVERIFY(sync::enqueueChange(cache, QStringLiteral("verdict"),
                                    QUuid::createUuid().toString(QUuid::WithoutBraces), 0,
                                    {{QStringLiteral("alert_id"), alertId},
                                     {QStringLiteral("verdict"), QStringLiteral("real")},
                                     {QStringLiteral("reason_code"), QStringLiteral("payer_policy_change")}})
                    .ok());
        QVERIFY(sync::enqueueChange(cache, QStringLiteral("ledger_upsert"),
                                    QUuid::createUuid().toString(QUuid::WithoutBraces), 0,
                                    {{QStringLiteral("product"), QStringLiteral("driftwatch")},
                                     {QStringLiteral("payer"), QStringLiteral("Synthetic Mutual")},
                                     {QStringLiteral("expected_cents"), 120000.0},
                                     {QStringLiteral("recovered_cents"), 0.0},
                                     {QStringLiteral("state"), QStringLiteral("open")}})
                    .ok());
        {
            auto c = db->connectAs(*viewer);
            QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message));
            auto round = sync::syncOnce(c.value(), cache, customer);
            QVERIFY2(round.ok(), qPrintable(round.ok() ? QString() : round.error().message));
            QCOMPARE(round->rejected, 2);
            // The next round does not push them again: they wait for the user.
            auto again = sync::syncOnce(c.value(), cache, customer);
            QVERIFY(again.ok());
            QCOMPARE(again->rejected, 0);
            QCOMPARE(again->pushed, 0);
        }
        sync::RefusedChangeQueue queue(&cache);
        QCOMPARE(queue.count().value(), 2);
        QCOMPARE(scalar(cache, QStringLiteral("SELECT attempts FROM outbox WHERE kind = 'verdict'")), 1);

        // The status bar counts them.
        views::SyncStatusBar bar;
        bar.setCounts(sync::pendingCount(cache).value(), queue.count().value());
        QCOMPARE(bar.queuedText(), QStringLiteral("2 changes queued"));
        QVERIFY(!bar.attentionButton()->isHidden());
        QCOMPARE(bar.attentionButton()->text(), QStringLiteral("2 changes need attention"));

        views::RefusedChangesDialog dialog(&queue);
        QSignalSpy changed(&dialog, &views::RefusedChangesDialog::changed);
        dialog.show();
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QTableWidget *table = dialog.table();
        QCOMPARE(table->rowCount(), 2);
        // The server's reason, as PostgreSQL gave it.
        for (int r = 0; r < 2; ++r)
            QVERIFY2(table->item(r, 1)->text().contains(QLatin1String("push_kind_by_role")),
                     qPrintable(table->item(r, 1)->text()));
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Verdict"));
        QCOMPARE(table->item(1, 0)->text(), QStringLiteral("Ledger entry change"));
        QVERIFY(!test::saveScreenshot(&dialog, QStringLiteral("refused_changes_dialog")).isEmpty());
        {
            // The same dialog and status bar in Spanish: kinds and counts in words, the server's reason as it came.
            test::ScopedSpanish es;
            QVERIFY(es.installed());
            views::RefusedChangesDialog spanish(&queue);
            QCOMPARE(spanish.table()->item(0, 0)->text(), views::RefusedChangesDialog::tr("Verdict"));
            QVERIFY(spanish.table()->item(0, 0)->text() != QStringLiteral("Verdict"));
            QVERIFY(!test::saveScreenshot(&spanish, QStringLiteral("refused_changes_dialog-es")).isEmpty());
            views::SyncStatusBar spanishBar;
            spanishBar.setCounts(2, 2);
            QVERIFY(spanishBar.queuedText() != QStringLiteral("2 changes queued"));
            QVERIFY(!test::saveScreenshot(&spanishBar, QStringLiteral("sync_status_bar-es")).isEmpty());
        }

        // Keyboard: focus on the list, then Tab through Retry, Discard, Close and back to the list.
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(table));
        QCOMPARE(table->currentRow(), 0);
        const QList<QWidget *> order = {dialog.retryButton(), dialog.discardButton(), dialog.closeButton(), table};
        for (QWidget *next : order) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget(), next);
        }

        // Retry the verdict (row 0) with the keyboard: back in the queue, pushed by the next round.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(dialog.retryButton()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Ledger entry change"));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("status"))->text().contains(QLatin1String("Queued again")));
        auto pending = storage::pendingChanges(cache, 100);
        QVERIFY(pending.ok());
        QCOMPARE(pending->size(), size_t(1));
        QCOMPARE(pending->front().kind, QStringLiteral("verdict"));
        {
            // The cause fixed: the change is sent by a user allowed to triage (here an operator's connection).
            auto c = db->connectAs(*op);
            QVERIFY(c.ok());
            auto round = sync::syncOnce(c.value(), cache, customer);
            QVERIFY2(round.ok(), qPrintable(round.ok() ? QString() : round.error().message));
            QCOMPARE(round->pushed, 1);
        }
        auto judged =
            db->superuser().exec("SELECT count(*) FROM upstream.judgments WHERE alert_id = $1::bigint", {alertId});
        QVERIFY(judged.ok());
        QCOMPARE(judged->int64(0, 0), 1);

        // Discard the ledger change with the keyboard (Tab to Discard, Space), answering the question Yes.
        dialog.reload();
        QCOMPARE(table->rowCount(), 1);
        table->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(dialog.discardButton()));
        widgets::MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QVERIFY(widgets::MessageBox::lastQuestion().contains(QLatin1String("will not be sent")));
        QCOMPARE(changed.size(), 2);
        QCOMPARE(table->isVisible(), false);
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("emptyState"))->isVisible());
        QCOMPARE(queue.count().value(), 0);
        QCOMPARE(scalar(cache, QStringLiteral("SELECT count(*) FROM outbox")), 0);
        bar.setCounts(sync::pendingCount(cache).value(), queue.count().value());
        QVERIFY(bar.attentionButton()->isHidden());
        QCOMPARE(bar.queuedText(), QStringLiteral("Nothing waiting to sync"));
    }

    // A workstation newer than its server records an audit action the server does not accept yet: the event is held
    // (not resent every round), listed with the server's reason, cannot be discarded, and Retry after the server's
    // upgrade delivers it into the audit chain.
    void refusedAuditEventIsHeldShownAndRetriedNeverDiscarded()
    {
        auto opened = storage::LocalCache::open(tmp.filePath(QStringLiteral("audit.db")), QByteArray(32, '\x22'));
        QVERIFY(opened.ok());
        storage::LocalCache &cache = opened.value();
        const QString action = QStringLiteral("report.scheduled");
        QVERIFY(sync::enqueueAudit(cache, op->login, QStringLiteral("ws-7"), action,
                                   {{QStringLiteral("what"), QStringLiteral("weekly digest")}})
                    .ok());
        QCOMPARE(scalar(cache, QStringLiteral("SELECT count(*) FROM audit_queue")), 1); // positive control
        {
            auto c = db->connectAs(*op);
            QVERIFY(c.ok());
            auto round = sync::syncOnce(c.value(), cache, customer);
            QVERIFY2(round.ok(), qPrintable(round.ok() ? QString() : round.error().message));
            QCOMPARE(round->rejected, 1);
            auto again = sync::syncOnce(c.value(), cache, customer);
            QVERIFY(again.ok());
            QCOMPARE(again->rejected, 0);
            QCOMPARE(again->pushed, 0);
        }
        QCOMPARE(scalar(cache, QStringLiteral("SELECT attempts FROM audit_queue")), 1);
        sync::RefusedChangeQueue queue(&cache);
        QCOMPARE(queue.count().value(), 1);
        auto list = queue.list();
        QVERIFY(list.ok());
        QCOMPARE(list->size(), size_t(1));
        QCOMPARE(list->front().kind, QStringLiteral("audit"));
        QCOMPARE(list->front().entityId, action);
        QVERIFY2(list->front().reason.contains(QLatin1String("not one a workstation may record")),
                 qPrintable(list->front().reason));
        QVERIFY(!list->front().discardable);

        views::RefusedChangesDialog dialog(&queue);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.table()->rowCount(), 1);
        QCOMPARE(dialog.table()->item(0, 0)->text(), QStringLiteral("Audit event"));
        QVERIFY(dialog.retryButton()->isEnabled());
        QVERIFY(!dialog.discardButton()->isEnabled());
        QVERIFY(dialog.discardButton()->toolTip().contains(QLatin1String("never discarded")));
        const Status refused = queue.discard(list->front().id);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
        QCOMPARE(scalar(cache, QStringLiteral("SELECT count(*) FROM audit_queue")), 1);
        QVERIFY(!test::saveScreenshot(&dialog, QStringLiteral("refused_changes_dialog-audit")).isEmpty());

        // The server is upgraded to accept the action; Retry sends it with the next round.
        QVERIFY(db->superuser()
                    .exec("CREATE OR REPLACE FUNCTION upstream.audit_client_actions() RETURNS text[] LANGUAGE sql "
                          "IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$ SELECT ARRAY['sign_in', "
                          "'sign_in_failed', 'lock', 'unlock', 'import', 'export', 'verdict', 'verdict.undo', "
                          "'ledger.create', 'ledger.update', 'ledger.approve', 'ledger.conflict_resolved', "
                          "'signals.compute', 'report.scheduled']::text[] $$")
                    .ok());
        QVERIFY(dialog.retrySelected());
        QCOMPARE(queue.count().value(), 0);
        {
            auto c = db->connectAs(*op);
            QVERIFY(c.ok());
            auto round = sync::syncOnce(c.value(), cache, customer);
            QVERIFY2(round.ok(), qPrintable(round.ok() ? QString() : round.error().message));
            QCOMPARE(round->pushed, 1);
        }
        QCOMPARE(scalar(cache, QStringLiteral("SELECT count(*) FROM audit_queue")), 0);
        auto logged = db->superuser().exec(
            "SELECT count(*) FROM upstream.audit_log WHERE customer_id = $1 AND action = 'report.scheduled'",
            {customer});
        QVERIFY(logged.ok());
        QCOMPARE(logged->int64(0, 0), 1);
    }
};

QTEST_MAIN(TstRefusedChangesVisible)
#include "tst_refused_changes_visible.moc"
