// Prints: ledger edits per second through LedgerRepository on an encrypted cache (each edit = entry + history row +
// outbox row, committed with synchronous=FULL), and the table model's filter / sort / totals times at 1M entries
// (the index-vector rebuild that replaces QSortFilterProxyModel's incremental filter).
// Usage: bench_ledger [edits=2000] [rows=1000000]
#include "ledger/LedgerRepository.h"
#include "ledger/LedgerTableModel.h"
#include "storage/cache/LocalCache.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>

using namespace upstream;
using namespace upstream::ledger;

namespace {

double ms(QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int edits = argc > 1 ? std::atoi(argv[1]) : 2000;
    const int rows = argc > 2 ? std::atoi(argv[2]) : 1000000;

    QTemporaryDir tmp;
    for (const bool keyed : {true, false}) {
        auto cache = storage::LocalCache::open(tmp.filePath(keyed ? QStringLiteral("k.db") : QStringLiteral("p.db")),
                                               keyed ? QByteArray(32, 'k') : QByteArray());
        if (!cache.ok()) {
            std::fprintf(stderr, "cannot open cache: %s\n", qPrintable(cache.error().message));
            return 1;
        }
        LedgerRepository repo(&cache.value(), {QStringLiteral("bench"), QStringLiteral("operator")});
        std::vector<LedgerEntry> created;
        created.reserve(size_t(edits));
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < edits; ++i) {
            LedgerEntry e;
            e.product = kLedgerProducts[size_t(i % 3)];
            e.payer = QStringLiteral("Synthetic Payer %1").arg(i % 50);
            e.expectedCents = 10000 + i;
            created.push_back(repo.create(e).value());
        }
        const double createMs = ms(t);
        t.restart();
        for (LedgerEntry &e : created) {
            e.state = LedgerState::InProgress;
            e = repo.update(e).value();
        }
        const double updateMs = ms(t);
        std::printf("%s cache: %d creates in %.0f ms (%.0f edits/s), %d updates in %.0f ms (%.0f edits/s)\n",
                    keyed ? "encrypted" : "unkeyed  ", edits, createMs, edits / createMs * 1000.0, edits, updateMs,
                    edits / updateMs * 1000.0);
    }

    std::vector<LedgerEntry> entries(static_cast<size_t>(rows));
    for (int i = 0; i < rows; ++i) {
        LedgerEntry &e = entries[size_t(i)];
        e.id = QString::number(i);
        e.product = kLedgerProducts[size_t(i % 3)];
        e.payer = QStringLiteral("Synthetic Payer %1").arg(i % 500);
        e.state = LedgerState(i % kLedgerStateCount);
        e.expectedCents = (i * 7919) % 1000000;
        e.recoveredCents = e.state == LedgerState::Recovered ? e.expectedCents / 2 : 0;
        e.recoveredDate = e.recoveredCents ? QDate(2026, 1, 1).addDays(i % 320) : QDate();
        e.owner = QStringLiteral("op%1").arg(i % 20);
        e.notes = i % 10 == 0 ? QStringLiteral("called provider relations") : QString();
    }
    LedgerTableModel model;
    QElapsedTimer t;
    t.start();
    model.setEntries(std::move(entries));
    std::printf("table model, %d rows: load %.0f ms\n", rows, ms(t));
    LedgerFilter f;
    f.text = QStringLiteral("payer 42");
    t.restart();
    model.setFilter(f);
    std::printf("  text filter 'payer 42' -> %d rows: %.0f ms\n", model.rowCount(), ms(t));
    f = {};
    f.state = LedgerState::Recovered;
    f.product = QStringLiteral("driftwatch");
    t.restart();
    model.setFilter(f);
    std::printf("  state+product filter -> %d rows: %.0f ms\n", model.rowCount(), ms(t));
    t.restart();
    model.setFilter({});
    std::printf("  clear filter -> %d rows: %.0f ms\n", model.rowCount(), ms(t));
    t.restart();
    model.sort(LedgerTableModel::Expected, Qt::DescendingOrder);
    std::printf("  sort by expected amount: %.0f ms\n", ms(t));
    t.restart();
    const LedgerTotals totals = model.visibleTotals(QDate(2026, 11, 20));
    std::printf("  totals over all rows (%d payers): %.0f ms\n", int(totals.byPayer.size()), ms(t));
    return 0;
}
