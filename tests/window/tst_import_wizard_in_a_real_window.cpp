// Proves: an analyst can do a whole import in the real workstation with the keyboard alone, in a real X11 window
// managed by a real window manager (Xvfb + openbox, fixtures/x11_session.sh), every key travelling through the X
// server from xdotool exactly as typing does — no widget-level QTest key calls. The workstation is the program's own
// object graph (app::Workstation: main window, session, pages) on a real encrypted workspace created through its
// first-run dialog. Steps: create the workspace (password typed twice), Ctrl+4 lands the keyboard in the File path
// field, the path is typed letter by letter and arrives whole, then format → mapping → validation → payers →
// quality → preview signals → import → summary → the recompute window, each by Return, Escape or a mnemonic. Checked on
// the way: the validation counts, the preview's signals, the import's claim counts, and that after "Recompute signals"
// the workspace holds exactly the signals the preview announced (same fingerprints). A screenshot of the real window
// per page is taken from the X server (QScreen::grabWindow, the window's own id), and each must show content.
#include "LiveExport.h"
#include "WorkstationApp.h"
#include "WorkstationSession.h"
#include "XdoTool.h"
#include "compute/ComputeSignals.h"
#include "demo/DemoDataGenerator.h"
#include "import/ImportWizard.h"
#include "settings/Settings.h"
#include "shell/MainWindow.h"
#include "storage/cache/LocalCache.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QSet>
#include <QTemporaryDir>
#include <QWindow>
#include <QtTest>

using namespace upstream;
using test::activate;
using test::key;
using test::typeText;

namespace {

// The real window as the X server shows it; fails when it is blank (a window captured black or not drawn).
QString screenshot(QWidget *window, const QString &name)
{
    QApplication::processEvents();
    QTest::qWait(150);
    const QImage image = window->screen()->grabWindow(window->winId()).toImage();
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    if (colours.size() < 8)
        return {};
    QString dir = qEnvironmentVariable("UPSTREAM_SCREENSHOT_DIR", QDir::tempPath());
    QDir().mkpath(dir);
    const QString file = dir + QStringLiteral("/window-import-%1.png").arg(name);
    return image.save(file, "PNG") ? file : QString();
}

} // namespace

