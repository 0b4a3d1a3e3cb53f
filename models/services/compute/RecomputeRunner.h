#pragma once
// RecomputeRunner: the analyst's "Recompute signals" — compute::computeCentral or computeLocal with a choice of
// products and as-of date — on a worker thread, so the GUI thread never aggregates, runs an engine or waits on a
// database. The threading idiom is the house's one (core/BackgroundJob.h): one worker thread per run, the run's
// cancel flag, results posted back to the runner's thread.
//
// The worker never touches a connection of the caller's thread: a server run opens its own PgConnection on the
// worker; a workspace run gets a second connection to the cache file (RecomputeTarget::onWorkspace, opened on the
// caller's thread while the workspace is unlocked) and closes it when the run ends.
//
// Progress: one translated phrase per step and the fraction of the run's steps done (ComputeSignals.h, ComputeStage).
// Cancel is checked between steps, the last time just before the commit; a cancelled run writes nothing (the one
// transaction of computeCentral / computeLocal is rolled back) and ends with cancelled(). A cancel that arrives
// after the commit is too late: the run ends with finished(). Failures end with failed(reason), a one-line
// message without PHI. Destroying the runner cancels the run and waits for the worker.
#include "compute/ComputeSignals.h"
#include "core/BackgroundJob.h"
#include "storage/pg/PgConnection.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace upstream::storage {
class LocalCache;
}

namespace upstream::compute {

// Where a recompute reads and writes. Exactly one of server / workspace is set.
struct RecomputeTarget {
    std::optional<storage::PgConnectionParams> server; // with the password; wiped by the worker when it is done
    qint64 customerId = 0;
    std::shared_ptr<storage::LocalCache> workspace; // a connection of its own, used by the worker only

    static RecomputeTarget onServer(storage::PgConnectionParams params, qint64 customerId);
    // A second connection to `cache`'s file (LocalCache::openAnotherConnection); fails while the cache is locked.
    static Result<RecomputeTarget> onWorkspace(const storage::LocalCache &cache);
};

struct RecomputeProgress {
    QString step;        // translated, e.g. "Running DelayGuard…"
    double fraction = 0; // steps done / steps of the run, 0..1
};

class RecomputeRunner : public QObject {
    Q_OBJECT
public:
    explicit RecomputeRunner(QObject *parent = nullptr);
    ~RecomputeRunner() override;

    // Starts computing options.products as of options.asOf (invalid: the data's own date) on `target`. Ignored
    // while a run is in progress. options.step and options.cancelRequested are the runner's.
    void start(RecomputeTarget target, ComputeOptions options);
    void cancel();
    // cancel() and wait for the worker thread to end (the workstation locks).
    void cancelAndWait();
    bool isRunning() const { return m_job.isRunning(); }

    // Test seam: called on the worker thread at the start of each step, before its progress is posted.
    std::function<void(const ComputeStep &)> workerStepHook;

signals:
    void progress(const upstream::compute::RecomputeProgress &progress);
    void finished(const upstream::compute::ComputeReport &report);
    void failed(const QString &reason);
    void cancelled();

private:
    QString stepText(const ComputeStep &step, bool server) const;
    // The worker's part: connect or read the aggregates, compute, close the worker's own connection.
    static Result<ComputeReport> run(RecomputeTarget &target, const ComputeOptions &options);

    BackgroundJob m_job; // last: destroyed first, so the run is cancelled and joined while the rest still exists
};

} // namespace upstream::compute
