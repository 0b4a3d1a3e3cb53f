// Proves: undoing a ledger edit saves the fields it replaced as a new version (one history row, one outbox row each
// way), even back across a state change; redo saves the undone values again; undo steps on one entry chain; a new
// edit clears redo; a step on an entry changed since (a pull, another edit) or approved is refused as a Conflict /
// InvalidInput, writes nothing and is dropped.
#include "ledger/LedgerRepository.h"
#include "ledger/LedgerUndo.h"
#include "storage/cache/LocalCache.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;
using namespace upstream::ledger;

class TstLedgerUndoRedoSavesNewVersions : public QObject {
    Q_OBJECT
    QTemporaryDir tmp;
    std::unique_ptr<storage::LocalCache> cache;
    std::unique_ptr<LedgerRepository> repo;
    int fileNo = 0;

    qint64 count(const QString &sql)
    {
        auto q = cache->db().prepare(sql);
        if (!q.ok() || !q->step().ok())
            return -1;
        return q->int64(0);
    }
    LedgerEntry created()
    {
        LedgerEntry e;
        e.product = QStringLiteral("delayguard");
        e.payer = QStringLiteral("Fabrikam Synthetic Care");
        e.expectedCents = 120000;
        auto c = repo->create(e);
        if (!c.ok())
            qFatal("create failed: %s", qPrintable(c.error().message));
        return c.value();
    }
    // Edits `e` with f and records the step, as the ledger page does after the editor saved.
    template<typename F>
    LedgerEntry edit(LedgerUndo &undo, const LedgerEntry &e, F f)
    {
        LedgerEntry changed = e;
        f(changed);
        auto saved = repo->update(changed);
        if (!saved.ok())
            qFatal("update failed: %s", qPrintable(saved.error().message));
        undo.recordEdit(e, saved.value());
        return saved.value();
    }

private slots:
    void init()
    {
        auto opened =
            storage::LocalCache::open(tmp.filePath(QStringLiteral("u%1.db").arg(++fileNo)), QByteArray(32, 'u'));
        QVERIFY(opened.ok());
        cache = std::make_unique<storage::LocalCache>(std::move(opened.value()));
        // A fixed clock: the recovered dates below are in the past on any calendar date the suite runs.
        repo = std::make_unique<LedgerRepository>(
            cache.get(), LedgerActor{QStringLiteral("sup.okafor"), QStringLiteral("supervisor")},
            [] { return QDateTime(QDate(2026, 11, 20), QTime(9, 30), Qt::UTC); });
    }
    void cleanup()
    {
        repo.reset();
        cache.reset();
    }

