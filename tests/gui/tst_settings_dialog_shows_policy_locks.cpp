// Proves: the settings dialog (File ▸ Settings…, Ctrl+,) shows every user setting with its effective value; a
// setting IT fixed by machine policy is disabled with "Set by your IT department" beside it and is never written;
// Apply writes only the unlocked settings that changed and reports their paths; a workspace change says it applies
// at the next start, a language change says nothing (it applies at once); Restore defaults leaves locked fields
// alone; without a server the server box says so. The keyboard alone works it: Tab visits the enabled fields in the
// order shown (through real focus), Enter saves, Escape discards. Screenshots in English and Spanish (settings-en,
// settings-es, settings-locked-en/-es).
#include "Screenshot.h"
#include "Spanish.h"
#include "TestSettings.h"
#include "settings/Settings.h"
#include "settings/SettingsDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QtTest>

using namespace upstream;
namespace keys = settings::keys;

class TstSettingsDialogShowsPolicyLocks : public QObject {
    Q_OBJECT
    test::SettingsFiles files;
    std::unique_ptr<settings::Settings> make(const std::function<void(QSettings &)> &policy = {})
    {
        return files.make(policy);
    }
    static void lockedByIt(QSettings &p)
    {
        p.setValue(QLatin1String(keys::LogLevel.path), QStringLiteral("warn"));
        p.setValue(QLatin1String(keys::IdleLockMinutes.path), 15);
        p.setValue(QLatin1String(keys::ServerHost.path), QStringLiteral("upstream-db.example.internal"));
        p.setValue(QLatin1String(keys::AllowRememberPassword.path), false);
    }
    // The lock note beside a field (its row's label), or nullptr.
    static QLabel *lockNote(QWidget *field)
    {
        return field->parentWidget()->findChild<QLabel *>(QStringLiteral("policyLock"));
    }
    template<typename T>
    static T *field(QWidget *dialog, const char *name)
    {
        auto *w = dialog->findChild<T *>(QLatin1String(name));
        if (!w)
            qFatal("no field %s", name);
        return w;
    }
    void screenshots(const QString &suffix)
    {
        auto open = make();
        views::SettingsDialog plain(open.get());
        plain.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plain));
        QVERIFY(!test::saveScreenshot(&plain, QStringLiteral("settings-") + suffix).isEmpty());
        auto locked = make(lockedByIt);
        views::SettingsDialog dialog(locked.get());
        field<QLineEdit>(&dialog, "workspacePath")->setText(QStringLiteral("/srv/upstream")); // the "next start" note
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!test::saveScreenshot(&dialog, QStringLiteral("settings-locked-") + suffix).isEmpty());
    }

