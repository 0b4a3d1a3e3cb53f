// Proves: the local cache is a SQLCipher 4 file — none of the written text is readable in its bytes, it opens with
// its key and refuses any other key or no key at all.
#include "storage/cache/CipherDatabase.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;
using storage::CipherDatabase;

class TstCacheEncryptedAtRest : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    const QString marker = QStringLiteral("Synthetic Payer Marker 7Q");
    QByteArray key = QByteArray(32, '\x5a');

private slots:
    void linkedLibraryIsSqlCipher4() { QVERIFY(CipherDatabase::cipherVersion().startsWith(QLatin1String("4."))); }

    void writtenTextIsNotInTheFile()
    {
        const QString path = dir.filePath(QStringLiteral("cache.db"));
        {
            auto db = CipherDatabase::open(path, key);
            QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
            QVERIFY(db->exec(QStringLiteral("CREATE TABLE t(payer TEXT, note TEXT)")).ok());
            auto ins = db->prepare(QStringLiteral("INSERT INTO t VALUES (?, ?)"));
            QVERIFY(ins.ok());
            for (int i = 0; i < 200; ++i) {
                ins->bind(1, marker);
                ins->bind(2, QStringLiteral("note %1 %2").arg(marker).arg(i));
                QVERIFY(ins->run().ok());
                ins->reset();
            }
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.size() > 4096);
        QVERIFY(!bytes.contains(marker.toUtf8()));
        QVERIFY(!bytes.contains("CREATE TABLE"));
        QVERIFY(!bytes.startsWith("SQLite format 3"));
        QVERIFY(!bytes.contains(key)); // the key itself is not stored in the file
    }

    void reopensWithTheRightKey()
    {
        auto db = CipherDatabase::open(dir.filePath(QStringLiteral("cache.db")), key);
        QVERIFY(db.ok());
        auto q = db->prepare(QStringLiteral("SELECT count(*), min(payer) FROM t"));
        QVERIFY(q.ok());
        QVERIFY(q->step().value());
        QCOMPARE(q->int64(0), 200);
        QCOMPARE(q->text(1), marker);
    }

    void refusesAnotherKey()
    {
        QByteArray other = key;
        other[31] = '\x5b';
        auto db = CipherDatabase::open(dir.filePath(QStringLiteral("cache.db")), other);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, ErrorCode::Corrupt);
        QVERIFY(db.error().message.contains(QLatin1String("wrong password")));
    }

    void refusesNoKey()
    {
        auto db = CipherDatabase::open(dir.filePath(QStringLiteral("cache.db")), QByteArray());
        QVERIFY(!db.ok());
    }

    void rejectsShortKeys()
    {
        auto db = CipherDatabase::open(dir.filePath(QStringLiteral("other.db")), QByteArray(16, 'k'));
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, ErrorCode::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TstCacheEncryptedAtRest)
#include "tst_cache_encrypted_at_rest.moc"
