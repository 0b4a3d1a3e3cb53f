#pragma once
// PostgreSQL access on libpq: RAII connection and result types, parameterised queries only.
//
// Contract: every query text is a constant; values travel as parameters ($1, $2 ...), never spliced into SQL.
// Blocking calls: use from worker threads only (the GUI reads the local cache). Connection errors are mapped to
// plain messages (wrong password, server unreachable, certificate rejected) by mapConnectError().
#include "core/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>
#include <optional>
#include <vector>

struct pg_conn;
struct pg_result;

namespace upstream::storage {

// Where and how to connect. Empty fields fall back to libpq's PG* environment variables.
struct PgConnectionParams {
    QString host;
    QString hostaddr;
    int port = 0;
    QString database;
    QString user;
    QString password; // in memory only; never logged
    QString sslmode;  // disable|require|verify-ca|verify-full
    QString sslrootcert;
    QString applicationName = QStringLiteral("upstream");
    int connectTimeoutSeconds = 10;
    QString connectionString; // a full libpq conninfo string or URI; when set, the fields above override it

    QString describe() const; // "user@host:port/db" for messages, no password
};

class PgResult {
public:
    PgResult() = default;
    explicit PgResult(pg_result *r);
    ~PgResult();
    PgResult(PgResult &&other) noexcept;
    PgResult &operator=(PgResult &&other) noexcept;
    PgResult(const PgResult &) = delete;
    PgResult &operator=(const PgResult &) = delete;

    int rows() const;
    int columns() const;
    bool isNull(int row, int column) const;
    QString text(int row, int column) const;
    QByteArray bytes(int row, int column) const;
    // The value's bytes as libpq holds them (valid while this result lives; NUL-terminated, text format).
    const char *data(int row, int column) const;
    int size(int row, int column) const;
    qint64 int64(int row, int column) const;
    double real(int row, int column) const;
    bool boolean(int row, int column) const;
    int columnIndex(const char *name) const;
    qint64 affectedRows() const;
    pg_result *handle() const { return m_result; }

private:
    pg_result *m_result = nullptr;
};

class PgConnection {
public:
    PgConnection() = default;
    ~PgConnection();
    PgConnection(PgConnection &&other) noexcept;
    PgConnection &operator=(PgConnection &&other) noexcept;
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    static Result<PgConnection> connect(const PgConnectionParams &params);

    bool isOpen() const;
    // Runs one parameterised statement. Parameters: null QVariant → SQL NULL; everything else as text.
    Result<PgResult> exec(const char *sql, const std::vector<QVariant> &params = {});
    Result<PgResult> exec(const QString &sql, const std::vector<QVariant> &params = {});
    // Several statements without parameters (migrations).
    Status execScript(const QString &sql);
    // The one spelling of a transaction on this connection (push, compute, import). commit() failing means it is
    // unknown whether the server committed; rollback() may be ignored: a broken connection rolls back by itself.
    Status begin();
    Status commit();
    Status rollback();

    // COPY ... FROM STDIN: begin, push chunks, end (commits the copy; errors roll back the statement).
    Status copyBegin(const QString &copySql);
    Status copyPut(const char *data, int size);
    Status copyEnd();
    Status copyAbort(const QString &reason);

    Status listen(const QString &channel);
    // Pending notifications (channel, payload), without blocking. waitForNotify blocks up to timeoutMs until at
    // least one is pending (it does not consume them).
    std::vector<std::pair<QString, QString>> takeNotifications();
    bool waitForNotify(int timeoutMs);

    QString serverVersion() const;
    QString errorMessage() const;
    pg_conn *handle() const { return m_conn; }
    int socket() const;

    static QString clientVersion(); // libpq version, e.g. "15.18"

private:
    explicit PgConnection(pg_conn *c) : m_conn(c) {}
    Result<PgResult> checkResult(pg_result *r);
    void drainNotifications();
    pg_conn *m_conn = nullptr;
    std::vector<std::pair<QString, QString>> m_pending;
};

// Maps libpq's connection failure text to a user-facing message and an error code.
Error mapConnectError(const QString &libpqMessage, const PgConnectionParams &params);
// Maps a failed statement (SQLSTATE) to an error code: 42501 → PermissionDenied, 23xxx → InvalidInput, ...
Error mapStatementError(pg_result *result, pg_conn *conn);

} // namespace upstream::storage