class TstImportWizardInARealWindow : public QObject {
    Q_OBJECT

private slots:
    void wholeImportByKeyboardInARealWindow()
    {
        QVERIFY2(qgetenv("QT_QPA_PLATFORM") == "xcb" && !qgetenv("DISPLAY").isEmpty(),
                 "this test needs a real X11 display (run it through fixtures/x11_session.sh)");
        QTemporaryDir dir;
        // A live export aimed at a fixed date, so the signals do not depend on the day the test runs.
        const std::int64_t rows = 30000;
        const QString csv =
            test::writeLiveExport(QDir(dir.path()), QStringLiteral("claims-2025-03-03.csv"), rows, 11, 24);
        QVERIFY(!csv.isEmpty());

        settings::Settings settings;
        app::Workstation workstation(settings, false);
        views::MainWindow &window = workstation.window();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        bool opened = false;
        workstation.session().start(false, [&](bool ok) { opened = ok; });

        // 1. First run: the workspace dialog; the password typed twice, Return creates it.
        QWidget *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = window.findChild<QDialog *>(QStringLiteral("workspacePasswordDialog"))) &&
                                     dialog->isVisible(),
                                 10000);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QVERIFY(activate(dialog));
        QTRY_COMPARE(QApplication::focusWidget(), dialog->findChild<QLineEdit *>(QStringLiteral("password")));
        const QString password = QStringLiteral("Window-test-Workspace-42");
        QVERIFY(typeText(password));
        QVERIFY(key(QStringLiteral("Tab")));
        QTRY_COMPARE(QApplication::focusWidget(), dialog->findChild<QLineEdit *>(QStringLiteral("confirm")));
        QVERIFY(typeText(password));
        QVERIFY(key(QStringLiteral("Return")));
        QTRY_VERIFY_WITH_TIMEOUT(opened, 20000);
        QVERIFY(workstation.session().cache());

        // 2. Ctrl+4 opens the Import page with the keyboard in the path field; the typed path arrives whole.
        QVERIFY(activate(&window));
        QVERIFY(key(QStringLiteral("ctrl+4")));
        QTRY_COMPARE(window.currentPage(), views::Page::Import);
        views::ImportWizard *wizard = workstation.importWizard();
        auto *path = wizard->findChild<QLineEdit *>(QStringLiteral("filePathEdit"));
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(path));
        QVERIFY(typeText(csv));
        QTRY_COMPARE(path->text(), csv);
        QVERIFY(!screenshot(&window, QStringLiteral("1-file")).isEmpty());
        QVERIFY(key(QStringLiteral("Return")));
        QTRY_COMPARE(wizard->currentId(), int(views::ImportWizard::FormatPageId));
        QVERIFY(!screenshot(&window, QStringLiteral("2-format")).isEmpty());

        // 3. Format and mapping: detected and auto-mapped; Return accepts each.
        QVERIFY(key(QStringLiteral("Return")));
        QTRY_COMPARE(wizard->currentId(), int(views::ImportWizard::MappingPageId));
        QVERIFY(!screenshot(&window, QStringLiteral("3-mapping")).isEmpty());
        QVERIFY(key(QStringLiteral("Return")));
        QTRY_COMPARE(wizard->currentId(), int(views::ImportWizard::ValidationPageId));

        // 4. Validation runs in the background; every generated claim is accepted.
        QTRY_VERIFY_WITH_TIMEOUT(wizard->report && wizard->button(QWizard::NextButton)->isEnabled(), 60000);
        const importer::ValidationReport &report = *wizard->report;
        QVERIFY(report.totalRows >= std::uint64_t(rows));
        QCOMPARE(report.accepted, report.totalRows);
        QCOMPARE(report.rejected, std::uint64_t(0));
        QVERIFY(report.stats.pending > 0); // a live export: the newest claims are not decided yet
        QVERIFY(!screenshot(&window, QStringLiteral("4-validation")).isEmpty());
        QVERIFY(key(QStringLiteral("Return")));

        // 5. The payers are new to this workspace: the payer step comes first, Return goes on without mapping.
        QTRY_COMPARE(wizard->currentId(), int(views::ImportWizard::PayerPageId));
        QVERIFY(!screenshot(&window, QStringLiteral("5-payers")).isEmpty());
        QVERIFY(key(QStringLiteral("Return")));
        QTRY_COMPARE(wizard->currentId(), int(views::ImportWizard::QualityPageId));
        QVERIFY(!screenshot(&window, QStringLiteral("6-quality")).isEmpty());

        // 6. Preview signals: a dry run on the workspace; nothing is written yet.
        QVERIFY(key(QStringLiteral("Return")));
        QTRY_COMPARE(wizard->currentId(), int(views::ImportWizard::PreviewPageId));
        QTRY_VERIFY_WITH_TIMEOUT(wizard->signalPreview != nullptr, 120000);
        const compute::SignalPreview preview = *wizard->signalPreview;
        QVERIFY(!preview.rows.empty());
        for (const compute::PreviewRow &row : preview.rows)
            QCOMPARE(int(row.change), int(compute::PreviewRow::Change::New)); // an empty workspace had none
        QCOMPARE(preview.asOf, test::kLiveExportAsOf);
        QCOMPARE(preview.import.claimsNew, report.accepted);
        auto stored = compute::listLocalSignals(*workstation.session().cache(), QString());
        QVERIFY(stored.ok());
        QCOMPARE(stored.value().size(), 0);
        QVERIFY(!screenshot(&window, QStringLiteral("7-preview")).isEmpty());

        // 7. Import, then the summary with the claim counts.
        QVERIFY(key(QStringLiteral("Return")));
        QTRY_COMPARE(wizard->currentId(), int(views::ImportWizard::RunPageId));
        QTRY_VERIFY_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), 120000);
        QCOMPARE(wizard->importCounts.accepted, report.accepted);
        QCOMPARE(wizard->importCounts.claimsNew, report.accepted);
        QCOMPARE(wizard->importCounts.claimsUpdated, std::uint64_t(0));
        QVERIFY(!screenshot(&window, QStringLiteral("8-import")).isEmpty());
        QVERIFY(key(QStringLiteral("Return")));
        QTRY_COMPARE(wizard->currentId(), int(views::ImportWizard::SummaryPageId));
        QCOMPARE(wizard->findChild<QLabel *>(QStringLiteral("summaryAccepted"))->text(),
                 QLocale().toString(qulonglong(report.accepted)));
        QVERIFY(!screenshot(&window, QStringLiteral("9-summary")).isEmpty());

        // 8. Alt+S opens the recompute window; its Start (Alt+S there) runs all three products as of the data's own
        //    date, off the GUI thread: the workspace then holds exactly the signals the preview announced.
        QVERIFY(key(QStringLiteral("alt+s")));
        QWidget *recompute = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((recompute = window.findChild<QDialog *>(QStringLiteral("recomputeDialog"))) &&
                                     recompute->isVisible(),
                                 10000);
        QVERIFY(QTest::qWaitForWindowExposed(recompute));
        QVERIFY(activate(recompute));
        QVERIFY(key(QStringLiteral("alt+s")));
        QTRY_VERIFY_WITH_TIMEOUT(compute::listLocalSignals(*workstation.session().cache(), QString()).value().size() ==
                                     qsizetype(preview.rows.size()),
                                 60000);
        QTRY_VERIFY(!recompute->findChild<QLabel *>(QStringLiteral("recomputeResult"))->text().isEmpty());
        QVERIFY(!screenshot(recompute, QStringLiteral("10-recompute")).isEmpty());
        QVERIFY(key(QStringLiteral("Escape")));
        QTRY_VERIFY(!window.findChild<QDialog *>(QStringLiteral("recomputeDialog")));
        QSet<QString> announced, shown;
        for (const compute::PreviewRow &row : preview.rows)
            announced.insert(row.signal.fingerprint);
        const auto after = compute::listLocalSignals(*workstation.session().cache(), QString());
        QVERIFY(after.ok());
        for (const QJsonValue &v : after.value())
            shown.insert(v.toObject().value(QLatin1String("fingerprint")).toString());
        QCOMPARE(shown, announced);
        QVERIFY(!screenshot(&window, QStringLiteral("11-after-recompute")).isEmpty());
    }
};

QTEST_MAIN(TstImportWizardInARealWindow)
#include "tst_import_wizard_in_a_real_window.moc"
