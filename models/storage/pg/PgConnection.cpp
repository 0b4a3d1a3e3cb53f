#include "PgConnection.h"

#include <libpq-fe.h>

#include <QElapsedTimer>

#include <poll.h>
#include <utility>

namespace upstream::storage {
namespace {

void appendKv(QByteArray &conninfo, const char *key, const QString &value)
{
    if (value.isEmpty())
        return;
    QByteArray v = value.toUtf8();
    v.replace('\\', "\\\\").replace('\'', "\\'");
    conninfo += key;
    conninfo += "='";
    conninfo += v;
    conninfo += "' ";
}

QByteArray buildConninfo(const PgConnectionParams &p)
{
    QByteArray c;
    if (!p.connectionString.isEmpty())
        c = p.connectionString.toUtf8() + ' ';
    // A URI cannot be followed by key=value pairs; fields override a key=value string only.
    const bool uri = c.startsWith("postgres://") || c.startsWith("postgresql://");
    if (uri)
        return c.trimmed();
    appendKv(c, "host", p.host);
    appendKv(c, "hostaddr", p.hostaddr);
    if (p.port > 0)
        appendKv(c, "port", QString::number(p.port));
    appendKv(c, "dbname", p.database);
    appendKv(c, "user", p.user);
    appendKv(c, "password", p.password);
    appendKv(c, "sslmode", p.sslmode);
    appendKv(c, "sslrootcert", p.sslrootcert);
    appendKv(c, "application_name", p.applicationName);
    if (p.connectTimeoutSeconds > 0)
        appendKv(c, "connect_timeout", QString::number(p.connectTimeoutSeconds));
    return c.trimmed();
}

} // namespace

QString PgConnectionParams::describe() const
{
    QString h = host.isEmpty() ? QStringLiteral("(default host)") : host;
    return QStringLiteral("%1@%2:%3/%4")
        .arg(user.isEmpty() ? QStringLiteral("(default user)") : user, h,
             port > 0 ? QString::number(port) : QStringLiteral("(default port)"),
             database.isEmpty() ? QStringLiteral("(default database)") : database);
}

// --- PgResult --------------------------------------------------------------------------------------------------

PgResult::PgResult(pg_result *r) : m_result(r) {}
PgResult::~PgResult()
{
    if (m_result)
        PQclear(m_result);
}
PgResult::PgResult(PgResult &&other) noexcept : m_result(std::exchange(other.m_result, nullptr)) {}
PgResult &PgResult::operator=(PgResult &&other) noexcept
{
    if (this != &other) {
        if (m_result)
            PQclear(m_result);
        m_result = std::exchange(other.m_result, nullptr);
    }
    return *this;
}
int PgResult::rows() const
{
    return m_result ? PQntuples(m_result) : 0;
}
int PgResult::columns() const
{
    return m_result ? PQnfields(m_result) : 0;
}
bool PgResult::isNull(int row, int column) const
{
    return PQgetisnull(m_result, row, column) != 0;
}
QString PgResult::text(int row, int column) const
{
    return QString::fromUtf8(PQgetvalue(m_result, row, column), PQgetlength(m_result, row, column));
}
QByteArray PgResult::bytes(int row, int column) const
{
    return QByteArray(PQgetvalue(m_result, row, column), PQgetlength(m_result, row, column));
}
const char *PgResult::data(int row, int column) const
{
    return PQgetvalue(m_result, row, column);
}
int PgResult::size(int row, int column) const
{
    return PQgetlength(m_result, row, column);
}
qint64 PgResult::int64(int row, int column) const
{
    return QByteArray(PQgetvalue(m_result, row, column)).toLongLong();
}
double PgResult::real(int row, int column) const
{
    return QByteArray(PQgetvalue(m_result, row, column)).toDouble();
}
bool PgResult::boolean(int row, int column) const
{
    return PQgetvalue(m_result, row, column)[0] == 't';
}
int PgResult::columnIndex(const char *name) const
{
    return PQfnumber(m_result, name);
}
qint64 PgResult::affectedRows() const
{
    return QByteArray(PQcmdTuples(m_result)).toLongLong();
}

// --- PgConnection ----------------------------------------------------------------------------------------------

PgConnection::~PgConnection()
{
    if (m_conn)
        PQfinish(m_conn);
}
PgConnection::PgConnection(PgConnection &&other) noexcept
    : m_conn(std::exchange(other.m_conn, nullptr)), m_pending(std::move(other.m_pending))
{
}
PgConnection &PgConnection::operator=(PgConnection &&other) noexcept
{
    if (this != &other) {
        if (m_conn)
            PQfinish(m_conn);
        m_conn = std::exchange(other.m_conn, nullptr);
        m_pending = std::move(other.m_pending);
    }
    return *this;
}

Result<PgConnection> PgConnection::connect(const PgConnectionParams &params)
{
    const QByteArray conninfo = buildConninfo(params);
    PgConnection c(PQconnectdb(conninfo.constData()));
    if (!c.m_conn)
        return makeError(ErrorCode::Internal, QStringLiteral("out of memory while connecting to the server"));
    if (PQstatus(c.m_conn) != CONNECTION_OK)
        return mapConnectError(QString::fromUtf8(PQerrorMessage(c.m_conn)), params);
    PQsetClientEncoding(c.m_conn, "UTF8");
    return c;
}

bool PgConnection::isOpen() const
{
    return m_conn && PQstatus(m_conn) == CONNECTION_OK;
}

Result<PgResult> PgConnection::checkResult(pg_result *r)
{
    const auto status = PQresultStatus(r);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_COPY_IN ||
        status == PGRES_EMPTY_QUERY)
        return PgResult(r);
    Error e = mapStatementError(r, m_conn);
    PQclear(r);
    return e;
}

