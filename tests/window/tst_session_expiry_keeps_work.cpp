// Proves (issue 18, "session expiry → sign in again"): when the central server stops accepting the signed-in user's
// password while the workstation runs (changed on the server: ALTER ROLE, its sessions ended), nothing is lost and
// nothing has to restart. On the program's own session (app::Workstation, signed in to a real PostgreSQL cluster
// over verify-full TLS, in a real X11 window):
//   - a verdict queued while the server refuses stays queued; the state is ConnectionState::AuthFailed and the
//     status bar says "Sign-in required";
//   - the sign-in-again dialog opens by itself over the window, modal, with the queued count, the user fixed and the
//     password empty and focused; Escape works offline (the action File ▸ Sign in again… stays enabled and reopens
//     it);
//   - the new password typed into the real window (xdotool) and Enter: the outbox drains, the verdict is on the
//     server, the audit event (a "sign_in" of mode "again") is in the server's audit log, and the cache was never
//     closed (the pages kept their data);
//   - the idle lock still works over the dialog: it is hidden with its typed password wiped, and comes back after
//     unlocking — with the password signed in with again: the local copy's key was wrapped again with it.
// Screenshots: the dialog in English and, with the Spanish catalogue, in Spanish.
#include "CacheQuery.h"
#include "Screenshot.h"
#include "ServerSettings.h"
#include "SignInAgainPresenter.h"
#include "TestPg.h"
#include "UpstreamSchema.h"
#include "WorkstationApp.h"
#include "WorkstationSession.h"
#include "XdoTool.h"
#include "dashboards/DashboardPage.h"
#include "lock/LockController.h"
#include "login/SignInDialog.h"
#include "settings/Settings.h"
#include "shell/MainWindow.h"
#include "storage/cache/LocalCache.h"
#include "sync/ConnectionState.h"
#include "sync/Outbox.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTranslator>
#include <QUuid>
#include <QtTest>

using namespace upstream;
using test::countRows;

namespace {

// What is still queued, for a failure message.
QString queued(storage::LocalCache &cache)
{
    QStringList out;
    auto q = cache.db().prepare(QStringLiteral("SELECT kind || ' attempts=' || attempts || ' ' || "
                                               "coalesce(last_error, '') FROM outbox UNION ALL SELECT 'audit ' || "
                                               "action FROM audit_queue"));
    if (!q.ok())
        return q.error().message;
    while (true) {
        auto row = q->step();
        if (!row.ok() || !row.value())
            break;
        out << q->text(0);
    }
    return out.join(QStringLiteral("; "));
}

// An action of the menu bar's menus by object name (the presenters own their actions; the menus show them).
QAction *menuAction(views::MainWindow &window, const QString &name)
{
    for (QAction *top : window.menuBar()->actions())
        if (top->menu())
            for (QAction *a : top->menu()->actions())
                if (a->objectName() == name)
                    return a;
    return nullptr;
}

} // namespace

class TstSessionExpiryKeepsWork : public QObject {
    Q_OBJECT
    std::optional<test::PgFixture> m_fixture;
    std::unique_ptr<test::MigratedDatabase> m_db;
    std::optional<test::TestUser> m_op;
    qint64 m_customer = 0;
    QString m_alertId;
    QTemporaryDir m_dir;

    std::unique_ptr<settings::Settings> makeSettings()
    {
        return test::serverSettings(QDir(m_dir.path()), *m_fixture, m_db->db().name(), m_op->login);
    }

    // The server stops accepting the password: a new one, and the role's open sessions ended (as an administrator
    // resetting a password would).
    bool changePassword(const QString &password)
    {
        auto &admin = m_db->superuser();
        if (!admin.exec(QStringLiteral("ALTER ROLE \"%1\" PASSWORD '%2'").arg(m_op->login, password)).ok())
            return false;
        return admin.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1", {m_op->login})
            .ok();
    }

    qint64 serverCount(const char *sql)
    {
        auto r = m_db->superuser().exec(sql, {m_customer});
        return r.ok() ? r->int64(0, 0) : -1;
    }

