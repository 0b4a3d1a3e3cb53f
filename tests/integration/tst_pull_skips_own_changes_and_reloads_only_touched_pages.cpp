// Proves (issue 15, "the pull skips changes this workstation made; dashboards reload only what changed"), on a real
// cluster with two workstations of one customer:
// - workstation A's own verdict (TriageService, as the dashboard records it) pushed and pulled back changes nothing
//   in A's cache: the pull receives 0 rows of it and the push acknowledgement finds the cache already equal to the
//   server, so no page of A reloads (CacheChanges empty: what SyncService::cacheChanged carries and the
//   workstation's pages reload on);
// - workstation B receives it (positive control) and its change touches only the alert's product (DriftWatch), not
//   the other dashboards nor the ledger;
// - both caches converge to the server (same judgment id, server id, verdict, time; same alert status).
// Printed: the rows A's pull brings back for its own verdict before (a connection without the change origin, as
// before 0010) and after.
#include "PrivateCluster.h"
#include "TestCache.h"
#include "UpstreamSchema.h"
#include "dashboard/TriageService.h"
#include "storage/cache/LocalCache.h"
#include "storage/cache/OutboxStore.h"
#include "storage/pg/PullQueries.h"
#include "sync/Outbox.h"
#include "sync/SyncRound.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace upstream;

namespace {
const QString kPayer = QStringLiteral("Wombat Synthetic Health");
const QString kProduct = QStringLiteral("driftwatch");
} // namespace

class TstPullSkipsOwnChanges : public QObject {
    Q_OBJECT
    std::unique_ptr<test::PrivateCluster> cluster;
    std::unique_ptr<test::MigratedDatabase> db;
    std::optional<test::TestUser> opA, opB;
    qint64 customer = 0;
    QString alertId;
    QTemporaryDir tmp;

    storage::LocalCache openCache(const QString &name) { return test::openTestCache(tmp.filePath(name), '\x15'); }
    static QStringList row(storage::LocalCache &cache, const QString &sql, const QString &key)
    {
        auto q = cache.db().prepare(sql);
        if (!q.ok())
            return {};
        q->bind(1, key);
        QStringList out;
        if (q->step().value())
            for (int i = 0; i < q->columnCount(); ++i)
                out << q->text(i);
        return out;
    }
    static QString describe(const sync::CacheChanges &c)
    {
        QStringList products(c.products.begin(), c.products.end());
        products.sort();
        return QStringLiteral("%1 rows, products [%2]%3%4")
            .arg(c.rows)
            .arg(products.join(QLatin1Char(',')))
            .arg(c.allProducts ? QStringLiteral(", all products") : QString())
            .arg(c.ledger ? QStringLiteral(", ledger") : QString());
    }

private slots:
    void initTestCase()
    {
        cluster = std::make_unique<test::PrivateCluster>();
        QVERIFY2(cluster->ok(), qPrintable(cluster->error()));
        db = std::make_unique<test::MigratedDatabase>(cluster->fixture(), QStringLiteral("own_changes"));
        QVERIFY2(db->ok(), qPrintable(db->error()));
        customer = db->createCustomer(QStringLiteral("Own Changes Clinic")).value_or(0);
        QVERIFY(customer > 0);
        opA = db->createUser(customer, QStringLiteral("operator"));
        opB = db->createUser(customer, QStringLiteral("operator"));
        QVERIFY(opA && opB);
        const auto alert = db->createAlert(customer, kPayer, QStringLiteral("fp-own-1"));
        QVERIFY(alert);
        alertId = *alert;
    }

