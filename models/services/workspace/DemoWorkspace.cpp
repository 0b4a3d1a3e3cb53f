#include "DemoWorkspace.h"

#include "compute/ComputeSignals.h"
#include "demo/DemoDataGenerator.h"
#include "engines/DailyAggregate.h"
#include "storage/cache/DemoLedgerStore.h"
#include "storage/cache/LocalCache.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace upstream::workspace {
namespace {

// Sized for a quick first start (the whole fill stays well under ~3 s on a slow laptop) while every product
// still has enough volume per payer to find the generator's planted changes: fewer payers than the generator's
// default, each busier.
constexpr std::int64_t kDemoClaims = 400'000;
constexpr std::uint64_t kDemoSeed = 20261116;
constexpr int kDemoPayers = 32;
constexpr int kLedgerEntries = 6;

// A few recovery-ledger entries on the largest alerts, in each state, so the ledger view is not empty.
Status addLedgerEntries(storage::LocalCache &cache, const QDate &asOf)
{
    auto top = storage::largestDemoAlerts(cache, qint64(kLedgerEntries));
    if (!top.ok())
        return top.error();
    static const char *const kStates[] = {"open", "in_progress", "recovered", "recovered", "written_off", "open"};
    std::vector<storage::DemoLedgerEntry> entries;
    for (int i = 0; i < int(top.value().size()); ++i) {
        const storage::DemoLedgerAlert &alert = top.value()[std::size_t(i)];
        const QString state = QString::fromLatin1(kStates[i % kLedgerEntries]);
        const qint64 expected = qint64(std::llround(alert.dollars * 100.0));
        const bool recovered = state == QLatin1String("recovered");
        const QString at = asOf.addDays(-(i + 1)).startOfDay(Qt::UTC).addSecs(10 * 3600).toString(Qt::ISODate);
        entries.push_back({QStringLiteral("le-demo-%1").arg(i + 1), alert, expected,
                           recovered ? expected * (60 + 10 * i) / 100 : qint64(0),
                           recovered ? asOf.addDays(-i).toString(Qt::ISODate) : QString(), state,
                           QStringLiteral("Synthetic demo entry"), at,
                           // The analyst owns the entries; the operators on the phone with the payer record the money.
                           recovered ? QStringLiteral("demo.operator%1").arg(i % 2 + 1) : QString()});
    }
    return storage::insertDemoLedgerEntries(cache, entries);
}

} // namespace

demo::DemoConfig demoWorkspaceConfig(QDate exportedOn)
{
    demo::DemoConfig config;
    config.rows = kDemoClaims;
    config.seed = kDemoSeed;
    config.payers = kDemoPayers;
    config.asOf = exportedOn;
    config.exportedOn = exportedOn;
    return config;
}

Status populateDemoWorkspace(storage::LocalCache &cache, QDate exportedOn)
{
    // The demo data set is the engines' real output over the demo generator's live export (planted changes and
    // decoys): generator → in-process aggregator → engines → cache signals, alerts and daily aggregates.
    if (Status st = cache.setMeta(QStringLiteral("demo"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        !st.ok())
        return st;
    const demo::DemoDataGenerator generator(demoWorkspaceConfig(exportedOn));
    engines::ClaimAggregator aggregator;
    generator.generate([&](const demo::DemoClaim &c) { aggregator.add(generator.toRecord(c)); });
    auto report = compute::computeLocal(cache, aggregator.aggregates(), compute::ComputeOptions{});
    if (!report.ok())
        return report.error();
    const QDate asOf = report.value().asOf;
    return cache.transaction([&] { return addLedgerEntries(cache, asOf); });
}

} // namespace upstream::workspace