Result<PgResult> PgConnection::exec(const char *sql, const std::vector<QVariant> &params)
{
    if (!m_conn)
        return makeError(ErrorCode::Unreachable, QStringLiteral("not connected to the server"));
    std::vector<QByteArray> storage;
    storage.reserve(params.size());
    std::vector<const char *> values;
    values.reserve(params.size());
    for (const QVariant &v : params) {
        if (v.isNull()) {
            values.push_back(nullptr);
            continue;
        }
        if (v.typeId() == QMetaType::Bool)
            storage.push_back(v.toBool() ? QByteArray("true") : QByteArray("false"));
        else if (v.typeId() == QMetaType::QByteArray)
            storage.push_back(v.toByteArray());
        else
            storage.push_back(v.toString().toUtf8());
        values.push_back(storage.back().constData());
    }
    pg_result *r = PQexecParams(m_conn, sql, int(values.size()), nullptr, values.data(), nullptr, nullptr, 0);
    return checkResult(r);
}

Result<PgResult> PgConnection::exec(const QString &sql, const std::vector<QVariant> &params)
{
    const QByteArray utf8 = sql.toUtf8();
    return exec(utf8.constData(), params);
}

Status PgConnection::begin()
{
    return execScript(QStringLiteral("BEGIN"));
}

Status PgConnection::commit()
{
    return execScript(QStringLiteral("COMMIT"));
}

Status PgConnection::rollback()
{
    return execScript(QStringLiteral("ROLLBACK"));
}

Status PgConnection::execScript(const QString &sql)
{
    if (!m_conn)
        return makeError(ErrorCode::Unreachable, QStringLiteral("not connected to the server"));
    pg_result *r = PQexec(m_conn, sql.toUtf8().constData());
    auto checked = checkResult(r);
    if (!checked.ok())
        return checked.error();
    return Status::success();
}

Status PgConnection::copyBegin(const QString &copySql)
{
    pg_result *r = PQexec(m_conn, copySql.toUtf8().constData());
    if (PQresultStatus(r) != PGRES_COPY_IN) {
        Error e = mapStatementError(r, m_conn);
        PQclear(r);
        return e;
    }
    PQclear(r);
    return Status::success();
}

Status PgConnection::copyPut(const char *data, int size)
{
    if (PQputCopyData(m_conn, data, size) != 1)
        return makeError(ErrorCode::Unreachable,
                         QStringLiteral("the server connection broke during a bulk load: %1").arg(errorMessage()));
    return Status::success();
}

Status PgConnection::copyEnd()
{
    if (PQputCopyEnd(m_conn, nullptr) != 1)
        return makeError(ErrorCode::Unreachable, QStringLiteral("the server connection broke: %1").arg(errorMessage()));
    Status result;
    while (pg_result *r = PQgetResult(m_conn)) {
        if (PQresultStatus(r) != PGRES_COMMAND_OK && result.ok())
            result = mapStatementError(r, m_conn);
        PQclear(r);
    }
    return result;
}

Status PgConnection::copyAbort(const QString &reason)
{
    PQputCopyEnd(m_conn, reason.toUtf8().constData());
    while (pg_result *r = PQgetResult(m_conn))
        PQclear(r);
    return Status::success();
}

Status PgConnection::listen(const QString &channel)
{
    char *quoted = PQescapeIdentifier(m_conn, channel.toUtf8().constData(), size_t(channel.toUtf8().size()));
    if (!quoted)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("invalid notification channel name"));
    const QString sql = QStringLiteral("LISTEN %1").arg(QString::fromUtf8(quoted));
    PQfreemem(quoted);
    return execScript(sql);
}

