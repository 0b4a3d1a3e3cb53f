#include "CipherDatabase.h"

// SQLITE_HAS_CODEC declares sqlite3_key_v2 (the library is built with it).
#ifndef SQLITE_HAS_CODEC
#define SQLITE_HAS_CODEC 1
#endif
#include <sqlcipher/sqlite3.h> // SQLCipher 4, never the plain SQLite header

#include <sodium.h>

#include <atomic>
#include <utility>

namespace upstream::storage {
namespace {

std::atomic<bool> g_memorySecurity{false};

// Once per process, before SQLCipher initialises: no allocation statistics. With them, every allocation and free
// takes one process-wide mutex (the pull applies ~4% faster without); nothing here reads sqlite3_memory_used().
void configureOnce()
{
    static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    (void)configured;
}

// Counts the threads inside SQLite on one connection for the duration of a call; alone() is false when another
// thread was already in, and the caller then stays out of SQLite.
class OneCallerAtATime {
public:
    explicit OneCallerAtATime(std::atomic<int> *callers)
        : m_callers(callers), m_alone(!callers || callers->fetch_add(1, std::memory_order_acquire) == 0)
    {
    }
    ~OneCallerAtATime()
    {
        if (m_callers)
            m_callers->fetch_sub(1, std::memory_order_release);
    }
    OneCallerAtATime(const OneCallerAtATime &) = delete;
    OneCallerAtATime &operator=(const OneCallerAtATime &) = delete;
    bool alone() const { return m_alone; }

private:
    std::atomic<int> *m_callers;
    bool m_alone;
};

Error usedByAnotherThread()
{
    return makeError(ErrorCode::Internal,
                     QStringLiteral("local cache error: this connection is in use on another thread at the same time; "
                                    "the call was refused (a connection serves one thread at a time)"));
}

QString sqliteMessage(sqlite3 *db)
{
    return db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString();
}

// The raw-key form SQLCipher recognises (x'<64 hex digits>'), written straight into locked memory: it is handed to
// sqlite3_key_v2 as bytes, never as SQL text. Without this form SQLCipher would treat the key as a passphrase and
// run PBKDF2 over it.
security::SecureBytes rawKeyLiteral(const security::SecureBytes &key)
{
    const std::size_t hexLength = key.size() * 2;
    security::SecureBytes literal(hexLength + 4); // x ' hex ' and the NUL sodium_bin2hex writes
    auto *out = reinterpret_cast<char *>(literal.data());
    out[0] = 'x';
    out[1] = '\'';
    sodium_bin2hex(out + 2, hexLength + 1, key.data(), key.size());
    out[2 + hexLength] = '\'';
    out[3 + hexLength] = '\0';
    return literal;
}

} // namespace

CipherDatabase::~CipherDatabase()
{
    close();
}

CipherDatabase::CipherDatabase(sqlite3 *db) : m_db(db), m_callers(std::make_shared<std::atomic<int>>(0)) {}

CipherDatabase::CipherDatabase(CipherDatabase &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_callers(std::move(other.m_callers))
{
}

CipherDatabase &CipherDatabase::operator=(CipherDatabase &&other) noexcept
{
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_callers = std::move(other.m_callers);
    }
    return *this;
}

void CipherDatabase::close()
{
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

void CipherDatabase::enableMemorySecurity()
{
    g_memorySecurity.store(true);
}

QString CipherDatabase::cipherVersion()
{
    configureOnce();
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        sqlite3_close_v2(db);
        return {};
    }
    CipherDatabase holder(db);
    auto stmt = holder.prepare(QStringLiteral("PRAGMA cipher_version"));
    if (!stmt.ok())
        return {};
    auto row = stmt->step();
    return (row.ok() && row.value()) ? stmt->text(0) : QString();
}

Result<CipherDatabase> CipherDatabase::open(const QString &path, const QByteArray &key)
{
    return open(path, security::SecureBytes::fromByteArray(key));
}

Result<CipherDatabase> CipherDatabase::open(const QString &path, const security::SecureBytes &key)
{
    if (!key.isEmpty() && key.size() != 32)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("the cache key must be 256 bits"));
    configureOnce();
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &raw,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    CipherDatabase db(raw);
    if (rc != SQLITE_OK)
        return makeError(ErrorCode::PermissionDenied,
                         QStringLiteral("cannot open the local cache %1: %2").arg(path, sqliteMessage(raw)));
    if (!key.isEmpty()) {
        // Refuse to run on anything but SQLCipher 4: with plain SQLite a key would be silently ignored.
        const QString version = [&] {
            auto stmt = db.prepare(QStringLiteral("PRAGMA cipher_version"));
            if (!stmt.ok())
                return QString();
            auto row = stmt->step();
            return (row.ok() && row.value()) ? stmt->text(0) : QString();
        }();
        if (!version.startsWith(QLatin1String("4.")))
            return makeError(ErrorCode::Internal,
                             QStringLiteral("the local cache needs SQLCipher 4 but this build reports '%1'; "
                                            "refusing to write unencrypted data")
                                 .arg(version.isEmpty() ? QStringLiteral("plain SQLite") : version));
        if (g_memorySecurity.load())
            (void)db.exec(QStringLiteral("PRAGMA cipher_memory_security = ON")); // process-wide, one-way
        const security::SecureBytes literal = rawKeyLiteral(key);
        if (sqlite3_key_v2(raw, "main", literal.data(), int(literal.size() - 1)) != SQLITE_OK)
            return makeError(ErrorCode::Internal,
                             QStringLiteral("cannot key the local cache %1: %2").arg(path, sqliteMessage(raw)));
        (void)db.exec(QStringLiteral("PRAGMA cipher_log_level = NONE"));
    }
    // The first real read verifies the key (SQLITE_NOTADB on a wrong key).
    auto probe = db.prepare(QStringLiteral("SELECT count(*) FROM sqlite_master"));
    if (!probe.ok() || !probe->step().ok())
        return makeError(ErrorCode::Corrupt,
                         QStringLiteral("the local cache %1 cannot be read with this key (wrong password or a damaged "
                                        "file)")
                             .arg(path));
    return db;
}

