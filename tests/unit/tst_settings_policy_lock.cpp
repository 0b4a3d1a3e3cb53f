// Proves: machine policy overrides user settings and is reported as locked; locked settings refuse changes; the
// idle-lock timeout can be lowered by policy but never raised above 30 minutes.
#include "TestSettings.h"
#include "settings/Settings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;
namespace keys = settings::keys;

class TstSettingsPolicyLock : public QObject {
    Q_OBJECT
    test::SettingsFiles files;
    std::unique_ptr<settings::Settings> make(const std::function<void(QSettings &)> &policy = {})
    {
        return files.make(policy);
    }

private slots:
    void defaultsApply()
    {
        auto s = make();
        QCOMPARE(s->value(keys::IdleLockMinutes), 30);
        QCOMPARE(s->value(keys::SslMode), QStringLiteral("verify-full"));
        QVERIFY(!s->isLocked(keys::ServerHost));
    }

    void userValuesStick()
    {
        auto s = make();
        QVERIFY(s->setValue(keys::ServerHost, QStringLiteral("db.example.test")).ok());
        QCOMPARE(s->value(keys::ServerHost), QStringLiteral("db.example.test"));
    }

    void policyOverridesAndLocks()
    {
        auto s = make([](QSettings &p) { p.setValue(QStringLiteral("server/host"), QStringLiteral("central.test")); });
        QVERIFY(s->isLocked(keys::ServerHost));
        QCOMPARE(s->value(keys::ServerHost), QStringLiteral("central.test"));
        const Status st = s->setValue(keys::ServerHost, QStringLiteral("elsewhere.test"));
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, ErrorCode::PermissionDenied);
        QCOMPARE(s->value(keys::ServerHost), QStringLiteral("central.test"));
        QVERIFY(!s->isLocked(keys::ServerPort));
    }

    void nonLockableSettingsIgnorePolicy()
    {
        auto s = make([](QSettings &p) { p.setValue(QStringLiteral("server/user"), QStringLiteral("forced")); });
        QVERIFY(!s->isLocked(keys::UserName));
        QVERIFY(s->setValue(keys::UserName, QStringLiteral("op1")).ok());
        QCOMPARE(s->value(keys::UserName), QStringLiteral("op1"));
    }

    void idleLockIsClampedToThirtyMinutes()
    {
        auto lowered = make([](QSettings &p) { p.setValue(QStringLiteral("security/idle_lock_minutes"), 10); });
        QCOMPARE(lowered->idleLockMinutes(), 10);
        auto raised = make([](QSettings &p) { p.setValue(QStringLiteral("security/idle_lock_minutes"), 240); });
        QCOMPARE(raised->idleLockMinutes(), 30);
        auto user = make();
        QVERIFY(user->setValue(keys::IdleLockMinutes, 90).ok());
        QCOMPARE(user->idleLockMinutes(), 30);
        QVERIFY(user->setValue(keys::IdleLockMinutes, 0).ok());
        QCOMPARE(user->idleLockMinutes(), 1);
    }
};

QTEST_GUILESS_MAIN(TstSettingsPolicyLock)
#include "tst_settings_policy_lock.moc"
