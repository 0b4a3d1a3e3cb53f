// Proves (SPEC section 8, issue 16 items 2, 6, 7): the workstation locks after the idle timeout and never before it;
// any input resets the timer; time the computer spends asleep counts; policy cannot push the timeout above 30
// minutes; the locked window shows no workspace data; an open dialog (work in progress) is hidden, not closed, and
// comes back unchanged; wrong passwords are refused and five failures in a row impose a wait; Ctrl+L locks at once;
// data the app copied is cleared from the clipboard.
// On the real session (app::Workstation: the program's window, pages and WorkstationSession on a real encrypted
// workspace, in a real X11 window): locking closes the cache, empties the dashboards and the ledger, zeroes and frees
// every key buffer (checked on the bytes), closes an open menu and a question waiting in its own event loop (which
// then acts as "nothing chosen"), disables every action but Lock, refuses to close the window (Alt+F4 through the
// window manager), queues a "lock" audit event and marks the run as ended locked; a wrong password does not unlock.
#include "AppClipboard.h"
#include "CacheQuery.h"
#include "DialogSeam.h"
#include "LiveExport.h"
#include "Screenshot.h"
#include "WorkstationApp.h"
#include "WorkstationSession.h"
#include "XdoTool.h"
#include "dashboards/DashboardPage.h"
#include "import/ImportWizard.h"
#include "ledger/LedgerPage.h"
#include "ledger/LedgerTableModel.h"
#include "lock/LockController.h"
#include "lock/LockScreen.h"
#include "security/SecureBytes.h"
#include "settings/Settings.h"
#include "shell/MainWindow.h"
#include "storage/cache/LocalCache.h"
#include "sync/ConnectionState.h"
#include "workspace/DemoWorkspace.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QVBoxLayout>
#include <QtTest>

using namespace upstream;
using test::countRows;
using namespace std::chrono_literals;

namespace {
const QString kPayer = QStringLiteral("Synthetic Payer Zeta");
const QString kAmount = QStringLiteral("$12,345.67");
const QString kPassword = QStringLiteral("right-password");

// What the wipe observer saw: every SecureBytes buffer freed while it was installed.
struct Wipes {
    int buffers = 0;
    int keySized = 0;  // 32 bytes: cache keys
    int notZeroed = 0; // must stay 0
} g_wipes;

void recordWipe(const unsigned char *data, std::size_t size)
{
    ++g_wipes.buffers;
    if (size == 32)
        ++g_wipes.keySized;
    for (std::size_t i = 0; i < size; ++i)
        if (data[i] != 0) {
            ++g_wipes.notZeroed;
            break;
        }
}

} // namespace

class TstIdleLock : public QObject {
    Q_OBJECT

    struct Fixture {
        sync::ConnectionStatus status;
        views::MainWindow window{&status};
        security::InactivityTimer timer{1000ms};
        views::LockController controller{
            &window, &timer, [](const QString &pw, std::function<void(Status)> done) {
                // Asynchronous like the real verifier (it reopens the workspace).
                QTimer::singleShot(10ms, [pw, done] {
                    done(pw == kPassword
                             ? Status::success()
                             : Status(makeError(ErrorCode::AuthFailed, QStringLiteral("The password is wrong."))));
                });
            }};
        Fixture()
        {
            auto *page = new QWidget;
            auto *v = new QVBoxLayout(page);
            v->addWidget(new QLabel(kPayer, page));
            v->addWidget(new QLabel(kAmount, page));
            window.setPage(views::Page::DriftWatch, page);
            window.show();
            controller.setUserName(QStringLiteral("op.demo"));
        }
    };

    static QStringList visibleTexts(QWidget *root)
    {
        QStringList out;
        for (QLabel *l : root->findChildren<QLabel *>())
            if (l->isVisibleTo(root) && l->window()->isVisible())
                out << l->text();
        for (QLineEdit *e : root->findChildren<QLineEdit *>())
            if (e->isVisibleTo(root))
                out << e->text();
        return out;
    }

