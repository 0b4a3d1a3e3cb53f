// Proves: with the demo data set, each dashboard renders populated offscreen — KPI tiles with figures, a trend
// chart with points, a filled signals table with severity/urgency/status/context badges, top payers, the ledger
// strip and the freshness line — and the deep dive shows the evidence, the shaded series, the breakdown and
// exports PDF and CSV through the file-dialog seam; the DelayGuard deep dive draws the reference and cohort curves
// (one point per day of age) with O, E, Δ, the unfinished and overdue claims, the 80th-percentile lag and the
// dollars at risk, and its table shows observed / expected and overdue $; signal types read as words and the
// header states the as-of date, the data's age and the windows' date. Writes the screenshots (docs/screenshots/ is
// refreshed from $UPSTREAM_SCREENSHOT_DIR).
#include "DashboardFixture.h"
#include "DashboardPages.h"
#include "DialogSeam.h"
#include "KpiTile.h"
#include "Screenshot.h"
#include "dashboards/DashboardPage.h"
#include "dashboards/MetricChart.h"
#include "deepdive/DeepDiveDialog.h"
#include "deepdive/DelayCurveChart.h"
#include "shell/MainWindow.h"
#include "sync/ConnectionState.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QtTest>

using namespace upstream;

class TstDashboardScreens : public QObject {
    Q_OBJECT

