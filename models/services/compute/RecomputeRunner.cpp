#include "compute/RecomputeRunner.h"

#include "logging/Log.h"
#include "storage/cache/AggregateStore.h"
#include "storage/cache/LocalCache.h"
#include "storage/pg/PgTarget.h"

#include <QThread>

namespace upstream::compute {

RecomputeTarget RecomputeTarget::onServer(storage::PgConnectionParams params, qint64 customerId)
{
    RecomputeTarget t;
    t.server = std::move(params);
    t.customerId = customerId;
    return t;
}

Result<RecomputeTarget> RecomputeTarget::onWorkspace(const storage::LocalCache &cache)
{
    auto other = cache.openAnotherConnection();
    if (!other.ok())
        return other.error();
    RecomputeTarget t;
    t.workspace = std::make_shared<storage::LocalCache>(std::move(other.value()));
    return t;
}

RecomputeRunner::RecomputeRunner(QObject *parent) : QObject(parent) {}

RecomputeRunner::~RecomputeRunner() = default; // m_worker cancels and joins the run

void RecomputeRunner::cancelAndWait()
{
    m_worker.cancelAndWait();
}

void RecomputeRunner::cancel()
{
    m_worker.cancel(); // seen at the run's next step; cancelled() or, once committed, finished() follows
}

QString RecomputeRunner::stepText(const ComputeStep &step, bool server) const
{
    switch (step.stage) {
    case ComputeStage::Aggregating:
        return server ? tr("Aggregating the claims on the server…") : tr("Reading the workspace's daily aggregates…");
    case ComputeStage::RunningProduct: return tr("Running %1…").arg(engines::productLabel(step.product));
    case ComputeStage::WritingSignals: return tr("Writing %n signal(s)…", nullptr, int(step.signalCount));
    case ComputeStage::WritingAlerts: return tr("Raising alerts…");
    }
    return {};
}

void RecomputeRunner::start(RecomputeTarget target, ComputeOptions options)
{
    if (m_running)
        return;
    if (!target.server && !target.workspace) {
        emit failed(tr("Open a workspace or sign in to a server first."));
        return;
    }
    const auto cancelFlag = m_worker.prepare();
    const std::uint64_t gen = ++m_generation;
    m_running = true;
    const bool server = target.server.has_value();
    // Steps of the run: aggregating, one per product, writing signals, and on the server writing alerts.
    const double total = double(options.products.size() + (server ? 3 : 2));
    auto steps = std::make_shared<int>(0); // the worker's count; only the worker touches it
    options.cancelRequested = [cancelFlag] { return cancelFlag->load(); };
    options.step = [this, gen, server, total, steps, hook = workerStepHook](const ComputeStep &step) {
        if (hook)
            hook(step);
        const RecomputeProgress p{stepText(step, server), std::min(double((*steps)++) / total, 1.0)};
        QMetaObject::invokeMethod(
            this,
            [this, gen, p] {
                if (gen == m_generation)
                    emit progress(p);
            },
            Qt::QueuedConnection);
    };
    m_worker.start(QThread::create([this, gen, target = std::move(target), options = std::move(options)]() mutable {
        Result<ComputeReport> result = makeError(ErrorCode::Internal, QString());
        if (Status st = checkCancelled(options); !st.ok()) {
            result = st.error();
        } else if (target.server) {
            auto conn = storage::PgConnection::connect(*target.server);
            target.server->password.fill(QLatin1Char('\0'));
            target.server->password.clear();
            if (!conn.ok())
                result = conn.error();
            else
                result = computeCentral(conn.value(), target.customerId, options);
        } else {
            options.step(ComputeStep{ComputeStage::Aggregating});
            auto set = storage::loadAggregates(*target.workspace);
            if (!set.ok())
                result = set.error();
            else
                result = computeLocal(*target.workspace, set.value(), options);
            target.workspace->close(); // this thread's connection, and its copy of the key, end with the run
            target.workspace.reset();
        }
        if (result.ok())
            log::info(QStringLiteral("recompute: %1 signals (%2 new, %3 updated), %4 alerts, as of %5")
                          .arg(result->found.size())
                          .arg(result->signalsInserted)
                          .arg(result->signalsUpdated)
                          .arg(result->alertsCreated)
                          .arg(result->asOf.toString(Qt::ISODate)));
        QMetaObject::invokeMethod(
            this,
            [this, gen, result = std::move(result)] {
                if (gen != m_generation)
                    return;
                m_running = false;
                if (result.ok())
                    emit finished(result.value());
                else if (result.error().code == ErrorCode::Cancelled)
                    emit cancelled();
                else
                    emit failed(storage::oneLine(result.error()));
            },
            Qt::QueuedConnection);
    }));
}

} // namespace upstream::compute