    void ownVerdictComesBackToNobodyButTheOtherWorkstation()
    {
        auto wsA = openCache(QStringLiteral("a.db"));
        auto wsB = openCache(QStringLiteral("b.db"));
        auto cA = db->connectAs(*opA);
        auto cB = db->connectAs(*opB);
        QVERIFY(cA.ok() && cB.ok());
        auto firstA = sync::syncOnce(cA.value(), wsA, customer);
        auto firstB = sync::syncOnce(cB.value(), wsB, customer);
        QVERIFY(firstA.ok() && firstB.ok());
        QCOMPARE(firstA->pulledRows, 2); // the signal and its alert: nobody's own, both received
        QVERIFY(firstA->pulled.touches(kProduct));
        dashboard::TriageService triageA(&wsA, opA->login, QStringLiteral("ws-a"));

        // Before: the same verdict pushed and pulled on a connection without the change origin (as before 0010)
        // comes back whole.
        QVERIFY(triageA.apply({alertId}, {QStringLiteral("real"), QStringLiteral("payer_policy_change"), {}}).ok());
        auto plain = db->connectAs(*opA);
        QVERIFY(plain.ok());
        {
            auto queued = storage::pendingChanges(wsA, 100);
            QVERIFY(queued.ok());
            std::vector<sync::PushResult> results;
            QVERIFY(sync::pushChanges(plain.value(), customer, queued.value(), results).ok());
            QVERIFY(storage::recordPushResults(wsA, results).ok());
        }
        auto before = sync::pullUntilCurrent(plain.value(), wsA, customer);
        QVERIFY(before.ok());
        QCOMPARE(before->rows, 2); // the judgment and the alert, both A's own
        auto catchUpB = sync::syncOnce(cB.value(), wsB, customer);
        QVERIFY(catchUpB.ok());

        // After: A changes its verdict; the round pushes it and pulls nothing back.
        QVERIFY(triageA.apply({alertId}, {QStringLiteral("noise"), QStringLiteral("false_positive"), {}}).ok());
        auto roundA = sync::syncOnce(cA.value(), wsA, customer);
        QVERIFY2(roundA.ok(), qPrintable(roundA.ok() ? QString() : roundA.error().message));
        QCOMPARE(roundA->pushed, 2); // the verdict and its audit event
        qInfo("A's own verdict, rows the pull brings back: before %d (each rewritten into the cache), after %d; "
              "after: acknowledgement changed %s, pull changed %s",
              before->rows, roundA->pulledRows, qPrintable(describe(roundA->acknowledged)),
              qPrintable(describe(roundA->pulled)));
        QCOMPARE(roundA->pulledRows, 0);
        QVERIFY2(roundA->pulled.empty(), qPrintable(describe(roundA->pulled)));
        QVERIFY2(roundA->acknowledged.empty(), qPrintable(describe(roundA->acknowledged)));
        for (const QString &product : {kProduct, QStringLiteral("denialscope"), QStringLiteral("delayguard")}) {
            QVERIFY(!roundA->pulled.touches(product));
            QVERIFY(!roundA->acknowledged.touches(product));
        }

        // Positive control: B receives it, and only DriftWatch's page is concerned.
        auto roundB = sync::syncOnce(cB.value(), wsB, customer);
        QVERIFY(roundB.ok());
        qInfo("B, rows pulled %d, changed %s", roundB->pulledRows, qPrintable(describe(roundB->pulled)));
        QCOMPARE(roundB->pulledRows, 2); // the judgment and the alert
        QVERIFY(roundB->pulled.rows >= 2);
        QVERIFY(roundB->pulled.touches(kProduct));
        QVERIFY(!roundB->pulled.touches(QStringLiteral("denialscope")));
        QVERIFY(!roundB->pulled.touches(QStringLiteral("delayguard")));
        QVERIFY(!roundB->pulled.ledger);

        // Both caches hold what the server holds.
        const QString judgmentSql = QStringLiteral(
            "SELECT id, server_id, verdict, reason_code, judged_at FROM judgments WHERE alert_id = ? ORDER BY id");
        const QStringList a = row(wsA, judgmentSql, alertId);
        const QStringList b = row(wsB, judgmentSql, alertId);
        QCOMPARE(a.size(), 5);
        QCOMPARE(a, b);
        QCOMPARE(a.at(2), QStringLiteral("noise"));
        QVERIFY(!a.at(1).isEmpty()); // the server's judgment id, carried by the acknowledgement
        auto server = db->connectAs(*opA)->exec(
            "SELECT client_uuid::text, judgment_id::text, verdict FROM upstream.judgments WHERE alert_id = $1",
            {alertId});
        QVERIFY(server.ok() && server->rows() == 1);
        QCOMPARE(server->text(0, 0), a.at(0));
        QCOMPARE(server->text(0, 1), a.at(1));
        const QString alertSql = QStringLiteral("SELECT status FROM alerts WHERE id = ?");
        QCOMPARE(row(wsA, alertSql, alertId), QStringList{QStringLiteral("resolved")});
        QCOMPARE(row(wsB, alertSql, alertId), QStringList{QStringLiteral("resolved")});
    }

    void ownLedgerEditKeepsTheServersStampsWithoutThePull()
    {
        // A ledger entry's version and recovered_by are the server's: the acknowledgement carries them, so the
        // next edit is based on the right version although the pull leaves the entry out.
        auto ws = openCache(QStringLiteral("ledger.db"));
        auto c = db->connectAs(*opA);
        QVERIFY(c.ok());
        QVERIFY(sync::syncOnce(c.value(), ws, customer).ok());
        const QString entry = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QJsonObject payload{{QStringLiteral("product"), kProduct},
                                  {QStringLiteral("payer"), kPayer},
                                  {QStringLiteral("expected_cents"), 50000.0},
                                  {QStringLiteral("recovered_cents"), 20000.0},
                                  {QStringLiteral("state"), QStringLiteral("in_progress")}};
        QVERIFY(sync::enqueueChange(ws, QStringLiteral("ledger_upsert"), entry, 0, payload).ok());
        auto round = sync::syncOnce(c.value(), ws, customer);
        QVERIFY(round.ok());
        QCOMPARE(round->pushed, 1);
        QCOMPARE(round->pulledRows, 0);
        QVERIFY(round->acknowledged.ledger);
        QVERIFY(round->acknowledged.touches(kProduct));
        const QStringList cached =
            row(ws, QStringLiteral("SELECT version, recovered_by, server_id FROM ledger_entries WHERE id = ?"), entry);
        QCOMPARE(cached.size(), 3);
        QCOMPARE(cached.at(0), QStringLiteral("1"));
        QCOMPARE(cached.at(1), opA->login);
        QVERIFY(!cached.at(2).isEmpty());
        QJsonObject edit = payload;
        edit.insert(QStringLiteral("notes"), QStringLiteral("second edit"));
        QVERIFY(sync::enqueueChange(ws, QStringLiteral("ledger_upsert"), entry, 1, edit).ok());
        auto second = sync::syncOnce(c.value(), ws, customer);
        QVERIFY(second.ok());
        QCOMPARE(second->pushed, 1);
        QCOMPARE(second->conflicts, 0);
        QCOMPARE(row(ws, QStringLiteral("SELECT version FROM ledger_entries WHERE id = ?"), entry),
                 QStringList{QStringLiteral("2")});
    }
};

QTEST_GUILESS_MAIN(TstPullSkipsOwnChanges)
#include "tst_pull_skips_own_changes_and_reloads_only_touched_pages.moc"
