// Proves issue 16 item 5 for the CLI: a TCP connection uses sslmode=verify-full unless told otherwise — a
// connection string that names no sslmode verifies the server against its CA (an unrelated CA is refused, exit 1;
// libpq's own default "prefer" would have connected without checking); a weaker mode over TCP is refused before
// connecting (exit 2, naming verify-full) unless UPSTREAM_ALLOW_WEAK_TLS=1, and then the CLI warns on stderr; a
// URI with the password from UPSTREAM_PASSWORD connects without putting it into PGPASSWORD; a Unix-socket
// connection is not held to TLS.
#include "UpstreamSchema.h"

#include <QProcess>
#include <QtTest>

using namespace upstream;

namespace {

struct Run {
    int exitCode = -1;
    QString out, err;
};

Run cli(const QStringList &args, const QString &password, bool allowWeak = false)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("UPSTREAM_PASSWORD"), password);
    for (const char *v : {"PGSSLMODE", "PGHOST", "PGHOSTADDR", "PGPASSWORD", "UPSTREAM_ALLOW_WEAK_TLS"})
        env.remove(QLatin1String(v));
    if (allowWeak)
        env.insert(QStringLiteral("UPSTREAM_ALLOW_WEAK_TLS"), QStringLiteral("1"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(UPSTREAM_CLI_PATH), args);
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TstCliTlsVerifyFullByDefault : public QObject {
    Q_OBJECT
    std::optional<test::PgFixture> fx;
    std::unique_ptr<test::MigratedDatabase> db;
    std::optional<test::TestUser> analyst;
    QString base; // host, port, database, user: no TLS settings

    Run listSignals(const QString &conninfo, bool allowWeak = false)
    {
        return cli({QStringLiteral("signals"), QStringLiteral("--json"), QStringLiteral("--db"), conninfo},
                   analyst->password, allowWeak);
    }

private slots:
    void initTestCase()
    {
        fx = test::PgFixture::load();
        QVERIFY2(fx.has_value(), "the pg fixture is not running ($UPSTREAM_TEST_PG)");
        db = std::make_unique<test::MigratedDatabase>(*fx, QStringLiteral("clitls"));
        QVERIFY2(db->ok(), qPrintable(db->error()));
        const qint64 customer = db->createCustomer(QStringLiteral("TLS Clinic")).value_or(0);
        analyst = db->createUser(customer, QStringLiteral("analyst"));
        QVERIFY(analyst.has_value());
        base = db->conninfoFor(*analyst);
        const qsizetype cut = base.indexOf(QLatin1String(" sslmode="));
        QVERIFY(cut > 0);
        base = base.left(cut);
        QVERIFY(!fx->wrongCa.isEmpty());
    }

    void noSslmodeMeansVerifyFull()
    {
        const Run ok = listSignals(base + QStringLiteral(" sslrootcert=") + fx->sslrootcert);
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
        QVERIFY2(!ok.err.contains(QLatin1String("warning")), qPrintable(ok.err));
        const Run wrongCa = listSignals(base + QStringLiteral(" sslrootcert=") + fx->wrongCa);
        QCOMPARE(wrongCa.exitCode, 1); // verified, and refused: "prefer" would have connected
    }

    void weakerModesNeedAnExplicitAllowance()
    {
        for (const char *mode : {"disable", "prefer", "require", "verify-ca"}) {
            const QString conninfo = base + QStringLiteral(" sslmode=") + QLatin1String(mode) +
                                     QStringLiteral(" sslrootcert=") + fx->sslrootcert;
            const Run refused = listSignals(conninfo);
            QCOMPARE(refused.exitCode, 2);
            QVERIFY2(refused.err.contains(QLatin1String("verify-full")), qPrintable(refused.err));
            if (QLatin1String(mode) == QLatin1String("disable"))
                continue; // the fixture server only takes TLS connections
            const Run allowed = listSignals(conninfo, true);
            QVERIFY2(allowed.exitCode == 0, qPrintable(QLatin1String(mode) + QStringLiteral(": ") + allowed.err));
            QVERIFY2(allowed.err.contains(QLatin1String("warning: connecting with sslmode=")), qPrintable(allowed.err));
        }
    }

    void uriTakesThePasswordWithoutTheEnvironment()
    {
        const QString uri = QStringLiteral("postgresql://%1@%2:%3/%4?hostaddr=%5&sslrootcert=%6")
                                .arg(analyst->login, fx->host)
                                .arg(fx->port)
                                .arg(db->db().name(), fx->hostaddr, fx->sslrootcert);
        const Run ok = listSignals(uri);
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
    }

    void unixSocketNeedsNoTls()
    {
        QVERIFY(!fx->socketDir.isEmpty());
        const Run ok = cli({QStringLiteral("signals"), QStringLiteral("--json"), QStringLiteral("--db"),
                            QStringLiteral("host=%1 port=%2 dbname=%3 user=%4")
                                .arg(fx->socketDir)
                                .arg(fx->port)
                                .arg(db->db().name(), fx->superuser)},
                           fx->password);
        // The CLI does not refuse it (that would be exit 2, naming verify-full): libpq reaches the socket, where
        // the fixture's peer authentication decides (this test runs as another OS user than the cluster's owner).
        QVERIFY2(ok.exitCode == 0 || (ok.exitCode == 1 && ok.err.contains(QLatin1String("socket"))),
                 qPrintable(ok.err));
        QVERIFY2(!ok.err.contains(QLatin1String("verify-full")), qPrintable(ok.err));
    }
};

QTEST_GUILESS_MAIN(TstCliTlsVerifyFullByDefault)
#include "tst_cli_tls_verify_full_by_default.moc"
