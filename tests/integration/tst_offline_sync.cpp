// Proves (issue 7 a, c, d): with the server stopped, ledger edits and verdicts are accepted into the encrypted
// cache; when the server comes back every change arrives exactly once — also when a push is retried after a lost
// acknowledgement; two workstations editing the same entry give the second a conflict and lose neither edit; the
// cache file holds none of the test's plaintext.
#include "PrivateCluster.h"
#include "TestCache.h"
#include "UpstreamSchema.h"
#include "storage/cache/LocalCache.h"
#include "storage/cache/OutboxStore.h"
#include "sync/Outbox.h"
#include "sync/SyncRound.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace upstream;

namespace {
const QString kPayer = QStringLiteral("Quokka Synthetic Mutual");
const QString kNote = QStringLiteral("appeal letter drafted offline");
} // namespace

class TstOfflineSync : public QObject {
    Q_OBJECT
    std::unique_ptr<test::PrivateCluster> cluster;
    std::unique_ptr<test::MigratedDatabase> db;
    std::optional<test::TestUser> op;
    std::optional<test::TestUser> op2;
    qint64 customer = 0;
    QString alertId;
    QTemporaryDir tmp;

    storage::LocalCache openCache(const QString &name) { return test::openTestCache(tmp.filePath(name), '\x11'); }
    Result<storage::PgConnection> connect(const test::TestUser &u) { return db->connectAs(u); }
    // A fresh superuser connection: the server restarts in the middle of the test.
    storage::PgConnection su()
    {
        auto c = storage::PgConnection::connect(db->db().superuserParams());
        return c.ok() ? std::move(c.value()) : storage::PgConnection();
    }
    qint64 scalar(const char *sql, const std::vector<QVariant> &params = {})
    {
        auto r = su().exec(sql, params);
        return (r.ok() && r->rows() == 1) ? r->int64(0, 0) : -1;
    }
    static QJsonObject ledgerPayload(qint64 expected, qint64 recovered, const QString &state, const QString &notes)
    {
        return {{QStringLiteral("product"), QStringLiteral("driftwatch")},
                {QStringLiteral("payer"), kPayer},
                {QStringLiteral("expected_cents"), double(expected)},
                {QStringLiteral("recovered_cents"), double(recovered)},
                {QStringLiteral("state"), state},
                {QStringLiteral("notes"), notes}};
    }

private slots:
    void initTestCase()
    {
        cluster = std::make_unique<test::PrivateCluster>();
        QVERIFY2(cluster->ok(), qPrintable(cluster->error()));
        db = std::make_unique<test::MigratedDatabase>(cluster->fixture(), QStringLiteral("sync"));
        QVERIFY2(db->ok(), qPrintable(db->error()));
        customer = db->createCustomer(QStringLiteral("Sync Test Clinic")).value_or(0);
        QVERIFY(customer > 0);
        op = db->createUser(customer, QStringLiteral("operator"));
        op2 = db->createUser(customer, QStringLiteral("operator"));
        QVERIFY(op && op2);
        const auto alert =
            db->createAlert(customer, kPayer, QStringLiteral("fp-sync-1"), QStringLiteral("{\"p_value\": 0.001}"));
        QVERIFY(alert);
        alertId = *alert;
    }

