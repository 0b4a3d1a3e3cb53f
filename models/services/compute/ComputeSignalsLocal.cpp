// The local-cache half of ComputeSignals.h: same engines and alert rules, SQLCipher tables of LocalCache.
#include "compute/ComputeSignals.h"
#include "compute/EvidenceJson.h"
#include "engines/SignalEngines.h"
#include "storage/cache/AggregateStore.h"
#include "storage/cache/LocalCache.h"
#include "storage/cache/SignalWriteCache.h"

#include <QElapsedTimer>

namespace upstream::compute {
namespace {

using engines::Product;

Status persistLocal(storage::LocalCache &cache, const engines::AggregateSet &set, ComputeReport &report)
{
    const QString asOf = report.asOf.toString(Qt::ISODate);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString computedAt = now.toString(Qt::ISODate);
    auto signalsWritten = storage::writeCacheSignals(
        cache, report.found, [&set](const engines::Signal &s) { return evidenceJsonText(s, &set); }, asOf, computedAt);
    if (!signalsWritten.ok())
        return signalsWritten.error();
    report.signalsInserted += signalsWritten.value().inserted;
    report.signalsUpdated += signalsWritten.value().updated;
    auto book = storage::loadCacheAlertHistory(cache);
    if (!book.ok())
        return book.error();
    std::vector<const alerts::Alert *> created;
    for (const qint64 id : book.value().ingest(QStringLiteral("local"), report.found, now))
        created.push_back(book.value().find(id));
    auto alertsWritten = storage::insertCachePendingAlerts(cache, created, computedAt);
    if (!alertsWritten.ok())
        return alertsWritten.error();
    for (const bool suppressed : alertsWritten.value()) {
        ++report.alertsCreated;
        report.alertsSuppressed += suppressed ? 1 : 0;
    }
    return storage::replaceAggregates(cache, set);
}

} // namespace

Result<ComputeReport> computeLocal(storage::LocalCache &cache, const engines::AggregateSet &set,
                                   const ComputeOptions &options)
{
    ComputeReport report;
    report.asOf = options.asOf.isValid() ? options.asOf : engines::defaultAsOf(set);
    if (!report.asOf.isValid())
        return makeError(ErrorCode::NotFound, QStringLiteral("the workspace has no claims yet: import a claim "
                                                             "export first, or give --as-of"));
    report.aggregateRows = qint64(set.rows().size());
    if (Status st = checkCancelled(options); !st.ok())
        return st.error();
    QElapsedTimer t;
    t.start();
    auto found = runProducts(set, options, report.asOf);
    if (!found.ok())
        return found.error();
    report.found = std::move(found.value());
    report.engineSeconds = double(t.nsecsElapsed()) / 1e9;
    t.restart();
    if (options.step)
        options.step({ComputeStage::WritingSignals, Product::DriftWatch, report.found.size()});
    if (options.progress)
        options.progress(QStringLiteral("writing %1 signals").arg(report.found.size()));
    const Status written = cache.transaction([&] {
        if (Status st = persistLocal(cache, set, report); !st.ok())
            return st;
        return checkCancelled(options); // the last chance: after it, the run is committed
    });
    if (!written.ok())
        return written.error();
    report.persistSeconds = double(t.nsecsElapsed()) / 1e9;
    return report;
}

Result<QJsonArray> listLocalSignals(storage::LocalCache &cache, const QString &product)
{
    return withDelayFields(storage::listCacheSignalsWithAlerts(cache, product));
}

} // namespace upstream::compute
