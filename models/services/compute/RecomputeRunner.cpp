#include "compute/RecomputeRunner.h"

#include "logging/Log.h"
#include "storage/cache/AggregateStore.h"
#include "storage/cache/LocalCache.h"
#include "storage/pg/PgTarget.h"

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

RecomputeRunner::~RecomputeRunner() = default; // m_job cancels and joins the run

void RecomputeRunner::cancelAndWait()
{
    m_job.cancelAndWait();
}

void RecomputeRunner::cancel()
{
    m_job.cancel(); // seen at the run's next step; cancelled() or, once committed, finished() follows
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
    if (m_job.isRunning())
        return;
    if (!target.server && !target.workspace) {
        emit failed(tr("Open a workspace or sign in to a server first."));
        return;
    }
    const bool server = target.server.has_value();
    // Steps of the run: aggregating, one per product, writing signals, and on the server writing alerts.
    const double total = double(options.products.size() + (server ? 3 : 2));
    m_job.start([this, server, total, hook = workerStepHook, target = std::move(target),
                 options = std::move(options)](const JobContext &job) mutable {
        int steps = 0;
        options.cancelRequested = [&job] { return job.cancelRequested(); };
        options.step = [&](const ComputeStep &step) {
            if (hook)
                hook(step);
            job.post([this, p = RecomputeProgress{stepText(step, server), std::min(double(steps++) / total, 1.0)}] {
                emit progress(p);
            });
        };
        Result<ComputeReport> result = run(target, options);
        if (result.ok())
            log::info(QStringLiteral("recompute: %1 signals (%2 new, %3 updated), %4 alerts, as of %5")
                          .arg(result->found.size())
                          .arg(result->signalsInserted)
                          .arg(result->signalsUpdated)
                          .arg(result->alertsCreated)
                          .arg(result->asOf.toString(Qt::ISODate)));
        job.finish([this, result = std::move(result)] {
            if (result.ok())
                emit finished(result.value());
            else if (result.error().code == ErrorCode::Cancelled)
                emit cancelled();
            else
                emit failed(storage::oneLine(result.error()));
        });
    });
}

Result<ComputeReport> RecomputeRunner::run(RecomputeTarget &target, const ComputeOptions &options)
{
    if (Status st = checkCancelled(options); !st.ok())
        return st.error();
    if (target.server) {
        auto conn = storage::PgConnection::connect(*target.server);
        target.server->password.fill(QLatin1Char('\0'));
        target.server->password.clear();
        if (!conn.ok())
            return conn.error();
        return computeCentral(conn.value(), target.customerId, options);
    }
    options.step(ComputeStep{ComputeStage::Aggregating});
    auto set = storage::loadAggregates(*target.workspace);
    Result<ComputeReport> result =
        set.ok() ? computeLocal(*target.workspace, set.value(), options) : Result<ComputeReport>(set.error());
    target.workspace->close(); // this thread's connection, and its copy of the key, end with the run
    target.workspace.reset();
    return result;
}

} // namespace upstream::compute
