#include "DashboardSummary.h"
#include "engines/Signal.h"

#include "dashboard/SignalEvidence.h"
#include "ledger/LedgerRepository.h"
#include "ledger/LedgerTotals.h"
#include "storage/cache/SignalCacheQueries.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <map>

namespace upstream::dashboard {

Kpis computeKpis(const SignalRows &rows, bool daysProduct)
{
    Kpis k;
    k.total = rows.size();
    k.deltaInDays = daysProduct;
    double deltaSum = 0;
    int counted = 0;
    // Only the product's main unit averages: a DenialScope volume spike (per day) is no percentage point.
    const QString mainUnit = daysProduct ? QStringLiteral("days") : QStringLiteral("rate");
    std::vector<std::uint8_t> inMainUnit;
    for (const QString &t : rows.signalTypes.entries)
        inMainUnit.push_back(unitOfSignalType(t) == mainUnit);
    for (size_t i = 0; i < rows.signalId.size(); ++i) {
        const bool open = rows.status[i] == AlertStatus::Pending;
        if (open) {
            ++k.open;
            k.critical += rows.severity[i] == Severity::Critical;
            k.high += rows.severity[i] == Severity::High;
        }
        if (rows.status[i] != AlertStatus::Resolved)
            k.dollars += rows.dollars[i];
        if (inMainUnit[rows.signalType[i]]) {
            deltaSum += rows.delta[i];
            ++counted;
        }
    }
    k.averageDelta = counted ? deltaSum / counted : 0;
    return k;
}

std::vector<PayerTotal> topPayers(const SignalRows &rows, int count)
{
    std::vector<PayerTotal> totals(size_t(rows.payers.entries.size()));
    for (size_t p = 0; p < totals.size(); ++p)
        totals[p].payer = rows.payers.entries[qsizetype(p)];
    for (size_t i = 0; i < rows.signalId.size(); ++i) {
        PayerTotal &t = totals[rows.payer[i]];
        ++t.signalCount;
        t.open += rows.status[i] == AlertStatus::Pending;
        if (rows.status[i] != AlertStatus::Resolved)
            t.dollars += rows.dollars[i];
    }
    std::sort(totals.begin(), totals.end(), [](const PayerTotal &a, const PayerTotal &b) {
        return a.dollars > b.dollars || (a.dollars == b.dollars && a.payer < b.payer);
    });
    if (int(totals.size()) > count)
        totals.resize(size_t(count));
    return totals;
}

Result<LedgerTiles> ledgerTiles(storage::LocalCache &cache, const QString &product, const QDate &today)
{
    // The ledger page's own totals (ledger::computeTotals) over this product's entries: one rule for "this month"
    // and "last 30 days" wherever they are shown.
    ledger::LedgerRepository repository(&cache, ledger::LedgerActor{});
    auto entries = repository.all();
    if (!entries.ok())
        return entries.error();
    std::vector<int> ofProduct;
    LedgerTiles t;
    for (int i = 0; i < int(entries->size()); ++i) {
        const ledger::LedgerEntry &e = (*entries)[size_t(i)];
        if (e.product != product)
            continue;
        ofProduct.push_back(i);
        switch (e.state) {
        case ledger::LedgerState::Open: ++t.open; break;
        case ledger::LedgerState::InProgress: ++t.inProgress; break;
        case ledger::LedgerState::Recovered: ++t.recovered; break;
        case ledger::LedgerState::WrittenOff: ++t.writtenOff; break;
        }
    }
    const ledger::LedgerTotals totals = ledger::computeTotals(entries.value(), ofProduct, today);
    t.expectedCents = totals.allTime.expectedCents;
    t.recoveredCents = totals.allTime.recoveredCents;
    t.recoveredThisMonthCents = totals.recoveredThisMonthCents;
    t.recoveredLast30Cents = totals.recoveredLast30DaysCents;
    return t;
}

Result<std::vector<TrendPoint>> productTrend(storage::LocalCache &cache, const QString &product, const QString &metric,
                                             int topSignals)
{
    auto evidence = storage::evidenceOfTopSignals(cache, product, metric, topSignals);
    if (!evidence.ok())
        return evidence.error();
    std::map<QDate, std::pair<double, qint64>> byDay; // Σ value·n, Σ n
    for (const QString &json : evidence.value()) {
        auto e = parseEvidence(json.toUtf8());
        if (!e.ok())
            continue; // one unreadable evidence must not hide the trend of the others
        for (const auto &p : e->series) {
            auto &acc = byDay[p.date];
            const qint64 w = std::max<qint64>(p.n, 1);
            acc.first += p.value * double(w);
            acc.second += w;
        }
    }
    std::vector<TrendPoint> out;
    out.reserve(byDay.size());
    for (const auto &[day, acc] : byDay)
        out.push_back({day, acc.first / double(acc.second), acc.second});
    return out;
}

Result<Freshness> freshness(storage::LocalCache &cache, const QString &product, const QStringList &types)
{
    Freshness f;
    auto recency = storage::signalRecency(cache, product);
    if (!recency.ok())
        return recency.error();
    f.asOf = QDate::fromString(recency->asOf, Qt::ISODate);
    if (f.asOf.isValid())
        f.dataThrough = f.asOf.addDays(-1);
    f.computedAt = recency->computedAt;
    if (f.asOf.isValid() && !types.isEmpty()) {
        // One signal per type is enough: every signal of a recompute shares its product's windows.
        QStringList sorted = types;
        sorted.sort();
        auto evidence = storage::evidenceOfTypesAt(cache, product, sorted, f.asOf.toString(Qt::ISODate));
        if (!evidence.ok())
            return evidence.error();
        for (qsizetype i = 0; i < sorted.size(); ++i) {
            const std::optional<QString> &json = evidence.value()[size_t(i)];
            if (!json)
                continue;
            auto e = parseEvidence(json->toUtf8());
            if (!e.ok())
                continue; // an unreadable evidence only loses its windows line
            f.windows.push_back({sorted[i], e->keyedOn, e->baselineFrom, e->baselineTo, e->currentFrom, e->currentTo});
        }
    }
    auto synced = storage::lastSyncedAt(cache);
    if (!synced.ok())
        return synced.error();
    if (synced.value())
        f.lastSynced = *synced.value();
    return f;
}

QString freshnessText(const Freshness &f, const QDate &today)
{
    if (!f.asOf.isValid())
        return QCoreApplication::translate("Dashboard", "As of: no data");
    const int age = f.ageDays(today);
    const QString old = age <= 0   ? QCoreApplication::translate("Dashboard", "today")
                        : age == 1 ? QCoreApplication::translate("Dashboard", "1 day old")
                                   : QCoreApplication::translate("Dashboard", "%1 days old").arg(age);
    return QCoreApplication::translate("Dashboard", "As of %1 · data through %2 (%3)")
        .arg(f.asOf.toString(Qt::ISODate), f.dataThrough.toString(Qt::ISODate), old);
}

QString windowsText(const Freshness &f, const QString &product)
{
    if (f.windows.empty())
        return {};
    auto span = [](const QDate &from, const QDate &to) {
        return QCoreApplication::translate("Dashboard", "%1 – %2")
            .arg(from.toString(Qt::ISODate), to.addDays(-1).toString(Qt::ISODate));
    };
    const WindowsOfType &w = f.windows.front();
    if (engines::isProduct(product, engines::Product::DelayGuard)) {
        QStringList keys;
        for (const WindowsOfType &t : f.windows)
            keys << QCoreApplication::translate("Dashboard", "%1 by %2")
                        .arg(signalTypeLabel(t.signalType).toLower(), keyedOnLabel(t.keyedOn));
        return QCoreApplication::translate("Dashboard", "Cohort %1 · reference %2 · %3")
            .arg(span(w.currentFrom, w.currentTo), span(w.baselineFrom, w.baselineTo), keys.join(QStringLiteral(", ")));
    }
    const QString key = keyedOnLabel(w.keyedOn);
    if (key.isEmpty())
        return QCoreApplication::translate("Dashboard", "Windows: current %1 · baseline %2")
            .arg(span(w.currentFrom, w.currentTo), span(w.baselineFrom, w.baselineTo));
    return QCoreApplication::translate("Dashboard", "Windows by %1: current %2 · baseline %3")
        .arg(key, span(w.currentFrom, w.currentTo), span(w.baselineFrom, w.baselineTo));
}

Result<DashboardData> loadDashboard(storage::LocalCache &cache, const QString &product, const QString &metric,
                                    const QDate &today)
{
    QElapsedTimer timer;
    timer.start();
    auto rows = loadSignalRows(cache, product, {today});
    if (!rows.ok())
        return rows.error();
    auto fresh = freshness(cache, product, rows->signalTypes.entries);
    if (!fresh.ok())
        return fresh.error();
    auto trend = productTrend(cache, product, metric);
    if (!trend.ok())
        return trend.error();
    auto ledger = ledgerTiles(cache, product, today);
    if (!ledger.ok())
        return ledger.error();
    DashboardData d{std::move(rows.value()), std::move(fresh.value()), std::move(trend.value()), ledger.value(), 0};
    d.loadNs = timer.nsecsElapsed();
    return d;
}

} // namespace upstream::dashboard
