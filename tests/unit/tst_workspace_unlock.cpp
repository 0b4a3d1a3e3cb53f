// Proves: a workspace's cache opens only with the right password AND this device's keychain secret; a wrong
// password, a missing keychain secret, a damaged key file and a cache from a newer program each fail with a clear
// message; the cache file holds none of the plaintext written into it; the key file holds no raw key. New keys are
// wrapped with Argon2id MODERATE; a manifest asking for limits outside INTERACTIVE..SENSITIVE is refused; a workspace
// made with the older INTERACTIVE limits opens and is rewrapped with MODERATE.
#include "security/KeyVault.h"
#include "security/SecretStore.h"
#include "storage/cache/LocalCache.h"
#include "workspace/Workspace.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;
using workspace::OpenedWorkspace;
using workspace::WorkspaceOpener;

class TstWorkspaceUnlock : public QObject {
    Q_OBJECT
    QTemporaryDir tmp;
    security::SecretStore secrets{QStringLiteral("Upstream Workstation Test")};
    WorkspaceOpener opener{&secrets};
    QString dir;
    QString id;
    const QString password = QStringLiteral("correct horse battery staple");
    const QString marker = QStringLiteral("Zyzzyva Synthetic Health Plan");

    template<typename F>
    Result<OpenedWorkspace> wait(F start)
    {
        std::optional<Result<OpenedWorkspace>> out;
        start([&](Result<OpenedWorkspace> r) { out = std::move(r); });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 30000))
            return makeError(ErrorCode::Internal, QStringLiteral("timed out"));
        return std::move(*out);
    }
    Result<OpenedWorkspace> openWith(const QString &pw)
    {
        return wait([&](auto cb) { opener.open(dir, pw, cb); });
    }

    QJsonObject readManifest()
    {
        QFile f(QDir(dir).filePath(QStringLiteral("workspace.json")));
        return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
    }
    void writeManifest(const QJsonObject &o)
    {
        QFile f(QDir(dir).filePath(QStringLiteral("workspace.json")));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(o).toJson());
    }

