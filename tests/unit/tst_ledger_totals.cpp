// Proves: ledger totals count recovered money by recovered date — this month (1st to today), the last 30 days
// (today and the 29 days before), all time — and break down by product, payer, operator (who recorded the recovered
// amount, SPEC 7) and owner; entries without a
// recovered date count only in all time; outstanding = expected − recovered of open/in-progress entries.
// The repository's totals equal the pure computation over what it stored.
#include "ledger/LedgerRepository.h"
#include "ledger/LedgerTotals.h"
#include "storage/cache/LocalCache.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;
using namespace upstream::ledger;

class TstLedgerTotals : public QObject {
    Q_OBJECT
    const QDate today{2026, 11, 20};

    static LedgerEntry entry(const char *product, const char *payer, const char *owner, qint64 expected,
                             qint64 recovered, QDate date, LedgerState state)
    {
        LedgerEntry e;
        e.product = QString::fromLatin1(product);
        e.payer = QString::fromLatin1(payer);
        e.owner = QString::fromLatin1(owner);
        e.expectedCents = expected;
        e.recoveredCents = recovered;
        e.recoveredDate = date;
        e.state = state;
        return e;
    }

    std::vector<LedgerEntry> sample() const
    {
        using S = LedgerState;
        return {
            entry("driftwatch", "Payer A", "ana", 10000, 10000, today, S::Recovered),             // today
            entry("driftwatch", "Payer B", "ana", 5000, 2000, QDate(2026, 11, 1), S::Recovered),  // 1st of month
            entry("delayguard", "Payer A", "ben", 8000, 3000, QDate(2026, 10, 31), S::Recovered), // 20 days ago
            entry("delayguard", "Payer A", "ben", 7000, 700, today.addDays(-29), S::WrittenOff),  // edge: in window
            entry("denialscope", "Payer C", "ben", 9000, 900, today.addDays(-30), S::Recovered),  // edge: outside
            entry("denialscope", "Payer C", "", 4000, 1000, QDate(), S::InProgress),              // no date
            entry("driftwatch", "Payer B", "ana", 6000, 0, QDate(), S::Open),                     // nothing yet
        };
    }

private slots:
    void windowsCountByRecoveredDate()
    {
        const LedgerTotals t = computeTotals(sample(), today);
        QCOMPARE(t.recoveredThisMonthCents, qint64(10000 + 2000));
        QCOMPARE(t.recoveredLast30DaysCents, qint64(10000 + 2000 + 3000 + 700));
        QCOMPARE(t.allTime.recoveredCents, qint64(10000 + 2000 + 3000 + 700 + 900 + 1000));
        QCOMPARE(t.allTime.expectedCents, qint64(10000 + 5000 + 8000 + 7000 + 9000 + 4000 + 6000));
        QCOMPARE(t.allTime.entries, 7);
        QCOMPARE(t.allTime.outstandingCents, qint64((4000 - 1000) + 6000));
    }

    void monthStartsOnTheFirst()
    {
        // On the 1st, "this month" is one day while the 30-day window reaches into last month.
        const LedgerTotals t = computeTotals(sample(), QDate(2026, 11, 1));
        QCOMPARE(t.recoveredThisMonthCents, qint64(2000));
        QVERIFY(t.recoveredLast30DaysCents > t.recoveredThisMonthCents);
    }

    void breaksDownByProductPayerAndOperator()
    {
        const LedgerTotals t = computeTotals(sample(), today);
        QCOMPARE(t.byProduct.size(), 3);
        QCOMPARE(t.byProduct.value(QStringLiteral("driftwatch")).recoveredCents, qint64(12000));
        QCOMPARE(t.byProduct.value(QStringLiteral("driftwatch")).entries, 3);
        QCOMPARE(t.byProduct.value(QStringLiteral("delayguard")).recoveredCents, qint64(3700));
        QCOMPARE(t.byPayer.value(QStringLiteral("Payer A")).recoveredCents, qint64(13700));
        QCOMPARE(t.byPayer.value(QStringLiteral("Payer C")).outstandingCents, qint64(3000));
        QCOMPARE(t.byOwner.value(QStringLiteral("ana")).recoveredCents, qint64(12000));
        QCOMPARE(t.byOwner.value(QStringLiteral("ben")).recoveredCents, qint64(4600));
        QCOMPARE(t.byOwner.value(QString()).entries, 1);
        qint64 sum = 0;
        for (const LedgerBucket &b : t.byPayer)
            sum += b.recoveredCents;
        QCOMPARE(sum, t.allTime.recoveredCents);
    }

    void operatorIsWhoRecordedTheMoneyNotTheOwner()
    {
        auto entries = sample();
        for (size_t i = 0; i < entries.size(); ++i)
            if (entries[i].recoveredCents > 0)
                entries[i].recoveredBy = i % 2 ? QStringLiteral("cruz") : QStringLiteral("dana");
        const LedgerTotals t = computeTotals(entries, today);
        // Recovered: #0 dana 10000, #1 cruz 2000, #2 dana 3000, #3 cruz 700, #4 dana 900, #5 cruz 1000; #6 nothing.
        QCOMPARE(t.byRecoveredBy.size(), 2);
        QCOMPARE(t.byRecoveredBy.value(QStringLiteral("dana")).recoveredCents, qint64(13900));
        QCOMPARE(t.byRecoveredBy.value(QStringLiteral("cruz")).recoveredCents, qint64(3700));
        QCOMPARE(t.byRecoveredBy.value(QStringLiteral("cruz")).entries, 3);
        QVERIFY(!t.byRecoveredBy.contains(QStringLiteral("ana"))); // an owner who recorded nothing
        QVERIFY(!t.byRecoveredBy.contains(QString()));             // the entry with nothing recovered is left out
        QCOMPARE(t.byOwner.value(QStringLiteral("ana")).recoveredCents, qint64(12000)); // unchanged
    }

