// Proves: a ledger edit the server refuses as stale during sync is offered to the user as mine vs theirs and
// nothing is lost — (1) edits queued after the refused one for the same entry are held back instead of silently
// overwriting the other workstation's version; (2) a merge, "keep mine" and "take theirs" each end the conflict,
// and the result reaches the server exactly once and comes back to the other workstation.
#include "UpstreamSchema.h"
#include "ledger/LedgerMerge.h"
#include "ledger/LedgerRepository.h"
#include "storage/cache/LocalCache.h"
#include "sync/SyncRound.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;
using ledger::LedgerEntry;
using ledger::LedgerField;
using ledger::MergeSide;

class TstSyncConflictResolution : public QObject {
    Q_OBJECT
    std::optional<test::PgFixture> fx;
    std::unique_ptr<test::MigratedDatabase> db;
    std::optional<test::TestUser> opA, opB;
    qint64 customer = 0;
    QTemporaryDir tmp;
    std::unique_ptr<storage::LocalCache> cacheA, cacheB;
    std::unique_ptr<ledger::LedgerRepository> repoA, repoB;
    std::optional<storage::PgConnection> connA, connB;
    QString entryId;

    sync::SyncRound syncA() { return syncWith(*connA, *cacheA); }
    sync::SyncRound syncB() { return syncWith(*connB, *cacheB); }
    sync::SyncRound syncWith(storage::PgConnection &c, storage::LocalCache &cache)
    {
        auto r = sync::syncOnce(c, cache, customer);
        if (!r.ok())
            qFatal("sync: %s", qPrintable(r.error().message));
        return r.value();
    }
    LedgerEntry local(ledger::LedgerRepository &repo) { return repo.get(entryId).value(); }
    // The server's row for the entry, in the same value form.
    LedgerEntry server()
    {
        auto r = db->superuser().exec("SELECT to_jsonb(l)::text FROM upstream.ledger_entries l WHERE client_uuid = "
                                      "$1::uuid",
                                      {entryId});
        if (!r.ok() || r->rows() != 1)
            qFatal("server row missing");
        return LedgerEntry::fromServerRow(QJsonDocument::fromJson(r->bytes(0, 0)).object());
    }
    int queuedLedgerChanges(storage::LocalCache &cache)
    {
        auto q = cache.db().prepare(QStringLiteral("SELECT count(*) FROM outbox WHERE entity_id = ?"));
        q->bind(1, entryId);
        (void)q->step();
        return int(q->int64(0));
    }
    // Both workstations edit the current version; A syncs first, so B's push is refused as stale.
    void editOnBothThenSync(const std::function<void(LedgerEntry &)> &editA,
                            const std::function<void(LedgerEntry &)> &editB)
    {
        LedgerEntry a = local(*repoA);
        editA(a);
        QVERIFY(repoA->update(a, true).ok());
        LedgerEntry b = local(*repoB);
        editB(b);
        QVERIFY(repoB->update(b, true).ok());
        QCOMPARE(syncA().conflicts, 0);
        QCOMPARE(syncB().conflicts, 1);
    }

private slots:
    void initTestCase()
    {
        fx = test::PgFixture::load();
        QVERIFY(fx.has_value());
        db = std::make_unique<test::MigratedDatabase>(*fx, QStringLiteral("conflicts"));
        QVERIFY2(db->ok(), qPrintable(db->error()));
        customer = db->createCustomer(QStringLiteral("Conflict Test Clinic")).value_or(0);
        opA = db->createUser(customer, QStringLiteral("operator"));
        opB = db->createUser(customer, QStringLiteral("operator"));
        QVERIFY(opA && opB);
        for (auto *c : {&cacheA, &cacheB}) {
            auto opened = storage::LocalCache::open(
                tmp.filePath(c == &cacheA ? QStringLiteral("a.db") : QStringLiteral("b.db")), QByteArray(32, '\x2a'));
            QVERIFY(opened.ok());
            *c = std::make_unique<storage::LocalCache>(std::move(opened.value()));
        }
        repoA = std::make_unique<ledger::LedgerRepository>(cacheA.get(),
                                                           ledger::LedgerActor{opA->login, QStringLiteral("operator")});
        repoB = std::make_unique<ledger::LedgerRepository>(cacheB.get(),
                                                           ledger::LedgerActor{opB->login, QStringLiteral("operator")});
        auto a = db->connectAs(*opA);
        auto b = db->connectAs(*opB);
        QVERIFY(a.ok() && b.ok());
        connA.emplace(std::move(a.value()));
        connB.emplace(std::move(b.value()));

        LedgerEntry draft;
        draft.product = QStringLiteral("denialscope");
        draft.payer = QStringLiteral("Wombat Synthetic Health");
        draft.expectedCents = 500000;
        auto created = repoA->create(draft);
        QVERIFY(created.ok());
        entryId = created->id;
        syncA();
        syncB();
        QCOMPARE(local(*repoB).payer, QStringLiteral("Wombat Synthetic Health"));
        QCOMPARE(server().version, 1);
    }

