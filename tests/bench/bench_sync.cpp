// Benchmark (issue 7): pull 100,000 changed rows from PostgreSQL into the local cache and push 10,000 queued
// changes, once with an encrypted cache (SQLCipher 4, raw 256-bit key) and once unencrypted with the same code.
// Prints rows/s and the cost of encryption on the cache's own work (the server's share is the same for both).
// Each mode runs on a fresh database; the pull is pipelined (sync::pullUntilCurrent) and its rows are counted, every
// push result is checked, and any failure exits non-zero. Runs its own throwaway PostgreSQL cluster. The two modes
// alternate for `rounds` rounds and every figure printed is its median over the rounds: one run on a shared machine
// varies by ±10%, which is as much as the differences measured.
// Usage: bench_sync [pull_rows] [push_rows] [rounds = 3]  (CTest runs it at a small size under the label bench)
#include "BenchMedian.h"
#include "BenchOutbox.h"
#include "PrivateCluster.h"
#include "UpstreamSchema.h"
#include "storage/cache/LocalCache.h"
#include "storage/cache/OutboxStore.h"
#include "sync/Outbox.h"
#include "sync/SyncRound.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QUuid>

#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace upstream;

namespace {

struct Figures {
    int pulled = 0;
    double pullTotal = 0, pullCache = 0, enqueue = 0, pushTotal = 0, pushCache = 0;
    double pushServer = 0; // pushTotal - pushCache: the push's time outside the cache
    double cacheWork = 0;  // pullCache + enqueue + pushCache
};

[[noreturn]] void fail(const char *what, const QString &why)
{
    std::fprintf(stderr, "bench_sync: %s: %s\n", what, qPrintable(why));
    std::exit(1);
}

// Each mode runs on a database of its own, seeded the same way, so the second mode neither pulls the first one's
// pushed rows nor pushes into a larger table.
Figures run(const test::PgFixture &fixture, const QString &path, const QByteArray &key, int pullRows, int pushRows)
{
    test::MigratedDatabase db(fixture, QStringLiteral("bench"));
    const qint64 customer = db.createCustomer(QStringLiteral("Bench Clinic")).value_or(0);
    auto user = db.createUser(customer, QStringLiteral("operator"));
    if (!db.ok() || !user)
        fail("database setup", db.error());
    auto seeded = db.superuser().exec(
        "INSERT INTO upstream.ledger_entries (customer_id, client_uuid, product, payer, expected_amount, notes) "
        "SELECT $1, gen_random_uuid(), 'delayguard', 'Synthetic Payer ' || (g % 50), (g % 5000) + 0.25, "
        "'seeded row ' || g FROM generate_series(1, $2) g",
        {customer, pullRows});
    if (!seeded.ok())
        fail("seed", seeded.error().message);
    (void)db.superuser().execScript(QStringLiteral("VACUUM ANALYZE upstream.change_log, upstream.ledger_entries"));

    Figures f;
    auto cache = storage::LocalCache::open(path, key);
    if (!cache.ok())
        fail("cache", cache.error().message);
    auto conn = db.connectAs(*user);
    if (!conn.ok())
        fail("connect", conn.error().message);

    QElapsedTimer total;
    total.start();
    auto pulled = sync::pullUntilCurrent(conn.value(), cache.value(), customer);
    f.pullTotal = double(total.nsecsElapsed()) / 1e9;
    if (!pulled.ok())
        fail("pull", pulled.error().message);
    f.pulled = pulled->rows;
    f.pullCache = double(pulled->cacheTime.count()) / 1e9;
    if (f.pulled != pullRows)
        fail("pull", QStringLiteral("pulled %1 rows, expected %2").arg(f.pulled).arg(pullRows));

    QElapsedTimer t;
    t.start();
    const Status st = test::queueBenchLedgerChanges(cache.value(), pushRows);
    if (!st.ok())
        fail("enqueue", st.error().message);
    f.enqueue = double(t.nsecsElapsed()) / 1e9;

    int applied = 0;
    total.restart();
    for (;;) {
        QElapsedTimer c;
        c.start();
        auto changes = storage::pendingChanges(cache.value(), sync::kPushBatchChanges);
        f.pushCache += double(c.nsecsElapsed()) / 1e9;
        if (!changes.ok())
            fail("outbox", changes.error().message);
        if (changes->empty())
            break;
        std::vector<sync::PushResult> results;
        if (Status pushed = sync::pushChanges(conn.value(), customer, changes.value(), results); !pushed.ok())
            fail("push", pushed.error().message);
        for (const sync::PushResult &r : results)
            if (r.outcome != sync::PushOutcome::Applied)
                fail("push", QStringLiteral("change %1 was not applied: %2").arg(r.changeId, r.message));
        applied += int(results.size());
        c.restart();
        if (Status recorded = storage::recordPushResults(cache.value(), results); !recorded.ok())
            fail("record", recorded.error().message);
        f.pushCache += double(c.nsecsElapsed()) / 1e9;
    }
    f.pushTotal = double(total.nsecsElapsed()) / 1e9;
    f.pushServer = f.pushTotal - f.pushCache;
    f.cacheWork = f.pullCache + f.enqueue + f.pushCache;
    auto onServer =
        db.superuser().exec("SELECT count(*) FROM upstream.applied_changes WHERE customer_id = $1", {customer});
    if (applied != pushRows || !onServer.ok() || onServer->int64(0, 0) != pushRows)
        fail("push", QStringLiteral("%1 of %2 changes applied").arg(applied).arg(pushRows));
    return f;
}

Figures median(const std::vector<Figures> &runs)
{
    auto pick = [&](double Figures::*figure) { return test::medianOf(runs, figure); };
    Figures m;
    m.pulled = runs.front().pulled; // checked equal to pull_rows in every run
    m.pullTotal = pick(&Figures::pullTotal);
    m.pullCache = pick(&Figures::pullCache);
    m.enqueue = pick(&Figures::enqueue);
    m.pushTotal = pick(&Figures::pushTotal);
    m.pushCache = pick(&Figures::pushCache);
    m.pushServer = pick(&Figures::pushServer);
    m.cacheWork = pick(&Figures::cacheWork);
    return m;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int pullRows = argc > 1 ? std::atoi(argv[1]) : 100000;
    const int pushRows = argc > 2 ? std::atoi(argv[2]) : 10000;
    const int rounds = argc > 3 ? std::atoi(argv[3]) : 3;
    if (pullRows <= 0 || pushRows <= 0 || rounds <= 0)
        fail("usage", QStringLiteral("bench_sync [pull_rows > 0] [push_rows > 0] [rounds > 0]"));
    test::PrivateCluster cluster;
    if (!cluster.ok())
        fail("cluster", cluster.error());

    QTemporaryDir tmp;
    std::vector<Figures> plainRuns, keyedRuns;
    for (int r = 0; r < rounds; ++r) {
        plainRuns.push_back(run(cluster.fixture(), tmp.filePath(QStringLiteral("plain%1.db").arg(r)), QByteArray(),
                                pullRows, pushRows));
        keyedRuns.push_back(run(cluster.fixture(), tmp.filePath(QStringLiteral("keyed%1.db").arg(r)),
                                QByteArray(32, '\x5c'), pullRows, pushRows));
    }
    const Figures plain = median(plainRuns);
    const Figures keyed = median(keyedRuns);

    auto line = [](const char *what, const Figures &f, int pull, int push) {
        std::printf("%-11s pull %d rows: %.2f s (%.0f rows/s; cache %.2f s) | enqueue %d: %.3f s | push %d: %.2f s "
                    "(%.0f rows/s; cache %.2f s)\n",
                    what, pull, f.pullTotal, pull / f.pullTotal, f.pullCache, push, f.enqueue, push, f.pushTotal,
                    push / f.pushTotal, f.pushCache);
    };
    line("unencrypted", plain, plain.pulled, pushRows);
    line("SQLCipher 4", keyed, keyed.pulled, pushRows);
    std::printf("cache work: unencrypted %.3f s, encrypted %.3f s -> encryption costs %+.1f%%\n", plain.cacheWork,
                keyed.cacheWork, 100.0 * (keyed.cacheWork / plain.cacheWork - 1.0));
    // The server's share of the push (total minus the cache's work), the figure issue 19 sets a target on.
    std::printf("push server time: unencrypted %.3f s, encrypted %.3f s (%d changes, batches of %d)\n",
                plain.pushServer, keyed.pushServer, pushRows, sync::kPushBatchChanges);
    std::printf("medians of %d rounds, the modes alternating, each on a fresh database\n", rounds);
    return 0;
}
