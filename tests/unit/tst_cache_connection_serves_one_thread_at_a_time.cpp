// The cache's connections run SQLite in multi-thread mode (no mutex per call), so one connection must never be
// entered by two threads at once. CipherDatabase enforces it: while one thread is inside a long query on a real
// encrypted cache file, another thread's exec, prepare and step on the same connection are refused with a clear
// error and never reach SQLite — the first query still returns its right result — and the same calls work again
// once the first thread is out, from any thread (a connection may change threads, one at a time).
#include "storage/cache/CipherDatabase.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <chrono>
#include <thread>

using namespace upstream;
using storage::CipherDatabase;

namespace {

// About a second of work inside one sqlite3_step on this hardware: counts to kRows with a recursive query.
constexpr qint64 kRows = 15'000'000;
const QString kSlowCount = QStringLiteral(
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < %1) SELECT count(*) FROM c");

} // namespace

class TstCacheConnectionOneThreadAtATime : public QObject {
    Q_OBJECT
private slots:
    void secondThreadIsRefusedWhileTheFirstIsInside()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto opened = CipherDatabase::open(dir.filePath(QStringLiteral("cache.db")), QByteArray(32, '\x17'));
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        CipherDatabase db = std::move(opened.value());
        QVERIFY(db.exec(QStringLiteral("CREATE TABLE t (x INTEGER)")).ok());
        auto other = db.prepare(QStringLiteral("SELECT count(*) FROM t")); // prepared before, stepped during
        QVERIFY(other.ok());

        std::atomic<bool> entering{false};
        std::atomic<bool> finished{false};
        qint64 counted = -1;
        QString slowError;
        std::thread slow([&] {
            auto q = db.prepare(kSlowCount.arg(kRows));
            if (!q.ok()) {
                slowError = q.error().message;
            } else {
                entering = true;
                auto row = q->step();
                if (row.ok() && row.value())
                    counted = q->int64(0);
                else
                    slowError = row.ok() ? QStringLiteral("no row") : row.error().message;
            }
            finished = true;
        });
        while (!entering && !finished)
            std::this_thread::yield();
        std::this_thread::sleep_for(std::chrono::milliseconds(150)); // well inside the step by now

        int refused = 0;
        bool allRefusedClearly = true;
        while (!finished) {
            const Status ex = db.exec(QStringLiteral("INSERT INTO t VALUES (1)"));
            const auto prepared = db.prepare(QStringLiteral("SELECT 1"));
            const auto stepped = other->step();
            for (const QString &message :
                 {ex.ok() ? QString() : ex.error().message, prepared.ok() ? QString() : prepared.error().message,
                  stepped.ok() ? QString() : stepped.error().message}) {
                if (finished)
                    break; // the slow query may have ended between the calls: only count what overlapped it
                if (message.contains(QLatin1String("in use on another thread")))
                    ++refused;
                else
                    allRefusedClearly = false;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        slow.join();
        QVERIFY2(slowError.isEmpty(), qPrintable(slowError));
        QCOMPARE(counted, kRows); // the refused calls did not disturb the query that was running
        QVERIFY2(refused >= 3, "calls made while another thread was inside were not refused");
        QVERIFY(allRefusedClearly);

        // Out again: the same calls work, here and from another thread.
        QVERIFY(db.exec(QStringLiteral("INSERT INTO t VALUES (2)")).ok());
        other->reset();
        auto count = other->step();
        QVERIFY(count.ok() && count.value());
        other->reset();
        auto refusedRows = db.scalar(QStringLiteral("SELECT count(*) FROM t WHERE x = 1"));
        QVERIFY(refusedRows.ok());
        QCOMPARE(refusedRows.value(), qint64(0)); // what was refused was not written
        bool laterOk = false;
        std::thread later([&] { laterOk = db.exec(QStringLiteral("INSERT INTO t VALUES (3)")).ok(); });
        later.join();
        QVERIFY(laterOk);
        auto total = db.scalar(QStringLiteral("SELECT count(*) FROM t WHERE x IN (2, 3)"));
        QVERIFY(total.ok());
        QCOMPARE(total.value(), qint64(2));
    }
};

QTEST_GUILESS_MAIN(TstCacheConnectionOneThreadAtATime)
#include "tst_cache_connection_serves_one_thread_at_a_time.moc"
