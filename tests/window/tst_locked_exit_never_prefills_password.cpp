// Proves (issue 16 item 2): "Remember my password" never lets a passer-by in through a locked workstation. The
// program's own session (app::Workstation) starts against a configured server with a password remembered in the
// real Secret Service for the saved user:
//   - after a normal run the sign-in dialog is filled in from the keychain (the control: the probe sees a prefill);
//   - after a run that ended locked (closed, killed or logged out while locked) it is not;
//   - when IT policy forbids remembering passwords it is not, and the checkbox is off and disabled;
//   - when policy does not allow weak TLS the dialog offers verify-full only, and a weaker mode left in the user's
//     own settings is not used.
#include "WorkstationApp.h"
#include "WorkstationSession.h"
#include "security/SecretStore.h"
#include "session/SignIn.h"
#include "settings/Settings.h"
#include "shell/MainWindow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QLineEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;

namespace {

const QString kUser = QStringLiteral("op.lockedexit");
const QString kRemembered = QStringLiteral("Remembered-Password-7");

struct Started {
    QString password;
    bool rememberChecked = false;
    bool rememberEnabled = false;
    QStringList tlsModes;
};

} // namespace

class TstLockedExitNeverPrefillsPassword : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_run = 0;

    // The user's settings as a previous run left them; policy as IT set it.
    std::unique_ptr<settings::Settings> makeSettings(bool endedLocked, const QVariantMap &policy)
    {
        ++m_run;
        auto user =
            std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("user-%1.ini").arg(m_run)), QSettings::IniFormat);
        auto machine = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("policy-%1.ini").arg(m_run)),
                                                   QSettings::IniFormat);
        for (auto it = policy.begin(); it != policy.end(); ++it)
            machine->setValue(it.key(), it.value());
        auto s = std::make_unique<settings::Settings>(std::move(user), std::move(machine));
        namespace keys = settings::keys;
        (void)s->setValue(keys::ServerHost, QStringLiteral("db.example.invalid"));
        (void)s->setValue(keys::ServerDatabase, QStringLiteral("upstream"));
        (void)s->setValue(keys::UserName, kUser);
        (void)s->setValue(keys::RememberPassword, true);
        (void)s->setValue(keys::SslMode, QStringLiteral("require")); // left by an older version
        (void)s->setValue(keys::EndedLocked, endedLocked);
        return s;
    }

    // Starts the workstation's session and reads the sign-in dialog it shows once the keychain has answered.
    Started start(settings::Settings &settings)
    {
        app::Workstation workstation(settings, true);
        workstation.window().show();
        workstation.session().start(false, [](bool) {});
        QDialog *dialog = nullptr;
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(
                (dialog = workstation.window().findChild<QDialog *>(QStringLiteral("signInDialog"))), 10000);
        }();
        Started s;
        if (!dialog)
            return s;
        // The keychain answers asynchronously: give it time to fill the field if it is going to.
        auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("password"));
        QTest::qWait(1500);
        s.password = password->text();
        auto *remember = dialog->findChild<QCheckBox *>(QStringLiteral("remember"));
        s.rememberChecked = remember->isChecked();
        s.rememberEnabled = remember->isEnabled();
        auto *modes = dialog->findChild<QComboBox *>(QStringLiteral("sslmode"));
        for (int i = 0; i < modes->count(); ++i)
            s.tlsModes << modes->itemText(i);
        s.tlsModes << QStringLiteral("current=") + modes->currentText();
        dialog->reject();
        return s;
    }

private slots:
    void initTestCase()
    {
        session::ServerProfile profile;
        profile.host = QStringLiteral("db.example.invalid");
        profile.database = QStringLiteral("upstream");
        security::SecretStore secrets;
        bool written = false;
        secrets.write(session::SignInService::rememberKey(profile, kUser), kRemembered.toUtf8(),
                      [&](Status st) { written = st.ok(); });
        QTRY_VERIFY_WITH_TIMEOUT(written, 10000);
    }

    void afterANormalRunThePasswordIsFilledIn()
    {
        auto settings = makeSettings(false, {});
        const Started s = start(*settings);
        QCOMPARE(s.password, kRemembered);
        QVERIFY(s.rememberChecked && s.rememberEnabled);
    }

    void afterARunThatEndedLockedNothingIsFilledIn()
    {
        auto settings = makeSettings(true, {});
        const Started s = start(*settings);
        QCOMPARE(s.password, QString());
    }

    void policyCanForbidRememberingPasswords()
    {
        auto settings = makeSettings(false, {{QStringLiteral("server/allow_remember_password"), false}});
        const Started s = start(*settings);
        QCOMPARE(s.password, QString());
        QVERIFY(!s.rememberChecked);
        QVERIFY(!s.rememberEnabled);
    }

    void onlyVerifyFullUnlessPolicyAllowsLess()
    {
        auto strict = makeSettings(false, {});
        QCOMPARE(start(*strict).tlsModes,
                 QStringList({QStringLiteral("verify-full"), QStringLiteral("current=verify-full")}));
        auto lax = makeSettings(false, {{QStringLiteral("server/allow_weak_tls"), true}});
        QCOMPARE(start(*lax).tlsModes, QStringList({QStringLiteral("verify-full"), QStringLiteral("verify-ca"),
                                                    QStringLiteral("require"), QStringLiteral("current=require")}));
    }
};

QTEST_MAIN(TstLockedExitNeverPrefillsPassword)
#include "tst_locked_exit_never_prefills_password.moc"
