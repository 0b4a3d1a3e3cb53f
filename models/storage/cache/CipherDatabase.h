#pragma once
// CipherDatabase: one SQLCipher 4 database file opened with a raw 256-bit key (RAII over sqlite3*).
//
// Contract: open() keys the connection, then refuses to continue unless `PRAGMA cipher_version` reports 4.x —
// if the binary were ever linked against plain SQLite, the key would be ignored and data written in the clear;
// this check turns that into a hard error. A wrong key fails on open with ErrorCode::Corrupt.
// One thread at a time: SQLite runs in multi-thread mode (SQLITE_OPEN_NOMUTEX, no mutex on every call; the pull
// applies ~5% faster). Every connection belongs to one thread at a time by design (docs/architecture.md,
// Threads); should two threads ever enter one connection at once, the second one's step, exec or prepare is
// refused with an error instead of corrupting memory.
#include "core/Result.h"
#include "security/SecureBytes.h"

#include <type_traits>

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <atomic>
#include <memory>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace upstream::storage {

class CipherStatement;

class CipherDatabase {
public:
    CipherDatabase() = default;
    ~CipherDatabase();
    CipherDatabase(CipherDatabase &&other) noexcept;
    CipherDatabase &operator=(CipherDatabase &&other) noexcept;
    CipherDatabase(const CipherDatabase &) = delete;
    CipherDatabase &operator=(const CipherDatabase &) = delete;

    // key must be 32 bytes. An empty key opens an unencrypted database (benchmarks compare the two). The key goes
    // to SQLCipher through sqlite3_key_v2 from locked memory (no SQL text, no unwiped copy); SQLCipher wipes its own
    // key buffers when the connection closes.
    static Result<CipherDatabase> open(const QString &path, const security::SecureBytes &key);
    // Tests and benchmarks: the caller owns (and wipes) the QByteArray.
    static Result<CipherDatabase> open(const QString &path, const QByteArray &key);
    // Turns on SQLCipher's memory security (PRAGMA cipher_memory_security) at the next keyed open, for the rest of
    // the process: every allocation SQLite frees — decrypted pages, statements — is wiped and memory is locked.
    // Measured at about 11 times the cache's CPU cost (bench_cache_encryption), so it is machine policy
    // (security/cache_memory_security), off by default.
    static void enableMemorySecurity();
    // The linked SQLCipher version, e.g. "4.6.1 community"; empty if the library is not SQLCipher.
    static QString cipherVersion();

    bool isOpen() const { return m_db != nullptr; }
    void close();
    Status exec(const QString &sql);
    Result<CipherStatement> prepare(const QString &sql);
    // The first column of the first row of `sql` as an integer, `params` bound in order (as CipherStatement::bind
    // binds a QVariant): a count, an EXISTS, a PRAGMA value. A query that returns no row fails (Internal).
    Result<qint64> scalar(const QString &sql, const std::vector<QVariant> &params = {});
    qint64 lastInsertRowId() const;
    int changes() const;
    QString lastError() const;
    sqlite3 *handle() const { return m_db; }

private:
    explicit CipherDatabase(sqlite3 *db);
    sqlite3 *m_db = nullptr;
    std::shared_ptr<std::atomic<int>> m_callers; // threads inside SQLite on this connection right now
};

// A prepared statement. bind() is 1-based. step() returns true while a row is available.
class CipherStatement {
public:
    CipherStatement() = default;
    ~CipherStatement();
    CipherStatement(CipherStatement &&other) noexcept;
    CipherStatement &operator=(CipherStatement &&other) noexcept;
    CipherStatement(const CipherStatement &) = delete;
    CipherStatement &operator=(const CipherStatement &) = delete;

    void bind(int index, const QVariant &value);
    void bind(int index, qint64 value);
    void bind(int index, double value);
    void bind(int index, const QString &value);
    void bind(int index, const QByteArray &blob);
    // Not copied: utf8 must stay valid until the statement is reset and rebound or finalized (no QString round trip).
    void bindText(int index, const char *utf8, int size);
    void bindNull(int index);
    Result<bool> step(); // true: a row; false: done
    Status run();        // step to completion
    void reset();
    // Steps through the remaining rows, calling onRow() on each with the statement positioned on it. onRow returns
    // void, or a Status whose error stops the walk and is returned.
    template<typename F>
    Status forEachRow(F &&onRow)
    {
        for (;;) {
            auto row = step();
            if (!row.ok())
                return row.error();
            if (!row.value())
                return Status::success();
            if constexpr (std::is_same_v<decltype(onRow()), void>) {
                onRow();
            } else if (Status st = onRow(); !st.ok()) {
                return st;
            }
        }
    }

    int columnCount() const;
    QVariant value(int column) const;
    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    bool isNull(int column) const;

private:
    friend class CipherDatabase;
    CipherStatement(sqlite3_stmt *stmt, sqlite3 *db, std::shared_ptr<std::atomic<int>> callers)
        : m_stmt(stmt), m_db(db), m_callers(std::move(callers))
    {
    }
    sqlite3_stmt *m_stmt = nullptr;
    sqlite3 *m_db = nullptr;
    std::shared_ptr<std::atomic<int>> m_callers; // the connection's
};

} // namespace upstream::storage
