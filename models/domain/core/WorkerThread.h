#pragma once
// WorkerThread: the one worker thread a background runner owns at a time (importer::JobRunner,
// compute::RecomputeRunner), with the cancel flag of its run. prepare() joins the previous run and hands out a fresh
// flag for the next; cancel() raises the flag (the run sees it at its next step); cancelAndWait() also joins, for a
// lock that must not wipe what a run still reads; the destructor cancels and joins, so no run outlives its runner.
// GUI thread only (the run itself reads just its own flag).
#include <QThread>

#include <atomic>
#include <memory>

namespace upstream {

class WorkerThread {
public:
    WorkerThread() = default;
    ~WorkerThread()
    {
        cancelAndWait();
        delete m_thread;
    }
    WorkerThread(const WorkerThread &) = delete;
    WorkerThread &operator=(const WorkerThread &) = delete;

    // Joins and deletes the previous run's thread; the new run checks the returned flag.
    std::shared_ptr<std::atomic<bool>> prepare()
    {
        if (m_thread) {
            m_thread->wait();
            delete m_thread;
            m_thread = nullptr;
        }
        m_cancel = std::make_shared<std::atomic<bool>>(false);
        return m_cancel;
    }
    // Takes ownership of the run's thread and starts it.
    void start(QThread *thread)
    {
        m_thread = thread;
        m_thread->start();
    }
    void cancel()
    {
        if (m_cancel)
            m_cancel->store(true);
    }
    void cancelAndWait()
    {
        cancel();
        if (m_thread)
            m_thread->wait();
    }

private:
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QThread *m_thread = nullptr;
};

} // namespace upstream
