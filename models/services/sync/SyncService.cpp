#include "SyncService.h"

#include "logging/Log.h"
#include "storage/cache/LocalCache.h"
#include "storage/cache/OutboxStore.h"
#include "storage/cache/SyncCacheStore.h"
#include "storage/pg/PullQueries.h"

#include <QSocketNotifier>

#include <algorithm>

namespace upstream::sync {

// --- worker ----------------------------------------------------------------------------------------------------

SyncWorker::SyncWorker(QObject *parent) : QObject(parent) {}

void SyncWorker::connectToServer(const storage::PgConnectionParams &params, const QString &origin)
{
    disconnectFromServer();
    auto c = storage::PgConnection::connect(params);
    if (!c.ok()) {
        emit connected(false, int(c.error().code), c.error().message);
        return;
    }
    m_conn = std::make_unique<storage::PgConnection>(std::move(c.value()));
    if (Status st = storage::setChangeOrigin(*m_conn, origin); !st.ok()) {
        m_conn.reset();
        emit connected(false, int(st.error().code), st.error().message);
        return;
    }
    // Each customer announces its changes on its own opaque channel, readable only by its members (0006). A server
    // without change_channels still announces on upstream_changes.
    QStringList channels;
    if (auto r = storage::changeChannels(*m_conn); r.ok())
        channels = r.value();
    else
        channels << QStringLiteral("upstream_changes");
    for (const QString &channel : channels)
        if (Status st = m_conn->listen(channel); !st.ok())
            log::warn(QStringLiteral("sync: LISTEN failed: %1").arg(st.error().message));
    watchSocket();
    emit connected(true, 0, QString());
}

void SyncWorker::watchSocket()
{
    delete m_notifier;
    m_notifier = new QSocketNotifier(qintptr(m_conn->socket()), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        if (!m_conn)
            return;
        if (!m_conn->takeNotifications().empty())
            emit notified();
    });
}

void SyncWorker::disconnectFromServer()
{
    delete m_notifier;
    m_notifier = nullptr;
    m_conn.reset();
}

void SyncWorker::push(qint64 customerId, const std::vector<OutboxChange> &changes)
{
    std::vector<PushResult> results;
    PulledBatch acknowledgedRows;
    if (!m_conn) {
        emit pushed(results, acknowledgedRows, QStringLiteral("not connected"));
        return;
    }
    m_notifier->setEnabled(false); // our own statements' traffic is not a notification
    const Status st = pushChanges(*m_conn, customerId, changes, results, &acknowledgedRows);
    m_notifier->setEnabled(true);
    // What was decided still counts (conflicts, refusals, and acknowledgements whose server rows were read).
    emit pushed(results, acknowledgedRows, st.ok() ? QString() : st.error().message);
}

void SyncWorker::pull(qint64 customerId, qint64 afterSeq)
{
    PulledBatch failed;
    failed.fromSeq = failed.toSeq = afterSeq;
    if (!m_conn) {
        emit pulled(failed, QStringLiteral("not connected"));
        return;
    }
    m_notifier->setEnabled(false);
    auto batch = storage::pullChanges(*m_conn, customerId, afterSeq, kPullBatchRows);
    m_notifier->setEnabled(true);
    if (!batch.ok())
        emit pulled(failed, batch.error().message);
    else
        emit pulled(batch.value(), QString());
}

// --- cache writer ----------------------------------------------------------------------------------------------

SyncCacheWriter::SyncCacheWriter(std::unique_ptr<storage::LocalCache> cache, QObject *parent)
    : QObject(parent), m_cache(std::move(cache))
{
}

SyncCacheWriter::~SyncCacheWriter()
{
    if (m_cache)
        m_cache->close(); // wipes this connection's key
}

void SyncCacheWriter::apply(const PulledBatch &batch)
{
    auto changes = storage::applyPulled(*m_cache, batch);
    emit applied(batch.rowCount(), changes.ok() ? changes.value() : CacheChanges(),
                 changes.ok() ? QString() : changes.error().message);
}

// --- service ---------------------------------------------------------------------------------------------------

