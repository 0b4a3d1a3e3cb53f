// Proves: signed in as a viewer, the dashboard's triage controls (verdict buttons, reason code, notes, undo, the
// ledger offer) are disabled with a tooltip saying why; the R/N/F/L/Ctrl+Z keys pressed on the focused queue record
// nothing — no judgment, no alert status change, no outbox or audit row — and the panel says why; Tab from the
// queue skips the disabled controls. The recovery ledger is read-only for a viewer too: New entry and Edit are
// disabled with the reason and Ctrl+N opens nothing. An operator, on the same data, records a verdict with the same
// key (the test is not passing because keys never arrive). In Spanish the reasons are Spanish. Screenshots: the
// viewer's dashboard and ledger, in English and Spanish.
#include "DashboardFixture.h"
#include "Screenshot.h"
#include "Spanish.h"
#include "dashboards/DashboardPage.h"
#include "dashboards/TriagePanel.h"
#include "ledger/LedgerPage.h"
#include "ledger/LedgerRepository.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QtTest>

using namespace upstream;

class TstViewerCannotTriage : public QObject {
    Q_OBJECT

    static qint64 scalar(storage::LocalCache &cache, const QString &sql)
    {
        auto q = cache.db().prepare(sql);
        if (!q.ok() || !q->step().ok())
            return -1;
        return q->int64(0);
    }
    struct Counts {
        qint64 judgments, outbox, audit, pending, ledger;
        bool operator==(const Counts &) const = default;
    };
    static Counts counts(storage::LocalCache &c)
    {
        return {scalar(c, QStringLiteral("SELECT count(*) FROM judgments")),
                scalar(c, QStringLiteral("SELECT count(*) FROM outbox")),
                scalar(c, QStringLiteral("SELECT count(*) FROM audit_queue")),
                scalar(c, QStringLiteral("SELECT count(*) FROM alerts WHERE status = 'pending'")),
                scalar(c, QStringLiteral("SELECT count(*) FROM ledger_entries"))};
    }