private slots:
    void initTestCase()
    {
        dir = tmp.filePath(QStringLiteral("ws"));
        auto created = wait([&](auto cb) { opener.create(dir, password, cb); });
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        id = created->id;
        auto &db = created->cache->db();
        auto ins = db.prepare(QStringLiteral("INSERT INTO ledger_entries(id, product, payer, state, notes, created_at, "
                                             "updated_at) VALUES ('e1', 'driftwatch', ?, 'open', ?, 'now', 'now')"));
        QVERIFY(ins.ok());
        ins->bind(1, marker);
        ins->bind(2, QStringLiteral("appeal drafted for %1").arg(marker));
        QVERIFY(ins->run().ok());
        QCOMPARE(created->cache->schemaVersion(), storage::LocalCache::kSchemaVersion);
    }

    void rightPasswordOpens()
    {
        auto ws = openWith(password);
        QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().message));
        auto q = ws->cache->db().prepare(QStringLiteral("SELECT payer FROM ledger_entries WHERE id = 'e1'"));
        QVERIFY(q.ok());
        QVERIFY(q->step().value());
        QCOMPARE(q->text(0), marker);
    }

    void wrongPasswordIsRefused()
    {
        auto ws = openWith(QStringLiteral("correct horse battery stapler"));
        QVERIFY(!ws.ok());
        QCOMPARE(ws.error().code, ErrorCode::AuthFailed);
        QVERIFY(ws.error().message.contains(QLatin1String("password is wrong")));
    }

    void changedPasswordOpensAndTheOldOneNoLonger()
    {
        auto change = [&](const QString &from, const QString &to) {
            std::optional<Status> out;
            opener.changePassword(dir, from, to, [&](Status st) { out = std::move(st); });
            return QTest::qWaitFor([&] { return out.has_value(); }, 30000)
                       ? *out
                       : Status(makeError(ErrorCode::Internal, QStringLiteral("timed out")));
        };
        const QString changed = QStringLiteral("changed on the server 2");
        // A wrong old password changes nothing.
        const Status refused = change(QStringLiteral("not the password"), changed);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::AuthFailed);
        QVERIFY(openWith(password).ok());
        // The right one: the new password opens the same data, the old one is refused.
        const Status st = change(password, changed);
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().message));
        QCOMPARE(openWith(password).error().code, ErrorCode::AuthFailed);
        auto ws = openWith(changed);
        QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().message));
        auto q = ws->cache->db().prepare(QStringLiteral("SELECT payer FROM ledger_entries WHERE id = 'e1'"));
        QVERIFY(q.ok() && q->step().value());
        QCOMPARE(q->text(0), marker);
        ws->cache.reset();
        // Back, so the other cases keep their password.
        QVERIFY(change(changed, password).ok());
        QVERIFY(openWith(password).ok());
    }

    void filesHoldNoPlaintext()
    {
        for (const QString &name :
             {QStringLiteral("cache.db"), QStringLiteral("cache.db-wal"), QStringLiteral("workspace.json")}) {
            QFile f(QDir(dir).filePath(name));
            if (!f.exists())
                continue;
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QVERIFY2(!bytes.contains(marker.toUtf8()), qPrintable(name));
            QVERIFY2(!bytes.contains(password.toUtf8()), qPrintable(name));
            QVERIFY2(!bytes.contains("appeal drafted"), qPrintable(name));
        }
    }

    void damagedKeyFileIsReported()
    {
        const QString manifest = QDir(dir).filePath(QStringLiteral("workspace.json"));
        QFile f(manifest);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray original = f.readAll();
        f.close();
        QJsonObject o = QJsonDocument::fromJson(original).object();
        QJsonObject key = o.value(QStringLiteral("key")).toObject();
        QByteArray ct = QByteArray::fromBase64(key.value(QStringLiteral("ciphertext")).toString().toLatin1());
        ct[3] = char(ct[3] ^ 0x01);
        key.insert(QStringLiteral("ciphertext"), QString::fromLatin1(ct.toBase64()));
        o.insert(QStringLiteral("key"), key);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(o).toJson());
        f.close();
        auto tampered = openWith(password);
        QVERIFY(!tampered.ok()); // authenticated encryption: one flipped bit and the key does not unwrap
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{\"key\": {\"format\": \"something else\"}}");
        f.close();
        auto garbage = openWith(password);
        QVERIFY(!garbage.ok());
        QCOMPARE(garbage.error().code, ErrorCode::Corrupt);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(original);
        f.close();
        QVERIFY(openWith(password).ok());
    }

    void newKeysUseModerateAndManifestLimitsAreBounded()
    {
        const QJsonObject original = readManifest();
        const QJsonObject key = original.value(QStringLiteral("key")).toObject();
        QCOMPARE(key.value(QStringLiteral("opslimit")).toString(), QStringLiteral("3"));
        QCOMPARE(key.value(QStringLiteral("memlimit")).toString(), QString::number(quint64(256) << 20));
        const std::pair<const char *, QString> forged[] = {
            {"opslimit", QStringLiteral("1")},               // too weak to resist guessing
            {"memlimit", QString::number(quint64(8) << 20)}, // 8 MiB: too weak
            {"memlimit", QString::number(quint64(8) << 30)}, // 8 GiB: exhausts the machine
            {"opslimit", QStringLiteral("4000000000")}};     // hours of work per unlock
        for (const auto &[field, value] : forged) {
            QJsonObject k = key;
            k.insert(QLatin1String(field), value);
            QJsonObject o = original;
            o.insert(QStringLiteral("key"), k);
            writeManifest(o);
            auto refused = openWith(password);
            QVERIFY2(!refused.ok(), field);
            QCOMPARE(refused.error().code, ErrorCode::Corrupt);
        }
        writeManifest(original);
        QVERIFY(openWith(password).ok());
    }

    void olderInteractiveWorkspaceIsRewrappedOnUnlock()
    {
        // A workspace as an older version made it: the same key wrapped with INTERACTIVE limits.
        const QJsonObject original = readManifest();
        auto current = security::WrappedKey::fromJson(original.value(QStringLiteral("key")).toObject());
        QVERIFY(current.ok());
        std::optional<Result<QByteArray>> secret;
        secrets.read(WorkspaceOpener::deviceSecretKey(id), [&](Result<QByteArray> r) { secret = std::move(r); });
        QTRY_VERIFY(secret.has_value());
        QVERIFY(secret->ok());
        auto rawKey = security::KeyVault::unwrap(*current, password, secret->value());
        QVERIFY(rawKey.ok());
        auto older = security::KeyVault::wrap(*rawKey, password, secret->value(), id, 2, quint64(64) << 20);
        QVERIFY(older.ok());
        QJsonObject o = original;
        o.insert(QStringLiteral("key"), older->toJson());
        writeManifest(o);
        QCOMPARE(readManifest().value(QStringLiteral("key")).toObject().value(QStringLiteral("opslimit")).toString(),
                 QStringLiteral("2"));
        auto opened = openWith(password);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        const QJsonObject rewrapped = readManifest().value(QStringLiteral("key")).toObject();
        QCOMPARE(rewrapped.value(QStringLiteral("opslimit")).toString(), QStringLiteral("3"));
        QCOMPARE(rewrapped.value(QStringLiteral("memlimit")).toString(), QString::number(quint64(256) << 20));
        QVERIFY(rewrapped.value(QStringLiteral("salt")) != older->toJson().value(QStringLiteral("salt")));
        opened->cache.reset();
        QVERIFY(openWith(password).ok()); // and it still opens
    }

    void newerCacheIsRefused()
    {
        {
            auto ws = openWith(password);
            QVERIFY(ws.ok());
            QVERIFY(ws->cache->db().exec(QStringLiteral("PRAGMA user_version = 99")).ok());
        }
        auto ws = openWith(password);
        QVERIFY(!ws.ok());
        QCOMPARE(ws.error().code, ErrorCode::TooNew);
        QVERIFY(ws.error().message.contains(QLatin1String("newer version")));
    }

    void missingKeychainSecretIsExplained()
    {
        std::optional<Status> removed;
        secrets.remove(WorkspaceOpener::deviceSecretKey(id), [&](Status s) { removed = s; });
        QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 10000);
        QVERIFY(removed->ok());
        auto ws = openWith(password);
        QVERIFY(!ws.ok());
        QCOMPARE(ws.error().code, ErrorCode::NotFound);
        QVERIFY(ws.error().message.contains(QLatin1String("keychain")));
    }
};

QTEST_GUILESS_MAIN(TstWorkspaceUnlock)
#include "tst_workspace_unlock.moc"
