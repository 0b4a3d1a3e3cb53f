#include "Versions.h"

#include "core/BuildInfo.h"
#include "storage/cache/CipherDatabase.h"
#include "storage/pg/PgConnection.h"

#include <QtGlobal>

namespace upstream::versions {

QString app()
{
    return QString::fromLatin1(build::kVersion);
}
QString qt()
{
    return QString::fromLatin1(qVersion());
}
QString libpq()
{
    return storage::PgConnection::clientVersion();
}
QString sqlcipher()
{
    const QString v = storage::CipherDatabase::cipherVersion();
    return v.isEmpty() ? QStringLiteral("unavailable") : v;
}

QString summary()
{
    return QStringLiteral("%1 %2 (Qt %3, libpq %4, SQLCipher %5)")
        .arg(QString::fromLatin1(build::kProductName), app(), qt(), libpq(), sqlcipher());
}

} // namespace upstream::versions