    void undoAndRedoChainAcrossStateChanges()
    {
        LedgerUndo undo(repo.get());
        QVERIFY(!undo.canUndo());
        QCOMPARE(undo.undo().error().code, ErrorCode::NotFound);
        const LedgerEntry v1 = created();
        const LedgerEntry v2 = edit(undo, v1, [](LedgerEntry &e) { e.state = LedgerState::InProgress; });
        const LedgerEntry v3 = edit(undo, v2, [](LedgerEntry &e) {
            e.state = LedgerState::Recovered;
            e.recoveredCents = 90000;
            e.recoveredDate = QDate(2026, 11, 2);
            e.notes = QStringLiteral("paid after appeal");
        });
        QCOMPARE(v3.version, 3);
        QVERIFY(undo.undoText().contains(v1.payer));
        const qint64 history0 = count(QStringLiteral("SELECT COUNT(*) FROM ledger_history"));
        const qint64 outbox0 = count(QStringLiteral("SELECT COUNT(*) FROM outbox"));

        // Undo the closure: back to in progress, no recovered amount — a new version 4, not a rewrite of 2.
        auto u1 = undo.undo();
        QVERIFY2(u1.ok(), qPrintable(u1.ok() ? QString() : u1.error().message));
        QCOMPARE(u1->state, LedgerState::InProgress);
        QCOMPARE(u1->recoveredCents, 0);
        QVERIFY(!u1->recoveredDate.isValid());
        QVERIFY(u1->notes.isEmpty());
        QCOMPARE(u1->version, 4);
        // The older step on the same entry applies now: back to open (version 5).
        auto u2 = undo.undo();
        QVERIFY2(u2.ok(), qPrintable(u2.ok() ? QString() : u2.error().message));
        QCOMPARE(u2->state, LedgerState::Open);
        QCOMPARE(u2->version, 5);
        QVERIFY(!undo.canUndo());
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM ledger_history")), history0 + 2);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE kind = 'ledger_upsert'")), outbox0 + 2);
        QCOMPARE(count(QStringLiteral("SELECT MAX(base_version) FROM outbox")), 4); // version 5 was based on 4

        // Redo both, oldest undo last: in progress, then recovered with the amount and note back.
        QVERIFY(undo.canRedo());
        QVERIFY(undo.redoText().contains(v1.payer));
        QCOMPARE(undo.redo()->state, LedgerState::InProgress);
        auto r2 = undo.redo();
        QVERIFY2(r2.ok(), qPrintable(r2.ok() ? QString() : r2.error().message));
        QCOMPARE(r2->state, LedgerState::Recovered);
        QCOMPARE(r2->recoveredCents, 90000);
        QCOMPARE(r2->recoveredDate, QDate(2026, 11, 2));
        QCOMPARE(r2->notes, QStringLiteral("paid after appeal"));
        QCOMPARE(r2->version, 7);
        QVERIFY(!undo.canRedo());
        QCOMPARE(repo->get(v1.id)->version, 7);

        // Undo, then a new edit: what was undone can no longer be redone.
        QVERIFY(undo.undo().ok());
        QVERIFY(undo.canRedo());
        const LedgerEntry current = repo->get(v1.id).value();
        edit(undo, current, [](LedgerEntry &e) { e.owner = QStringLiteral("op.lindqvist"); });
        QVERIFY(!undo.canRedo());
    }

    void stepOnAnEntryChangedSinceIsRefusedAndDropped()
    {
        LedgerUndo undo(repo.get());
        const LedgerEntry v1 = created();
        const LedgerEntry v2 = edit(undo, v1, [](LedgerEntry &e) { e.expectedCents = 150000; });
        // Changed since, not through this undo stack (another dialog, a pull): the step no longer applies.
        LedgerEntry elsewhere = v2;
        elsewhere.payer = QStringLiteral("Fabrikam Synthetic Care West");
        QVERIFY(repo->update(elsewhere).ok());
        const qint64 history0 = count(QStringLiteral("SELECT COUNT(*) FROM ledger_history"));
        auto refused = undo.undo();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Conflict);
        QVERIFY2(refused.error().message.contains(QStringLiteral("Fabrikam Synthetic Care West")),
                 qPrintable(refused.error().message));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM ledger_history")), history0);
        QCOMPARE(repo->get(v1.id)->expectedCents, 150000);
        QVERIFY(!undo.canUndo()); // dropped: it could never apply again

        // An approved entry is final: undoing the closure before it is refused and writes nothing.
        const LedgerEntry w1 = created();
        LedgerEntry w2 = edit(undo, w1, [](LedgerEntry &e) { e.state = LedgerState::InProgress; });
        w2 = edit(undo, w2, [](LedgerEntry &e) { e.state = LedgerState::WrittenOff; });
        QVERIFY(repo->approve(w2.id, w2.version).ok());
        const qint64 history1 = count(QStringLiteral("SELECT COUNT(*) FROM ledger_history"));
        auto final = undo.undo();
        QVERIFY(!final.ok());
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM ledger_history")), history1);
        QCOMPARE(repo->get(w2.id)->state, LedgerState::WrittenOff);

        // A creation is not recorded: an edit that wrote nothing is not a step either.
        LedgerUndo fresh(repo.get());
        fresh.recordEdit(w1, w1);
        QVERIFY(!fresh.canUndo());
    }
};

QTEST_GUILESS_MAIN(TstLedgerUndoRedoSavesNewVersions)
#include "tst_ledger_undo_redo_saves_new_versions.moc"
