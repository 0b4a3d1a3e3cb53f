// Proves: the workstation reaches PostgreSQL over TLS with sslmode=verify-full; a wrong CA or a host name the
// certificate does not name is rejected with a plain "certificate rejected" message; parameters round-trip.
#include "TestPg.h"

#include <QtTest>

using namespace upstream;

class TstPgTlsVerifyFull : public QObject {
    Q_OBJECT
    std::optional<test::PgFixture> fx;

private slots:
    void initTestCase()
    {
        fx = test::PgFixture::load();
        QVERIFY2(fx.has_value(), "the pg fixture is not running ($UPSTREAM_TEST_PG)");
    }

    void roundTripOverVerifiedTls()
    {
        auto c = storage::PgConnection::connect(fx->superuserParams());
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message));
        auto ssl = c->exec("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
        QVERIFY(ssl.ok());
        QCOMPARE(ssl->rows(), 1);
        QVERIFY(ssl->boolean(0, 0));
        QVERIFY(ssl->text(0, 1).startsWith(QLatin1String("TLS")));
        const QString tricky = QStringLiteral("O'Brien; DROP TABLE x; -- \u00e9\u4e2d");
        auto echo = c->exec("SELECT $1::text, $2::int + 1, $3::text IS NULL", {tricky, 41, QVariant()});
        QVERIFY(echo.ok());
        QCOMPARE(echo->text(0, 0), tricky);
        QCOMPARE(echo->int64(0, 1), 42);
        QVERIFY(echo->boolean(0, 2));
        QVERIFY(c->serverVersion().startsWith(QLatin1String("15.")));
    }

    void wrongCaIsRejected()
    {
        auto p = fx->superuserParams();
        p.sslrootcert = fx->wrongCa;
        auto c = storage::PgConnection::connect(p);
        QVERIFY(!c.ok());
        QCOMPARE(c.error().code, ErrorCode::CertificateRejected);
        QVERIFY(c.error().message.contains(QLatin1String("certificate")));
    }

    void wrongHostNameIsRejected()
    {
        auto p = fx->superuserParams();
        p.host = QStringLiteral("wrong-name.invalid"); // hostaddr still 127.0.0.1: only the name check fails
        auto c = storage::PgConnection::connect(p);
        QVERIFY(!c.ok());
        QCOMPARE(c.error().code, ErrorCode::CertificateRejected);
    }

    void wrongPasswordIsAPlainMessage()
    {
        auto p = fx->superuserParams();
        p.password = QStringLiteral("not-the-password");
        auto c = storage::PgConnection::connect(p);
        QVERIFY(!c.ok());
        QCOMPARE(c.error().code, ErrorCode::AuthFailed);
        QVERIFY(!c.error().message.contains(QLatin1String("not-the-password")));
    }

    void unreachableServerIsAPlainMessage()
    {
        auto p = fx->superuserParams();
        p.port = 1; // nothing listens there
        p.connectTimeoutSeconds = 3;
        auto c = storage::PgConnection::connect(p);
        QVERIFY(!c.ok());
        QCOMPARE(c.error().code, ErrorCode::Unreachable);
    }
};

QTEST_GUILESS_MAIN(TstPgTlsVerifyFull)
#include "tst_pg_tls_verify_full.moc"
