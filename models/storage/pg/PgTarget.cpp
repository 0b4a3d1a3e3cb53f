#include "PgTarget.h"

#include <QFile>

#include <libpq-fe.h>

#include <cstdio>

namespace upstream::storage {

Result<QString> readSecretFile(const QString &path)
{
    QFile f(path);
    const bool opened = path == QLatin1String("-") ? f.open(stdin, QIODevice::ReadOnly) : f.open(QIODevice::ReadOnly);
    if (!opened)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("cannot read the password file %1").arg(path));
    QByteArray line = f.readLine(4096);
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("the password file %1 is empty").arg(path));
    return QString::fromUtf8(line);
}

Result<QString> commandPassword(const QString &passwordFile, bool required)
{
    if (!passwordFile.isEmpty())
        return readSecretFile(passwordFile);
    const QString fromEnvironment = qEnvironmentVariable("UPSTREAM_PASSWORD");
    if (fromEnvironment.isEmpty() && required)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("the workspace password comes from --password-file or $UPSTREAM_PASSWORD"));
    return fromEnvironment;
}

namespace {

QByteArray quoted(const char *value)
{
    QByteArray v(value);
    v.replace('\\', "\\\\").replace('\'', "\\'");
    return "'" + v + "'";
}

} // namespace

bool connectsOverTcp(const QString &host, const QString &hostaddr)
{
    if (!hostaddr.isEmpty())
        return true;
    for (const QString &h : host.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!h.startsWith(QLatin1Char('/')) && !h.startsWith(QLatin1Char('@')))
            return true;
    return false;
}

Result<PgConnectionParams> resolvePgTarget(const QString &db, const QString &passwordFile, QString *warning)
{
    PgConnectionParams p;
    p.applicationName = QStringLiteral("upstream-cli");
    auto password = commandPassword(passwordFile, false);
    if (!password.ok())
        return password.error();
    p.password = password.value();

    // The string (URI or key=value) is parsed here and passed on as key=value fields: the password is then one
    // more field, never an environment variable, and the TLS rule below sees what libpq will use.
    QString host = qEnvironmentVariable("PGHOST"), hostaddr = qEnvironmentVariable("PGHOSTADDR"),
            sslmode = qEnvironmentVariable("PGSSLMODE");
    if (!db.isEmpty()) {
        char *err = nullptr;
        PQconninfoOption *options = PQconninfoParse(db.toUtf8().constData(), &err);
        if (!options) {
            const QString why = err ? QString::fromUtf8(err).trimmed() : QStringLiteral("out of memory");
            PQfreemem(err);
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("--db is not a valid connection string: %1").arg(why));
        }
        QByteArray kv;
        for (PQconninfoOption *o = options; o->keyword; ++o) {
            if (!o->val || !*o->val)
                continue;
            const QLatin1String key(o->keyword);
            if (key == QLatin1String("host"))
                host = QString::fromUtf8(o->val);
            else if (key == QLatin1String("hostaddr"))
                hostaddr = QString::fromUtf8(o->val);
            else if (key == QLatin1String("sslmode"))
                sslmode = QString::fromUtf8(o->val);
            kv += QByteArray(o->keyword) + '=' + quoted(o->val) + ' ';
        }
        PQconninfoFree(options);
        p.connectionString = QString::fromUtf8(kv.trimmed());
    }
    // A TCP connection is verify-full unless the caller explicitly allows less (a Unix socket needs no TLS).
    if (connectsOverTcp(host, hostaddr)) {
        if (sslmode.isEmpty()) {
            p.sslmode = QStringLiteral("verify-full");
        } else if (sslmode != QLatin1String("verify-full")) {
            if (qEnvironmentVariable("UPSTREAM_ALLOW_WEAK_TLS") != QLatin1String("1"))
                return makeError(ErrorCode::InvalidInput,
                                 QStringLiteral("the connection would use sslmode=%1 over TCP; upstream needs "
                                                "sslmode=verify-full (set UPSTREAM_ALLOW_WEAK_TLS=1 to allow a weaker "
                                                "mode, for a test server only)")
                                     .arg(sslmode));
            if (warning)
                *warning = QStringLiteral("connecting with sslmode=%1: the server's identity is not verified "
                                          "(UPSTREAM_ALLOW_WEAK_TLS=1)")
                               .arg(sslmode);
        }
    }
    return p;
}

Result<PgConnection> connectPgTarget(const QString &db, const QString &passwordFile)
{
    QString warning;
    auto params = resolvePgTarget(db, passwordFile, &warning);
    if (!params.ok())
        return params.error();
    if (!warning.isEmpty())
        std::fprintf(stderr, "upstream: warning: %s\n", warning.toUtf8().constData());
    return PgConnection::connect(params.value());
}

QString oneLine(const Error &error)
{
    QString m = error.message.section(QLatin1Char('\n'), 0, 0).trimmed();
    for (const char *prefix : {"ERROR:", "FATAL:"}) {
        const QLatin1String p(prefix);
        if (m.startsWith(p))
            m = m.mid(p.size()).trimmed();
    }
    return m;
}

Result<qint64> soleCustomer(PgConnection &conn)
{
    auto res = conn.exec("SELECT unnest(upstream.current_customer_ids())");
    if (!res.ok())
        return res.error();
    if (res->rows() != 1)
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("this sign-in belongs to %1 customers: name one with --customer ID").arg(res->rows()));
    return res->int64(0, 0);
}

} // namespace upstream::storage
