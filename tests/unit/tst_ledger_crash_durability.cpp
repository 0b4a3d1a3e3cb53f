// Proves: an offline ledger edit is durable the moment the call returns. A child process (this test binary run
// with --crash-child) creates and updates an entry, reports "accepted", and is killed with SIGKILL without any
// cleanup; reopening the cache finds the entry at its latest version, its history, and both outbox rows ready to
// push. The encrypted cache files never contain the entry's plaintext.
#include "ledger/LedgerRepository.h"
#include "storage/cache/LocalCache.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>
#include <cstring>
#include <thread>

using namespace upstream;
using namespace upstream::ledger;

namespace {

const QByteArray kKey(32, 'k');
const QString kPayer = QStringLiteral("Quillfeather Synthetic Assurance");
const QString kNotes = QStringLiteral("Zanzibar reprocessing batch");

// The child: make the edits, say so, then wait to be killed (never exits on its own, never closes the cache).
int runCrashChild(const QString &path)
{
    auto cache = storage::LocalCache::open(path, kKey);
    if (!cache.ok())
        return 3;
    LedgerRepository repo(&cache.value(), {QStringLiteral("op.crash"), QStringLiteral("operator")});
    LedgerEntry e;
    e.product = QStringLiteral("denialscope");
    e.payer = kPayer;
    e.expectedCents = 777700;
    auto created = repo.create(e);
    if (!created.ok())
        return 4;
    LedgerEntry edit = created.value();
    edit.state = LedgerState::InProgress;
    edit.notes = kNotes;
    auto updated = repo.update(edit);
    if (!updated.ok())
        return 5;
    std::printf("accepted %s\n", qPrintable(updated->id));
    std::fflush(stdout);
    for (;;)
        std::this_thread::sleep_for(std::chrono::seconds(1));
}

} // namespace

class TstLedgerCrashDurability : public QObject {
    Q_OBJECT

private slots:
    void acceptedEditSurvivesSigkill()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("cache.db"));
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--crash-child"), path});
        QVERIFY(child.waitForStarted());
        QVERIFY2(child.waitForReadyRead(30000), "the child did not report an accepted edit");
        QTRY_VERIFY_WITH_TIMEOUT(child.canReadLine(), 10000);
        const QString line = QString::fromUtf8(child.readLine()).trimmed();
        QVERIFY2(line.startsWith(QLatin1String("accepted ")), qPrintable(line));
        const QString id = line.mid(9);
        child.kill(); // SIGKILL on Unix: no destructors, no checkpoint, no close
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        // The WAL is still there (nobody checkpointed): that is what recovery replays. Neither file holds plaintext.
        for (const QString &file : QDir(tmp.path()).entryList(QDir::Files)) {
            QFile f(tmp.filePath(file));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QVERIFY2(!bytes.contains(kPayer.toUtf8()), qPrintable(file));
            QVERIFY2(!bytes.contains(kNotes.toUtf8()), qPrintable(file));
        }

        auto cache = storage::LocalCache::open(path, kKey);
        QVERIFY(cache.ok());
        LedgerRepository repo(&cache.value(), {QStringLiteral("op.after"), QStringLiteral("operator")});
        auto e = repo.get(id);
        QVERIFY2(e.ok(), "the accepted edit was lost");
        QCOMPARE(e->version, qint64(2));
        QCOMPARE(e->state, LedgerState::InProgress);
        QCOMPARE(e->notes, kNotes);
        QCOMPARE(repo.history(id)->size(), size_t(2));

        auto q = cache->db().prepare(
            QStringLiteral("SELECT kind, base_version, state FROM outbox WHERE entity_id = ? ORDER BY seq"));
        QVERIFY(q.ok());
        q->bind(1, id);
        QStringList rows;
        while (q->step().value())
            rows << QStringLiteral("%1/%2/%3")
                        .arg(q->text(0), q->isNull(1) ? QStringLiteral("-") : q->text(1), q->text(2));
        QCOMPARE(rows,
                 (QStringList{QStringLiteral("ledger_upsert/0/pending"), QStringLiteral("ledger_upsert/1/pending")}));

        // And the recovered cache keeps working: the next edit is based on version 2.
        LedgerEntry next = e.value();
        next.expectedCents += 100;
        QCOMPARE(repo.update(next)->version, qint64(3));
    }
};

int main(int argc, char **argv)
{
    if (argc == 3 && std::strcmp(argv[1], "--crash-child") == 0) {
        QCoreApplication app(argc, argv);
        return runCrashChild(QString::fromLocal8Bit(argv[2]));
    }
    QCoreApplication app(argc, argv);
    TstLedgerCrashDurability test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ledger_crash_durability.moc"
