// Proves, on the assembled workstation (real session, real pages, loads on their worker threads): when the cache
// changes (the sync service's CacheChanges, passed on as WorkstationSession::workspaceChanged), a dashboard reloads
// only if the change touched its product; a change of unknown product or "everything" (a recompute) reloads all
// three; a ledger-only change reloads none of them.
#include "WorkstationApp.h"
#include "WorkstationSession.h"
#include "dashboards/DashboardPage.h"
#include "settings/Settings.h"
#include "shell/MainWindow.h"
#include "storage/cache/SyncCacheStore.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

using namespace upstream;

class TstDashboardsReloadOnlyForTheirProduct : public QObject {
    Q_OBJECT

    struct Pages {
        std::unique_ptr<QSignalSpy> drift, denial, delay;
        void clear()
        {
            drift->clear();
            denial->clear();
            delay->clear();
        }
        QList<int> counts() const { return {int(drift->count()), int(denial->count()), int(delay->count())}; }
    };

    static views::DashboardPage *dashboard(app::Workstation &w, views::Page page)
    {
        return qobject_cast<views::DashboardPage *>(w.window().page(page));
    }

    static sync::CacheChanges touching(const QStringList &products, bool ledger = false)
    {
        sync::CacheChanges c;
        c.rows = 1;
        for (const QString &p : products)
            c.products.insert(p);
        c.ledger = ledger;
        return c;
    }

private slots:
    void onlyTouchedProductsReload()
    {
        QVERIFY2(qgetenv("QT_QPA_PLATFORM") == "xcb", "run through fixtures/x11_session.sh");
        settings::Settings settings;
        app::Workstation workstation(settings, false); // the real asynchronous loads
        app::WorkstationSession &session = workstation.session();
        workstation.window().show();
        Pages pages;
        views::DashboardPage *drift = dashboard(workstation, views::Page::DriftWatch);
        views::DashboardPage *denial = dashboard(workstation, views::Page::DenialScope);
        views::DashboardPage *delay = dashboard(workstation, views::Page::DelayGuard);
        QVERIFY(drift && denial && delay);
        pages.drift = std::make_unique<QSignalSpy>(drift, &views::DashboardPage::loadFinished);
        pages.denial = std::make_unique<QSignalSpy>(denial, &views::DashboardPage::loadFinished);
        pages.delay = std::make_unique<QSignalSpy>(delay, &views::DashboardPage::loadFinished);

        bool opened = false;
        session.start(true, [&](bool ok) { opened = ok; });
        QTRY_VERIFY_WITH_TIMEOUT(opened, 120000);
        // The first load of each page, once the workspace opened, and nothing still on its way.
        auto settled = [&] { return !drift->isLoading() && !denial->isLoading() && !delay->isLoading(); };
        QTRY_VERIFY_WITH_TIMEOUT(
            settled() && !pages.drift->isEmpty() && !pages.denial->isEmpty() && !pages.delay->isEmpty(), 60000);
        QTest::qWait(300);
        QTRY_VERIFY(settled());
        for (const QSignalSpy *spy : {pages.drift.get(), pages.denial.get(), pages.delay.get()})
            QCOMPARE(spy->last().first().toBool(), true); // the pages show data: a reload has something to read

        // Each change, then the reloads it caused once everything has settled.
        auto reloadsAfter = [&](const sync::CacheChanges &changes) {
            pages.clear();
            emit session.workspaceChanged(changes);
            QTest::qWait(300); // the loads run on workers: give them time to start
            QElapsedTimer waited;
            waited.start();
            while (!settled() && waited.elapsed() < 30000)
                QTest::qWait(20);
            return pages.counts();
        };
        QCOMPARE(reloadsAfter(touching({QStringLiteral("driftwatch")})), (QList<int>{1, 0, 0}));
        QCOMPARE(reloadsAfter(touching({QStringLiteral("denialscope"), QStringLiteral("delayguard")})),
                 (QList<int>{0, 1, 1}));
        // Ledger rows only: the ledger page's business, not a dashboard's.
        QCOMPARE(reloadsAfter(touching({}, true)), (QList<int>{0, 0, 0}));
        QCOMPARE(reloadsAfter(sync::CacheChanges::everything()), (QList<int>{1, 1, 1}));
        sync::CacheChanges unknown = touching({});
        unknown.allProducts = true; // a deleted row whose product could not be read
        QCOMPARE(reloadsAfter(unknown), (QList<int>{1, 1, 1}));
    }
};

QTEST_MAIN(TstDashboardsReloadOnlyForTheirProduct)
#include "tst_dashboards_reload_only_for_their_product.moc"