    // How many sampled pixels are close to a colour (badges are drawn in fixed accent colours).
    static int pixelsNear(const QImage &img, QColor c)
    {
        int n = 0;
        for (int y = 0; y < img.height(); y += 2)
            for (int x = 0; x < img.width(); x += 2) {
                const QColor p = img.pixelColor(x, y);
                n += qAbs(p.red() - c.red()) + qAbs(p.green() - c.green()) + qAbs(p.blue() - c.blue()) < 24;
            }
        return n;
    }

private slots:
    void dashboardsAndDeepDiveArePopulated()
    {
        dashboard::SyntheticOptions o; // fixed as-of date and seed: the screenshots are reproducible
        test::DashboardFixture fx(o);
        QVERIFY(fx.cache);
        sync::ConnectionStatus status;
        views::MainWindow window(&status);
        const QList<views::DashboardPage *> pages =
            test::installDashboards(window, fx.cache, QStringLiteral("screens"), o.asOf);
        window.resize(1600, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        for (int i = 0; i < pages.size(); ++i) {
            views::DashboardPage *page = pages[i];
            window.showPage(views::Page(i));
            QCoreApplication::processEvents();
            QVERIFY(page->isVisible());
            QVERIFY(page->model()->rowCount() > 20);
            for (auto *tile : page->findChildren<widgets::KpiTile *>())
                QVERIFY2(tile->value() != QStringLiteral("–"), qPrintable(tile->accessibleName()));
            QVERIFY(page->findChild<views::MetricChart *>()->pointCount() > 20);
            auto *payers = page->findChild<QTableWidget *>();
            QCOMPARE(payers->rowCount(), 6);
            QVERIFY(payers->item(0, 0)->text().size() > 3);
            QVERIFY(page->findChild<QLabel *>(QStringLiteral("ledgerStrip"))->text().contains(QLatin1String("$")));
            const QString fresh = page->findChild<QLabel *>(QStringLiteral("freshness"))->text();
            QVERIFY2(fresh.contains(QStringLiteral("As of 2026-11-16 · data through 2026-11-15 (1 day old)")),
                     qPrintable(fresh));
            const QString windows = page->findChild<QLabel *>(QStringLiteral("windows"))->text();
            QVERIFY2(page->product().id == QLatin1String("delayguard")
                         ? windows.contains(QStringLiteral("adjudication delay by submission date"))
                         : windows.startsWith(QStringLiteral("Windows by decision date: current 2026-11-")),
                     qPrintable(windows));
            for (int r = 0; r < page->model()->rowCount(); ++r) {
                const QString type = page->model()->index(r, dashboard::SignalTableModel::Type).data().toString();
                QVERIFY2(!type.contains(u'_') && type != type.toUpper(), qPrintable(type)); // words, not ids
            }
            // The table's visible rows are laid out: the last visible row sits near the bottom of the viewport.
            QVERIFY(page->table()->rowAt(page->table()->viewport()->height() - 5) > 8);
            const QString file = test::saveScreenshot(&window, QStringLiteral("dashboard-") + page->product().id);
            QVERIFY(!file.isEmpty());
            const QImage img(file);
            QCOMPARE(img.size(), QSize(1600, 900));
            QVERIFY2(pixelsNear(img, QColor(0xc6, 0x28, 0x28)) > 40, "critical badges visible");
            QVERIFY2(pixelsNear(img, QColor(0x6a, 0x1b, 0x9a)) > 40, "urgency badges visible");
        }

        // Deep dive of the most urgent DriftWatch signal.
        window.showPage(views::Page::DriftWatch);
        views::DashboardPage *drift = pages[0];
        drift->table()->setFocus();
        QTest::keyClick(drift->table(), Qt::Key_Return);
        views::DeepDiveDialog *dialog = drift->deepDive();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        dialog->resize(1040, 780);
        QCoreApplication::processEvents();
        QVERIFY(dialog->findChild<views::MetricChart *>()->pointCount() == 104);
        const QString text = dialog->findChild<QLabel *>(QStringLiteral("evidenceText"))->text();
        QVERIFY(text.contains(QLatin1String("p-value")));
        QVERIFY(text.contains(dialog->detail().payer.toHtmlEscaped()));
        QVERIFY(text.contains(QLatin1String("Dollars")));
        const QString shot = test::saveScreenshot(dialog, QStringLiteral("deepdive"));
        QVERIFY(!shot.isEmpty());
        const QImage img(shot);
        // Both windows are shaded: the baseline blue and the current orange tints are present.
        QVERIFY(pixelsNear(img, QColor(0xd2, 0xe2, 0xfb)) + pixelsNear(img, QColor(0xcf, 0xdf, 0xfc)) > 200);
        QVERIFY(pixelsNear(img, QColor(0xfc, 0xe4, 0xc6)) + pixelsNear(img, QColor(0xfc, 0xe3, 0xc5)) > 50);

        // Exports through the seam: no dialog blocks.
        QTemporaryDir out;
        const QString pdf = out.filePath(QStringLiteral("evidence.pdf")), csv = out.filePath(QStringLiteral("e.csv"));
        QPushButton *pdfButton = nullptr, *csvButton = nullptr;
        for (auto *b : dialog->findChildren<QPushButton *>()) {
            if (b->text().contains(QLatin1String("PDF")))
                pdfButton = b;
            if (b->text().contains(QLatin1String("CSV")))
                csvButton = b;
        }
        QVERIFY(pdfButton && csvButton);
        widgets::FileDialog::setNextFileName(pdf);
        pdfButton->click();
        widgets::FileDialog::setNextFileName(csv);
        csvButton->click();
        QFile p(pdf), c(csv);
        QVERIFY(p.open(QIODevice::ReadOnly));
        QVERIFY(p.read(5) == "%PDF-");
        QVERIFY(p.size() > 10000); // text plus the embedded chart image
        QVERIFY(c.open(QIODevice::ReadOnly));
        const QByteArray csvText = c.readAll();
        QVERIFY(csvText.contains("signal_id," + dialog->detail().signalId.toUtf8()));
        QVERIFY(csvText.contains("date,value,n"));
        QCOMPARE(csvText.count("\r\n2026-"), 104);
        dialog->close();

        // DelayGuard: the table's O / E and overdue $, then the deep dive of its most urgent signal.
        window.showPage(views::Page::DelayGuard);
        views::DashboardPage *delay = pages[2];
        QCoreApplication::processEvents();
        QTableView *table = delay->table();
        QVERIFY(!table->isColumnHidden(dashboard::SignalTableModel::ObservedExpected));
        QVERIFY(!table->isColumnHidden(dashboard::SignalTableModel::Overdue));
        QVERIFY(table->isColumnHidden(dashboard::SignalTableModel::Dollars));
        QVERIFY(drift->table()->isColumnHidden(dashboard::SignalTableModel::ObservedExpected));
        const QString oe = delay->model()->index(0, dashboard::SignalTableModel::ObservedExpected).data().toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d+ / \\d+\\.\\d$")).match(oe).hasMatch(), qPrintable(oe));
        QVERIFY(delay->model()->index(0, dashboard::SignalTableModel::Overdue).data().toString().startsWith(u'$'));
        QCOMPARE(delay->model()->headerData(dashboard::SignalTableModel::Delta, Qt::Horizontal).toString(),
                 QStringLiteral("Δ days"));
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Return);
        views::DeepDiveDialog *dd = delay->deepDive();
        QVERIFY(dd);
        QTRY_VERIFY(dd->isVisible());
        dd->resize(1040, 780);
        QCoreApplication::processEvents();
        const auto &ev = dd->detail().evidence;
        QVERIFY(ev.delay);
        QVERIFY(!dd->findChild<views::MetricChart *>()); // the curves replace the daily series
        auto *curves = dd->findChild<views::DelayCurveChart *>();
        QVERIFY(curves && curves->isVisible());
        QCOMPARE(curves->referencePointCount(), 29); // ages 0 … 28 of the 28-day cohort
        QCOMPARE(curves->cohortPointCount(), 29);
        const QLocale loc;
        const QString figures = dd->findChild<QLabel *>(QStringLiteral("delayFigures"))->text();
        for (const QString &expected :
             {loc.toString(ev.delay->observed, 'f', 0), loc.toString(ev.delay->expected, 'f', 1),
              QStringLiteral("+%1 days").arg(loc.toString(dd->detail().delta, 'f', 1)),
              dashboard::formatDollars(ev.delay->overdueDollars), QStringLiteral("Expected finished (E)"),
              QStringLiteral("Observed finished (O)"), QStringLiteral("Reference 80th-percentile lag")})
            QVERIFY2(figures.contains(expected.toHtmlEscaped()),
                     qPrintable(expected + QStringLiteral(" in ") + figures));
        const QString why = dd->findChild<QLabel *>(QStringLiteral("evidenceText"))->text();
        QVERIFY2(
            why.contains(QStringLiteral("(observed O = %1, expected E = %2)")
                             .arg(loc.toString(ev.delay->observed, 'f', 0), loc.toString(ev.delay->expected, 'f', 1))),
            qPrintable(why));
        QVERIFY(why.contains(QStringLiteral("Slowdown Δ = %1 days").arg(loc.toString(dd->detail().delta, 'f', 1))));
        QVERIFY(why.contains(QStringLiteral("Unfinished claims in the cohort: %1").arg(ev.delay->unfinished)));
        QVERIFY(dd->windowTitle().contains(QLatin1String("Adjudication delay")) ||
                dd->windowTitle().contains(QLatin1String("Payment delay")));
        const QString delayShot = test::saveScreenshot(dd, QStringLiteral("deepdive-delayguard"));
        QVERIFY(!delayShot.isEmpty());
        const QImage curvesImg(delayShot);
        // Both curves are drawn: the reference blue and the cohort orange pens.
        QVERIFY2(pixelsNear(curvesImg, QColor(0x1e, 0x63, 0xd6)) > 60, "reference curve visible");
        QVERIFY2(pixelsNear(curvesImg, QColor(0xe0, 0x6c, 0x00)) > 60, "cohort curve visible");
        const QString delayCsv = out.filePath(QStringLiteral("delay.csv"));
        QVERIFY(dd->exportCsv(delayCsv));
        QFile dc(delayCsv);
        QVERIFY(dc.open(QIODevice::ReadOnly));
        const QByteArray dcText = dc.readAll();
        QVERIFY(dcText.contains("age,reference_share,reference_n,cohort_share,cohort_n\r\n"));
        QVERIFY(dcText.contains("overdue_claims," + QByteArray::number(ev.delay->overdueClaims)));
        QVERIFY(dd->exportPdf(out.filePath(QStringLiteral("delay.pdf"))));
        dd->close();
    }