    static void unlockWith(Fixture &f, const QString &pw)
    {
        auto *edit = f.controller.lockScreen()->findChild<QLineEdit *>(QStringLiteral("lockPassword"));
        edit->setText(pw);
        QTest::keyClick(edit, Qt::Key_Return);
    }

private slots:
    void locksAfterTimeoutNeverBefore()
    {
        Fixture f;
        QElapsedTimer sinceLastInput;
        qint64 lockedAfter = -1;
        connect(&f.controller, &views::LockController::locked, this, [&] { lockedAfter = sinceLastInput.elapsed(); });
        f.timer.start();
        sinceLastInput.start();
        // Keep typing for 2.5 s, well past the 1 s timeout: input keeps resetting it.
        QElapsedTimer typing;
        typing.start();
        while (typing.elapsed() < 2500) {
            QTest::keyClick(&f.window, Qt::Key_Shift);
            sinceLastInput.restart();
            QTest::qWait(150);
            QVERIFY2(lockedAfter < 0 || lockedAfter >= 1000, "locked before the timeout elapsed");
        }
        QVERIFY(!f.controller.isLocked() || lockedAfter >= 1000);
        const bool lockedWhileTyping = f.controller.isLocked();
        // Now idle: the lock must come, and not before the timeout.
        QTRY_VERIFY_WITH_TIMEOUT(f.controller.isLocked(), 10000);
        QVERIFY2(lockedAfter >= 1000, qPrintable(QStringLiteral("locked %1 ms after input").arg(lockedAfter)));
        if (lockedWhileTyping)
            qWarning("the machine stalled for over a second between two key presses");
        // Mouse input resets it too.
        unlockWith(f, kPassword);
        QTRY_VERIFY(!f.controller.isLocked());
        sinceLastInput.restart();
        lockedAfter = -1;
        QTest::mouseMove(&f.window, QPoint(10, 10));
        QTest::mouseClick(&f.window, Qt::LeftButton);
        sinceLastInput.restart();
        QTRY_VERIFY_WITH_TIMEOUT(f.controller.isLocked(), 10000);
        QVERIFY(lockedAfter >= 1000);
    }

    void policyCannotRaiseAboveThirtyMinutes()
    {
        QCOMPARE(security::InactivityTimer::clampToPolicy(std::chrono::hours(2)), std::chrono::milliseconds(30min));
        QCOMPARE(security::InactivityTimer::clampToPolicy(10min), std::chrono::milliseconds(10min));
        QTemporaryDir dir;
        auto policy = std::make_unique<QSettings>(dir.filePath(QStringLiteral("p.ini")), QSettings::IniFormat);
        policy->setValue(QStringLiteral("security/idle_lock_minutes"), 45);
        policy->sync();
        settings::Settings s(std::make_unique<QSettings>(dir.filePath(QStringLiteral("u.ini")), QSettings::IniFormat),
                             std::move(policy));
        QCOMPARE(s.idleLockMinutes(), 30);
    }

