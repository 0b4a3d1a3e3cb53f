#pragma once
// LocalCache: the workstation's encrypted local store (SQLCipher 4) — signals, alerts, judgments, the recovery
// ledger, the outbox of changes waiting for the server, the audit queue and daily aggregates of a local workspace.
// The UI reads only from here; the sync service is the bridge to PostgreSQL.
//
// Contract: open() keys the file, switches to WAL, and migrates the schema forward; a cache written by a newer
// program is refused (ErrorCode::TooNew) rather than damaged. One LocalCache = one writer connection; use it from
// one thread. Every write that must survive a crash is committed before the call returns (WAL, synchronous=FULL).
#include "core/Result.h"
#include "storage/cache/CipherDatabase.h"

#include <QString>

namespace upstream::storage {

class LocalCache {
public:
    static constexpr int kSchemaVersion = 4;

    // key: 32 bytes (from KeyVault); empty = unencrypted (benchmarks only).
    static Result<LocalCache> open(const QString &path, const QByteArray &key);

    CipherDatabase &db() { return m_db; }
    int schemaVersion() const { return m_version; }
    QString path() const { return m_path; }

    // Runs fn inside BEGIN IMMEDIATE … COMMIT; rolls back if fn fails.
    template<typename F>
    Status transaction(F &&fn)
    {
        if (Status st = m_db.exec(QStringLiteral("BEGIN IMMEDIATE")); !st.ok())
            return st;
        Status st = fn();
        if (!st.ok()) {
            (void)m_db.exec(QStringLiteral("ROLLBACK"));
            return st;
        }
        return m_db.exec(QStringLiteral("COMMIT"));
    }

    QString meta(const QString &key) const;
    Status setMeta(const QString &key, const QString &value);

    void close() { m_db.close(); }

private:
    LocalCache(CipherDatabase db, QString path) : m_db(std::move(db)), m_path(std::move(path)) {}
    Status migrate();
    Status ensureClaimKey();
    CipherDatabase m_db;
    QString m_path;
    int m_version = 0;
};

} // namespace upstream::storage
