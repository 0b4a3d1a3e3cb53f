// Proves (issue 7 b): an offline edit that the workstation accepted survives the process being killed with SIGKILL
// immediately afterwards — after a restart it is in the cache, still queued, and it reaches the server exactly once.
#include "UpstreamSchema.h"
#include "storage/cache/LocalCache.h"
#include "sync/Outbox.h"
#include "sync/SyncRound.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <thread>

using namespace upstream;

namespace {
const QByteArray kKey(32, '\x42');

QJsonObject payload(const QString &notes)
{
    return {{QStringLiteral("product"), QStringLiteral("delayguard")},
            {QStringLiteral("payer"), QStringLiteral("Wombat Synthetic Health")},
            {QStringLiteral("expected_cents"), 980000.0},
            {QStringLiteral("recovered_cents"), 0.0},
            {QStringLiteral("state"), QStringLiteral("open")},
            {QStringLiteral("notes"), notes}};
}

// The child: accept one edit exactly as the ledger editor does (the row and its outbox entry in one transaction),
// report it, then wait to be killed.
int childEdit(const char *cachePath, const char *entryId)
{
    auto cache = storage::LocalCache::open(QString::fromUtf8(cachePath), kKey);
    if (!cache.ok())
        return 3;
    const QString id = QString::fromUtf8(entryId);
    const Status st = cache->transaction([&]() -> Status {
        auto ins = cache->db().prepare(QStringLiteral(
            "INSERT INTO ledger_entries (id, product, payer, expected_cents, state, notes, created_at, updated_at) "
            "VALUES (?, 'delayguard', 'Wombat Synthetic Health', 980000, 'open', 'written just before the crash', "
            "datetime('now'), datetime('now'))"));
        if (!ins.ok())
            return ins.error();
        ins->bind(1, id);
        if (Status s = ins->run(); !s.ok())
            return s;
        auto q = sync::enqueueChange(cache.value(), QStringLiteral("ledger_upsert"), id, 0,
                                     payload(QStringLiteral("written just before the crash")));
        return q.ok() ? Status::success() : Status(q.error());
    });
    if (!st.ok())
        return 4;
    std::printf("accepted\n");
    std::fflush(stdout);
    for (;;)
        std::this_thread::sleep_for(std::chrono::seconds(1));
}

} // namespace

class TstKillRecovery : public QObject {
    Q_OBJECT

private slots:
    void acceptedEditSurvivesSigkillAndSyncs()
    {
        auto fx = test::PgFixture::load();
        QVERIFY(fx.has_value());
        test::MigratedDatabase db(*fx, QStringLiteral("kill"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        const qint64 customer = db.createCustomer(QStringLiteral("Kill Test Clinic")).value_or(0);
        auto op = db.createUser(customer, QStringLiteral("operator"));
        QVERIFY(op.has_value());

        QTemporaryDir tmp;
        const QString cachePath = tmp.filePath(QStringLiteral("cache.db"));
        const QString entry = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child-edit"), cachePath, entry});
        QVERIFY(child.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(child.canReadLine(), 30000);
        QCOMPARE(child.readLine().trimmed(), QByteArrayLiteral("accepted"));
        ::kill(pid_t(child.processId()), SIGKILL); // no chance to flush, close or clean up
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        auto cache = storage::LocalCache::open(cachePath, kKey);
        QVERIFY2(cache.ok(), qPrintable(cache.ok() ? QString() : cache.error().message));
        auto row = cache->db().prepare(QStringLiteral("SELECT notes FROM ledger_entries WHERE id = ?"));
        row->bind(1, entry);
        QVERIFY(row->step().value());
        QCOMPARE(row->text(0), QStringLiteral("written just before the crash"));
        QCOMPARE(sync::pendingCount(cache.value()).value(), 1);

        auto conn = db.connectAs(*op);
        QVERIFY(conn.ok());
        auto round = sync::syncOnce(conn.value(), cache.value(), customer);
        QVERIFY2(round.ok(), qPrintable(round.ok() ? QString() : round.error().message));
        QCOMPARE(round->pushed, 1);
        QCOMPARE(sync::pendingCount(cache.value()).value(), 0);
        auto server = db.superuser().exec("SELECT count(*), max(notes) FROM upstream.ledger_entries "
                                          "WHERE client_uuid = $1::uuid",
                                          {entry});
        QVERIFY(server.ok());
        QCOMPARE(server->int64(0, 0), 1);
        QCOMPARE(server->text(0, 1), QStringLiteral("written just before the crash"));
    }
};

int main(int argc, char *argv[])
{
    if (argc == 4 && std::strcmp(argv[1], "--child-edit") == 0)
        return childEdit(argv[2], argv[3]);
    QCoreApplication app(argc, argv);
    TstKillRecovery test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_kill_recovery.moc"
