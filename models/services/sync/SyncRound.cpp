// A whole synchronisation round on the calling thread (see SyncRound.h).
#include "SyncRound.h"

#include "storage/cache/LocalCache.h"
#include "storage/cache/OutboxStore.h"
#include "storage/cache/SyncCacheStore.h"
#include "storage/pg/PgConnection.h"
#include "storage/pg/PullQueries.h"

#include <future>

namespace upstream::sync {

Result<PullTotals> pullUntilCurrent(storage::PgConnection &conn, storage::LocalCache &cache, qint64 customerId)
{
    PullTotals totals;
    auto fetch = [&conn, customerId](qint64 after) {
        return std::async(std::launch::async, [&conn, customerId, after] {
            return storage::pullChanges(conn, customerId, after, kPullBatchRows);
        });
    };
    std::future<Result<PulledBatch>> next = fetch(storage::lastPulledSeq(cache));
    for (;;) {
        Result<PulledBatch> batch = next.get();
        if (!batch.ok())
            return batch.error();
        if (batch->toSeq == batch->fromSeq)
            return totals;
        next = fetch(batch->toSeq); // read the next batch while this one is applied
        const auto started = std::chrono::steady_clock::now();
        auto applied = storage::applyPulled(cache, batch.value());
        if (!applied.ok()) {
            next.wait(); // the helper thread still uses the connection
            return applied.error();
        }
        totals.cacheTime += std::chrono::steady_clock::now() - started;
        totals.changes.merge(applied.value());
        totals.rows += batch->rowCount();
        ++totals.batches;
    }
}

Result<SyncRound> syncOnce(storage::PgConnection &conn, storage::LocalCache &cache, qint64 customerId)
{
    SyncRound round;
    auto origin = storage::changeOrigin(cache);
    if (!origin.ok())
        return origin.error();
    if (Status st = storage::setChangeOrigin(conn, origin.value()); !st.ok())
        return st.error();
    for (;;) {
        auto changes = storage::pendingChanges(cache, kPushBatchChanges);
        if (!changes.ok())
            return changes.error();
        if (changes->empty())
            break;
        std::vector<PushResult> results;
        PulledBatch acknowledged;
        const Status pushed = pushChanges(conn, customerId, changes.value(), results, &acknowledged);
        if (pushed.ok() && results.empty())
            break; // nothing was decided (only held-back changes): do not spin
        for (const PushResult &r : results) {
            switch (r.outcome) {
            case PushOutcome::Applied: ++round.pushed; break;
            case PushOutcome::AlreadyApplied: ++round.alreadyApplied; break;
            case PushOutcome::Conflict: ++round.conflicts; break;
            case PushOutcome::Rejected: ++round.rejected; break;
            }
        }
        if (!pushed.ok()) {
            (void)storage::recordPushResults(cache, results); // keep what was decided (conflicts, refusals)
            return pushed.error();
        }
        auto recorded = storage::recordPushAcknowledgement(cache, results, acknowledged);
        if (!recorded.ok())
            return recorded.error();
        round.acknowledged.merge(recorded.value());
        if (round.rejected > 0)
            break; // rejected changes stay queued with their error; do not spin on them
    }
    auto pulled = pullUntilCurrent(conn, cache, customerId);
    if (!pulled.ok())
        return pulled.error();
    round.pulledRows = pulled->rows;
    round.pulled = pulled->changes;
    return round;
}

} // namespace upstream::sync
