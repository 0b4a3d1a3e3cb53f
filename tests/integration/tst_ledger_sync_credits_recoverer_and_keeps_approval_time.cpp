// Proves (SPEC 7, issue 18): the ledger's "by operator" credit and an offline approval's time survive the real sync.
// An operator records a recovery on one workstation; the server stamps recovered_by with that operator's login, and
// every workstation pulls it (totals by operator credit the operator, not the owner). A supervisor approves on a
// second workstation while offline (its clock three hours behind the push): the server keeps its own receipt time
// in approved_at and the supervisor's in approved_at_client, and both workstations show the supervisor's time after
// the pull. A private PostgreSQL cluster and real encrypted caches.
#include "PrivateCluster.h"
#include "TestCache.h"
#include "UpstreamSchema.h"
#include "ledger/LedgerRepository.h"
#include "storage/cache/LocalCache.h"
#include "sync/SyncRound.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;
using namespace upstream::ledger;

class TstLedgerSyncCreditsRecovererAndKeepsApprovalTime : public QObject {
    Q_OBJECT
    std::unique_ptr<test::PrivateCluster> cluster;
    std::unique_ptr<test::MigratedDatabase> db;
    std::optional<test::TestUser> op, sup;
    qint64 customer = 0;
    QTemporaryDir tmp;

    storage::LocalCache openCache(const QString &name) { return test::openTestCache(tmp.filePath(name), '\x31'); }
    bool syncAs(const test::TestUser &user, storage::LocalCache &cache)
    {
        auto c = db->connectAs(user);
        if (!c.ok())
            return false;
        auto round = sync::syncOnce(c.value(), cache, customer);
        if (!round.ok())
            qWarning("sync: %s", qPrintable(round.error().message));
        return round.ok() && round->rejected == 0 && round->conflicts == 0;
    }

private slots:
    void initTestCase()
    {
        cluster = std::make_unique<test::PrivateCluster>();
        QVERIFY2(cluster->ok(), qPrintable(cluster->error()));
        db = std::make_unique<test::MigratedDatabase>(cluster->fixture(), QStringLiteral("credit"));
        QVERIFY2(db->ok(), qPrintable(db->error()));
        customer = db->createCustomer(QStringLiteral("Credit Clinic")).value_or(0);
        QVERIFY(customer > 0);
        op = db->createUser(customer, QStringLiteral("operator"));
        sup = db->createUser(customer, QStringLiteral("supervisor"));
        QVERIFY(op && sup);
    }

    void recovererAndOfflineApprovalTimeReachEveryWorkstation()
    {
        storage::LocalCache opCache = openCache(QStringLiteral("op.db"));
        storage::LocalCache supCache = openCache(QStringLiteral("sup.db"));
        const QDateTime serverNow = QDateTime::currentDateTimeUtc();
        LedgerRepository operatorLedger(&opCache, {op->login, QStringLiteral("operator")});

        // The supervisor owns the entry; the operator records the money.
        LedgerEntry draft;
        draft.product = QStringLiteral("delayguard");
        draft.payer = QStringLiteral("Synthetic Mutual");
        draft.expectedCents = 500000;
        draft.owner = sup->login;
        auto created = operatorLedger.create(draft);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        LedgerEntry e = created.value();
        e.state = LedgerState::InProgress;
        e = operatorLedger.update(e).value();
        e.state = LedgerState::Recovered;
        e.recoveredCents = 420000;
        e.recoveredDate = operatorLedger.today();
        auto recovered = operatorLedger.update(e);
        QVERIFY2(recovered.ok(), qPrintable(recovered.ok() ? QString() : recovered.error().message));
        QCOMPARE(recovered->recoveredBy, op->login);
        QVERIFY(syncAs(*op, opCache));

        auto onServer = db->superuser().exec(
            "SELECT recovered_by, owner FROM upstream.ledger_entries WHERE client_uuid = $1::uuid", {e.id});
        QVERIFY(onServer.ok());
        QCOMPARE(onServer->rows(), 1);
        QCOMPARE(onServer->text(0, 0), op->login); // stamped by the server from the pushing login
        QCOMPARE(onServer->text(0, 1), sup->login);

        // The supervisor's workstation pulls the entry, then approves it "offline": its clock reads three hours
        // before the push reaches the server.
        QVERIFY(syncAs(*sup, supCache));
        // Not const: the clock below returns it, and clang-tidy (performance-no-automatic-move) flags a const one.
        QDateTime offlineAt = QDateTime::fromSecsSinceEpoch(serverNow.addSecs(-3 * 3600).toSecsSinceEpoch(), Qt::UTC);
        LedgerRepository supervisorLedger(&supCache, {sup->login, QStringLiteral("supervisor")},
                                          [&] { return offlineAt; });
        auto pulled = supervisorLedger.get(e.id);
        QVERIFY(pulled.ok());
        QCOMPARE(pulled->recoveredBy, op->login);
        auto approved = supervisorLedger.approve(e.id, pulled->version);
        QVERIFY2(approved.ok(), qPrintable(approved.ok() ? QString() : approved.error().message));
        QCOMPARE(approved->approvedAt, offlineAt);
        QVERIFY(syncAs(*sup, supCache));

        auto times = db->superuser().exec(
            "SELECT approved_by, extract(epoch FROM approved_at_client)::bigint, "
            "extract(epoch FROM approved_at)::bigint FROM upstream.ledger_entries WHERE client_uuid = $1::uuid",
            {e.id});
        QVERIFY(times.ok());
        QCOMPARE(times->text(0, 0), sup->login);
        QCOMPARE(times->int64(0, 1), offlineAt.toSecsSinceEpoch());
        QVERIFY2(times->int64(0, 2) >= serverNow.toSecsSinceEpoch() - 5, "approved_at is the server's receipt time");

        // Both workstations, after the pull: the supervisor's own approval time, the operator credited.
        QVERIFY(syncAs(*sup, supCache));
        QVERIFY(syncAs(*op, opCache));
        for (storage::LocalCache *cache : {&supCache, &opCache}) {
            LedgerRepository reader(cache, {op->login, QStringLiteral("operator")});
            auto shown = reader.get(e.id);
            QVERIFY(shown.ok());
            QCOMPARE(shown->approvedBy, sup->login);
            QCOMPARE(shown->approvedAt, offlineAt);
            QCOMPARE(shown->recoveredBy, op->login);
            auto totals = reader.totals();
            QVERIFY(totals.ok());
            QCOMPARE(totals->byRecoveredBy.value(op->login).recoveredCents, qint64(420000));
            QVERIFY(!totals->byRecoveredBy.contains(sup->login));
            QCOMPARE(totals->byOwner.value(sup->login).recoveredCents, qint64(420000));
        }
    }
};

QTEST_GUILESS_MAIN(TstLedgerSyncCreditsRecovererAndKeepsApprovalTime)
#include "tst_ledger_sync_credits_recoverer_and_keeps_approval_time.moc"
