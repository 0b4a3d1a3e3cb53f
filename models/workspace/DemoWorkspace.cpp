#include "DemoWorkspace.h"

#include "compute/SignalStore.h"
#include "demo/DemoDataGenerator.h"
#include "engines/DailyAggregate.h"
#include "storage/cache/LocalCache.h"

#include <QDateTime>

#include <algorithm>

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
    auto &db = cache.db();
    auto top =
        db.prepare(QStringLiteral("SELECT a.id, s.id, s.product, s.payer, s.dollars FROM alerts a JOIN signals s "
                                  "ON s.id = a.signal_id WHERE a.suppressed = 0 AND s.dollars > 0 "
                                  "ORDER BY s.dollars DESC, s.id LIMIT ?"));
    auto insert = db.prepare(
        QStringLiteral("INSERT OR IGNORE INTO ledger_entries(id, alert_id, signal_id, product, payer, expected_cents, "
                       "recovered_cents, recovered_date, state, owner, notes, created_at, updated_at, recovered_by) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, NULLIF(?, ''), ?, 'demo.analyst', ?, ?, ?, NULLIF(?, ''))"));
    if (!top.ok() || !insert.ok())
        return makeError(ErrorCode::Internal, db.lastError());
    top.value().bind(1, qint64(kLedgerEntries));
    static const char *const kStates[] = {"open", "in_progress", "recovered", "recovered", "written_off", "open"};
    int i = 0;
    for (;; ++i) {
        auto row = top.value().step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        auto &r = top.value();
        const QString state = QString::fromLatin1(kStates[i % kLedgerEntries]);
        const qint64 expected = qint64(r.real(4) * 100.0 + 0.5);
        const bool recovered = state == QLatin1String("recovered");
        const QString at = asOf.addDays(-(i + 1)).startOfDay(Qt::UTC).addSecs(10 * 3600).toString(Qt::ISODate);
        auto &st = insert.value();
        st.reset();
        int k = 1;
        for (const QVariant &v :
             {QVariant(QStringLiteral("le-demo-%1").arg(i + 1)), QVariant(r.text(0)), QVariant(r.text(1)),
              QVariant(r.text(2)), QVariant(r.text(3)), QVariant(expected),
              QVariant(recovered ? expected * (60 + 10 * i) / 100 : qint64(0)),
              QVariant(recovered ? asOf.addDays(-i).toString(Qt::ISODate) : QString()), QVariant(state),
              QVariant(QStringLiteral("Synthetic demo entry")), QVariant(at), QVariant(at),
              // The analyst owns the entries; the operators on the phone with the payer record the money.
              QVariant(recovered ? QStringLiteral("demo.operator%1").arg(i % 2 + 1) : QString())})
            st.bind(k++, v);
        if (Status s = st.run(); !s.ok())
            return s;
    }
    return Status::success();
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
