#pragma once
// The queued-change workload both sync benchmarks use (bench_sync against a server, bench_cache_encryption
// without one): `count` new ledger entries queued in one cache transaction, as an offline supervisor's day would.
#include "storage/cache/LocalCache.h"
#include "sync/Outbox.h"

#include <QUuid>

namespace upstream::test {

inline Status queueBenchLedgerChanges(storage::LocalCache &cache, int count)
{
    return cache.transaction([&]() -> Status {
        for (int i = 0; i < count; ++i) {
            auto r = sync::enqueueChange(cache, QStringLiteral("ledger_upsert"),
                                         QUuid::createUuid().toString(QUuid::WithoutBraces), 0,
                                         {{QStringLiteral("product"), QStringLiteral("driftwatch")},
                                          {QStringLiteral("payer"), QStringLiteral("Bench Payer %1").arg(i % 40)},
                                          {QStringLiteral("expected_cents"), double(1000 + i)},
                                          {QStringLiteral("recovered_cents"), 0.0},
                                          {QStringLiteral("state"), QStringLiteral("open")}});
            if (!r.ok())
                return r.error();
        }
        return Status::success();
    });
}

} // namespace upstream::test
