// Proves (issue 15, "a local edit asks the sync service to push now"): on the program's own session
// (app::Workstation signed in to a real PostgreSQL cluster over verify-full TLS, in a real X11 window), a verdict
// given with the R key — a real key event through xdotool to the focused dashboard table — reaches the server while
// the periodic sync is switched off (poll interval one hour): nothing but the queued change itself started the
// round. The same holds for the verdict's audit event. Prints the time from the key press to the judgment on the
// server (the figure is under 2 s; timing is reported, not asserted).
#include "CacheQuery.h"
#include "ServerSettings.h"
#include "TestPg.h"
#include "UpstreamSchema.h"
#include "WorkstationApp.h"
#include "WorkstationSession.h"
#include "XdoTool.h"
#include "dashboards/DashboardPage.h"
#include "login/SignInDialog.h"
#include "shell/MainWindow.h"
#include "storage/cache/LocalCache.h"
#include "sync/ConnectionState.h"
#include "sync/Outbox.h"
#include "sync/SyncService.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <chrono>

using namespace upstream;

class TstVerdictReachesServerWithinSeconds : public QObject {
    Q_OBJECT
    std::optional<test::PgFixture> m_fixture;
    std::unique_ptr<test::MigratedDatabase> m_db;
    std::optional<test::TestUser> m_op;
    qint64 m_customer = 0;
    QTemporaryDir m_dir;

    qint64 serverCount(const char *sql)
    {
        auto r = m_db->superuser().exec(sql, {m_customer});
        return r.ok() ? r->int64(0, 0) : -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(qgetenv("QT_QPA_PLATFORM") == "xcb" && !qgetenv("DISPLAY").isEmpty(),
                 "this test needs a real X11 display (run it through fixtures/x11_session.sh)");
        m_fixture = test::PgFixture::load();
        QVERIFY2(m_fixture, "the pg fixture is not running ($UPSTREAM_TEST_PG)");
        m_db = std::make_unique<test::MigratedDatabase>(*m_fixture, QStringLiteral("verdict_push"));
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_customer = m_db->createCustomer(QStringLiteral("Verdict Push Clinic")).value_or(0);
        QVERIFY(m_customer > 0);
        m_op = m_db->createUser(m_customer, QStringLiteral("operator"));
        QVERIFY(m_op);
        QVERIFY(m_db->createAlert(m_customer, QStringLiteral("Synthetic Mutual"), QStringLiteral("fp-push-1")));
    }

    void verdictKeyPressReachesServerWithoutThePoll()
    {
        auto settings = test::serverSettings(QDir(m_dir.path()), *m_fixture, m_db->db().name(), m_op->login);
        app::Workstation workstation(*settings, true);
        views::MainWindow &window = workstation.window();
        app::WorkstationSession &session = workstation.session();
        sync::ConnectionStatus &connection = workstation.connection();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        bool opened = false;
        session.start(false, [&](bool ok) { opened = ok; });
        views::SignInDialog *signIn = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((signIn = window.findChild<views::SignInDialog *>(QStringLiteral("signInDialog"))),
                                 10000);
        auto *password = signIn->findChild<QLineEdit *>(QStringLiteral("password"));
        QVERIFY(test::activate(signIn));
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(password));
        QVERIFY(test::typeText(m_op->password));
        QTRY_COMPARE(password->text(), m_op->password);
        QVERIFY(test::key(QStringLiteral("Return")));
        QTRY_VERIFY_WITH_TIMEOUT(opened, 120000);
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), sync::ConnectionState::Online, 30000);
        std::shared_ptr<storage::LocalCache> cache = session.cache();
        QVERIFY(cache && cache->isOpen());
        // The first round pulled the alert and pushed the sign-in audit event; then the poll is switched off.
        QTRY_COMPARE_WITH_TIMEOUT(test::countRows(*cache, QStringLiteral("SELECT count(*) FROM alerts")), qint64(1),
                                  30000);
        QTRY_COMPARE_WITH_TIMEOUT(sync::pendingCount(*cache).value(), 0, 30000);
        QVERIFY(session.syncService());
        session.syncService()->setPollInterval(std::chrono::hours(1));
        QCOMPARE(serverCount("SELECT count(*) FROM upstream.judgments WHERE customer_id = $1"), qint64(0));

        // DriftWatch, its table focused through the window manager, the alert's row selected.
        window.showPage(views::Page::DriftWatch);
        auto *drift = qobject_cast<views::DashboardPage *>(window.page(views::Page::DriftWatch));
        QVERIFY(drift);
        QTRY_COMPARE_WITH_TIMEOUT(drift->model()->rowCount(), 1, 30000);
        QVERIFY(test::activate(&window));
        drift->table()->setFocus();
        drift->table()->selectRow(0);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(drift->table()));

        // R: a real verdict, queued locally — and pushed at once, the poll being an hour away.
        QElapsedTimer sincePress;
        sincePress.start();
        QVERIFY(test::key(QStringLiteral("r")));
        QTRY_VERIFY_WITH_TIMEOUT(
            serverCount("SELECT count(*) FROM upstream.judgments WHERE customer_id = $1 AND verdict = 'real'") == 1,
            20000);
        const qint64 ms = sincePress.elapsed();
        qInfo("verdict on the server %lld ms after the key press (poll off)", ms);
        QTRY_COMPARE_WITH_TIMEOUT(sync::pendingCount(*cache).value(), 0, 20000); // the verdict's audit event too
        QTRY_COMPARE_WITH_TIMEOUT(serverCount("SELECT count(*) FROM upstream.audit_log WHERE customer_id = $1 AND "
                                              "action = 'verdict'"),
                                  qint64(1), 20000);
    }
};

QTEST_MAIN(TstVerdictReachesServerWithinSeconds)
#include "tst_verdict_reaches_server_within_seconds.moc"
