// BackgroundJob, the one way the workstation runs work off the GUI thread: the work runs on a thread other than
// the owner's, what it posts arrives on the owner's thread, a superseded run delivers nothing more, cancelAndWait()
// and the destructor leave no run behind, progress is throttled, and runOnce() delivers once and deletes itself.
#include "core/BackgroundJob.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace upstream;

namespace {

// Waits (on the worker) until the flag is raised; a run that never sees it would hang the test, not pass it.
void waitForCancel(const JobContext &job)
{
    while (!job.cancelRequested())
        QThread::msleep(1);
}

} // namespace

class TstBackgroundJob : public QObject {
    Q_OBJECT
private slots:
    void workRunsOffTheOwnersThreadAndFinishesOnIt()
    {
        BackgroundJob job;
        std::atomic<QThread *> workerThread{nullptr};
        QThread *finishThread = nullptr;
        int finished = 0;
        job.start([&](const JobContext &ctx) {
            workerThread = QThread::currentThread();
            ctx.finish([&] {
                finishThread = QThread::currentThread();
                ++finished;
            });
        });
        QVERIFY(job.isRunning());
        QTRY_COMPARE(finished, 1);
        QVERIFY(!job.isRunning());
        QVERIFY(workerThread.load() != nullptr);
        QVERIFY(workerThread.load() != QThread::currentThread());
        QCOMPARE(finishThread, QThread::currentThread());
    }

    void supersededRunDeliversNothingMore()
    {
        QStringList delivered;
        std::atomic<bool> firstSawCancel{false};
        BackgroundJob job; // after what its runs touch: destroyed (and joined) first
        job.start([&](const JobContext &ctx) {
            waitForCancel(ctx);
            firstSawCancel = true;
            ctx.post([&] { delivered << QStringLiteral("first.post"); });
            ctx.finish([&] { delivered << QStringLiteral("first.finish"); });
        });
        const std::uint64_t firstGeneration = job.generation();
        job.start([&](const JobContext &ctx) { ctx.finish([&] { delivered << QStringLiteral("second"); }); });
        QVERIFY(job.generation() > firstGeneration);
        QTRY_VERIFY(firstSawCancel.load()); // the new start raised the first run's flag
        QTRY_COMPARE(delivered, QStringList{QStringLiteral("second")});
        QTest::qWait(50); // anything the first run posted has had its turn in the event loop
        QCOMPARE(delivered, QStringList{QStringLiteral("second")});
    }

    void cancelStillDeliversTheRunsEnd()
    {
        BackgroundJob job;
        bool cancelledEnd = false;
        job.start([&](const JobContext &ctx) {
            waitForCancel(ctx);
            ctx.finish([&] { cancelledEnd = true; });
        });
        job.cancel();
        QTRY_VERIFY(cancelledEnd);
        QVERIFY(!job.isRunning());
    }

    void cancelAndWaitJoinsEveryRun()
    {
        std::atomic<int> ended{0};
        BackgroundJob job;
        for (int i = 0; i < 3; ++i)
            job.start([&](const JobContext &ctx) {
                waitForCancel(ctx);
                QThread::msleep(20);
                ++ended;
            });
        job.cancelAndWait();
        QCOMPARE(ended.load(), 3); // all three, superseded ones included, have returned
    }

    void destroyingTheJobJoinsTheRun()
    {
        std::atomic<bool> returned{false};
        {
            BackgroundJob job;
            job.start([&](const JobContext &ctx) {
                waitForCancel(ctx);
                QThread::msleep(30);
                returned = true;
            });
        }
        QVERIFY(returned.load());
    }

    void progressIsThrottledFinishIsNot()
    {
        BackgroundJob job;
        job.progressInterval = std::chrono::milliseconds(1000);
        int progress = 0;
        bool finished = false;
        job.start([&](const JobContext &ctx) {
            for (int i = 0; i < 1000; ++i)
                ctx.postProgress([&] { ++progress; });
            ctx.finish([&] { finished = true; });
        });
        QTRY_VERIFY(finished);
        QCOMPARE(progress, 1); // the first call goes, the rest fall within the interval

        BackgroundJob unthrottled;
        unthrottled.progressInterval = std::chrono::milliseconds(0);
        int every = 0;
        finished = false;
        unthrottled.start([&](const JobContext &ctx) {
            for (int i = 0; i < 10; ++i)
                ctx.postProgress([&] { ++every; });
            ctx.finish([&] { finished = true; });
        });
        QTRY_VERIFY(finished);
        QCOMPARE(every, 10);
    }

    void runOnceDeliversOnceAndDeletesItself()
    {
        QObject context;
        int result = 0;
        int calls = 0;
        BackgroundJob::runOnce<int>(
            &context, [] { return 42; },
            [&](int value) {
                result = value;
                ++calls;
            });
        QCOMPARE(context.findChildren<BackgroundJob *>().size(), 1);
        QTRY_COMPARE(calls, 1);
        QCOMPARE(result, 42);
        QTRY_COMPARE(context.findChildren<BackgroundJob *>().size(), 0); // deleteLater ran
    }
};

QTEST_GUILESS_MAIN(TstBackgroundJob)
#include "tst_background_job_supersedes_cancels_and_joins.moc"