    void darkSystemPaletteGivesADarkDashboard()
    {
        // No hard-coded light backgrounds: under a dark palette the page (tiles, chart, table) comes out dark.
        const QPalette before = QApplication::palette();
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x20, 0x22, 0x25));
        dark.setColor(QPalette::Base, QColor(0x17, 0x18, 0x1a));
        dark.setColor(QPalette::AlternateBase, QColor(0x25, 0x27, 0x2a));
        dark.setColor(QPalette::Button, QColor(0x2a, 0x2c, 0x30));
        for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
            dark.setColor(role, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
        QApplication::setPalette(dark);
        test::DashboardFixture fx;
        QVERIFY(fx.cache);
        views::DashboardPage page(views::DashboardProduct::driftWatch());
        page.setSynchronousLoad(true);
        page.bind(
            std::make_shared<dashboard::DashboardService>(fx.cache, QStringLiteral("dark"), QStringLiteral("ws")));
        page.resize(1400, 860);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const QImage img = page.grab().toImage();
        (void)test::saveScreenshot(&page, QStringLiteral("dashboard-driftwatch-dark"));
        QApplication::setPalette(before);
        double sum = 0;
        int n = 0;
        for (int y = 0; y < img.height(); y += 4)
            for (int x = 0; x < img.width(); x += 4, ++n)
                sum += qGray(img.pixel(x, y));
        QVERIFY2(sum / n < 90, qPrintable(QStringLiteral("mean grey %1").arg(sum / n)));
    }

    void loadsOffTheGuiThreadAndLockDiscardsALoadInFlight()
    {
        test::DashboardFixture fx;
        QVERIFY(fx.cache);
        views::DashboardPage page(views::DashboardProduct::denialScope());
        QSignalSpy done(&page, &views::DashboardPage::loadFinished);
        page.bind(
            std::make_shared<dashboard::DashboardService>(fx.cache, QStringLiteral("async"), QStringLiteral("ws")));
        QVERIFY(page.isLoading());
        QCOMPARE(page.model()->rowCount(), 0); // nothing yet: the worker is reading
        QVERIFY(done.wait(10000));
        QCOMPARE(done.takeFirst().at(0).toBool(), true);
        QCOMPARE(page.model()->rowCount(), 90);
        // Locked while a reload is in flight: the result lands after unbind() and must be discarded.
        page.reload();
        page.unbind();
        QTest::qWait(300);
        QCOMPARE(page.model()->rowCount(), 0);
        QCOMPARE(page.model()->totalRows(), 0);
        QVERIFY(!page.isBound());
    }
};

QTEST_MAIN(TstDashboardScreens)
#include "tst_dashboard_screens.moc"
