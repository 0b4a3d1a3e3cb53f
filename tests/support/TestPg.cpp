#include "TestPg.h"

#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>

#include <atomic>

namespace upstream::test {

std::optional<PgFixture> PgFixture::load()
{
    return loadFrom(qEnvironmentVariable("UPSTREAM_TEST_PG"));
}

std::optional<PgFixture> PgFixture::loadFrom(const QString &path)
{
    QFile f(path);
    if (path.isEmpty() || !f.open(QIODevice::ReadOnly))
        return std::nullopt;
    PgFixture fx;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        const QString key = line.left(eq);
        const QString value = line.mid(eq + 1);
        if (key == QLatin1String("host"))
            fx.host = value;
        else if (key == QLatin1String("hostaddr"))
            fx.hostaddr = value;
        else if (key == QLatin1String("port"))
            fx.port = value.toInt();
        else if (key == QLatin1String("user"))
            fx.superuser = value;
        else if (key == QLatin1String("password"))
            fx.password = value;
        else if (key == QLatin1String("sslrootcert"))
            fx.sslrootcert = value;
        else if (key == QLatin1String("wrongca"))
            fx.wrongCa = value;
        else if (key == QLatin1String("socketdir"))
            fx.socketDir = value;
    }
    if (fx.port <= 0)
        return std::nullopt;
    return fx;
}

storage::PgConnectionParams PgFixture::params(const QString &database, const QString &user, const QString &pw) const
{
    storage::PgConnectionParams p;
    p.host = host;
    p.hostaddr = hostaddr;
    p.port = port;
    p.database = database;
    p.user = user;
    p.password = pw;
    p.sslmode = QStringLiteral("verify-full");
    p.sslrootcert = sslrootcert;
    p.applicationName = QStringLiteral("upstream-test");
    return p;
}

storage::PgConnectionParams PgFixture::superuserParams(const QString &database) const
{
    return params(database, superuser, password);
}

QString uniqueName(const QString &prefix)
{
    static std::atomic<int> counter{0};
    return QStringLiteral("%1_%2_%3_%4")
        .arg(prefix)
        .arg(QCoreApplication::applicationPid())
        .arg(counter.fetch_add(1))
        .arg(QRandomGenerator::global()->bounded(1000000))
        .toLower();
}

ScratchDatabase::ScratchDatabase(const PgFixture &fixture, const QString &prefix)
    : m_fixture(fixture), m_name(uniqueName(prefix))
{
    auto admin = storage::PgConnection::connect(fixture.superuserParams());
    if (!admin.ok()) {
        m_error = admin.error().message;
        return;
    }
    // Identifiers cannot be parameters; m_name is generated above from [a-z0-9_] only.
    auto r = admin->exec(QStringLiteral("CREATE DATABASE \"%1\" TEMPLATE template0 ENCODING 'UTF8'").arg(m_name));
    m_ok = r.ok();
    if (!m_ok)
        m_error = r.error().message;
}

ScratchDatabase::~ScratchDatabase()
{
    if (!m_ok)
        return;
    auto admin = storage::PgConnection::connect(m_fixture.superuserParams());
    if (admin.ok())
        (void)admin->exec(QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(m_name));
}

} // namespace upstream::test