    // Audit events of signing in again that reached the server's audit log.
    qint64 signInAgainAudits()
    {
        return serverCount("SELECT count(*) FROM upstream.audit_log WHERE customer_id = $1 AND action = 'sign_in' "
                           "AND details->>'mode' = 'again'");
    }

    static QString stateLabel(views::MainWindow &window)
    {
        QStringList texts;
        for (QLabel *l : window.statusBar()->findChildren<QLabel *>())
            if (l->isVisible())
                texts << l->text();
        return texts.join(QLatin1Char('|'));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(qgetenv("QT_QPA_PLATFORM") == "xcb" && !qgetenv("DISPLAY").isEmpty(),
                 "this test needs a real X11 display (run it through fixtures/x11_session.sh)");
        m_fixture = test::PgFixture::load();
        QVERIFY2(m_fixture, "the pg fixture is not running ($UPSTREAM_TEST_PG)");
        m_db = std::make_unique<test::MigratedDatabase>(*m_fixture, QStringLiteral("expiry"));
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_customer = m_db->createCustomer(QStringLiteral("Session Expiry Clinic")).value_or(0);
        QVERIFY(m_customer > 0);
        m_op = m_db->createUser(m_customer, QStringLiteral("operator"));
        QVERIFY(m_op);
        const auto alert =
            m_db->createAlert(m_customer, QStringLiteral("Synthetic Mutual"), QStringLiteral("fp-expiry-1"));
        QVERIFY(alert);
        m_alertId = *alert;
    }