SyncService::SyncService(std::shared_ptr<storage::LocalCache> cache, ConnectionStatus *status, QObject *parent)
    : QObject(parent), m_cache(std::move(cache)), m_status(status)
{
    qRegisterMetaType<storage::PgConnectionParams>();
    qRegisterMetaType<std::vector<OutboxChange>>();
    qRegisterMetaType<std::vector<PushResult>>();
    qRegisterMetaType<PulledBatch>();
    qRegisterMetaType<SyncRound>();
    qRegisterMetaType<CacheChanges>();
    m_worker = new SyncWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::connected, this, &SyncService::onConnected);
    connect(m_worker, &SyncWorker::pushed, this, &SyncService::onPushed);
    connect(m_worker, &SyncWorker::pulled, this, &SyncService::onPulled);
    connect(m_worker, &SyncWorker::notified, this, &SyncService::requestSync);
    m_thread.setObjectName(QStringLiteral("sync"));
    m_thread.start();
    // A second connection to the cache for applying pulls off this thread. Without one (a locked or in-memory
    // cache) batches are applied here, as before.
    if (auto other = m_cache->openAnotherConnection(); other.ok()) {
        m_writer = new SyncCacheWriter(std::make_unique<storage::LocalCache>(std::move(other.value())));
        m_writer->moveToThread(&m_cacheThread);
        connect(&m_cacheThread, &QThread::finished, m_writer, &QObject::deleteLater);
        connect(m_writer, &SyncCacheWriter::applied, this, &SyncService::onApplied);
        m_cacheThread.setObjectName(QStringLiteral("sync-cache"));
        m_cacheThread.start();
    }
    m_poll.setInterval(std::chrono::seconds(30));
    connect(&m_poll, &QTimer::timeout, this, &SyncService::requestSync);
    m_soon.setSingleShot(true);
    m_soon.setInterval(std::chrono::milliseconds(100));
    connect(&m_soon, &QTimer::timeout, this, &SyncService::requestSync);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, [this] {
        m_status->setState(ConnectionState::Connecting);
        QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, params = m_params, origin = m_origin] { worker->connectToServer(params, origin); },
            Qt::QueuedConnection);
    });
}

SyncService::~SyncService()
{
    stop();
    m_thread.quit();
    m_thread.wait();
    m_cacheThread.quit();
    m_cacheThread.wait();
}

void SyncService::setPollInterval(std::chrono::milliseconds interval)
{
    m_poll.setInterval(interval);
}

void SyncService::start(const storage::PgConnectionParams &params, qint64 customerId)
{
    m_params = params;
    m_customer = customerId;
    // Read here, on the cache's thread. Without one (an unreadable cache) nothing is left out of the pull.
    auto origin = storage::changeOrigin(*m_cache);
    if (!origin.ok())
        log::warn(QStringLiteral("sync: no change origin, the pull brings back this workstation's own changes: %1")
                      .arg(origin.error().message));
    m_origin = origin.ok() ? origin.value() : QString();
    m_running = true;
    m_backoff = std::chrono::milliseconds(1000);
    m_retry.start(0);
    // A verdict, a ledger edit or an audit event queued on this workstation goes out now, not at the next poll. The
    // hook runs inside the writer's transaction: the queued call starts the timer after it has committed.
    m_cache->setChangeQueuedHook([this] {
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_running && !m_soon.isActive())
                    m_soon.start();
            },
            Qt::QueuedConnection);
    });
}

void SyncService::stop()
{
    m_running = false;
    m_cache->setChangeQueuedHook({});
    m_poll.stop();
    m_retry.stop();
    m_soon.stop();
    m_params.password.fill(QLatin1Char('\0')); // the password is not kept past the session
    m_params.password.clear();
    QMetaObject::invokeMethod(m_worker, &SyncWorker::disconnectFromServer, Qt::QueuedConnection);
}

void SyncService::onConnected(bool ok, int errorCode, const QString &message)
{
    if (!m_running)
        return;
    if (!ok) {
        const auto code = ErrorCode(errorCode);
        if (code == ErrorCode::AuthFailed) {
            m_status->setState(ConnectionState::AuthFailed, message);
            return; // retrying a refused password helps nobody
        }
        if (code == ErrorCode::CertificateRejected) {
            m_status->setState(ConnectionState::CertificateRejected, message);
            return;
        }
        goOffline(message);
        return;
    }
    m_connected = true;
    m_backoff = std::chrono::milliseconds(1000);
    m_poll.start();
    m_status->setState(ConnectionState::Online);
    requestSync();
}

void SyncService::goOffline(const QString &message)
{
    m_connected = false;
    m_inRound = false;
    m_poll.stop();
    QMetaObject::invokeMethod(m_worker, &SyncWorker::disconnectFromServer, Qt::QueuedConnection);
    m_status->setState(ConnectionState::Offline, message);
    if (m_running) {
        m_retry.start(m_backoff);
        m_backoff = std::min(m_backoff * 2, m_maxBackoff);
    }
}

void SyncService::requestSync()
{
    if (!m_running || !m_connected)
        return;
    if (m_inRound) {
        m_again = true; // coalesce: one more round after this one
        return;
    }
    beginRound();
}

void SyncService::beginRound()
{
    m_inRound = true;
    m_again = false;
    m_round = {};
    m_status->setState(ConnectionState::Syncing);
    m_pullDone = false;
    m_deferredPull.reset();
    sendOutbox();
}