    void repositoryCreditsWhoeverChangesTheAmount()
    {
        QTemporaryDir tmp;
        auto cache = storage::LocalCache::open(tmp.filePath(QStringLiteral("r.db")), QByteArray(32, 'r'));
        QVERIFY(cache.ok());
        const QDateTime now(today, QTime(12, 0), Qt::LocalTime);
        LedgerRepository ana(&cache.value(), {QStringLiteral("ana"), QStringLiteral("supervisor")},
                             [&] { return now; });
        LedgerRepository cruz(&cache.value(), {QStringLiteral("cruz"), QStringLiteral("operator")},
                              [&] { return now; });
        auto created = ana.create(entry("driftwatch", "Payer A", "ana", 10000, 0, QDate(), LedgerState::Open));
        QVERIFY(created.ok());
        QVERIFY(created->recoveredBy.isEmpty());
        LedgerEntry e = created.value();
        e.state = LedgerState::InProgress;
        e = cruz.update(e).value();
        QVERIFY(e.recoveredBy.isEmpty()); // a state change alone credits nobody
        e.recoveredCents = 4000;
        e.recoveredDate = today;
        e = cruz.update(e).value();
        QCOMPARE(e.recoveredBy, QStringLiteral("cruz"));
        e.notes = QStringLiteral("payer called back");
        e = ana.update(e).value();
        QCOMPARE(e.recoveredBy, QStringLiteral("cruz"));              // the owner's note does not take the credit
        QCOMPARE(ana.get(e.id)->recoveredBy, QStringLiteral("cruz")); // stored
        auto t = ana.totals();
        QVERIFY(t.ok());
        QCOMPARE(t->byRecoveredBy.value(QStringLiteral("cruz")).recoveredCents, qint64(4000));
        QCOMPARE(t->byOwner.value(QStringLiteral("ana")).recoveredCents, qint64(4000));
        e.recoveredCents = 0;
        e.recoveredDate = {};
        e = ana.update(e).value();
        QVERIFY(e.recoveredBy.isEmpty()); // taken back to nothing: nobody is credited
        // The history shows who was credited, as a field of its own.
        auto history = ana.history(e.id);
        QVERIFY(history.ok());
        bool shown = false;
        for (const LedgerHistoryRecord &r : history.value())
            shown |= r.before && !fieldEquals(*r.before, r.after, LedgerField::RecoveredBy) &&
                     fieldText(r.after, LedgerField::RecoveredBy) == QStringLiteral("cruz");
        QVERIFY(shown);
    }

    void subsetTotalsOnlyCountGivenRows()
    {
        const auto all = sample();
        const LedgerTotals t = computeTotals(all, std::vector<int>{0, 2}, today);
        QCOMPARE(t.allTime.entries, 2);
        QCOMPARE(t.allTime.recoveredCents, qint64(13000));
    }

    void repositoryTotalsMatchStoredEntries()
    {
        QTemporaryDir tmp;
        auto cache = storage::LocalCache::open(tmp.filePath(QStringLiteral("c.db")), QByteArray(32, 'k'));
        QVERIFY(cache.ok());
        const QDateTime now(today, QTime(12, 0), Qt::LocalTime);
        LedgerRepository repo(&cache.value(), {QStringLiteral("ana"), QStringLiteral("operator")}, [&] { return now; });
        std::vector<LedgerEntry> stored;
        for (LedgerEntry e : sample()) {
            const LedgerEntry target = e;
            e.state = LedgerState::Open;
            e.recoveredDate = {};
            e.recoveredCents = 0;
            auto c = repo.create(e);
            QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message));
            LedgerEntry cur = c.value();
            if (target.state != LedgerState::Open) {
                cur.state = LedgerState::InProgress;
                cur = repo.update(cur).value();
            }
            cur.state = target.state;
            cur.recoveredCents = target.recoveredCents;
            cur.recoveredDate = target.recoveredDate;
            auto u = repo.update(cur);
            QVERIFY2(u.ok(), qPrintable(u.ok() ? QString() : u.error().message));
            stored.push_back(u.value());
        }
        auto t = repo.totals();
        QVERIFY(t.ok());
        const LedgerTotals expected = computeTotals(sample(), today);
        QCOMPARE(t->recoveredThisMonthCents, expected.recoveredThisMonthCents);
        QCOMPARE(t->recoveredLast30DaysCents, expected.recoveredLast30DaysCents);
        QCOMPARE(t->allTime, expected.allTime);
        QCOMPARE(t->byProduct, expected.byProduct);
        QCOMPARE(t->byPayer, expected.byPayer);
        // The unassigned sample entry was created by "ana", who became its owner (the default).
        QCOMPARE(t->byOwner.value(QStringLiteral("ana")).entries,
                 expected.byOwner.value(QStringLiteral("ana")).entries + 1);
        QVERIFY(!t->byOwner.contains(QString()));
    }
};

QTEST_GUILESS_MAIN(TstLedgerTotals)
#include "tst_ledger_totals.moc"
