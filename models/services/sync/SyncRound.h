#pragma once
// One synchronisation round with the central server, composed of the push (sync/SyncPush.h) and the pull: the
// customer's change_log after the last seen sequence number, with the current content of each changed row
// (storage/pg/PullQueries), applied to the cache in batches, one cache transaction each (storage/cache/
// SyncCacheStore). Reading the next batch overlaps applying this one. syncOnce runs a whole round on the calling
// thread (CLI, tests); SyncService runs the same steps spread over its threads.
#include "core/Result.h"
#include "storage/cache/SyncCacheStore.h"
#include "storage/pg/PullQueries.h"
#include "sync/SyncPush.h"

#include <chrono>

namespace upstream::storage {
class LocalCache;
class PgConnection;
} // namespace upstream::storage

namespace upstream::sync {

using storage::CacheChanges;
using storage::PulledBatch;
using storage::PulledRow;

// Rows per pull batch; each batch is applied to the cache in one transaction. Larger batches rewrite the cache's
// random-key index pages (client UUIDs) fewer times: at 20,000 instead of 5,000 rows the cache applies a 100k-row
// pull ~20% faster and SQLCipher's share (it encrypts every page written) falls from ~20% to ~9%
// (bench_cache_encryption). A batch of 20,000 takes ~0.3 s to apply on this hardware.
constexpr int kPullBatchRows = 20000;

// Pulls until the cache is current, pipelined: while the calling thread applies batch n to the cache (one cache
// transaction per batch), a helper thread already reads batch n + 1 from the server, so the pull runs at the speed
// of the slower side instead of the sum of both. The connection is used by that helper thread only.
struct PullTotals {
    int rows = 0; // received from the server (what only this workstation changed is not sent)
    int batches = 0;
    CacheChanges changes;                  // what the received rows changed in the cache
    std::chrono::nanoseconds cacheTime{0}; // spent applying batches to the cache
};
Result<PullTotals> pullUntilCurrent(storage::PgConnection &conn, storage::LocalCache &cache, qint64 customerId);

// One full round on the calling thread (CLI, tests): the connection takes the cache's change origin
// (storage::changeOrigin), everything queued is pushed (each acknowledgement recorded with the server rows it
// carried), then the pull runs until current, leaving out what only this workstation changed.
struct SyncRound {
    int pushed = 0;
    int alreadyApplied = 0;
    int conflicts = 0;
    int rejected = 0;
    int pulledRows = 0;        // rows received by the pull
    CacheChanges acknowledged; // what the push acknowledgements' server rows changed in the cache
    CacheChanges pulled;       // what the pulled rows changed in the cache
};
Result<SyncRound> syncOnce(storage::PgConnection &conn, storage::LocalCache &cache, qint64 customerId);

} // namespace upstream::sync
