// bench_cache_encryption [pull_rows] [push_rows] [rounds] [batch_rows]: the cache side of synchronisation alone,
// with and without the SQLCipher key, on the same code and the same synthetic rows (no server: its share is
// identical for both and only adds noise). Per round and mode, a fresh cache applies pull_rows ledger rows in
// batches of sync::kPullBatchRows unless batch_rows is given (applyPulled), queues push_rows changes
// (enqueueChange), then reads them back and records them as applied (pendingChanges + recordPushResults), as
// bench_sync does with a real server. Plain and keyed runs alternate; the medians are compared. Wall and process
// CPU time are printed separately (fsync waits are in wall only).
#include "BenchMedian.h"
#include "BenchOutbox.h"
#include "storage/cache/LocalCache.h"
#include "storage/cache/OutboxStore.h"
#include "storage/cache/SyncCacheStore.h"
#include "storage/pg/PgConnection.h"
#include "storage/pg/PullQueries.h"
#include "sync/Outbox.h"
#include "sync/SyncRound.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QUuid>

#include <libpq-fe.h>

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

// The batches as the server sends them (storage/pg/PullQueries: one ledger row per changed entry, LedgerPullColumn,
// text format), built with libpq's client-side result functions and attached as pullChanges attaches them.
std::vector<sync::PulledBatch> makeBatches(int rows)
{
    std::vector<sync::PulledBatch> out;
    qint64 seq = 0;
    std::vector<PGresAttDesc> columns(storage::PulledLedgerColumns);
    std::vector<QByteArray> names;
    for (int c = 0; c < storage::PulledLedgerColumns; ++c) {
        names.push_back("c" + QByteArray::number(c));
        columns[std::size_t(c)] = PGresAttDesc{names.back().data(), 0, 0, 0, 25 /* text */, -1, -1};
    }
    for (int from = 0; from < rows; from += kBatch) {
        sync::PulledBatch b;
        b.fromSeq = seq;
        PGresult *result = PQmakeEmptyPGresult(nullptr, PGRES_TUPLES_OK);
        if (!result || !PQsetResultAttrs(result, storage::PulledLedgerColumns, columns.data()))
            qFatal("cannot build a result");
        for (int i = from; i < std::min(rows, from + kBatch); ++i) {
            const QByteArray values[storage::PulledLedgerColumns] = {
                QByteArray::number(i + 1),
                QUuid::createUuid().toByteArray(QUuid::WithoutBraces),
                {}, // alert_id
                {}, // signal_id
                "delayguard",
                "Synthetic Payer " + QByteArray::number(i % 50),
                QByteArray::number(qint64(i % 5000) * 100 + 25),
                "0",
                {}, // recovered_date
                "open",
                {}, // owner
                "seeded row " + QByteArray::number(i),
                {}, // approved_by
                {}, // approved_at
                "1",
                "2026-11-01T10:00:00Z",
                "2026-11-01T10:00:00Z",
                {}}; // recovered_by
            for (int c = 0; c < storage::PulledLedgerColumns; ++c) {
                const QByteArray &v = values[c];
                if (!PQsetvalue(result, i - from, c, v.isNull() ? nullptr : const_cast<char *>(v.constData()),
                                v.isNull() ? -1 : int(v.size())))
                    qFatal("cannot fill a result");
            }
            ++seq;
        }
        storage::setLedgerRows(b, storage::PgResult(result));
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
    int applied = 0;
    for (const auto &b : batches) {
        auto changes = storage::applyPulled(cache.value(), b);
        if (!changes.ok())
            qFatal("apply failed: %s", qPrintable(changes.error().message));
        applied += changes->rows;
    }
    t.pullWall = double(wall.nsecsElapsed()) / 1e9;
    t.pullCpu = cpuSeconds() - cpu0;
    const int expected = batches.empty() ? 0 : int(batches.back().toSeq);
    auto count = cache->db().scalar(QStringLiteral("SELECT count(*) FROM ledger_entries"));
    const qint64 stored = count.ok() ? count.value() : -1;
    if (applied != expected || stored != expected)
        qFatal("applied %d rows and the cache holds %lld, expected %d", applied, static_cast<long long>(stored),
               expected);

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

Times median(const std::vector<Times> &v)
{
    auto pick = [&](double Times::*figure) { return test::medianOf(v, figure); };
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