    void lockedWindowShowsNoWorkspaceData()
    {
        Fixture f;
        QVERIFY(visibleTexts(&f.window).contains(kPayer)); // the probe works before locking
        f.window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&f.window));
        QTest::keyClick(&f.window, Qt::Key_L, Qt::ControlModifier);
        QVERIFY(f.controller.isLocked());
        const QStringList texts = visibleTexts(&f.window);
        for (const QString &t : texts) {
            QVERIFY2(!t.contains(kPayer), qPrintable(t));
            QVERIFY2(!t.contains(kAmount), qPrintable(t));
        }
        QVERIFY(!f.window.menuBar()->isVisible());
        QVERIFY(!test::saveScreenshot(&f.window, QStringLiteral("locked")).isEmpty());
    }

    void workInProgressSurvivesLockAndUnlock()
    {
        Fixture f;
        QPointer<QDialog> dialog = new QDialog(&f.window);
        auto *edit = new QLineEdit(dialog);
        edit->setText(QStringLiteral("unsaved draft 42"));
        edit->setCursorPosition(5);
        dialog->show();
        QVERIFY(dialog->isVisible());
        f.controller.lock();
        QVERIFY(dialog);
        QVERIFY(!dialog->isVisible());
        unlockWith(f, QStringLiteral("wrong"));
        QTRY_VERIFY(f.controller.lockScreen()
                        ->findChild<QLabel *>(QStringLiteral("lockMessage"))
                        ->text()
                        .contains(QLatin1String("wrong")));
        QVERIFY(f.controller.isLocked());
        QVERIFY(!dialog->isVisible());
        unlockWith(f, kPassword);
        QTRY_VERIFY(!f.controller.isLocked());
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(edit->text(), QStringLiteral("unsaved draft 42"));
        QCOMPARE(edit->cursorPosition(), 5);
        delete dialog;
    }

    void fiveFailuresImposeAWait()
    {
        Fixture f;
        f.controller.setFailureDelay(1500ms);
        f.controller.lock();
        for (int i = 0; i < 5; ++i) {
            QSignalSpy failed(&f.controller, &views::LockController::unlockFailed);
            unlockWith(f, QStringLiteral("nope %1").arg(i));
            QTRY_COMPARE(failed.count(), 1);
        }
        QCOMPARE(f.controller.consecutiveFailures(), 5);
        unlockWith(f, kPassword); // refused without even checking: still inside the wait
        QTest::qWait(100);
        QVERIFY(f.controller.isLocked());
        QVERIFY(f.controller.lockScreen()
                    ->findChild<QLabel *>(QStringLiteral("lockMessage"))
                    ->text()
                    .contains(QLatin1String("Try again in")));
        QTest::qWait(1600);
        unlockWith(f, kPassword);
        QTRY_VERIFY(!f.controller.isLocked());
        QCOMPARE(f.controller.consecutiveFailures(), 0);
    }

    void sleepCountsTowardsTheIdleTimeout()
    {
        // The monotonic clock Qt's timers use stops while the computer sleeps; the sleep-aware clock does not. A
        // 10-minute timeout with 11 minutes "asleep" must lock at the next watchdog tick, long before 10 minutes of
        // timer time have passed.
        security::InactivityTimer timer(10min);
        qint64 fakeNow = 1'000'000;
        timer.setSleepAwareClock([&] { return fakeNow; });
        QSignalSpy locked(&timer, &security::InactivityTimer::inactivityDetected);
        timer.start();
        QTest::qWait(200);
        QCOMPARE(locked.count(), 0); // awake and idle for 0.2 s: no lock
        fakeNow += std::chrono::milliseconds(11min).count();
        QTRY_VERIFY_WITH_TIMEOUT(locked.count() == 1, 10000); // the watchdog ticks every 5 s at most
    }

    void realSessionLockReleasesEverything()
    {
        QVERIFY2(qgetenv("QT_QPA_PLATFORM") == "xcb" && !qgetenv("DISPLAY").isEmpty(),
                 "this test needs a real X11 display (run it through fixtures/x11_session.sh)");
        settings::Settings settings;
        app::Workstation workstation(settings, true);
        views::MainWindow &window = workstation.window();
        app::WorkstationSession &session = workstation.session();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        bool opened = false;
        session.start(true, [&](bool ok) { opened = ok; }); // the demo workspace: encrypted, key in the keychain
        QTRY_VERIFY_WITH_TIMEOUT(opened, 120000);
        views::LockController *lock = session.lockController();
        auto *drift = qobject_cast<views::DashboardPage *>(window.page(views::Page::DriftWatch));
        auto *ledger = qobject_cast<views::LedgerPage *>(window.page(views::Page::Ledger));
        QVERIFY(drift && ledger);
        QTRY_VERIFY(drift->model()->rowCount() > 0);
        QVERIFY(ledger->model()->rowCount() > 0);
        QVERIFY(session.cache()->isOpen());
        QVERIFY(security::SecureBytes::liveBytes() >= 32); // the cache's copy of its key
        QVERIFY(!settings.value(settings::keys::EndedLocked));
        QAction *goToImport = nullptr;
        for (QAction *a : window.findChildren<QAction *>())
            if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_4))
                goToImport = a;
        QVERIFY(goToImport && goToImport->isEnabled());

        // 1. A menu is open (opened with the keyboard through the X server) when the lock comes.
        QVERIFY(test::activate(&window));
        QVERIFY(test::key(QStringLiteral("alt+f")));
        QTRY_VERIFY(qobject_cast<QMenu *>(QApplication::activePopupWidget()));
        QPointer<QWidget> menu = QApplication::activePopupWidget();
        g_wipes = {};
        security::SecureBytes::setWipeObserver(recordWipe);
        lock->lock(); // what the idle timer and Ctrl+L call
        security::SecureBytes::setWipeObserver(nullptr);
        QVERIFY(lock->isLocked());
        QVERIFY(!QApplication::activePopupWidget());
        QVERIFY(!menu || !menu->isVisible());
        // The cache is closed, the pages hold nothing, every key buffer was zeroed before it was freed.
        QVERIFY(!session.cache()->isOpen());
        QCOMPARE(drift->model()->rowCount(), 0);
        QCOMPARE(ledger->model()->rowCount(), 0);
        QVERIFY2(g_wipes.keySized >= 1, "no key buffer was wiped");
        QCOMPARE(g_wipes.notZeroed, 0);
        QCOMPARE(security::SecureBytes::liveBytes(), std::size_t(0));
        // Every action but Lock is off: no shortcut reaches the workspace.
        QVERIFY(!goToImport->isEnabled());
        QAction *lockAction = window.findChild<QAction *>(QStringLiteral("lockAction"));
        QVERIFY(lockAction && lockAction->isEnabled());
        QVERIFY(settings.value(settings::keys::EndedLocked)); // a run killed now ends locked
        QVERIFY(!test::saveScreenshot(&window, QStringLiteral("locked-real-session")).isEmpty());

        // 2. The window refuses to close: Alt+F4 through the window manager, and close() from the program.
        QVERIFY(test::activate(&window));
        QVERIFY(test::key(QStringLiteral("alt+F4")));
        QTest::qWait(300);
        QVERIFY(window.isVisible());
        QVERIFY(!window.close());
        QVERIFY(window.isVisible() && lock->isLocked());

        // 3. A wrong password does not unlock; the right one does, and everything comes back.
        QSignalSpy failed(lock, &views::LockController::unlockFailed);
        lock->tryUnlock(QStringLiteral("not-the-demo-password"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
        QVERIFY(lock->isLocked());
        QVERIFY(!session.cache()->isOpen());
        lock->tryUnlock(QString::fromLatin1(workspace::kDemoPassword));
        QTRY_VERIFY_WITH_TIMEOUT(!lock->isLocked(), 30000);
        QVERIFY(session.cache()->isOpen());
        QTRY_VERIFY(drift->model()->rowCount() > 0);
        QVERIFY(ledger->model()->rowCount() > 0);
        QVERIFY(goToImport->isEnabled());
        QVERIFY(!settings.value(settings::keys::EndedLocked));
        // The lock went into the audit queue (with the failed attempt counted at unlock).
        QCOMPARE(countRows(*session.cache(), QStringLiteral("SELECT count(*) FROM audit_queue WHERE action = 'lock'")),
                 qint64(1));
        QCOMPARE(countRows(*session.cache(), QStringLiteral("SELECT count(*) FROM audit_queue WHERE action = 'unlock' "
                                                            "AND details LIKE '%\"failed_attempts_before\":1%'")),
                 qint64(1));

        // 4. A question waiting in its own event loop (Approve entry?) when the lock comes: it is closed and acts as
        // "nothing chosen" — the entry is not approved, nothing is queued for the server.
        window.showPage(views::Page::Ledger);
        int recovered = -1;
        for (int row = 0; row < ledger->model()->rowCount() && recovered < 0; ++row)
            if (ledger->model()->entryAt(row).state == ledger::LedgerState::Recovered)
                recovered = row;
        QVERIFY(recovered >= 0);
        const QString entryId = ledger->model()->entryAt(recovered).id;
        ledger->selectEntry(entryId);
        const qint64 outboxBefore = countRows(*session.cache(), QStringLiteral("SELECT count(*) FROM outbox"));
        QPointer<QMessageBox> question;
        QTimer::singleShot(200ms, this, [&] {
            question = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            lock->lock();
        });
        const bool approved = ledger->approveSelected(); // returns when the lock ends the question
        QVERIFY(lock->isLocked());
        QVERIFY2(!approved, "the interrupted question approved the entry");
        QVERIFY(widgets::MessageBox::lastQuestion().contains(QLatin1String("Approve")));
        QVERIFY(!question || !question->isVisible());
        lock->tryUnlock(QString::fromLatin1(workspace::kDemoPassword));
        QTRY_VERIFY_WITH_TIMEOUT(!lock->isLocked(), 30000);
        QCOMPARE(countRows(*session.cache(), QStringLiteral("SELECT count(*) FROM outbox")), outboxBefore);
        QCOMPARE(countRows(*session.cache(),
                           QStringLiteral("SELECT count(*) FROM ledger_entries WHERE id = '%1' AND approved_by IS NULL")
                               .arg(entryId)),
                 qint64(1));
    }

    void lockDuringAnImportCancelsAndJoinsItFirst()
    {
        // The import thread reads the cache (and, signed in, the server password): the lock cancels it and waits
        // for its thread before closing the cache. The import is all-or-nothing: nothing of it is left.
        QVERIFY2(qgetenv("QT_QPA_PLATFORM") == "xcb", "run through fixtures/x11_session.sh");
        QTemporaryDir dir;
        const std::int64_t rows = 400000;
        const QString csv = test::writeLiveExport(QDir(dir.path()), QStringLiteral("claims.csv"), rows, 5);
        QVERIFY(!csv.isEmpty());

        settings::Settings settings;
        app::Workstation workstation(settings, true);
        app::WorkstationSession &session = workstation.session();
        workstation.window().show();
        bool opened = false;
        session.start(true, [&](bool ok) { opened = ok; });
        QTRY_VERIFY_WITH_TIMEOUT(opened, 120000);
        const QString uploads = QStringLiteral("SELECT count(*) FROM uploads");
        const qint64 uploadsBefore = countRows(*session.cache(), uploads);
        QVERIFY(uploadsBefore >= 0);
        const QString locks = QStringLiteral("SELECT count(*) FROM audit_queue WHERE action = 'lock'");
        const qint64 locksBefore = countRows(*session.cache(), locks);

        importer::ImportRunner *runner = workstation.importWizard()->importRunner();
        QSignalSpy progress(runner, &importer::JobRunner::progress);
        QSignalSpy cancelled(runner, &importer::JobRunner::cancelled);
        QSignalSpy finished(runner, &importer::ImportRunner::finished);
        QSignalSpy failed(runner, &importer::JobRunner::failed);
        importer::ImportRequest request;
        request.path = csv;
        request.expectedRows = std::uint64_t(rows);
        // As the wizard does: the export's rows are valid on its own day, so the import has real work to cancel.
        request.options.validator.importDay = std::int32_t(QDate(1970, 1, 1).daysTo(test::kLiveExportAsOf));
        runner->start(session.importFunction(), request);
        QTRY_VERIFY_WITH_TIMEOUT(progress.count() > 0, 60000); // running on its thread
        QVERIFY(finished.isEmpty());
        session.lockController()->lock();
        QVERIFY(!session.cache()->isOpen());
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 30000);
        QCOMPARE(finished.count(), 0);
        QCOMPARE(failed.count(), 0);

        session.lockController()->tryUnlock(QString::fromLatin1(workspace::kDemoPassword));
        QTRY_VERIFY_WITH_TIMEOUT(!session.lockController()->isLocked(), 30000);
        QCOMPARE(countRows(*session.cache(), uploads), uploadsBefore);
        // The lock is audited even though the import's own connection held the write lock when it came.
        QCOMPARE(countRows(*session.cache(), locks), locksBefore + 1);
    }

    void clipboardDataFromTheAppIsCleared()
    {
        Fixture f;
        widgets::copyToClipboard(kPayer);
        QVERIFY(widgets::clipboardHoldsAppData());
        f.controller.lock();
        QVERIFY(!QGuiApplication::clipboard()->text().contains(kPayer));
    }
};

QTEST_MAIN(TstIdleLock)
#include "tst_idle_lock.moc"
