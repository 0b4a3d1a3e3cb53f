// Proves: an operator clears 20 DriftWatch alerts with the keyboard alone — J/K to move, R/N/F verdicts,
// Shift+J multi-select with one verdict for four alerts, Ctrl+Z undo and Ctrl+Shift+Z redo, L to open a recovery-ledger
// entry after a `real` verdict, Enter to open the deep dive and Escape to close it — and the cache then holds exactly
// those judgments, alert statuses, outbox rows (increasing seq, kind, base_version) and audit rows.
#include "DashboardFixture.h"
#include "dashboards/DashboardPage.h"
#include "deepdive/DeepDiveDialog.h"

#include <QLabel>
#include <QTableView>
#include <QtTest>

using namespace upstream;
using dashboard::SignalTableModel;

class TstTriageKeyboardOnly : public QObject {
    Q_OBJECT

    qint64 scalar(storage::LocalCache &cache, const QString &sql)
    {
        auto q = cache.db().prepare(sql);
        if (!q.ok() || !q->step().ok())
            return -1;
        return q->int64(0);
    }

private slots:
    void triagesTwentySignalsWithoutTheMouse()
    {
        dashboard::SyntheticOptions o;
        o.judgedShare = 0; // every alert starts pending
        test::DashboardFixture fx(o);
        QVERIFY(fx.cache);
        views::DashboardPage page(views::DashboardProduct::driftWatch());
        page.setToday(o.asOf);
        page.setSynchronousLoad(true);
        page.bind(std::make_shared<dashboard::DashboardService>(fx.cache, QStringLiteral("kb.operator"),
                                                                QStringLiteral("ws-test")));
        page.resize(1440, 900);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTableView *table = page.table();
        SignalTableModel *model = page.model();
        QVERIFY(model->rowCount() >= 25);
        auto alertAt = [&](int row) { return model->index(row, 0).data(SignalTableModel::AlertIdRole).toString(); };
        auto key = [&](Qt::Key k, Qt::KeyboardModifiers m = Qt::NoModifier) { QTest::keyClick(table, k, m); };
        QCOMPARE(table->currentIndex().row(), 0);

        QMap<QString, QString> expected; // alert id → verdict
        // Rows 0–4: R (+ L for the ledger), N, F, N, R — each verdict moves to the next row.
        expected[alertAt(0)] = QStringLiteral("real");
        key(Qt::Key_R);
        QCOMPARE(table->currentIndex().row(), 1);
        key(Qt::Key_L); // accept the ledger-entry offer for row 0
        const QStringList firstFive = {QString(), QStringLiteral("noise"), QStringLiteral("needs_followup"),
                                       QStringLiteral("noise"), QStringLiteral("real")};
        const Qt::Key firstKeys[] = {Qt::Key_R, Qt::Key_N, Qt::Key_F, Qt::Key_N, Qt::Key_R};
        for (int r = 1; r < 5; ++r) {
            expected[alertAt(r)] = firstFive[r];
            key(firstKeys[r]);
            QCOMPARE(table->currentIndex().row(), r + 1);
        }
        // Row 5: N, then Ctrl+Z puts it back (pending, no judgment) and reselects it; then F.
        const QString undone = alertAt(5);
        key(Qt::Key_N);
        QCOMPARE(scalar(*fx.cache, QStringLiteral("SELECT count(*) FROM judgments WHERE alert_id = '%1'").arg(undone)),
                 1);
        key(Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(scalar(*fx.cache, QStringLiteral("SELECT count(*) FROM judgments WHERE alert_id = '%1'").arg(undone)),
                 0);
        QCOMPARE(table->currentIndex().row(), 5);
        // Ctrl+Shift+Z records the undone verdict again; Ctrl+Z takes it back once more.
        key(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(scalar(*fx.cache,
                        QStringLiteral("SELECT count(*) FROM judgments WHERE alert_id = '%1' AND verdict = 'noise'")
                            .arg(undone)),
                 1);
        key(Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(scalar(*fx.cache, QStringLiteral("SELECT count(*) FROM judgments WHERE alert_id = '%1'").arg(undone)),
                 0);
        QCOMPARE(table->currentIndex().row(), 5);
        QCOMPARE(model->index(5, SignalTableModel::Status).data(SignalTableModel::StatusRole).toInt(),
                 int(dashboard::AlertStatus::Pending));
        expected[undone] = QStringLiteral("needs_followup");
        key(Qt::Key_F);
        // K goes back up, J comes down again: nothing recorded by moving.
        key(Qt::Key_K);
        key(Qt::Key_K);
        QCOMPARE(table->currentIndex().row(), 4);
        key(Qt::Key_J);
        key(Qt::Key_J);
        QCOMPARE(table->currentIndex().row(), 6);
        // Rows 6–9: R N R N.
        for (int r = 6; r < 10; ++r) {
            expected[alertAt(r)] = r % 2 == 0 ? QStringLiteral("real") : QStringLiteral("noise");
            key(r % 2 == 0 ? Qt::Key_R : Qt::Key_N);
        }
        // Row 10: Enter opens the deep dive of that signal; Escape closes it and the queue keeps its place.
        QCOMPARE(table->currentIndex().row(), 10);
        const QString signal10 = model->index(10, 0).data(SignalTableModel::SignalIdRole).toString();
        key(Qt::Key_Return);
        QVERIFY(page.deepDive());
        QTRY_VERIFY(page.deepDive()->isVisible());
        QCOMPARE(page.deepDive()->detail().signalId, signal10);
        auto *evidence = page.deepDive()->findChild<QLabel *>(QStringLiteral("evidenceText"));
        QVERIFY(evidence && evidence->text().contains(page.deepDive()->detail().payer.toHtmlEscaped()));
        QTest::keyClick(page.deepDive(), Qt::Key_Escape);
        QTRY_VERIFY(!page.deepDive());
        QCOMPARE(table->currentIndex().row(), 10);
        // Rows 10–13: F R F R.
        for (int r = 10; r < 14; ++r) {
            expected[alertAt(r)] = r % 2 == 0 ? QStringLiteral("needs_followup") : QStringLiteral("real");
            key(r % 2 == 0 ? Qt::Key_F : Qt::Key_R);
        }
        // Rows 14–17: Shift+J three times selects four rows; one N applies to all four.
        QCOMPARE(table->currentIndex().row(), 14);
        for (int i = 0; i < 3; ++i)
            key(Qt::Key_J, Qt::ShiftModifier);
        QCOMPARE(table->selectionModel()->selectedRows().size(), 4);
        for (int r = 14; r < 18; ++r)
            expected[alertAt(r)] = QStringLiteral("noise");
        key(Qt::Key_N);
        // Rows 18–19.
        key(Qt::Key_J);
        QCOMPARE(table->currentIndex().row(), 18);
        expected[alertAt(18)] = QStringLiteral("real");
        key(Qt::Key_R);
        expected[alertAt(19)] = QStringLiteral("needs_followup");
        key(Qt::Key_F);
        QCOMPARE(expected.size(), 20);

        // What was stored.
        storage::LocalCache &c = *fx.cache;
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM judgments WHERE operator = 'kb.operator'")), 20);
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            const QString status = dashboard::TriageService::statusForVerdict(it.value());
            QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM judgments WHERE alert_id = '%1' AND verdict = '%2' "
                                              "AND operator = 'kb.operator'")
                                   .arg(it.key(), it.value())),
                     1);
            QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM alerts WHERE id = '%1' AND status = '%2'")
                                   .arg(it.key(), status)),
                     1);
            // The row on screen says the same as the cache.
            const int row = model->viewRowOfAlert(it.key());
            QCOMPARE(model->index(row, SignalTableModel::Status).data().toString(),
                     dashboard::statusName(dashboard::statusFromString(status)));
        }
        // 22 verdict rows (20 + the undone one, twice), 2 undo rows, 1 ledger row; seq 1..25 without gaps.
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'verdict'")), 22);
        QCOMPARE(
            scalar(c, QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'verdict_undo' AND entity_id = '%1'")
                          .arg(undone)),
            2);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'ledger_upsert'")), 1);
        QCOMPARE(scalar(c, QStringLiteral("SELECT MIN(seq) = 1 AND MAX(seq) = count(*) AND count(DISTINCT id) = "
                                          "count(*) FROM outbox")),
                 1);
        // The first verdict on each alert was made against version 1 (as created).
        QCOMPARE(scalar(c, QStringLiteral("SELECT base_version FROM outbox WHERE kind = 'verdict' AND entity_id = '%1'")
                               .arg(alertAt(0))),
                 1);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM audit_queue WHERE who = 'kb.operator' AND "
                                          "workstation = 'ws-test'")),
                 24); // 22 verdicts + 2 undos
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM audit_queue WHERE who = 'kb.operator' AND "
                                          "action = 'ledger.create'")),
                 1); // the ledger entry was made through the ledger repository, with its own audit row
        QCOMPARE(
            scalar(c, QStringLiteral("SELECT count(*) FROM ledger_entries WHERE alert_id = '%1' AND state = 'open'")
                          .arg(alertAt(0))),
            1);
        // The idle lock drops the data.
        page.unbind();
        QCOMPARE(model->rowCount(), 0);
        QCOMPARE(model->totalRows(), 0);
    }
};

QTEST_MAIN(TstTriageKeyboardOnly)
#include "tst_triage_keyboard_only.moc"