    void offlineEditsArriveExactlyOnce()
    {
        auto cache = openCache(QStringLiteral("ws1.db"));
        {
            auto c = connect(*op);
            QVERIFY(c.ok());
            auto round = sync::syncOnce(c.value(), cache, customer);
            QVERIFY2(round.ok(), qPrintable(round.ok() ? QString() : round.error().message));
            QCOMPARE(round->pulledRows, 2); // the signal and its alert
        }
        QVERIFY(cluster->pause());

        // Offline: a new ledger entry, an edit of it, and a verdict — all accepted locally.
        const QString entry = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QVERIFY(sync::enqueueChange(cache, QStringLiteral("ledger_upsert"), entry, 0,
                                    ledgerPayload(250000, 0, QStringLiteral("open"), QString()))
                    .ok());
        QVERIFY(sync::enqueueChange(cache, QStringLiteral("ledger_upsert"), entry, 1,
                                    ledgerPayload(250000, 120000, QStringLiteral("in_progress"), kNote))
                    .ok());
        const QString judgment = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QVERIFY(sync::enqueueChange(cache, QStringLiteral("verdict"), judgment, 0,
                                    {{QStringLiteral("alert_id"), alertId},
                                     {QStringLiteral("verdict"), QStringLiteral("real")},
                                     {QStringLiteral("reason_code"), QStringLiteral("payer_policy_change")}})
                    .ok());
        // An audit event recorded while offline (the idle lock, say) is queued like any change.
        QVERIFY(sync::enqueueAudit(cache, op->login, QStringLiteral("ws-offline-7"), QStringLiteral("lock"),
                                   {{QStringLiteral("reason"), QStringLiteral("idle")}})
                    .ok());
        QCOMPARE(sync::pendingCount(cache).value(), 4);

        auto down = connect(*op);
        QVERIFY(!down.ok());
        QCOMPARE(down.error().code, ErrorCode::Unreachable);
        QCOMPARE(sync::pendingCount(cache).value(), 4); // nothing lost while the server is down

        QVERIFY(cluster->resume());
        auto c = connect(*op);
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message));
        // Keep a copy of the queued changes to replay them as a lost-acknowledgement retry would.
        auto queued = storage::pendingChanges(cache, 100);
        QVERIFY(queued.ok());
        QCOMPARE(queued->size(), size_t(4));
        auto round = sync::syncOnce(c.value(), cache, customer);
        QVERIFY2(round.ok(), qPrintable(round.ok() ? QString() : round.error().message));
        QCOMPARE(round->pushed, 4);
        QCOMPARE(round->conflicts, 0);
        QCOMPARE(sync::pendingCount(cache).value(), 0);

        for (const sync::OutboxChange &change : queued.value()) {
            auto again = sync::pushChange(c.value(), customer, change);
            QVERIFY(again.ok());
            QCOMPARE(again->outcome, sync::PushOutcome::AlreadyApplied);
        }
        QCOMPARE(scalar("SELECT count(*) FROM upstream.ledger_entries WHERE client_uuid = $1::uuid", {entry}), 1);
        QCOMPARE(scalar("SELECT version FROM upstream.ledger_entries WHERE client_uuid = $1::uuid", {entry}), 2);
        QCOMPARE(
            scalar("SELECT (recovered_amount * 100)::bigint FROM upstream.ledger_entries WHERE client_uuid = $1::uuid",
                   {entry}),
            120000);
        QCOMPARE(scalar("SELECT count(*) FROM upstream.ledger_history h JOIN upstream.ledger_entries l USING "
                        "(customer_id, entry_id) WHERE l.client_uuid = $1::uuid",
                        {entry}),
                 2); // one insert, one update: each change exactly once
        QCOMPARE(scalar("SELECT count(*) FROM upstream.judgments WHERE alert_id = $1", {alertId}), 1);
        QCOMPARE(scalar("SELECT count(*) FROM upstream.audit_log WHERE action = 'lock' AND workstation = "
                        "'ws-offline-7' AND details->>'recorded_by' = $1",
                        {op->login}),
                 1); // appended to the hash chain exactly once, replays included
        auto status = su().exec("SELECT status FROM upstream.alerts WHERE alert_id = $1", {alertId});
        QCOMPARE(status->text(0, 0), QStringLiteral("acknowledged"));
        // The pull brought the server's versions back into the cache.
        auto local =
            cache.db().prepare(QStringLiteral("SELECT version, notes, server_id FROM ledger_entries WHERE id = ?"));
        local->bind(1, entry);
        QVERIFY(local->step().value());
        QCOMPARE(local->int64(0), 2);
        QCOMPARE(local->text(1), kNote);
        QVERIFY(!local->text(2).isEmpty());
    }

    void concurrentEditIsAConflictAndNothingIsLost()
    {
        auto wsA = openCache(QStringLiteral("wsA.db"));
        auto wsB = openCache(QStringLiteral("wsB.db"));
        auto cA = connect(*op);
        auto cB = connect(*op2);
        QVERIFY(cA.ok() && cB.ok());
        QVERIFY(sync::syncOnce(cA.value(), wsA, customer).ok());
        QVERIFY(sync::syncOnce(cB.value(), wsB, customer).ok());
        auto entry = su().exec("SELECT client_uuid::text, version FROM upstream.ledger_entries LIMIT 1");
        QVERIFY(entry.ok() && entry->rows() == 1);
        const QString id = entry->text(0, 0);
        const qint64 v = entry->int64(0, 1);

        QVERIFY(sync::enqueueChange(wsA, QStringLiteral("ledger_upsert"), id, v,
                                    ledgerPayload(250000, 200000, QStringLiteral("in_progress"),
                                                  QStringLiteral("A: payer agreed to reprocess")))
                    .ok());
        QVERIFY(sync::enqueueChange(wsB, QStringLiteral("ledger_upsert"), id, v,
                                    ledgerPayload(250000, 150000, QStringLiteral("in_progress"),
                                                  QStringLiteral("B: partial payment posted")))
                    .ok());
        auto a = sync::syncOnce(cA.value(), wsA, customer);
        QVERIFY(a.ok());
        QCOMPARE(a->pushed, 1);
        auto b = sync::syncOnce(cB.value(), wsB, customer);
        QVERIFY(b.ok());
        QCOMPARE(b->conflicts, 1);
        QCOMPARE(b->pushed, 0);

        // The server kept A's edit; B's edit is kept locally with the server's version beside it.
        auto server = su().exec("SELECT notes, version FROM upstream.ledger_entries WHERE client_uuid = "
                                "$1::uuid",
                                {id});
        QCOMPARE(server->text(0, 0), QStringLiteral("A: payer agreed to reprocess"));
        QCOMPARE(server->int64(0, 1), v + 1);
        auto conflict = wsB.db().prepare(QStringLiteral("SELECT mine, theirs FROM conflicts WHERE entity_id = ?"));
        conflict->bind(1, id);
        QVERIFY(conflict->step().value());
        const QJsonObject mine = QJsonDocument::fromJson(conflict->text(0).toUtf8()).object();
        const QJsonObject theirs = QJsonDocument::fromJson(conflict->text(1).toUtf8()).object();
        QCOMPARE(mine.value(QStringLiteral("notes")).toString(), QStringLiteral("B: partial payment posted"));
        QCOMPARE(theirs.value(QStringLiteral("notes")).toString(), QStringLiteral("A: payer agreed to reprocess"));
        auto state = wsB.db().prepare(QStringLiteral("SELECT state FROM outbox WHERE entity_id = ?"));
        state->bind(1, id);
        QVERIFY(state->step().value());
        QCOMPARE(state->text(0), QStringLiteral("conflict"));
    }

    void cacheFilesHoldNoPlaintext()
    {
        for (const QString &name : QDir(tmp.path()).entryList(QDir::Files)) {
            QFile f(tmp.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QVERIFY2(!bytes.contains(kPayer.toUtf8()), qPrintable(name));
            QVERIFY2(!bytes.contains(kNote.toUtf8()), qPrintable(name));
            QVERIFY2(!bytes.contains("payer agreed"), qPrintable(name));
            QVERIFY2(!bytes.contains("ledger_upsert"), qPrintable(name));
        }
    }
};

QTEST_GUILESS_MAIN(TstOfflineSync)
#include "tst_offline_sync.moc"