    // The DriftWatch page over the fixture, signed in with `role`, shown and active.
    static bool showDashboard(views::DashboardPage &page, test::DashboardFixture &fx, QDate asOf, const QString &role,
                              const QString &user)
    {
        page.setToday(asOf);
        page.setSynchronousLoad(true);
        page.setRole(role);
        page.bind(std::make_shared<dashboard::DashboardService>(fx.cache, user, QStringLiteral("ws-test")));
        page.resize(1440, 900);
        page.show();
        page.activateWindow();
        return QTest::qWaitForWindowActive(&page);
    }

private slots:
    void viewerDashboardIsReadOnly()
    {
        dashboard::SyntheticOptions o;
        o.judgedShare = 0;
        test::DashboardFixture fx(o);
        QVERIFY(fx.cache);
        const Counts before = counts(*fx.cache);
        QVERIFY(before.outbox >= 0 && before.pending > 0);

        views::DashboardPage page(views::DashboardProduct::driftWatch());
        QVERIFY(showDashboard(page, fx, o.asOf, QStringLiteral("viewer"), QStringLiteral("v.viewer")));
        QVERIFY(page.model()->rowCount() > 5);

        // Every triage control is disabled and says why.
        views::TriagePanel *panel = page.triagePanel();
        QVERIFY(panel->isReadOnly());
        const auto buttons = panel->findChildren<QPushButton *>();
        int verdictButtons = 0;
        for (QPushButton *b : buttons) {
            if (b->accessibleName() == QLatin1String("Open the deep dive")) {
                QVERIFY2(b->isEnabled(), "reading the evidence stays allowed");
                continue;
            }
            QVERIFY2(!b->isEnabled(), qPrintable(b->text()));
            QVERIFY2(b->toolTip().contains(QLatin1String("Viewer")), qPrintable(b->toolTip()));
            if (b->accessibleName().startsWith(QLatin1String("Mark ")))
                ++verdictButtons;
        }
        QCOMPARE(verdictButtons, 3);
        QVERIFY(!panel->findChild<QComboBox *>()->isEnabled());
        QVERIFY(!panel->findChild<QPlainTextEdit *>()->isEnabled());
        auto *reason = panel->findChild<QLabel *>(QStringLiteral("readOnlyReason"));
        QVERIFY(reason && reason->isVisible());
        QVERIFY(reason->text().contains(QLatin1String("not record verdicts")));

        // Through the real focus: the queue has the keyboard; every triage key is refused.
        page.table()->setFocus(Qt::TabFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(page.table()));
        for (Qt::Key k : {Qt::Key_R, Qt::Key_N, Qt::Key_F, Qt::Key_L})
            QTest::keyClick(QApplication::focusWidget(), k);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Z, Qt::ControlModifier);
        auto *message = panel->findChild<QLabel *>(QStringLiteral("triageMessage"));
        QVERIFY(message->text().contains(QLatin1String("cannot record verdicts")));
        // Clicking the disabled buttons does nothing either.
        for (QPushButton *b : buttons)
            if (b->accessibleName().startsWith(QLatin1String("Mark ")))
                QTest::mouseClick(b, Qt::LeftButton);
        QCOMPARE(counts(*fx.cache), before);
        // J still moves through the queue: reading stays keyboard-first.
        QCOMPARE(page.table()->currentIndex().row(), 0);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_J);
        QCOMPARE(page.table()->currentIndex().row(), 1);

        // Tab order: the deep dive is the panel's only stop. Shift+Tab from it skips the disabled notes and reason
        // code and lands on the queue; Tab from it skips the disabled undo and leaves the panel.
        QPushButton *deep = nullptr;
        for (QPushButton *b : buttons)
            if (b->accessibleName() == QLatin1String("Open the deep dive"))
                deep = b;
        QVERIFY(deep);
        deep->setFocus(Qt::TabFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(deep));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(page.table()));
        deep->setFocus(Qt::TabFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(deep));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *after = QApplication::focusWidget();
        QVERIFY(after && after->isEnabled());
        QVERIFY2(!panel->isAncestorOf(after), after->metaObject()->className());
        QVERIFY(!test::saveScreenshot(&page, QStringLiteral("viewer_dashboard_read_only")).isEmpty());
    }

    void viewerLedgerIsReadOnly()
    {
        dashboard::SyntheticOptions o;
        test::DashboardFixture fx(o);
        QVERIFY(fx.cache);
        const Counts before = counts(*fx.cache);
        ledger::LedgerRepository repository(fx.cache.get(),
                                            ledger::LedgerActor{QStringLiteral("v.viewer"), QStringLiteral("viewer")});
        views::LedgerPage page(&repository);
        page.reload();
        page.resize(1280, 800);
        page.show();
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        auto *newEntry = page.findChild<QPushButton *>(QStringLiteral("newEntry"));
        auto *edit = page.findChild<QPushButton *>(QStringLiteral("editEntry"));
        auto *approve = page.findChild<QPushButton *>(QStringLiteral("approveEntry"));
        QVERIFY(newEntry && edit && approve);
        QVERIFY(!newEntry->isEnabled());
        QVERIFY(!edit->isEnabled());
        QVERIFY(!approve->isEnabled());
        QVERIFY(newEntry->toolTip().contains(QLatin1String("not change it")));
        QVERIFY(edit->toolTip().contains(QLatin1String("not change it")));
        page.table()->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(page.table()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_N, Qt::ControlModifier);
        QVERIFY(!page.findChild<QDialog *>());
        QCOMPARE(page.newEntry(), nullptr); // the menu/test entry point refuses too, and says why
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("status"))->text().contains(QLatin1String("not change it")));
        QCOMPARE(counts(*fx.cache), before);
        QVERIFY(!test::saveScreenshot(&page, QStringLiteral("viewer_ledger_read_only")).isEmpty());
    }

    void viewerScreensSayWhyInSpanish()
    {
        test::ScopedSpanish es;
        QVERIFY(es.installed());
        dashboard::SyntheticOptions o;
        o.judgedShare = 0;
        test::DashboardFixture fx(o);
        QVERIFY(fx.cache);
        views::DashboardPage page(views::DashboardProduct::driftWatch());
        QVERIFY(showDashboard(page, fx, o.asOf, QStringLiteral("viewer"), QStringLiteral("v.viewer")));
        // The reason on a disabled verdict button is the Spanish one, not the English text.
        int disabled = 0;
        for (QPushButton *b : page.triagePanel()->findChildren<QPushButton *>())
            if (!b->isEnabled() && b->accessibleName() != QLatin1String("Open the deep dive")) {
                ++disabled;
                QVERIFY2(!b->toolTip().isEmpty() && !b->toolTip().contains(QLatin1String("not change it")) &&
                             !b->toolTip().contains(QLatin1String("viewer may")),
                         qPrintable(b->toolTip()));
            }
        QVERIFY(disabled >= 3);
        QVERIFY(!test::saveScreenshot(&page, QStringLiteral("viewer_dashboard_read_only-es")).isEmpty());

        ledger::LedgerRepository repository(fx.cache.get(),
                                            ledger::LedgerActor{QStringLiteral("v.viewer"), QStringLiteral("viewer")});
        views::LedgerPage ledgerPage(&repository);
        ledgerPage.reload();
        ledgerPage.resize(1280, 800);
        ledgerPage.show();
        QVERIFY(QTest::qWaitForWindowExposed(&ledgerPage));
        auto *newEntry = ledgerPage.findChild<QPushButton *>(QStringLiteral("newEntry"));
        QVERIFY(!newEntry->isEnabled());
        QVERIFY2(!newEntry->toolTip().isEmpty() && !newEntry->toolTip().contains(QLatin1String("not change it")),
                 qPrintable(newEntry->toolTip()));
        QVERIFY(!test::saveScreenshot(&ledgerPage, QStringLiteral("viewer_ledger_read_only-es")).isEmpty());
    }

    void operatorRecordsAVerdictWithTheSameKey()
    {
        dashboard::SyntheticOptions o;
        o.judgedShare = 0;
        test::DashboardFixture fx(o);
        QVERIFY(fx.cache);
        const Counts before = counts(*fx.cache);
        views::DashboardPage page(views::DashboardProduct::driftWatch());
        QVERIFY(showDashboard(page, fx, o.asOf, QStringLiteral("operator"), QStringLiteral("o.operator")));
        QVERIFY(!page.triagePanel()->isReadOnly());
        page.table()->setFocus(Qt::TabFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(page.table()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_R);
        const Counts after = counts(*fx.cache);
        QCOMPARE(after.judgments, before.judgments + 1);
        QCOMPARE(after.outbox, before.outbox + 1);
    }
};

QTEST_MAIN(TstViewerCannotTriage)
#include "tst_viewer_cannot_triage.moc"