void SyncService::onPushed(const std::vector<PushResult> &results, const PulledBatch &acknowledgedRows,
                           const QString &error)
{
    if (!m_inRound)
        return;
    if (auto recorded = storage::recordPushAcknowledgement(*m_cache, results, acknowledgedRows); !recorded.ok()) {
        log::error(QStringLiteral("sync: cannot record push results: %1").arg(recorded.error().message));
    } else {
        if (!results.empty())
            emit pushAcknowledged(results);
        if (!recorded->empty()) // what the server stamped that the cache did not hold yet
            emit cacheChanged(recorded.value());
    }
    int conflicts = 0;
    for (const PushResult &r : results) {
        switch (r.outcome) {
        case PushOutcome::Applied: ++m_round.pushed; break;
        case PushOutcome::AlreadyApplied: ++m_round.alreadyApplied; break;
        case PushOutcome::Conflict: ++m_round.conflicts, ++conflicts; break;
        case PushOutcome::Rejected: ++m_round.rejected; break;
        }
    }
    if (conflicts > 0)
        emit conflictsDetected(conflicts);
    if (!error.isEmpty()) {
        goOffline(error);
        return;
    }
    if (m_pushSent == size_t(kPushBatchChanges) && m_round.rejected == 0) { // a full batch: more may be queued
        sendOutbox();
        return;
    }
    requestPull(storage::lastPulledSeq(*m_cache));
}

void SyncService::requestPull(qint64 afterSeq)
{
    if (m_applying > 1) { // two batches wait for the cache thread: read the next one when it has caught up
        m_deferredPull = afterSeq;
        return;
    }
    m_deferredPull.reset();
    m_pullFrom = afterSeq;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, customer = m_customer, afterSeq] { worker->pull(customer, afterSeq); },
        Qt::QueuedConnection);
}

void SyncService::sendOutbox()
{
    auto changes = storage::pendingChanges(*m_cache, kPushBatchChanges);
    if (!changes.ok()) {
        log::error(QStringLiteral("sync: cannot read the outbox: %1").arg(changes.error().message));
        finishRound();
        return;
    }
    m_pushSent = changes->size();
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, customer = m_customer, changes = std::move(changes.value())] {
            worker->push(customer, changes);
        },
        Qt::QueuedConnection);
}

void SyncService::onPulled(const PulledBatch &batch, const QString &error)
{
    if (!m_inRound || batch.fromSeq != m_pullFrom)
        return; // a batch read ahead for a round that has ended
    if (!error.isEmpty()) {
        goOffline(error);
        return;
    }
    if (batch.toSeq == batch.fromSeq) {
        m_pullDone = true;
        if (m_applying == 0)
            finishRound();
        return;
    }
    if (m_writer) {
        ++m_applying;
        QMetaObject::invokeMethod(
            m_writer, [writer = m_writer, batch] { writer->apply(batch); }, Qt::QueuedConnection);
        requestPull(batch.toSeq); // the worker reads the next batch while the cache thread applies this one
        return;
    }
    requestPull(batch.toSeq); // the worker reads the next batch while this one is applied
    auto changes = storage::applyPulled(*m_cache, batch);
    if (!changes.ok()) {
        log::error(QStringLiteral("sync: cannot apply pulled changes: %1").arg(changes.error().message));
        m_pullFrom = -1;
        finishRound();
        return;
    }
    m_round.pulledRows += batch.rowCount();
    m_round.pulled.merge(changes.value());
    if (!changes->empty())
        emit cacheChanged(changes.value()); // once per batch that changed something
}

void SyncService::onApplied(int rows, const CacheChanges &changes, const QString &error)
{
    if (m_applying > 0)
        --m_applying;
    if (!m_inRound)
        return;
    if (!error.isEmpty()) {
        log::error(QStringLiteral("sync: cannot apply pulled changes: %1").arg(error));
        m_pullFrom = -1; // drop what was read ahead; the next round starts from the cache's last seq
        m_deferredPull.reset();
        if (m_applying == 0)
            finishRound();
        return;
    }
    m_round.pulledRows += rows;
    m_round.pulled.merge(changes);
    if (!changes.empty())
        emit cacheChanged(changes); // once per batch that changed something
    if (m_deferredPull)
        requestPull(*m_deferredPull);
    else if (m_pullDone && m_applying == 0)
        finishRound();
}

void SyncService::finishRound()
{
    m_inRound = false;
    if (m_connected)
        m_status->setState(ConnectionState::Online);
    emit roundFinished(m_round);
    if (m_again)
        requestSync();
}

} // namespace upstream::sync