Status CipherDatabase::exec(const QString &sql)
{
    const OneCallerAtATime caller(m_callers.get());
    if (!caller.alone())
        return usedByAnotherThread();
    char *err = nullptr;
    const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        const QString message = err ? QString::fromUtf8(err) : sqliteMessage(m_db);
        sqlite3_free(err);
        return makeError(rc == SQLITE_NOTADB ? ErrorCode::Corrupt : ErrorCode::Internal,
                         QStringLiteral("local cache error: %1").arg(message));
    }
    return Status::success();
}

Result<CipherStatement> CipherDatabase::prepare(const QString &sql)
{
    const OneCallerAtATime caller(m_callers.get());
    if (!caller.alone())
        return usedByAnotherThread();
    sqlite3_stmt *stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    const int rc = sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &stmt, nullptr);
    if (rc != SQLITE_OK)
        return makeError(rc == SQLITE_NOTADB ? ErrorCode::Corrupt : ErrorCode::Internal,
                         QStringLiteral("local cache error: %1").arg(sqliteMessage(m_db)));
    return CipherStatement(stmt, m_db, m_callers);
}

Result<qint64> CipherDatabase::scalar(const QString &sql, const std::vector<QVariant> &params)
{
    auto q = prepare(sql);
    if (!q.ok())
        return q.error();
    for (std::size_t i = 0; i < params.size(); ++i)
        q->bind(int(i + 1), params[i]);
    auto row = q->step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::Internal, QStringLiteral("local cache error: the query returned no row"));
    return q->int64(0);
}

qint64 CipherDatabase::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}
int CipherDatabase::changes() const
{
    return sqlite3_changes(m_db);
}
QString CipherDatabase::lastError() const
{
    return sqliteMessage(m_db);
}

CipherStatement::~CipherStatement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

CipherStatement::CipherStatement(CipherStatement &&other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr)), m_db(other.m_db), m_callers(std::move(other.m_callers))
{
}

CipherStatement &CipherStatement::operator=(CipherStatement &&other) noexcept
{
    if (this != &other) {
        if (m_stmt)
            sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_db = other.m_db;
        m_callers = std::move(other.m_callers);
    }
    return *this;
}

void CipherStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}
void CipherStatement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
}
void CipherStatement::bind(int index, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}
void CipherStatement::bind(int index, const QByteArray &blob)
{
    sqlite3_bind_blob(m_stmt, index, blob.constData(), int(blob.size()), SQLITE_TRANSIENT);
}
void CipherStatement::bindText(int index, const char *utf8, int size)
{
    sqlite3_bind_text(m_stmt, index, utf8, size, SQLITE_STATIC);
}
void CipherStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

void CipherStatement::bind(int index, const QVariant &value)
{
    if (value.isNull()) {
        bindNull(index);
        return;
    }
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
    case QMetaType::Bool: bind(index, value.toLongLong()); break;
    case QMetaType::Double:
    case QMetaType::Float: bind(index, value.toDouble()); break;
    case QMetaType::QByteArray: bind(index, value.toByteArray()); break;
    default: bind(index, value.toString()); break;
    }
}

Result<bool> CipherStatement::step()
{
    const OneCallerAtATime caller(m_callers.get());
    if (!caller.alone())
        return usedByAnotherThread();
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return makeError(rc == SQLITE_NOTADB ? ErrorCode::Corrupt : ErrorCode::Internal,
                     QStringLiteral("local cache error: %1").arg(sqliteMessage(m_db)));
}

Status CipherStatement::run()
{
    for (;;) {
        auto r = step();
        if (!r.ok())
            return r.error();
        if (!r.value())
            return Status::success();
    }
}

void CipherStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int CipherStatement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}
qint64 CipherStatement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}
double CipherStatement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}
bool CipherStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

QString CipherStatement::text(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return p ? QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, column)) : QString();
}

QVariant CipherStatement::value(int column) const
{
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER: return QVariant(qint64(sqlite3_column_int64(m_stmt, column)));
    case SQLITE_FLOAT: return QVariant(sqlite3_column_double(m_stmt, column));
    case SQLITE_NULL: return {};
    case SQLITE_BLOB:
        return QByteArray(static_cast<const char *>(sqlite3_column_blob(m_stmt, column)),
                          sqlite3_column_bytes(m_stmt, column));
    default: return text(column);
    }
}

} // namespace upstream::storage
