#pragma once
// LocalCache: the workstation's encrypted local store (SQLCipher 4) — signals, alerts, judgments, the recovery
// ledger, the outbox of changes waiting for the server, the audit queue and daily aggregates of a local workspace.
// The UI reads only from here; the sync service is the bridge to PostgreSQL.
//
// Contract: open() keys the file, switches to WAL, and migrates the schema forward; a cache written by a newer
// program is refused (ErrorCode::TooNew) rather than damaged. One LocalCache = one connection; use it from one
// thread. A worker thread gets its own with openAnotherConnection() (WAL: its reads never block this one; writers
// take turns, busy_timeout 5 s). Every write that must survive a crash is committed before the call returns (WAL,
// synchronous=FULL). close() wipes the key from memory.
#include "core/Result.h"
#include "security/SecureBytes.h"
#include "storage/cache/CipherDatabase.h"

#include <QString>

#include <functional>

namespace upstream::storage {

class LocalCache {
public:
    static constexpr int kSchemaVersion = 5;

    // key: 32 bytes (from KeyVault); empty = unencrypted (benchmarks only). The cache keeps its own copy in locked
    // memory (for openAnotherConnection) until close().
    static Result<LocalCache> open(const QString &path, const security::SecureBytes &key);
    // Tests and benchmarks: the caller owns (and wipes) the QByteArray.
    static Result<LocalCache> open(const QString &path, const QByteArray &key);
    // A second connection to the same file with the same key, for another thread. Call it on this one's thread and
    // hand the result over, or on the worker while this one's owner guarantees it is not closed meanwhile (the
    // session joins its workers before it locks). Fails with InvalidInput once this one is closed (the key is gone).
    Result<LocalCache> openAnotherConnection() const;

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

    // Called (on the writing thread, inside its transaction) each time a change or an audit event is queued for
    // the server on this connection (sync::enqueueChange / enqueueAudit): the sync service sets it to push soon
    // instead of at its next poll. Empty = nobody listens.
    void setChangeQueuedHook(std::function<void()> hook) { m_changeQueued = std::move(hook); }
    void notifyChangeQueued() const
    {
        if (m_changeQueued)
            m_changeQueued();
    }

    QString meta(const QString &key) const;
    Status setMeta(const QString &key, const QString &value);

    bool isOpen() const { return m_db.isOpen(); }
    void close()
    {
        m_db.close();
        m_key.wipe();
    }

private:
    LocalCache(CipherDatabase db, QString path) : m_db(std::move(db)), m_path(std::move(path)) {}
    Status migrate();
    Status ensureClaimKey();
    CipherDatabase m_db;
    // Only for openAnotherConnection(): the SQLCipher connection holds the same key material while open anyway.
    security::SecureBytes m_key;
    bool m_encrypted = false;
    QString m_path;
    int m_version = 0;
    std::function<void()> m_changeQueued;
};

} // namespace upstream::storage
