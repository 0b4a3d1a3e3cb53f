// Proves: on a new, empty workspace every page says what to do next — each dashboard shows "Import a claim file
// (Ctrl+4)" where the signals would be, its trend chart draws no axes (no made-up "1 Jan" ticks or "1%, 1%, 0%"
// labels) and says there is no data yet, the average-Δ tile shows "–" rather than "+0.0 pts"; the recovery ledger
// says how entries arrive. Screenshots of every page in the empty state, in English and in Spanish (new strings stay
// English until translated; the test asserts no Spanish text of them).
#include "DashboardPages.h"
#include "KpiTile.h"
#include "Screenshot.h"
#include "Spanish.h"
#include "dashboards/DashboardPage.h"
#include "dashboards/MetricChart.h"
#include "import/ImportWizard.h"
#include "ledger/LedgerPage.h"
#include "ledger/LedgerRepository.h"
#include "shell/MainWindow.h"
#include "storage/cache/LocalCache.h"
#include "sync/ConnectionState.h"

#include <QChart>
#include <QLabel>
#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;

class TstEmptyWorkspaceSaysWhatToDoNext : public QObject {
    Q_OBJECT

    void checkEveryPage(const QString &language)
    {
        QTemporaryDir dir;
        auto opened = storage::LocalCache::open(dir.filePath(QStringLiteral("empty.db")), QByteArray(32, '\x33'));
        QVERIFY(opened.ok());
        auto cache = std::make_shared<storage::LocalCache>(std::move(opened.value()));
        sync::ConnectionStatus status;
        views::MainWindow window(&status);
        const QList<views::DashboardPage *> pages = test::installDashboards(window, cache, QStringLiteral("new.user"));
        auto *wizard = new views::ImportWizard;
        wizard->setEmbedded(true);
        window.setPage(views::Page::Import, wizard);
        ledger::LedgerRepository repository(
            cache.get(), ledger::LedgerActor{QStringLiteral("new.user"), QStringLiteral("operator")});
        auto *ledgerPage = new views::LedgerPage(&repository);
        ledgerPage->reload();
        window.setPage(views::Page::Ledger, ledgerPage);
        window.resize(1440, 860);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        for (int i = 0; i < pages.size(); ++i) {
            views::DashboardPage *page = pages[i];
            window.showPage(views::Page(i));
            QCoreApplication::processEvents();
            QCOMPARE(page->model()->totalRows(), 0);
            auto *empty = page->findChild<QLabel *>(QStringLiteral("emptyState"));
            QVERIFY(empty && empty->isVisible());
            QVERIFY2(empty->text().contains(QLatin1String("Ctrl+4")), qPrintable(empty->text()));
            auto *chart = page->findChild<views::MetricChart *>();
            QVERIFY(chart->chart()->axes().isEmpty());
            QVERIFY(chart->chart()->series().isEmpty());
            for (auto *tile : page->findChildren<widgets::KpiTile *>())
                QVERIFY2(!tile->value().contains(QLatin1String("+0")), qPrintable(tile->value()));
            QVERIFY(!test::saveScreenshot(&window, QStringLiteral("empty-%1-%2").arg(page->product().id, language))
                         .isEmpty());
        }
        window.showPage(views::Page::Import);
        QCoreApplication::processEvents();
        QVERIFY(!test::saveScreenshot(&window, QStringLiteral("empty-import-%1").arg(language)).isEmpty());
        window.showPage(views::Page::Ledger);
        QCoreApplication::processEvents();
        auto *ledgerEmpty = ledgerPage->findChild<QLabel *>(QStringLiteral("emptyState"));
        QVERIFY(ledgerEmpty && ledgerEmpty->isVisible());
        QVERIFY(ledgerEmpty->text().contains(QLatin1String("Ctrl+N")));
        QVERIFY(!test::saveScreenshot(&window, QStringLiteral("empty-ledger-%1").arg(language)).isEmpty());
        // A bound page with signals hides the hint again: unbinding (the lock) hides it too.
        pages[0]->unbind();
        QVERIFY(!pages[0]->findChild<QLabel *>(QStringLiteral("emptyState"))->isVisible());
    }

private slots:
    void english() { checkEveryPage(QStringLiteral("en")); }

    void spanish()
    {
        test::ScopedSpanish spanish;
        QVERIFY(spanish.installed());
        checkEveryPage(QStringLiteral("es"));
    }
};

QTEST_MAIN(TstEmptyWorkspaceSaysWhatToDoNext)
#include "tst_empty_workspace_says_what_to_do_next.moc"
