// Proves: the ledger table model and the history model pass QAbstractItemModelTester through loading, filtering
// (state, product, payer, text), sorting and in-place updates; the filter shows exactly the matching entries and the
// totals strip totals exactly the visible rows; the history model lists each changed field with before → after.
#include "ledger/LedgerHistoryModel.h"
#include "ledger/LedgerTableModel.h"
#include "storage/cache/LocalCache.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;
using namespace upstream::ledger;

class TstLedgerModels : public QObject {
    Q_OBJECT

    static std::vector<LedgerEntry> sample(int n)
    {
        static const char *payers[] = {"Aster Synthetic Health", "Birch Mutual (synthetic)", "Cedar Test Plan"};
        std::vector<LedgerEntry> out;
        for (int i = 0; i < n; ++i) {
            LedgerEntry e;
            e.id = QStringLiteral("e%1").arg(i, 4, 10, QLatin1Char('0'));
            e.product = kLedgerProducts[size_t(i % 3)];
            e.payer = QString::fromLatin1(payers[(i / 3) % 3]);
            e.state = LedgerState(i % kLedgerStateCount);
            e.expectedCents = 1000 * (i + 1);
            e.recoveredCents = e.state == LedgerState::Recovered ? 500 * (i + 1) : 0;
            e.recoveredDate = e.recoveredCents ? QDate(2026, 11, 1 + i % 20) : QDate();
            e.owner = i % 2 ? QStringLiteral("ana") : QStringLiteral("ben");
            e.notes = i % 5 == 0 ? QStringLiteral("escalated to provider relations") : QString();
            e.version = 1;
            e.updatedAt = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC).addSecs(i * 60);
            out.push_back(e);
        }
        return out;
    }

private slots:
    void tableModelPassesTesterThroughFilterSortAndUpdate()
    {
        LedgerTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEntries(sample(60));
        QCOMPARE(model.rowCount(), 60);
        QCOMPARE(model.columnCount(), int(LedgerTableModel::ColumnCount));

        LedgerFilter f;
        f.state = LedgerState::Recovered;
        model.setFilter(f);
        QCOMPARE(model.rowCount(), 15);
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.entryAt(r).state, LedgerState::Recovered);

        f.product = QStringLiteral("delayguard");
        model.setFilter(f);
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.entryAt(r).product, QStringLiteral("delayguard"));
        QCOMPARE(model.rowCount(), 5); // i ≡ 3 (mod 4) and i ≡ 2 (mod 3): i ≡ 11 (mod 12)

        model.setFilter(LedgerFilter{std::nullopt, {}, {}, QStringLiteral("PROVIDER rel")});
        QCOMPARE(model.rowCount(), 12);

        LedgerFilter payer;
        payer.payer = QStringLiteral("Cedar Test Plan");
        model.setFilter(payer);
        const auto data = sample(60);
        const int cedar = int(std::count_if(data.begin(), data.end(), [](const LedgerEntry &x) {
            return x.payer == QLatin1String("Cedar Test Plan");
        }));
        QCOMPARE(cedar, 18);
        QCOMPARE(model.rowCount(), cedar);
        QCOMPARE(model.payers().size(), 3);

        model.sort(LedgerTableModel::Expected, Qt::DescendingOrder);
        for (int r = 1; r < model.rowCount(); ++r)
            QVERIFY(model.entryAt(r - 1).expectedCents >= model.entryAt(r).expectedCents);
        model.sort(LedgerTableModel::Payer, Qt::AscendingOrder);
        model.sort(LedgerTableModel::Updated, Qt::AscendingOrder);
        for (int r = 1; r < model.rowCount(); ++r)
            QVERIFY(model.entryAt(r - 1).updatedAt <= model.entryAt(r).updatedAt);

        // An in-place change and one that moves the entry out of the filter.
        LedgerEntry e = model.entryAt(0);
        e.notes = QStringLiteral("updated");
        model.upsert(e);
        QCOMPARE(model.entryAt(model.rowOf(e.id)).notes, QStringLiteral("updated"));
        e.payer = QStringLiteral("Aster Synthetic Health");
        model.upsert(e);
        QCOMPARE(model.rowOf(e.id), -1);
        QCOMPARE(model.rowCount(), cedar - 1);
        LedgerEntry fresh = sample(1).front();
        fresh.id = QStringLiteral("new");
        fresh.payer = QStringLiteral("Cedar Test Plan");
        model.upsert(fresh);
        QVERIFY(model.rowOf(QStringLiteral("new")) >= 0);

        model.setFilter({});
        QCOMPARE(model.rowCount(), 61);
        const QModelIndex amount = model.index(0, LedgerTableModel::Expected);
        QVERIFY(model.data(amount).toString().startsWith(QLatin1Char('$')));
        QCOMPARE(model.data(amount, Qt::TextAlignmentRole).toInt() & Qt::AlignRight, int(Qt::AlignRight));
        model.setEntries({});
        QCOMPARE(model.rowCount(), 0);
    }

    void totalsFollowTheVisibleRows()
    {
        LedgerTableModel model;
        model.setEntries(sample(24));
        const QDate today(2026, 11, 25);
        const LedgerTotals all = model.visibleTotals(today);
        LedgerFilter f;
        f.product = QStringLiteral("driftwatch");
        model.setFilter(f);
        const LedgerTotals some = model.visibleTotals(today);
        QCOMPARE(some.allTime.entries, model.rowCount());
        QVERIFY(some.allTime.expectedCents < all.allTime.expectedCents);
        QCOMPARE(some.allTime, all.byProduct.value(QStringLiteral("driftwatch")));
        QCOMPARE(model.visibleEntries().size(), size_t(model.rowCount()));
    }

    void historyModelListsChangedFields()
    {
        QTemporaryDir tmp;
        auto cache = storage::LocalCache::open(tmp.filePath(QStringLiteral("c.db")), QByteArray(32, 'k'));
        QVERIFY(cache.ok());
        LedgerRepository repo(&cache.value(), {QStringLiteral("ana"), QStringLiteral("operator")});
        LedgerEntry e = sample(1).front();
        e.id.clear();
        e.state = LedgerState::Open;
        e.recoveredCents = 0;
        e.recoveredDate = {};
        e = repo.create(e).value();
        e.state = LedgerState::InProgress;
        e.notes = QStringLiteral("called the payer");
        e = repo.update(e).value();

        LedgerHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto records = repo.history(e.id).value();
        model.setHistory(records);
        QCOMPARE(model.changeCount(), 2);
        // The update changed state and notes (plus the version's timestamps, which are not fields).
        QStringList changed;
        for (int r = 0; r < model.rowCount(); ++r) {
            if (model.data(model.index(r, 0), LedgerHistoryModel::HistoryIdRole).toLongLong() != records[1].id)
                continue; // rows of the creation
            changed << model.data(model.index(r, LedgerHistoryModel::Field)).toString();
            QCOMPARE(model.data(model.index(r, LedgerHistoryModel::Who)).toString(), QStringLiteral("ana"));
        }
        QCOMPARE(changed, (QStringList{fieldLabel(LedgerField::State), fieldLabel(LedgerField::Notes)}));
        bool sawStateChange = false;
        for (int r = 0; r < model.rowCount(); ++r)
            if (model.data(model.index(r, LedgerHistoryModel::Before)).toString() == stateLabel(LedgerState::Open) &&
                model.data(model.index(r, LedgerHistoryModel::After)).toString() == stateLabel(LedgerState::InProgress))
                sawStateChange = true;
        QVERIFY(sawStateChange);
        model.setHistory({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TstLedgerModels)
#include "tst_ledger_models.moc"
