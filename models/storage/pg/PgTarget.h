#pragma once
// Resolves where a CLI command connects: `--db` (a libpq conninfo string or URI) or libpq's PG* environment, and
// the password from `--password-file` or $UPSTREAM_PASSWORD — never from a flag value, so it does not show up in
// the process list or shell history. With neither, libpq's own sources apply (~/.pgpass, a PGPASSWORD the user
// set).
//
// Failure modes: an unreadable or empty password file → ErrorCode::InvalidInput (CLI exit 2).
#include "core/Result.h"
#include "storage/pg/PgConnection.h"

#include <QString>

namespace upstream::storage {

// TLS: every TCP connection uses sslmode=verify-full unless the string or PGSSLMODE names a mode; a weaker mode
// over TCP is refused (InvalidInput) unless UPSTREAM_ALLOW_WEAK_TLS=1, and then `warning` says so. A Unix-socket
// connection needs none. The password travels as a connection field, never through PGPASSWORD.
// True when any host of the (comma-separated) list is reached over TCP rather than a Unix socket: such a
// connection must use sslmode=verify-full unless weaker TLS is explicitly allowed.
bool connectsOverTcp(const QString &host, const QString &hostaddr);

Result<PgConnectionParams> resolvePgTarget(const QString &db, const QString &passwordFile, QString *warning = nullptr);
// resolvePgTarget + PgConnection::connect; the warning goes to stderr.
Result<PgConnection> connectPgTarget(const QString &db, const QString &passwordFile);

// The one customer the signed-in role belongs to (upstream.current_customer_ids()); ErrorCode::InvalidInput when it
// belongs to none or to several (the command then needs --customer ID).
Result<qint64> soleCustomer(PgConnection &conn);

// A server error as one line for a CLI: libpq's "ERROR:  " prefix and DETAIL/CONTEXT lines dropped.
QString oneLine(const Error &error);

// Reads a secret from the first line of `path` ("-" = standard input); trailing CR/LF removed.
Result<QString> readSecretFile(const QString &path);
// The password a command runs with: the first line of `passwordFile` when given, else $UPSTREAM_PASSWORD, else empty
// — or, when `required` (a local workspace cannot be opened without one), ErrorCode::InvalidInput.
Result<QString> commandPassword(const QString &passwordFile, bool required);

} // namespace upstream::storage
