// Proves: the main window shell opens offscreen, navigates between all five pages by keyboard shortcut, shows the
// connection state from the one enum in its status bar, and the About dialog names the Qt, libpq and SQLCipher
// versions. Saves a screenshot of the window as PNG.
#include "Screenshot.h"
#include "about/AboutDialog.h"
#include "diagnostics/Versions.h"
#include "shell/MainWindow.h"
#include "sync/ConnectionState.h"

#include <QImage>
#include <QLabel>
#include <QStatusBar>
#include <QtTest>

using namespace upstream;

class TstMainWindowShell : public QObject {
    Q_OBJECT

private slots:
    void navigatesAllPagesByKeyboard()
    {
        sync::ConnectionStatus status;
        views::MainWindow w(&status);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        for (int i = views::kPageCount - 1; i >= 0; --i) {
            QTest::keyClick(&w, Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
            QCOMPARE(int(w.currentPage()), i);
            QVERIFY(w.page(views::Page(i))->isVisible());
        }
        views::Page p{};
        QVERIFY(views::MainWindow::pageFromName(QStringLiteral("Ledger"), &p));
        QCOMPARE(p, views::Page::Ledger);
        QVERIFY(!views::MainWindow::pageFromName(QStringLiteral("nowhere"), &p));
    }

    void statusBarFollowsConnectionState()
    {
        sync::ConnectionStatus status;
        views::MainWindow w(&status);
        auto labels = w.statusBar()->findChildren<QLabel *>();
        auto stateLabel = [&]() -> QString {
            for (QLabel *l : w.statusBar()->findChildren<QLabel *>())
                if (l->accessibleName() == QLatin1String("Connection state"))
                    return l->text();
            return {};
        };
        QVERIFY(stateLabel().contains(sync::describe(sync::ConnectionState::LocalWorkspace)));
        status.setState(sync::ConnectionState::Offline);
        QVERIFY(stateLabel().contains(QLatin1String("Offline")));
        status.setState(sync::ConnectionState::CertificateRejected, QStringLiteral("detail"));
        QVERIFY(stateLabel().contains(QLatin1String("certificate")));
    }

    void aboutDialogShowsLibraryVersions()
    {
        views::AboutDialog about;
        auto text = [&](const char *name) { return about.findChild<QLabel *>(QString::fromLatin1(name))->text(); };
        QCOMPARE(text("qtVersion"), versions::qt());
        QVERIFY(text("libpqVersion").startsWith(QLatin1String("15.")));
        QVERIFY(text("sqlcipherVersion").startsWith(QLatin1String("4.")));
        QCOMPARE(text("appVersion"), versions::app());
    }

    void screenshotIsSaved()
    {
        sync::ConnectionStatus status;
        views::MainWindow w(&status);
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QString file = test::saveScreenshot(&w, QStringLiteral("main-window"));
        QVERIFY(!file.isEmpty());
        QImage img(file);
        QCOMPARE(img.size(), QSize(1280, 800));
        // Not a blank image: the navigation and the page title draw many distinct colours.
        QSet<QRgb> colours;
        for (int y = 0; y < img.height(); y += 8)
            for (int x = 0; x < img.width(); x += 8)
                colours.insert(img.pixel(x, y));
        QVERIFY(colours.size() > 3);
    }
};

QTEST_MAIN(TstMainWindowShell)
#include "tst_main_window_shell.moc"
