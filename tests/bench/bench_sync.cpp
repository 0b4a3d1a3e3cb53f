// Benchmark (issue 7): pull 100,000 changed rows from PostgreSQL into the local cache and push 10,000 queued
// changes, once with an encrypted cache (SQLCipher 4, raw 256-bit key) and once unencrypted with the same code.
// Prints rows/s and the cost of encryption on the cache's own work (the server's share is the same for both).
// Runs its own throwaway PostgreSQL cluster. Usage: bench_sync [pull_rows] [push_rows]
#include "BenchOutbox.h"
#include "PrivateCluster.h"
#include "UpstreamSchema.h"
#include "storage/cache/LocalCache.h"
#include "sync/Outbox.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QUuid>

#include <cstdio>

using namespace upstream;

namespace {

struct Figures {
    double pullTotal = 0, pullCache = 0, enqueue = 0, pushTotal = 0, pushCache = 0;
};

Figures run(test::MigratedDatabase &db, const test::TestUser &user, qint64 customer, const QString &path,
            const QByteArray &key, int pushRows)
{
    Figures f;
    auto cache = storage::LocalCache::open(path, key);
    auto conn = db.connectAs(user);
    if (!cache.ok() || !conn.ok())
        qFatal("setup failed");
    QElapsedTimer total;
    total.start();
    for (;;) {
        auto batch =
            sync::pullChanges(conn.value(), customer, sync::lastPulledSeq(cache.value()), sync::kPullBatchRows);
        if (!batch.ok())
            qFatal("pull: %s", qPrintable(batch.error().message));
        if (batch->toSeq == batch->fromSeq)
            break;
        QElapsedTimer t;
        t.start();
        if (!sync::applyPulled(cache.value(), batch.value()).ok())
            qFatal("apply failed");
        f.pullCache += double(t.nsecsElapsed()) / 1e9;
    }
    f.pullTotal = double(total.nsecsElapsed()) / 1e9;

    QElapsedTimer t;
    t.start();
    const Status st = test::queueBenchLedgerChanges(cache.value(), pushRows);
    if (!st.ok())
        qFatal("enqueue: %s", qPrintable(st.error().message));
    f.enqueue = double(t.nsecsElapsed()) / 1e9;

    total.restart();
    for (;;) {
        QElapsedTimer c;
        c.start();
        auto changes = sync::pendingChanges(cache.value(), sync::kPushBatchChanges);
        f.pushCache += double(c.nsecsElapsed()) / 1e9;
        if (!changes.ok() || changes->empty())
            break;
        std::vector<sync::PushResult> results;
        if (!sync::pushChanges(conn.value(), customer, changes.value(), results).ok())
            qFatal("push failed");
        c.restart();
        if (!sync::recordPushResults(cache.value(), results).ok())
            qFatal("record failed");
        f.pushCache += double(c.nsecsElapsed()) / 1e9;
    }
    f.pushTotal = double(total.nsecsElapsed()) / 1e9;
    return f;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int pullRows = argc > 1 ? std::atoi(argv[1]) : 100000;
    const int pushRows = argc > 2 ? std::atoi(argv[2]) : 10000;
    test::PrivateCluster cluster;
    if (!cluster.ok())
        qFatal("%s", qPrintable(cluster.error()));
    test::MigratedDatabase db(cluster.fixture(), QStringLiteral("bench"));
    const qint64 customer = db.createCustomer(QStringLiteral("Bench Clinic")).value_or(0);
    auto user = db.createUser(customer, QStringLiteral("operator"));
    if (!db.ok() || !user)
        qFatal("database setup failed");
    auto seeded = db.superuser().exec(
        "INSERT INTO upstream.ledger_entries (customer_id, client_uuid, product, payer, expected_amount, notes) "
        "SELECT $1, gen_random_uuid(), 'delayguard', 'Synthetic Payer ' || (g % 50), (g % 5000) + 0.25, "
        "'seeded row ' || g FROM generate_series(1, $2) g",
        {customer, pullRows});
    if (!seeded.ok())
        qFatal("seed: %s", qPrintable(seeded.error().message));

    QTemporaryDir tmp;
    const Figures plain = run(db, *user, customer, tmp.filePath(QStringLiteral("plain.db")), QByteArray(), pushRows);
    const Figures keyed =
        run(db, *user, customer, tmp.filePath(QStringLiteral("keyed.db")), QByteArray(32, '\x5c'), pushRows);

    auto line = [](const char *what, const Figures &f, int pull, int push) {
        std::printf("%-11s pull %d rows: %.2f s (%.0f rows/s; cache %.2f s) | enqueue %d: %.3f s | push %d: %.2f s "
                    "(%.0f rows/s; cache %.2f s)\n",
                    what, pull, f.pullTotal, pull / f.pullTotal, f.pullCache, push, f.enqueue, push, f.pushTotal,
                    push / f.pushTotal, f.pushCache);
    };
    line("unencrypted", plain, pullRows, pushRows);
    line("SQLCipher 4", keyed, pullRows, pushRows);
    const double plainCache = plain.pullCache + plain.enqueue + plain.pushCache;
    const double keyedCache = keyed.pullCache + keyed.enqueue + keyed.pushCache;
    std::printf("cache work: unencrypted %.3f s, encrypted %.3f s -> encryption costs %+.1f%%\n", plainCache,
                keyedCache, 100.0 * (keyedCache / plainCache - 1.0));
    return 0;
}
