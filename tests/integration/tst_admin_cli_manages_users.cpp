// Proves: `upstream admin` creates a customer and a user that signs in with SCRAM over verified TLS and sees only
// its own customer; the password is taken from $UPSTREAM_NEW_PASSWORD (or generated and shown once), never from a
// flag, and only its SCRAM verifier reaches the server; set-role changes what the database lets the user do;
// disable-user ends access with a plain message; an app admin manages only their own customer (exit 1 otherwise);
// bad usage exits 2.
#include "UpstreamSchema.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using namespace upstream;
using storage::PgConnection;

namespace {

struct CliRun {
    int exitCode = -1;
    QJsonObject json;
    QString out;
    QString err;
};

} // namespace

class TstAdminCliManagesUsers : public QObject {
    Q_OBJECT
    std::optional<test::PgFixture> fx;
    std::unique_ptr<test::MigratedDatabase> db;
    QStringList createdLogins;

    CliRun admin(const QStringList &args, const QString &conninfo, const QString &password,
                 const QString &newPassword = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("UPSTREAM_PASSWORD"), password);
        env.remove(QStringLiteral("UPSTREAM_NEW_PASSWORD"));
        if (!newPassword.isEmpty())
            env.insert(QStringLiteral("UPSTREAM_NEW_PASSWORD"), newPassword);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(UPSTREAM_CLI_PATH),
                QStringList{QStringLiteral("admin")} + args +
                    QStringList{QStringLiteral("--json"), QStringLiteral("--db"), conninfo});
        p.waitForFinished(60000);
        CliRun r{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                 {},
                 QString::fromUtf8(p.readAllStandardOutput()),
                 QString::fromUtf8(p.readAllStandardError())};
        r.json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        return r;
    }

    Result<PgConnection> signIn(const QString &login, const QString &password)
    {
        return PgConnection::connect(db->db().params(login, password));
    }

