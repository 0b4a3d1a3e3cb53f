#pragma once
// SyncService: keeps the local cache in step with the central server while the workstation runs.
//
// The PostgreSQL connection lives on a worker thread (SyncWorker) — the GUI thread never waits on the network — and
// pulled batches are applied on a cache thread (SyncCacheWriter, a second connection to the same cache file); the
// outbox is read and push results recorded on the thread that owns the cache. A round: read queued changes → push
// them on the worker (batches of kPushBatchChanges, one server transaction each) → record the results → pull
// change_log batches on the worker while the cache thread applies the previous one (at most two batches in flight)
// → cacheChanged once per applied batch that changed something, saying what (CacheChanges: which products, the
// ledger). The sync connection carries the cache's change origin (storage::changeOrigin): the server stamps what
// this workstation pushes with it, the push acknowledgement brings back the rows as the server stamped them (stored
// with the results), and the pull leaves out what only this workstation changed — the operator's own verdict
// comes back to nobody's screen but the other workstations'. Rounds run on demand (requestSync(), e.g. after a local
// edit), when another workstation's change is announced by NOTIFY upstream_changes, and every `pollInterval`. A lost
// connection switches the state to Offline and retries with exponential backoff (1 s … 60 s); nothing queued is lost
// because it is deleted from the outbox only after the server acknowledged it.
#include "storage/pg/PgConnection.h"
#include "sync/ConnectionState.h"
#include "sync/SyncRound.h"

#include <QObject>
#include <QSocketNotifier>
#include <QThread>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>

namespace upstream::storage {
class LocalCache;
}

namespace upstream::sync {

class SyncWorker;
class SyncCacheWriter;

class SyncService : public QObject {
    Q_OBJECT
public:
    SyncService(std::shared_ptr<storage::LocalCache> cache, ConnectionStatus *status, QObject *parent = nullptr);
    ~SyncService() override;

    void start(const storage::PgConnectionParams &params, qint64 customerId);
    void stop();
    void setPollInterval(std::chrono::milliseconds interval);
    // How long after a local change is queued the round that pushes it starts (default 100 ms).
    void setPushDelay(std::chrono::milliseconds delay) { m_soon.setInterval(delay); }
    void setMaximumBackoff(std::chrono::milliseconds maximum) { m_maxBackoff = maximum; }

public slots:
    void requestSync();

signals:
    // Server rows were written into the cache (a pulled batch, or the rows a push acknowledgement carried) and
    // changed it: the views showing what changed refresh. Never emitted for a batch that changed nothing.
    void cacheChanged(const upstream::sync::CacheChanges &changes);
    void conflictsDetected(int count);
    void roundFinished(const upstream::sync::SyncRound &round);
    // The server's answers for one pushed batch, after they were recorded in the cache (Applied / AlreadyApplied
    // ones are committed on the server and gone from the outbox).
    void pushAcknowledged(const std::vector<upstream::sync::PushResult> &results);

private:
    void beginRound();
    void sendOutbox();
    void onPushed(const std::vector<upstream::sync::PushResult> &results,
                  const upstream::sync::PulledBatch &acknowledgedRows, const QString &error);
    void onPulled(const upstream::sync::PulledBatch &batch, const QString &error);
    void onApplied(int rows, const upstream::sync::CacheChanges &changes, const QString &error);
    void requestPull(qint64 afterSeq);
    void onConnected(bool ok, int errorCode, const QString &message);
    void goOffline(const QString &message);
    void finishRound();

    std::shared_ptr<storage::LocalCache> m_cache;
    ConnectionStatus *m_status;
    QThread m_thread;
    SyncWorker *m_worker = nullptr;
    QThread m_cacheThread;
    SyncCacheWriter *m_writer = nullptr;  // null: pulled batches are applied on this object's thread
    int m_applying = 0;                   // batches handed to the writer and not yet applied
    bool m_pullDone = false;              // the round's pull reached the end of the change log
    std::optional<qint64> m_deferredPull; // the next batch to read once the writer has caught up
    QTimer m_poll;
    QTimer m_retry;
    QTimer m_soon; // a change was queued locally: a round shortly, a burst of edits coalesced into one
    storage::PgConnectionParams m_params;
    QString m_origin; // the cache's change origin, given to the worker's connection
    qint64 m_customer = 0;
    bool m_running = false;
    bool m_inRound = false;
    bool m_again = false;
    bool m_connected = false;
    SyncRound m_round;
    size_t m_pushSent = 0;  // changes in the batch being pushed
    qint64 m_pullFrom = -1; // the batch the round waits for starts after this seq
    std::chrono::milliseconds m_backoff{1000};
    std::chrono::milliseconds m_maxBackoff{60000};
};

// Lives on SyncService's cache thread with a cache connection of its own: pulled batches are applied there, one
// cache transaction each, so a large pull never blocks the GUI thread. Internal to the sync service.
class SyncCacheWriter : public QObject {
    Q_OBJECT
public:
    explicit SyncCacheWriter(std::unique_ptr<storage::LocalCache> cache, QObject *parent = nullptr);
    ~SyncCacheWriter() override;

public slots:
    void apply(const upstream::sync::PulledBatch &batch);

signals:
    // rows: received in the batch; changes: what they changed in the cache.
    void applied(int rows, const upstream::sync::CacheChanges &changes, const QString &error);

private:
    std::unique_ptr<storage::LocalCache> m_cache;
};

// Lives on SyncService's worker thread; owns the PostgreSQL connection. Internal to the sync service.
class SyncWorker : public QObject {
    Q_OBJECT
public:
    explicit SyncWorker(QObject *parent = nullptr);

public slots:
    // origin: the cache's change origin (storage::setChangeOrigin), set on the connection before anything else.
    void connectToServer(const upstream::storage::PgConnectionParams &params, const QString &origin);
    void push(qint64 customerId, const std::vector<upstream::sync::OutboxChange> &changes);
    void pull(qint64 customerId, qint64 afterSeq);
    void disconnectFromServer();

signals:
    void connected(bool ok, int errorCode, const QString &message);
    void pushed(const std::vector<upstream::sync::PushResult> &results,
                const upstream::sync::PulledBatch &acknowledgedRows, const QString &error);
    void pulled(const upstream::sync::PulledBatch &batch, const QString &error);
    void notified();

private:
    void watchSocket();
    std::unique_ptr<storage::PgConnection> m_conn;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace upstream::sync

Q_DECLARE_METATYPE(upstream::storage::PgConnectionParams)
Q_DECLARE_METATYPE(std::vector<upstream::sync::OutboxChange>)
Q_DECLARE_METATYPE(std::vector<upstream::sync::PushResult>)
Q_DECLARE_METATYPE(upstream::sync::PulledBatch)
Q_DECLARE_METATYPE(upstream::sync::SyncRound)
Q_DECLARE_METATYPE(upstream::sync::CacheChanges)