private slots:
    void lockedSettingsAreShownAndNeverWritten()
    {
        auto s = make(lockedByIt);
        views::SettingsDialog dialog(s.get());
        auto *logLevel = field<QComboBox>(&dialog, "logLevel");
        auto *idle = field<QSpinBox>(&dialog, "idleLock");
        auto *remember = field<QCheckBox>(&dialog, "rememberPassword");
        auto *language = field<QComboBox>(&dialog, "language");
        // Effective values: the policy's.
        QCOMPARE(logLevel->currentData().toString(), QStringLiteral("warn"));
        QCOMPARE(idle->value(), 15);
        QVERIFY(!remember->isChecked());
        for (QWidget *lockedField : std::initializer_list<QWidget *>{logLevel, idle, remember}) {
            QVERIFY2(!lockedField->isEnabled(), qPrintable(lockedField->objectName()));
            QVERIFY2(lockNote(lockedField), qPrintable(lockedField->objectName()));
            QVERIFY(lockNote(lockedField)->text().contains(QStringLiteral("Set by your IT department")));
        }
        QVERIFY(language->isEnabled());
        QVERIFY(!lockNote(language));
        QVERIFY(field<QLabel>(&dialog, "serverSummary")->text().contains(QStringLiteral("upstream-db.example")));

        // A locked field changed programmatically (as a stale widget state would be) is still not written.
        logLevel->setCurrentIndex(logLevel->findData(QStringLiteral("trace")));
        language->setCurrentIndex(language->findData(QStringLiteral("es")));
        // The language applies at once (app::Workstation switches it when the dialog is saved): no "next start" note.
        QVERIFY(field<QLabel>(&dialog, "restartNote")->isHidden());
        QSignalSpy applied(&dialog, &views::SettingsDialog::applied);
        QVERIFY(dialog.apply());
        QCOMPARE(applied.count(), 1);
        QCOMPARE(applied.first().first().toStringList(), QStringList{QString::fromLatin1(keys::Language.path)});
        QSettings user(files.lastUserPath(), QSettings::IniFormat);
        QCOMPARE(user.value(QLatin1String(keys::Language.path)).toString(), QStringLiteral("es"));
        QVERIFY(!user.contains(QLatin1String(keys::LogLevel.path)));
        QVERIFY(!user.contains(QLatin1String(keys::IdleLockMinutes.path)));
        QCOMPARE(s->value(keys::LogLevel), QStringLiteral("warn"));
        QVERIFY(!dialog.apply()); // nothing changed since

        // Restore defaults: unlocked fields go back, locked ones keep the policy's value.
        dialog.restoreDefaults();
        QCOMPARE(language->currentData().toString(), QString());
        QCOMPARE(idle->value(), 15);
    }

    void noServerAndEveryUnlockedSettingIsWritten()
    {
        auto s = make();
        views::SettingsDialog dialog(s.get());
        QVERIFY(dialog.findChildren<QLabel *>(QStringLiteral("policyLock")).isEmpty());
        QVERIFY(field<QLabel>(&dialog, "serverSummary")->text().contains(QStringLiteral("No server")));
        QVERIFY(field<QLabel>(&dialog, "restartNote")->isHidden());
        field<QSpinBox>(&dialog, "idleLock")->setValue(10);
        field<QCheckBox>(&dialog, "memorySecurity")->setChecked(true);
        auto *gate = field<QComboBox>(&dialog, "qualityGate");
        gate->setCurrentIndex(gate->findData(QStringLiteral("block")));
        auto *logLevel = field<QComboBox>(&dialog, "logLevel");
        logLevel->setCurrentIndex(logLevel->findData(QStringLiteral("debug")));
        widgetsSetWorkspace(dialog, files.filePath(QStringLiteral("ws")));
        QSignalSpy applied(&dialog, &views::SettingsDialog::applied);
        QVERIFY(dialog.apply());
        const QStringList paths = applied.first().first().toStringList();
        for (const char *p : {keys::IdleLockMinutes.path, keys::CacheMemorySecurity.path, keys::ImportQualityGate.path,
                              keys::LogLevel.path, keys::WorkspacePath.path})
            QVERIFY2(paths.contains(QLatin1String(p)), p);
        QCOMPARE(paths.size(), 5);
        QCOMPARE(s->idleLockMinutes(), 10);
        QVERIFY(s->value(keys::CacheMemorySecurity));
        QVERIFY(s->importQualityGateBlocks());
        QCOMPARE(s->value(keys::LogLevel), QStringLiteral("debug"));
        QCOMPARE(s->value(keys::WorkspacePath), files.filePath(QStringLiteral("ws")));
        QVERIFY(field<QLabel>(&dialog, "restartNote")->text().contains(QStringLiteral("workspace folder")));
        QVERIFY(field<QLabel>(&dialog, "restartNote")->text().contains(QStringLiteral("next time you start")));
    }

    void keyboardOnlyThroughRealFocus()
    {
        auto s = make(lockedByIt);
        views::SettingsDialog dialog(s.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QTRY_COMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("language"));
        // Tab order: the enabled fields top to bottom (locked ones are skipped), then the buttons.
        const QStringList expected = {QStringLiteral("workspacePath"), QStringLiteral("browseWorkspace"),
                                      QStringLiteral("memorySecurity"), QStringLiteral("qualityGate")};
        for (const QString &name : expected) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget()->objectName(), name);
        }
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QVERIFY(qobject_cast<QPushButton *>(QApplication::focusWidget())); // the button row
        // Back to the quality gate, choose "Refuse them" with the arrow key, Enter saves and closes.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("qualityGate"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(s->importQualityGateBlocks());

        // Escape discards.
        views::SettingsDialog again(s.get());
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        again.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&again));
        QTRY_COMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("language"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down); // English
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY(!again.isVisible());
        QCOMPARE(s->value(keys::Language), QString());
    }

    void screenshotsEnglish() { screenshots(QStringLiteral("en")); }

    void screenshotsSpanish()
    {
        test::ScopedSpanish spanish;
        QVERIFY(spanish.installed());
        screenshots(QStringLiteral("es"));
        auto s = make(lockedByIt);
        views::SettingsDialog dialog(s.get());
        QVERIFY(field<QLabel>(&dialog, "policyLock")->text().contains(QStringLiteral("TI"))); // "departamento de TI"
    }

private:
    static void widgetsSetWorkspace(views::SettingsDialog &dialog, const QString &path)
    {
        field<QLineEdit>(&dialog, "workspacePath")->setText(path);
    }
};

QTEST_MAIN(TstSettingsDialogShowsPolicyLocks)
#include "tst_settings_dialog_shows_policy_locks.moc"
