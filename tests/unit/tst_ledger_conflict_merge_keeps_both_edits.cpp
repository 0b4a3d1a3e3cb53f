// Proves: when two workstations edit the same ledger entry, the second save is refused as a conflict, the field
// diff shows exactly the fields that differ (mine vs theirs), and each resolution — keep mine, take theirs, or a
// per-field merge — saves on top of the current version, so neither edit is lost silently: both are in the history.
#include "ledger/LedgerMerge.h"
#include "ledger/LedgerRepository.h"
#include "storage/cache/LocalCache.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;
using namespace upstream::ledger;

class TstLedgerConflictMergeKeepsBothEdits : public QObject {
    Q_OBJECT
    QTemporaryDir tmp;
    int fileNo = 0;

    struct Scenario {
        std::unique_ptr<storage::LocalCache> cache;
        LedgerEntry mine;   // refused
        LedgerEntry theirs; // stored
    };

    Scenario conflict()
    {
        Scenario s;
        auto opened =
            storage::LocalCache::open(tmp.filePath(QStringLiteral("c%1.db").arg(++fileNo)), QByteArray(32, 'k'));
        s.cache = std::make_unique<storage::LocalCache>(std::move(opened.value()));
        LedgerRepository a(s.cache.get(), {QStringLiteral("ws1.ana"), QStringLiteral("operator")});
        LedgerRepository b(s.cache.get(), {QStringLiteral("ws2.ben"), QStringLiteral("operator")});
        LedgerEntry e;
        e.product = QStringLiteral("driftwatch");
        e.payer = QStringLiteral("Juniper Synthetic Care");
        e.expectedCents = 300000;
        e = a.create(e).value();

        s.mine = e;
        s.mine.state = LedgerState::InProgress;
        s.mine.notes = QStringLiteral("ws1: appeal filed");
        s.theirs = e;
        s.theirs.expectedCents = 350000;
        s.theirs.notes = QStringLiteral("ws2: corrected expected amount");
        s.theirs = b.update(s.theirs).value();
        auto refused = a.update(s.mine);
        if (refused.ok() || refused.error().code != ErrorCode::Conflict)
            qFatal("expected a conflict");
        return s;
    }

private slots:
    void diffListsOnlyDifferingEditableFields()
    {
        Scenario s = conflict();
        const auto diff = differingFields(s.mine, s.theirs);
        QCOMPARE(diff.size(), size_t(3));
        QCOMPARE(diff[0].field, LedgerField::Expected);
        QCOMPARE(diff[0].mine, QStringLiteral("$3,000.00"));
        QCOMPARE(diff[0].theirs, QStringLiteral("$3,500.00"));
        QCOMPARE(diff[1].field, LedgerField::State);
        QCOMPARE(diff[2].field, LedgerField::Notes);
        QVERIFY(differingFields(s.theirs, s.theirs).empty());
    }

    void suggestionTakesEachFieldFromTheSideThatChangedIt()
    {
        Scenario s = conflict();
        LedgerRepository a(s.cache.get(), {QStringLiteral("ws1.ana"), QStringLiteral("operator")});
        const LedgerEntry base = a.history(s.theirs.id)->front().after; // version 1: where both edits started
        const auto suggested = suggestedChoices(&base, s.mine, s.theirs);
        QCOMPARE(suggested.size(), 3);
        QCOMPARE(suggested.value(LedgerField::Expected), MergeSide::Theirs); // only they changed it
        QCOMPARE(suggested.value(LedgerField::State), MergeSide::Mine);      // only I changed it
        QCOMPARE(suggested.value(LedgerField::Notes), MergeSide::Mine);      // both: mine, flagged
        QVERIFY(bothChanged(base, s.mine, s.theirs, LedgerField::Notes));
        QVERIFY(!bothChanged(base, s.mine, s.theirs, LedgerField::Expected));
        const LedgerEntry merged = mergeEntries(s.mine, s.theirs, suggested);
        QCOMPARE(merged.expectedCents, qint64(350000)); // their correction is not reverted by default
        QCOMPARE(merged.state, LedgerState::InProgress);
        // Without a base every differing field defaults to mine.
        for (MergeSide side : suggestedChoices(nullptr, s.mine, s.theirs))
            QCOMPARE(side, MergeSide::Mine);
    }

    void perFieldMergeSavesOnCurrentVersion()
    {
        Scenario s = conflict();
        const LedgerEntry merged = mergeEntries(s.mine, s.theirs,
                                                {{LedgerField::State, MergeSide::Mine},
                                                 {LedgerField::Notes, MergeSide::Mine},
                                                 {LedgerField::Expected, MergeSide::Theirs}});
        QCOMPARE(merged.version, s.theirs.version);
        QCOMPARE(merged.expectedCents, qint64(350000));
        QCOMPARE(merged.state, LedgerState::InProgress);
        QCOMPARE(merged.notes, s.mine.notes);

        LedgerRepository a(s.cache.get(), {QStringLiteral("ws1.ana"), QStringLiteral("operator")});
        auto saved = a.update(merged);
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
        QCOMPARE(saved->version, qint64(3));
        const auto history = a.history(saved->id).value();
        QCOMPARE(history.size(), size_t(3));
        QCOMPARE(history[1].after.notes, s.theirs.notes); // theirs is in the history
        QCOMPARE(history[2].after.notes, s.mine.notes);   // and so is mine
        QCOMPARE(history[2].after.expectedCents, qint64(350000));
    }

    void keepMineAndTakeTheirs()
    {
        Scenario s = conflict();
        const LedgerEntry mine = keepMine(s.mine, s.theirs);
        QVERIFY(differingFields(mine, s.mine).empty());
        QCOMPARE(mine.version, s.theirs.version);
        const LedgerEntry theirs = mergeEntries(s.mine, s.theirs, {});
        QCOMPARE(theirs, s.theirs);

        LedgerRepository a(s.cache.get(), {QStringLiteral("ws1.ana"), QStringLiteral("operator")});
        auto saved = a.update(mine);
        QVERIFY(saved.ok());
        QCOMPARE(saved->expectedCents, qint64(300000));
        // Saving the stale "mine" again is still a conflict: only a resolution based on theirs is accepted.
        QCOMPARE(a.update(s.mine).error().code, ErrorCode::Conflict);
    }
};

QTEST_GUILESS_MAIN(TstLedgerConflictMergeKeepsBothEdits)
#include "tst_ledger_conflict_merge_keeps_both_edits.moc"