    void laterEditsWaitBehindTheConflict()
    {
        editOnBothThenSync(
            [](LedgerEntry &e) {
                e.state = ledger::LedgerState::InProgress;
                e.recoveredCents = 100000;
                e.notes = QStringLiteral("A: payer called back");
            },
            [](LedgerEntry &e) {
                e.expectedCents = 520000;
                e.notes = QStringLiteral("B: appeal filed");
            });
        // B edits again on top of its refused edit. Based on version 2 — the server's version number too — it
        // would overwrite A's edit if it were pushed.
        LedgerEntry again = local(*repoB);
        again.owner = QStringLiteral("b-follow-up");
        QVERIFY(repoB->update(again, true).ok());
        const auto round = syncB();
        QCOMPARE(round.conflicts, 0);
        QCOMPARE(server().notes, QStringLiteral("A: payer called back"));
        QCOMPARE(server().version, 2);
        QCOMPARE(queuedLedgerChanges(*cacheB), 2); // the refused edit and the one held back
        // B's screen keeps B's work while the conflict is open.
        QCOMPARE(local(*repoB).notes, QStringLiteral("B: appeal filed"));
        QCOMPARE(local(*repoB).owner, QStringLiteral("b-follow-up"));
    }

    void mergeReachesTheServerOnce()
    {
        auto conflicts = repoB->syncConflicts();
        QVERIFY(conflicts.ok());
        QCOMPARE(conflicts->size(), size_t(1));
        const ledger::SyncConflict c = conflicts->front();
        QCOMPARE(c.entryId, entryId);
        QCOMPARE(c.mine.notes, QStringLiteral("B: appeal filed"));
        QCOMPARE(c.mine.owner, QStringLiteral("b-follow-up"));
        QCOMPARE(c.theirs.notes, QStringLiteral("A: payer called back"));
        QCOMPARE(c.theirs.recoveredCents, 100000);
        QCOMPARE(c.theirs.version, 2);

        // Keep my notes, owner and expected amount; take their state and recovered amount.
        QMap<LedgerField, MergeSide> choices;
        choices[LedgerField::Notes] = MergeSide::Mine;
        choices[LedgerField::Owner] = MergeSide::Mine;
        choices[LedgerField::Expected] = MergeSide::Mine;
        const LedgerEntry merged = ledger::mergeEntries(c.mine, c.theirs, choices);
        auto resolved = repoB->resolveSyncConflict(c, merged, false);
        QVERIFY2(resolved.ok(), qPrintable(resolved.ok() ? QString() : resolved.error().message));
        QCOMPARE(resolved->version, 3);
        QCOMPARE(queuedLedgerChanges(*cacheB), 1); // one change, based on the server's version
        QVERIFY(repoB->syncConflicts()->empty());

        QCOMPARE(syncB().conflicts, 0);
        const LedgerEntry s = server();
        QCOMPARE(s.version, 3);
        QCOMPARE(s.notes, QStringLiteral("B: appeal filed"));
        QCOMPARE(s.owner, QStringLiteral("b-follow-up"));
        QCOMPARE(s.expectedCents, 520000);
        QCOMPARE(s.recoveredCents, 100000);
        QCOMPARE(s.state, ledger::LedgerState::InProgress);
        QCOMPARE(queuedLedgerChanges(*cacheB), 0);
        auto updates = db->superuser().exec(
            "SELECT count(*) FROM upstream.ledger_history h JOIN upstream.ledger_entries l USING (customer_id, "
            "entry_id) WHERE l.client_uuid = $1::uuid",
            {entryId});
        QCOMPARE(updates->int64(0, 0), 3); // create, A's edit, the merge: B's refused edits never applied
        syncA();
        QCOMPARE(local(*repoA).notes, s.notes);
        QCOMPARE(local(*repoA).version, 3);
        // The history on B shows the switch to their version and the merge on top.
        auto history = repoB->history(entryId);
        QVERIFY(history.ok());
        QVERIFY(history->size() >= 3);
    }

    void takeTheirsDropsMine()
    {
        editOnBothThenSync([](LedgerEntry &e) { e.notes = QStringLiteral("A: second call"); },
                           [](LedgerEntry &e) { e.notes = QStringLiteral("B: will be dropped"); });
        const ledger::SyncConflict c = repoB->syncConflicts()->front();
        auto resolved = repoB->resolveSyncConflict(c, c.theirs, true);
        QVERIFY(resolved.ok());
        QCOMPARE(local(*repoB).notes, QStringLiteral("A: second call"));
        QCOMPARE(local(*repoB).version, server().version);
        QCOMPARE(queuedLedgerChanges(*cacheB), 0);
        const qint64 before = server().version;
        syncB();
        QCOMPARE(server().version, before); // nothing of B's was sent
        QCOMPARE(server().notes, QStringLiteral("A: second call"));
    }

    void keepMineOverwritesTheirsDeliberately()
    {
        editOnBothThenSync([](LedgerEntry &e) { e.notes = QStringLiteral("A: third call"); },
                           [](LedgerEntry &e) {
                               e.notes = QStringLiteral("B: keep this");
                               e.recoveredCents = 250000;
                           });
        const ledger::SyncConflict c = repoB->syncConflicts()->front();
        const qint64 theirVersion = c.theirs.version;
        auto resolved = repoB->resolveSyncConflict(c, ledger::keepMine(c.mine, c.theirs), false);
        QVERIFY(resolved.ok());
        QCOMPARE(resolved->version, theirVersion + 1);
        QCOMPARE(syncB().conflicts, 0);
        QCOMPARE(server().notes, QStringLiteral("B: keep this"));
        QCOMPARE(server().recoveredCents, 250000);
        QCOMPARE(server().version, theirVersion + 1);
        syncA();
        QCOMPARE(local(*repoA).notes, QStringLiteral("B: keep this"));
    }
};

QTEST_GUILESS_MAIN(TstSyncConflictResolution)
#include "tst_sync_conflict_resolution.moc"
