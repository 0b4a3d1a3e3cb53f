#include "core/BackgroundJob.h"

#include <QThread>

#include <algorithm>

namespace upstream {

JobContext::JobContext(BackgroundJob *job, std::uint64_t generation, std::shared_ptr<std::atomic<bool>> cancel,
                       std::chrono::milliseconds interval)
    : m_job(job), m_generation(generation), m_cancel(std::move(cancel)), m_interval(interval)
{
}

void JobContext::post(std::function<void()> fn) const
{
    BackgroundJob *job = m_job;
    QMetaObject::invokeMethod(
        job,
        [job, generation = m_generation, fn = std::move(fn)] {
            if (job->isCurrent(generation))
                fn();
        },
        Qt::QueuedConnection);
}

void JobContext::postProgress(std::function<void()> fn) const
{
    const auto now = std::chrono::steady_clock::now();
    if (m_progressSent && now - m_lastProgress < m_interval)
        return;
    m_progressSent = true;
    m_lastProgress = now;
    post(std::move(fn));
}

void JobContext::finish(std::function<void()> fn) const
{
    BackgroundJob *job = m_job;
    QMetaObject::invokeMethod(
        job,
        [job, generation = m_generation, fn = std::move(fn)] {
            if (!job->isCurrent(generation))
                return;
            job->ended(generation);
            fn();
        },
        Qt::QueuedConnection);
}

BackgroundJob::BackgroundJob(QObject *parent) : QObject(parent) {}

BackgroundJob::~BackgroundJob()
{
    cancelAndWait();
    for (const Run &run : m_runs)
        delete run.thread;
}

void BackgroundJob::reapEnded()
{
    std::erase_if(m_runs, [](const Run &run) {
        if (!run.thread->isFinished())
            return false;
        run.thread->wait();
        delete run.thread;
        return true;
    });
}

void BackgroundJob::ended(std::uint64_t generation)
{
    if (isCurrent(generation))
        m_running = false;
}

void BackgroundJob::start(Work work)
{
    supersede();
    reapEnded();
    const std::uint64_t generation = ++m_generation;
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_running = true;
    QThread *thread = QThread::create(
        [context = JobContext(this, generation, cancel, progressInterval), work = std::move(work)] { work(context); });
    m_runs.push_back(Run{thread, std::move(cancel)});
    thread->start();
}

void BackgroundJob::cancel()
{
    if (!m_runs.empty())
        m_runs.back().cancel->store(true);
}

void BackgroundJob::supersede()
{
    for (const Run &run : m_runs)
        run.cancel->store(true);
    if (m_running) {
        ++m_generation; // what the run still posts is dropped
        m_running = false;
    }
}

void BackgroundJob::cancelAndWait()
{
    for (const Run &run : m_runs)
        run.cancel->store(true);
    for (const Run &run : m_runs)
        run.thread->wait();
}

} // namespace upstream
