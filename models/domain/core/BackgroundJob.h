#pragma once
// BackgroundJob: the one way the workstation runs work off the GUI thread (import, preview, validation, recompute,
// dashboard loads, workspace unlock, sign-in). Each start() runs its work function on a fresh worker thread; the
// work talks back only through its JobContext:
//   cancelRequested()  the run's own cancel flag (cancel(), supersede(), cancelAndWait() or the destructor raised it);
//   post(fn)           runs fn on the owner's thread (the thread the job lives on), unless the run was superseded;
//   postProgress(fn)   post() at most once per progress interval (the first call always goes);
//   finish(fn)         the run's last word: isRunning() turns false on the owner's thread, then fn runs.
// A superseded run keeps its thread until it notices its flag; nothing it posts is delivered any more. Threads are
// joined by the next start() once they ended, by cancelAndWait() and by the destructor, so no run outlives its job
// and no QThread is deleted while it runs.
//
// Thread rules: start/cancel/supersede/cancelAndWait/isRunning on the owner's thread only. The work function owns
// what it captured; a database connection it uses is its own (opened for it, or on its thread), never the
// owner's. Long-lived workers with an event loop of their own (the sync service's network and cache threads) are
// not jobs: they are QObjects moved to a thread (sync/SyncService.h).
#include <QObject>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

class QThread;

namespace upstream {

class BackgroundJob;

class JobContext {
public:
    bool cancelRequested() const { return m_cancel->load(); }
    // The flag itself, for code that polls it without knowing about jobs (e.g. a validation's std::function).
    const std::shared_ptr<std::atomic<bool>> &cancelFlag() const { return m_cancel; }
    void post(std::function<void()> fn) const;
    void postProgress(std::function<void()> fn) const;
    void finish(std::function<void()> fn) const;

private:
    friend class BackgroundJob;
    JobContext(BackgroundJob *job, std::uint64_t generation, std::shared_ptr<std::atomic<bool>> cancel,
               std::chrono::milliseconds interval);
    BackgroundJob *m_job;
    std::uint64_t m_generation;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::chrono::milliseconds m_interval;
    mutable std::chrono::steady_clock::time_point m_lastProgress; // the worker's own; only it touches it
    mutable bool m_progressSent = false;
};

class BackgroundJob : public QObject {
public:
    explicit BackgroundJob(QObject *parent = nullptr);
    ~BackgroundJob() override; // cancels every run and joins its thread
    BackgroundJob(const BackgroundJob &) = delete;
    BackgroundJob &operator=(const BackgroundJob &) = delete;

    using Work = std::function<void(const JobContext &)>;
    // Runs `work` on a new worker thread. A run still in progress is superseded first (see supersede()).
    void start(Work work);
    // Raises the current run's flag; the run still delivers what it posts, its finish() included.
    void cancel();
    // cancel(), and nothing the current run posts from now on is delivered; isRunning() is false at once.
    void supersede();
    // cancel() every run and wait until their threads have ended (the workstation locks: nothing may still read
    // the cache or the password). What the current run posted still arrives through the event loop afterwards.
    void cancelAndWait();
    bool isRunning() const { return m_running; }
    std::uint64_t generation() const { return m_generation; }

    std::chrono::milliseconds progressInterval{50};

    // One piece of work whose result `done` receives on `context`'s thread: a job that deletes itself once done
    // (or with `context`, which then waits for the work to end).
    template<typename T>
    static void runOnce(QObject *context, std::function<T()> work, std::function<void(T)> done)
    {
        auto *job = new BackgroundJob(context);
        job->start([job, work = std::move(work), done = std::move(done)](const JobContext &ctx) {
            auto result = std::make_shared<T>(work());
            ctx.finish([job, result, done] {
                done(std::move(*result));
                job->deleteLater();
            });
        });
    }

private:
    friend class JobContext;
    struct Run {
        QThread *thread;
        std::shared_ptr<std::atomic<bool>> cancel;
    };
    void reapEnded();
    bool isCurrent(std::uint64_t generation) const { return generation == m_generation; }
    void ended(std::uint64_t generation);

    std::uint64_t m_generation = 0;
    bool m_running = false;
    std::vector<Run> m_runs;
};

} // namespace upstream
