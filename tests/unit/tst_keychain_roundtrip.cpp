// Proves: secrets round-trip through the real OS keychain (a private gnome-keyring Secret Service started by
// tests/fixtures/isolated_env.sh): write, read back, overwrite, delete, and a missing entry is reported as
// NotFound rather than as a backend failure.
#include "security/SecretStore.h"

#include <QtTest>

using namespace upstream;

class TstKeychainRoundtrip : public QObject {
    Q_OBJECT
    security::SecretStore store{QStringLiteral("Upstream Workstation Test")};

    Result<QByteArray> readSync(const QString &key)
    {
        std::optional<Result<QByteArray>> out;
        store.read(key, [&](Result<QByteArray> r) { out = std::move(r); });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000))
            return makeError(ErrorCode::Internal, QStringLiteral("keychain read timed out"));
        return std::move(*out);
    }
    Status writeSync(const QString &key, const QByteArray &v)
    {
        std::optional<Status> out;
        store.write(key, v, [&](Status s) { out = s; });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000))
            return makeError(ErrorCode::Internal, QStringLiteral("keychain write timed out"));
        return *out;
    }
    Status removeSync(const QString &key)
    {
        std::optional<Status> out;
        store.remove(key, [&](Status s) { out = s; });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000))
            return makeError(ErrorCode::Internal, QStringLiteral("keychain delete timed out"));
        return *out;
    }

private slots:
    void writeReadOverwriteDelete()
    {
        const QString key = QStringLiteral("device-secret");
        QByteArray secret(32, '\0');
        for (int i = 0; i < secret.size(); ++i)
            secret[i] = char(i * 7 + 1); // binary, including bytes that are not valid text
        const Status w = writeSync(key, secret);
        QVERIFY2(w.ok(), qPrintable(w.ok() ? QString() : w.error().message));
        auto r = readSync(key);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r.value(), secret);

        QVERIFY(writeSync(key, QByteArrayLiteral("second")).ok());
        QCOMPARE(readSync(key).value(), QByteArrayLiteral("second"));

        QVERIFY(removeSync(key).ok());
        auto gone = readSync(key);
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().code, ErrorCode::NotFound);
    }

    void missingEntryIsNotFound()
    {
        auto r = readSync(QStringLiteral("never-written"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::NotFound);
        QVERIFY(removeSync(QStringLiteral("never-written")).ok());
    }
};

QTEST_GUILESS_MAIN(TstKeychainRoundtrip)
#include "tst_keychain_roundtrip.moc"
