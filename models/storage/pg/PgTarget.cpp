#include "PgTarget.h"

#include <QFile>

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

Result<PgConnectionParams> resolvePgTarget(const QString &db, const QString &passwordFile)
{
    PgConnectionParams p;
    p.connectionString = db;
    p.applicationName = QStringLiteral("upstream-cli");
    auto password = commandPassword(passwordFile, false);
    if (!password.ok())
        return password.error();
    p.password = password.value();
    // A URI cannot be followed by key=value fields (see PgConnection), so hand the password to libpq through its
    // own environment variable, visible to this process only.
    const bool uri = db.startsWith(QLatin1String("postgres://")) || db.startsWith(QLatin1String("postgresql://"));
    if (uri && !p.password.isEmpty())
        qputenv("PGPASSWORD", p.password.toUtf8());
    return p;
}

Result<PgConnection> connectPgTarget(const QString &db, const QString &passwordFile)
{
    auto params = resolvePgTarget(db, passwordFile);
    if (!params.ok())
        return params.error();
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
