// bench_cache_encryption [pull_rows] [push_rows] [rounds] [batch_rows]: the cache side of synchronisation alone,
// with and without the SQLCipher key, on the same code and the same synthetic rows (no server: its share is
// identical for both and only adds noise). Per round and mode, a fresh cache applies pull_rows ledger rows in
// batches of sync::kPullBatchRows unless batch_rows is given (applyPulled), queues push_rows changes
// (enqueueChange), then reads them back and records them as applied (pendingChanges + recordPushResults), as
// bench_sync does with a real server. Plain and keyed runs alternate; the medians are compared. Wall and process
// CPU time are printed separately (fsync waits are in wall only).
#include "BenchOutbox.h"
#include "storage/cache/LocalCache.h"
#include "storage/cache/OutboxStore.h"
#include "storage/cache/SyncCacheStore.h"
#include "sync/Outbox.h"
#include "sync/SyncRound.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace upstream;

namespace {

double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

struct Times {
    double pullWall = 0, pullCpu = 0, pushWall = 0, pushCpu = 0;
    double wall() const { return pullWall + pushWall; }
    double cpu() const { return pullCpu + pushCpu; }
};

int kBatch = sync::kPullBatchRows;
std::vector<sync::PulledBatch> makeBatches(int rows)
{
    std::vector<sync::PulledBatch> out;
    qint64 seq = 0;
    for (int from = 0; from < rows; from += kBatch) {
        sync::PulledBatch b;
        b.fromSeq = seq;
        for (int i = from; i < std::min(rows, from + kBatch); ++i) {
            sync::PulledRow r;
            r.table = QStringLiteral("ledger_entries");
            r.key = {{QStringLiteral("entry_id"), double(i + 1)}};
            r.row = {{QStringLiteral("entry_id"), double(i + 1)},
                     {QStringLiteral("client_uuid"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                     {QStringLiteral("product"), QStringLiteral("delayguard")},
                     {QStringLiteral("payer"), QStringLiteral("Synthetic Payer %1").arg(i % 50)},
                     {QStringLiteral("expected_amount"), double(i % 5000) + 0.25},
                     {QStringLiteral("recovered_amount"), 0.0},
                     {QStringLiteral("state"), QStringLiteral("open")},
                     {QStringLiteral("notes"), QStringLiteral("seeded row %1").arg(i)},
                     {QStringLiteral("version"), 1.0},
                     {QStringLiteral("created_at"), QStringLiteral("2026-11-01T10:00:00.000Z")},
                     {QStringLiteral("updated_at"), QStringLiteral("2026-11-01T10:00:00.000Z")}};
            b.rows.push_back(std::move(r));
            ++seq;
        }
        b.toSeq = seq;
        out.push_back(std::move(b));
    }
    return out;
}

Times runOnce(const QString &path, const QByteArray &key, const std::vector<sync::PulledBatch> &batches, int pushRows)
{
    Times t;
    auto cache = storage::LocalCache::open(path, key);
    if (!cache.ok())
        qFatal("open: %s", qPrintable(cache.error().message));
    QElapsedTimer wall;
    wall.start();
    double cpu0 = cpuSeconds();
    for (const auto &b : batches)
        if (!storage::applyPulled(cache.value(), b).ok())
            qFatal("apply failed");
    t.pullWall = double(wall.nsecsElapsed()) / 1e9;
    t.pullCpu = cpuSeconds() - cpu0;

    wall.restart();
    cpu0 = cpuSeconds();
    const Status st = test::queueBenchLedgerChanges(cache.value(), pushRows);
    if (!st.ok())
        qFatal("enqueue: %s", qPrintable(st.error().message));
    for (;;) {
        auto changes = storage::pendingChanges(cache.value(), 1000);
        if (!changes.ok() || changes->empty())
            break;
        std::vector<sync::PushResult> results;
        for (const auto &c : changes.value())
            results.push_back({c.id, sync::PushOutcome::Applied, {}, {}});
        if (!storage::recordPushResults(cache.value(), results).ok())
            qFatal("record failed");
    }
    t.pushWall = double(wall.nsecsElapsed()) / 1e9;
    t.pushCpu = cpuSeconds() - cpu0;
    return t;
}

Times median(std::vector<Times> v)
{
    auto pick = [&](auto member) {
        std::vector<double> xs;
        for (const Times &t : v)
            xs.push_back(t.*member);
        std::sort(xs.begin(), xs.end());
        return xs[xs.size() / 2];
    };
    return {pick(&Times::pullWall), pick(&Times::pullCpu), pick(&Times::pushWall), pick(&Times::pushCpu)};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int pullRows = argc > 1 ? std::atoi(argv[1]) : 100000;
    const int pushRows = argc > 2 ? std::atoi(argv[2]) : 10000;
    const int rounds = argc > 3 ? std::atoi(argv[3]) : 3;
    if (argc > 4)
        kBatch = std::atoi(argv[4]);
    const auto batches = makeBatches(pullRows);
    std::vector<Times> plain, keyed;
    for (int r = 0; r < rounds; ++r) {
        QTemporaryDir dir;
        plain.push_back(runOnce(dir.filePath(QStringLiteral("plain.db")), QByteArray(), batches, pushRows));
        keyed.push_back(runOnce(dir.filePath(QStringLiteral("keyed.db")), QByteArray(32, '\x5c'), batches, pushRows));
    }
    const Times p = median(plain), k = median(keyed);
    auto line = [&](const char *what, const Times &t) {
        std::printf("%-11s apply %d pulled rows: %.3f s wall (%.0f rows/s), %.3f s CPU | queue+record %d: %.3f s "
                    "wall (%.0f rows/s), %.3f s CPU\n",
                    what, pullRows, t.pullWall, pullRows / t.pullWall, t.pullCpu, pushRows, t.pushWall,
                    pushRows / t.pushWall, t.pushCpu);
    };
    line("unencrypted", p);
    line("SQLCipher 4", k);
    std::printf("batches of %d rows, median of %d rounds: cache work %.3f s vs %.3f s wall -> encryption costs %+.1f%% "
                "(CPU %+.1f%%)\n",
                kBatch, rounds, p.wall(), k.wall(), 100.0 * (k.wall() / p.wall() - 1.0),
                100.0 * (k.cpu() / p.cpu() - 1.0));
    return 0;
}