private slots:
    void initTestCase()
    {
        fx = test::PgFixture::load();
        QVERIFY2(fx.has_value(), "the pg fixture is not running ($UPSTREAM_TEST_PG)");
        db = std::make_unique<test::MigratedDatabase>(*fx, QStringLiteral("admincli"));
        QVERIFY2(db->ok(), qPrintable(db->error()));
    }

    void createCustomerAndUserThenSignIn()
    {
        const QString su = db->superuserConninfo();
        const CliRun cust =
            admin({QStringLiteral("create-customer"), QStringLiteral("Clinic North")}, su, fx->password);
        QVERIFY2(cust.exitCode == 0, qPrintable(cust.err));
        const qint64 id = cust.json.value(QStringLiteral("customer_id")).toInteger();
        QVERIFY(id > 0);
        const CliRun other =
            admin({QStringLiteral("create-customer"), QStringLiteral("Clinic South")}, su, fx->password);
        QCOMPARE(other.exitCode, 0);
        const qint64 otherId = other.json.value(QStringLiteral("customer_id")).toInteger();
        (void)db->seed(otherId);

        const QString login = test::uniqueName(QStringLiteral("op"));
        const QString password = QStringLiteral("correct horse battery staple");
        createdLogins << login;
        const CliRun user = admin({QStringLiteral("create-user"), login, QStringLiteral("--customer"),
                                   QString::number(id), QStringLiteral("--role"), QStringLiteral("operator")},
                                  su, fx->password, password);
        QVERIFY2(user.exitCode == 0, qPrintable(user.err));
        QVERIFY(!user.json.contains(QStringLiteral("generated_password")));

        // Stored as a SCRAM verifier, never the password itself.
        auto stored = db->superuser().exec("SELECT rolpassword FROM pg_authid WHERE rolname = $1", {login});
        QVERIFY(stored.ok() && stored->rows() == 1);
        QVERIFY(stored->text(0, 0).startsWith(QLatin1String("SCRAM-SHA-256$")));
        QVERIFY(!stored->text(0, 0).contains(password));

        auto c = signIn(login, password);
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message));
        auto mine = c->exec("SELECT upstream.current_customer_ids()::text, "
                            "pg_has_role(current_user, 'upstream_operator', 'MEMBER'), "
                            "pg_has_role(current_user, 'upstream_analyst', 'MEMBER')");
        QVERIFY(mine.ok());
        QCOMPARE(mine->text(0, 0), QStringLiteral("{%1}").arg(id));
        QVERIFY(mine->boolean(0, 1));
        QVERIFY(!mine->boolean(0, 2));
        auto others = c->exec("SELECT count(*) FROM upstream.claims WHERE customer_id = $1", {otherId});
        QVERIFY(others.ok());
        QCOMPARE(others->int64(0, 0), 0);

        // set-role: the database now lets the user import, which an operator may not.
        const char *importSql = "INSERT INTO upstream.uploads (customer_id, sha256) VALUES ($1, sha256('x'::bytea))";
        auto before = c->exec(importSql, {id});
        QVERIFY(!before.ok());
        QCOMPARE(before.error().code, ErrorCode::PermissionDenied);
        const CliRun role = admin(
            {QStringLiteral("set-role"), login, QStringLiteral("--role"), QStringLiteral("analyst")}, su, fx->password);
        QVERIFY2(role.exitCode == 0, qPrintable(role.err));
        auto after = c->exec(importSql, {id});
        QVERIFY2(after.ok(), qPrintable(after.ok() ? QString() : after.error().message));
        auto membership =
            db->superuser().exec("SELECT app_role FROM upstream.memberships WHERE member_role = $1", {login});
        QCOMPARE(membership->text(0, 0), QStringLiteral("analyst"));

        // disable-user: the open session is ended and signing in again fails with a plain message.
        const CliRun off = admin({QStringLiteral("disable-user"), login}, su, fx->password);
        QVERIFY2(off.exitCode == 0, qPrintable(off.err));
        auto dead = c->exec("SELECT 1");
        QVERIFY(!dead.ok());
        auto again = signIn(login, password);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, ErrorCode::AuthFailed);
        QVERIFY2(again.error().message.contains(QLatin1String("disabled")), qPrintable(again.error().message));

        // Every step is in the customer's audit chain, and so is the upload the promoted user recorded (written by
        // the server's trigger since issue 16).
        auto audit = db->superuser().exec("SELECT string_agg(action, ',' ORDER BY seq) FROM upstream.audit_log "
                                          "WHERE customer_id = $1",
                                          {id});
        QCOMPARE(audit->text(0, 0),
                 QStringLiteral("customer.create,user.create,user.set_role,upload.insert,user.disable"));
    }

    void generatedPasswordIsShownOnceAndWorks()
    {
        const qint64 id = db->createCustomer(QStringLiteral("Clinic East")).value_or(0);
        const QString login = test::uniqueName(QStringLiteral("viewer"));
        createdLogins << login;
        const CliRun user = admin({QStringLiteral("create-user"), login, QStringLiteral("--customer"),
                                   QString::number(id), QStringLiteral("--role"), QStringLiteral("viewer")},
                                  db->superuserConninfo(), fx->password);
        QVERIFY2(user.exitCode == 0, qPrintable(user.err));
        const QString generated = user.json.value(QStringLiteral("generated_password")).toString();
        QCOMPARE(generated.size(), 24);
        QVERIFY(signIn(login, generated).ok());
    }

    void appAdminManagesOnlyTheirOwnCustomer()
    {
        const qint64 mine = db->createCustomer(QStringLiteral("Admin Home")).value_or(0);
        const qint64 theirs = db->createCustomer(QStringLiteral("Admin Away")).value_or(0);
        const test::TestUser boss = db->createUser(mine, QStringLiteral("admin")).value();
        const test::TestUser stranger = db->createUser(theirs, QStringLiteral("viewer")).value();
        const QString asBoss = db->conninfoFor(boss);

        const QString login = test::uniqueName(QStringLiteral("staff"));
        createdLogins << login;
        const CliRun ok = admin({QStringLiteral("create-user"), login, QStringLiteral("--customer"),
                                 QString::number(mine), QStringLiteral("--role"), QStringLiteral("operator")},
                                asBoss, boss.password, QStringLiteral("another good password"));
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));

        const QString intruder = test::uniqueName(QStringLiteral("intruder"));
        createdLogins << intruder;
        const CliRun cross = admin({QStringLiteral("create-user"), intruder, QStringLiteral("--customer"),
                                    QString::number(theirs), QStringLiteral("--role"), QStringLiteral("admin")},
                                   asBoss, boss.password, QStringLiteral("another good password"));
        QCOMPARE(cross.exitCode, 1);
        QVERIFY2(cross.err.contains(QLatin1String("not an administrator")), qPrintable(cross.err));
        const CliRun promote =
            admin({QStringLiteral("set-role"), stranger.login, QStringLiteral("--role"), QStringLiteral("admin")},
                  asBoss, boss.password);
        QCOMPARE(promote.exitCode, 1);
        const CliRun disable = admin({QStringLiteral("disable-user"), stranger.login}, asBoss, boss.password);
        QCOMPARE(disable.exitCode, 1);
        QVERIFY(signIn(stranger.login, stranger.password).ok());
        const CliRun customer =
            admin({QStringLiteral("create-customer"), QStringLiteral("Rogue")}, asBoss, boss.password);
        QCOMPARE(customer.exitCode, 1);
    }

    void badUsageExitsTwo()
    {
        const QString su = db->superuserConninfo();
        QCOMPARE(admin({QStringLiteral("create-user"), QStringLiteral("x"), QStringLiteral("--role"),
                        QStringLiteral("emperor"), QStringLiteral("--customer"), QStringLiteral("1")},
                       su, fx->password)
                     .exitCode,
                 2);
        QCOMPARE(admin({QStringLiteral("create-user"), QStringLiteral("x"), QStringLiteral("--role"),
                        QStringLiteral("viewer")},
                       su, fx->password)
                     .exitCode,
                 2);
        QCOMPARE(admin({QStringLiteral("frobnicate"), QStringLiteral("x")}, su, fx->password).exitCode, 2);
        QCOMPARE(admin({QStringLiteral("create-user"), QStringLiteral("x"), QStringLiteral("--customer"),
                        QStringLiteral("1"), QStringLiteral("--role"), QStringLiteral("viewer"),
                        QStringLiteral("--new-password-file"), QStringLiteral("/nonexistent/pw")},
                       su, fx->password)
                     .exitCode,
                 2);
    }

    void cleanupTestCase()
    {
        db.reset();
        auto su = PgConnection::connect(fx->superuserParams());
        if (su.ok())
            for (const QString &login : createdLogins)
                (void)su->exec(QStringLiteral("DROP ROLE IF EXISTS \"%1\"").arg(login));
    }
};

QTEST_GUILESS_MAIN(TstAdminCliManagesUsers)
#include "tst_admin_cli_manages_users.moc"