    void expiredSignInKeepsWorkAndResumes()
    {
        auto settings = makeSettings();
        app::Workstation workstation(*settings, true);
        views::MainWindow &window = workstation.window();
        app::WorkstationSession &session = workstation.session();
        sync::ConnectionStatus &connection = workstation.connection();
        app::SignInAgainPresenter &again = workstation.signInAgain();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction *againAction = menuAction(window, QStringLiteral("signInAgainAction")); // File ▸ Sign in again…
        QVERIFY(againAction);
        QCOMPARE(againAction, again.action());
        QAction *syncNow = menuAction(window, QStringLiteral("syncNowAction"));
        QVERIFY(syncNow);
        QVERIFY(!againAction->isEnabled()); // not needed before anything expired

        // 1. The first sign-in, through the sign-in dialog, to the real cluster.
        bool opened = false;
        session.start(false, [&](bool ok) { opened = ok; });
        views::SignInDialog *first = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((first = window.findChild<views::SignInDialog *>(QStringLiteral("signInDialog"))),
                                 10000);
        first->findChild<QLineEdit *>(QStringLiteral("password"))->setText(m_op->password);
        QTest::keyClick(first->findChild<QLineEdit *>(QStringLiteral("password")), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(opened, 120000);
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), sync::ConnectionState::Online, 30000);
        std::shared_ptr<storage::LocalCache> cache = session.cache();
        QVERIFY(cache && cache->isOpen());
        int closings = 0;
        connect(&session, &app::WorkstationSession::workspaceClosing, this, [&] { ++closings; });
        // The first round pulled the server's alert and pushed the sign-in audit event.
        QTRY_COMPARE_WITH_TIMEOUT(countRows(*cache, QStringLiteral("SELECT count(*) FROM alerts")), qint64(1), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(sync::pendingCount(*cache).value(), 0, 30000);
        auto *drift = qobject_cast<views::DashboardPage *>(window.page(views::Page::DriftWatch));
        QVERIFY(drift);
        // The pulled alert reaches the page once the cache thread's batch has been announced: wait for it, so the
        // count compared at the end is the page's data and not a load still on its way.
        QTRY_COMPARE_WITH_TIMEOUT(drift->model()->rowCount(), 1, 30000);
        const int rowsBefore = drift->model()->rowCount();

        // 2. The server changes the password and ends the session; a verdict is queued meanwhile.
        const QString newPassword = QStringLiteral("Changed-On-Server-2");
        QVERIFY(changePassword(newPassword));
        const auto verdictId = sync::enqueueChange(*cache, QStringLiteral("verdict"),
                                                   QUuid::createUuid().toString(QUuid::WithoutBraces), 0,
                                                   {{QStringLiteral("alert_id"), m_alertId},
                                                    {QStringLiteral("verdict"), QStringLiteral("real")},
                                                    {QStringLiteral("reason_code"), QStringLiteral("coding_issue")}});
        QVERIFY(verdictId.ok());
        syncNow->trigger(); // F5: the push finds the server
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), sync::ConnectionState::AuthFailed, 60000);
        QTRY_VERIFY(stateLabel(window).contains(QLatin1String("Sign-in required")));
        QCOMPARE(sync::pendingCount(*cache).value(), 1);

        // 3. The dialog opens by itself: modal over the window, the count, the user fixed, the password focused.
        views::SignInDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = again.dialog()) && dialog->isVisible(), 10000);
        QCOMPARE(dialog->objectName(), QStringLiteral("signInAgainDialog"));
        QVERIFY(dialog->isModal());
        QCOMPARE(dialog->parentWidget(), static_cast<QWidget *>(&window));
        auto *banner = dialog->findChild<QLabel *>(QStringLiteral("signInAgainBanner"));
        QVERIFY(banner && banner->isVisible());
        QVERIFY2(banner->text().contains(QLatin1String("expired")), qPrintable(banner->text()));
        QVERIFY2(banner->text().contains(QLatin1String("sent (1)")), qPrintable(banner->text()));
        auto *user = dialog->findChild<QLineEdit *>(QStringLiteral("user"));
        auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("password"));
        QCOMPARE(user->text(), m_op->login);
        QVERIFY(user->isReadOnly());
        QVERIFY(password->text().isEmpty());
        QVERIFY(againAction->isEnabled());
        QVERIFY(test::activate(dialog));
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(password));
        QVERIFY(!test::saveScreenshot(dialog, QStringLiteral("sign_in_again_dialog")).isEmpty());

        // 4. Escape: work offline. Everything stays; the menu reopens the dialog.
        QVERIFY(test::key(QStringLiteral("Escape")));
        QTRY_VERIFY(!again.dialog());
        QCOMPARE(connection.state(), sync::ConnectionState::AuthFailed);
        QVERIFY(stateLabel(window).contains(QLatin1String("Sign-in required")));
        QVERIFY(againAction->isEnabled());
        QVERIFY(cache->isOpen());
        QCOMPARE(sync::pendingCount(*cache).value(), 1);
        againAction->trigger();
        QTRY_VERIFY((dialog = again.dialog()) && dialog->isVisible());
        password = dialog->findChild<QLineEdit *>(QStringLiteral("password"));

        // 5. A wrong password is refused by the server and said so; nothing else changes.
        QVERIFY(test::activate(dialog));
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(password));
        QVERIFY(test::typeText(m_op->password)); // the old one
        QVERIFY(test::key(QStringLiteral("Return")));
        auto *error = dialog->findChild<QLabel *>(QStringLiteral("error"));
        QTRY_VERIFY_WITH_TIMEOUT(!error->text().isEmpty(), 30000);
        QVERIFY(dialog->isVisible());
        QCOMPARE(sync::pendingCount(*cache).value(), 1);

        // The local copy's wrapped key, to see it wrapped again with the new password after step 6.
        const QString manifest = QFileInfo(cache->path()).dir().filePath(QStringLiteral("workspace.json"));
        auto wrappedKey = [&manifest] {
            QFile f(manifest);
            return f.open(QIODevice::ReadOnly)
                       ? QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("key")).toObject()
                       : QJsonObject();
        };
        const QJsonObject keyBefore = wrappedKey();
        QVERIFY(!keyBefore.isEmpty());
        // 6. The new password, typed into the real window, and Enter: the queue goes out at once.
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(password));
        password->clear();
        QVERIFY(test::typeText(newPassword));
        // Remember me, ticked with its mnemonic: the choice is saved as the setting, as the first sign-in does.
        auto *remember = dialog->findChild<QCheckBox *>(QStringLiteral("remember"));
        QVERIFY(remember && remember->isEnabled() && !remember->isChecked());
        QVERIFY(!settings->value(settings::keys::RememberPassword));
        QVERIFY(test::key(QStringLiteral("alt+r")));
        QTRY_VERIFY(remember->isChecked());
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(remember));
        QVERIFY(test::key(QStringLiteral("Return")));
        QTRY_VERIFY_WITH_TIMEOUT(!again.dialog(), 30000);
        QVERIFY(settings->value(settings::keys::RememberPassword));
        QTRY_VERIFY_WITH_TIMEOUT(sync::isConnected(connection.state()), 30000);
        QTRY_VERIFY2_WITH_TIMEOUT(sync::pendingCount(*cache).value() == 0, qPrintable(queued(*cache)), 30000);
        QCOMPARE(serverCount("SELECT count(*) FROM upstream.judgments WHERE customer_id = $1"), qint64(1));
        QTRY_COMPARE_WITH_TIMEOUT(signInAgainAudits(), qint64(1), 30000);
        QVERIFY(!againAction->isEnabled());
        QCOMPARE(closings, 0); // the cache was never closed
        QVERIFY(cache->isOpen());
        QCOMPARE(session.cache(), cache);
        QCOMPARE(drift->model()->rowCount(), rowsBefore);
        // The key is wrapped again (on a worker: a key derivation each way) with the password the server accepts.
        QTRY_VERIFY_WITH_TIMEOUT(wrappedKey() != keyBefore && !wrappedKey().isEmpty(), 60000);

        // 7. Expired again, and the idle lock comes while the dialog is open with a password half typed: the dialog
        // is hidden with the password wiped, and comes back after unlocking.
        QVERIFY(changePassword(QStringLiteral("Changed-Again-3")));
        syncNow->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), sync::ConnectionState::AuthFailed, 60000);
        QTRY_VERIFY_WITH_TIMEOUT((dialog = again.dialog()) && dialog->isVisible(), 10000);
        password = dialog->findChild<QLineEdit *>(QStringLiteral("password"));
        QVERIFY(test::activate(dialog));
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(password));
        QVERIFY(test::typeText(QStringLiteral("half")));
        QTRY_COMPARE(password->text(), QStringLiteral("half"));
        views::LockController *lock = session.lockController();
        lock->lock(); // what the idle timer calls
        QVERIFY(lock->isLocked());
        QVERIFY(!dialog->isVisible());
        QVERIFY(password->text().isEmpty());
        QVERIFY(!againAction->isEnabled());
        // Signing in again wrapped the local copy's key with the password the server accepted (step 6): the first
        // password no longer opens it, the new one does — as it will at the next start.
        lock->tryUnlock(m_op->password);
        QTRY_COMPARE_WITH_TIMEOUT(lock->consecutiveFailures(), 1, 60000);
        QVERIFY(lock->isLocked());
        lock->tryUnlock(newPassword);
        QTRY_VERIFY_WITH_TIMEOUT(!lock->isLocked(), 60000);
        QTRY_VERIFY(dialog->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), sync::ConnectionState::AuthFailed, 60000);
        QCOMPARE(again.dialog(), dialog);
        QVERIFY(test::activate(dialog));
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(password));
        QVERIFY(test::typeText(QStringLiteral("Changed-Again-3")));
        QVERIFY(test::key(QStringLiteral("Return")));
        QTRY_VERIFY_WITH_TIMEOUT(!again.dialog(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(sync::isConnected(connection.state()), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(signInAgainAudits(), qint64(2), 30000);
    }

    // The dialog in its sign-in-again form, in Spanish (strings not yet translated show in English).
    void screenshotInSpanish()
    {
        QTranslator translator;
        QVERIFY(translator.load(QLocale(QStringLiteral("es")), QStringLiteral("upstream"), QStringLiteral("_"),
                                QStringLiteral(":/i18n")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        auto settings = makeSettings();
        views::SignInDialog dialog(settings.get());
        dialog.setSignInAgain(m_op->login, 3);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!test::saveScreenshot(&dialog, QStringLiteral("sign_in_again_dialog_es")).isEmpty());
        QCoreApplication::removeTranslator(&translator);
    }
};

QTEST_MAIN(TstSessionExpiryKeepsWork)
#include "tst_session_expiry_keeps_work.moc"