void PgConnection::drainNotifications()
{
    PQconsumeInput(m_conn);
    while (PGnotify *n = PQnotifies(m_conn)) {
        m_pending.emplace_back(QString::fromUtf8(n->relname), QString::fromUtf8(n->extra));
        PQfreemem(n);
    }
}

std::vector<std::pair<QString, QString>> PgConnection::takeNotifications()
{
    drainNotifications();
    return std::exchange(m_pending, {});
}

bool PgConnection::waitForNotify(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        drainNotifications();
        if (!m_pending.empty())
            return true;
        const qint64 left = timeoutMs - timer.elapsed();
        if (left <= 0)
            return false;
        pollfd pfd{PQsocket(m_conn), POLLIN, 0};
        ::poll(&pfd, 1, int(left));
    }
}

QString PgConnection::serverVersion() const
{
    const int v = m_conn ? PQserverVersion(m_conn) : 0;
    return QStringLiteral("%1.%2").arg(v / 10000).arg(v % 10000);
}

QString PgConnection::errorMessage() const
{
    return m_conn ? QString::fromUtf8(PQerrorMessage(m_conn)).trimmed() : QString();
}

int PgConnection::socket() const
{
    return m_conn ? PQsocket(m_conn) : -1;
}

QString PgConnection::clientVersion()
{
    const int v = PQlibVersion();
    return QStringLiteral("%1.%2").arg(v / 10000).arg(v % 10000);
}

Error mapConnectError(const QString &libpqMessage, const PgConnectionParams &params)
{
    const QString m = libpqMessage.toLower();
    const QString where = params.describe();
    if (m.contains(QLatin1String("password authentication failed")) ||
        m.contains(QLatin1String("no password supplied")) || m.contains(QLatin1String("scram")))
        return makeError(
            ErrorCode::AuthFailed,
            QStringLiteral("The server rejected the user name or password (%1). Check them and try again.").arg(where));
    if (m.contains(QLatin1String("not permitted to log in")))
        return makeError(
            ErrorCode::AuthFailed,
            QStringLiteral("This user account is disabled on the server (%1). Ask your administrator.").arg(where));
    if (m.contains(QLatin1String("certificate")) || m.contains(QLatin1String("ssl")) ||
        m.contains(QLatin1String("server name")) || m.contains(QLatin1String("does not match host name")))
        return makeError(ErrorCode::CertificateRejected,
                         QStringLiteral("The server's TLS certificate was rejected (%1): it is not signed by the "
                                        "configured CA or does not match the host name. Ask IT to check the server "
                                        "certificate and the CA file.")
                             .arg(where));
    if (m.contains(QLatin1String("does not exist")))
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("The database or user does not exist on the server (%1).").arg(where));
    if (m.contains(QLatin1String("could not connect")) || m.contains(QLatin1String("connection refused")) ||
        m.contains(QLatin1String("timeout")) || m.contains(QLatin1String("could not translate host")) ||
        m.contains(QLatin1String("no route")))
        return makeError(ErrorCode::Unreachable,
                         QStringLiteral("The server cannot be reached (%1). Check the network; you can keep working "
                                        "offline.")
                             .arg(where));
    return makeError(ErrorCode::Unreachable,
                     QStringLiteral("Could not connect to the server (%1): %2").arg(where, libpqMessage.trimmed()));
}

Error mapStatementError(pg_result *result, pg_conn *conn)
{
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const QString sqlstate = state ? QString::fromLatin1(state) : QString();
    QString message = result ? QString::fromUtf8(PQresultErrorMessage(result)).trimmed() : QString();
    if (message.isEmpty() && conn)
        message = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
    ErrorCode code = ErrorCode::Internal;
    if (sqlstate == QLatin1String("42501"))
        code = ErrorCode::PermissionDenied;
    else if (sqlstate.startsWith(QLatin1String("23")) || sqlstate.startsWith(QLatin1String("22")))
        code = ErrorCode::InvalidInput;
    else if (sqlstate == QLatin1String("40001") || sqlstate == QLatin1String("40P01"))
        code = ErrorCode::Conflict;
    else if (sqlstate.startsWith(QLatin1String("08")) || (conn && PQstatus(conn) != CONNECTION_OK))
        code = ErrorCode::Unreachable;
    else if (sqlstate == QLatin1String("57014"))
        code = ErrorCode::Cancelled;
    return makeError(code, message.isEmpty() ? QStringLiteral("the server reported an error") : message);
}

} // namespace upstream::storage
