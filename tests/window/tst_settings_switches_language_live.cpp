// Proves: the user-interface language switches while the workstation runs, with no restart, from File ▸ Settings…,
// by the keyboard alone through the X server (Xvfb + openbox, keys sent with xdotool, no widget-level QTest key
// calls), on the program's own object graph (app::Workstation on the local demo workspace). Ctrl+, opens the Settings
// dialog with the keyboard in it (active window, focused language field; Tab and Shift+Tab move through the form);
// Down Down chooses Español and Enter saves (OK). Then, in the same window: the menu bar's first menu reads the
// Spanish catalogue's "&Archivo", the File menu's own actions (Settings…, Sync now) are Spanish, the page list and
// the status bar (connection state, Sync now and its reason) are Spanish, the default locale and the window's locale
// are Spanish, and a dashboard figure read after the switch carries the Spanish decimal comma; the setting was saved.
// Reopened, the dialog is built in Spanish (Qt's own buttons too: "Aplicar"); Up chooses English and Apply (reached
// with Tab, pressed with Space) switches everything back while the dialog stays open and retranslates itself.
// Screenshots: window-language-live-es.png (the window after the switch), settings-language-live-es.png (the dialog
// reopened in Spanish) and window-language-live-en.png.
#include "ConnectionStatusLabel.h"
#include "KpiTile.h"
#include "LanguageSwitcher.h"
#include "Screenshot.h"
#include "SyncStatusPresenter.h"
#include "WorkstationApp.h"
#include "WorkstationSession.h"
#include "XdoTool.h"
#include "dashboards/DashboardPage.h"
#include "settings/Settings.h"
#include "settings/SettingsDialog.h"
#include "shell/MainWindow.h"
#include "sync/ConnectionState.h"
#include "sync/SyncStatusBar.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QStatusBar>
#include <QToolButton>
#include <QtTest>

#include <memory>

using namespace upstream;
using test::activate;
using test::key;

namespace {

QString firstMenuTitle(views::MainWindow &window)
{
    const QList<QAction *> menus = window.menuBar()->actions();
    return menus.isEmpty() ? QString() : menus.first()->text();
}

QString navText(views::MainWindow &window, views::Page page)
{
    auto *nav = window.findChild<QListWidget *>(QStringLiteral("navigation"));
    return nav && nav->item(int(page)) ? nav->item(int(page))->text() : QString();
}

QString connectionText(views::MainWindow &window)
{
    auto *label = window.statusBar()->findChild<widgets::ConnectionStatusLabel *>();
    return label ? label->text() : QString();
}

// An action of the menu bar's menus (some belong to the presenters, not to the window) by its object name.
QString actionText(views::MainWindow &window, const char *name)
{
    for (QAction *menu : window.menuBar()->actions())
        if (menu->menu())
            for (QAction *action : menu->menu()->actions())
                if (action->objectName() == QLatin1String(name))
                    return action->text();
    return {};
}

// The dashboard's mean-change tile: "+1.5 pts" in English, "+1,5 pts" in Spanish.
QString meanChangeTile(views::DashboardPage *page)
{
    const auto tiles = page->findChildren<widgets::KpiTile *>();
    for (widgets::KpiTile *tile : tiles)
        if (tile->value().contains(QStringLiteral("pts")))
            return tile->value();
    return {};
}

} // namespace

class TstSettingsSwitchesLanguageLive : public QObject {
    Q_OBJECT

    // Opens File ▸ Settings… with Ctrl+, through the X server; the dialog is the active window with the keyboard on
    // its language field. Fails the test (and leaves `dialog` null) otherwise.
    static void openSettingsByKeyboard(views::MainWindow &window, QPointer<views::SettingsDialog> &dialog)
    {
        dialog = nullptr;
        QVERIFY(activate(&window));
        QTRY_COMPARE_WITH_TIMEOUT(QApplication::activeWindow(), static_cast<QWidget *>(&window), 10000);
        QVERIFY(key(QStringLiteral("ctrl+comma")));
        views::SettingsDialog *opened = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((opened = window.findChild<views::SettingsDialog *>()) && opened->isVisible(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(QApplication::activeWindow(), static_cast<QWidget *>(opened), 10000);
        QTRY_VERIFY(QApplication::focusWidget());
        QTRY_COMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("language"));
        dialog = opened;
    }

private slots:
    void switchesToSpanishAndBackWithoutRestart()
    {
        QVERIFY2(qgetenv("QT_QPA_PLATFORM") == "xcb" && !qgetenv("DISPLAY").isEmpty(),
                 "this test needs a real X11 display (run it through fixtures/x11_session.sh)");
        const QLocale localeBefore;
        settings::Settings settings;
        QCOMPARE(settings.value(settings::keys::Language), QString()); // a fresh user: the system's language (C)
        auto workstation = std::make_unique<app::Workstation>(settings, true);
        views::MainWindow &window = workstation->window();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        bool opened = false;
        workstation->session().start(true, [&](bool ok) { opened = ok; }); // the local demo workspace
        QTRY_VERIFY_WITH_TIMEOUT(opened, 120000);
        auto *drift = qobject_cast<views::DashboardPage *>(window.page(views::Page::DriftWatch));
        QVERIFY(drift);
        QTRY_VERIFY(!meanChangeTile(drift).isEmpty());
        QVERIFY2(meanChangeTile(drift).contains(QRegularExpression(QStringLiteral("\\d\\.\\d"))),
                 qPrintable(meanChangeTile(drift)));
        views::SyncStatusBar *bar = workstation->syncStatus().bar();

        // English to begin with.
        QCOMPARE(firstMenuTitle(window), QStringLiteral("&File"));
        QCOMPARE(navText(window, views::Page::Import), QStringLiteral("Import"));
        QCOMPARE(workstation->connection().state(), sync::ConnectionState::LocalWorkspace);
        QVERIFY(connectionText(window).contains(QStringLiteral("Local workspace")));
        QCOMPARE(bar->syncNowButton()->text(), QStringLiteral("Sync now"));

        // 1. Ctrl+, opens Settings; Tab and Shift+Tab move through the form and back to the language field.
        QPointer<views::SettingsDialog> dialog;
        openSettingsByKeyboard(window, dialog);
        QVERIFY(dialog);
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Settings"));
        QVERIFY(key(QStringLiteral("Tab")));
        QTRY_COMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("workspacePath"));
        QVERIFY(key(QStringLiteral("shift+Tab")));
        QTRY_COMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("language"));
        auto *language = dialog->findChild<QComboBox *>(QStringLiteral("language"));
        QVERIFY(language);
        QCOMPARE(language->currentData().toString(), QString());
        // 2. Down Down: System language → English → Español; Enter is OK.
        QVERIFY(key(QStringLiteral("Down")));
        QVERIFY(key(QStringLiteral("Down")));
        QTRY_COMPARE(language->currentData().toString(), QStringLiteral("es"));
        QVERIFY(key(QStringLiteral("Return")));
        QTRY_VERIFY(!dialog || !dialog->isVisible());

        // 3. The same window, now in Spanish.
        QTRY_COMPARE(firstMenuTitle(window), QStringLiteral("&Archivo"));
        QCOMPARE(settings.value(settings::keys::Language), QStringLiteral("es"));
        QCOMPARE(settings::Settings().value(settings::keys::Language), QStringLiteral("es")); // saved to the store
        QCOMPARE(workstation->languageSwitcher().language(), QStringLiteral("es"));
        QCOMPARE(actionText(window, "settingsAction"), QStringLiteral("&Configuración…"));
        QCOMPARE(actionText(window, "syncNowAction"),
                 QCoreApplication::translate("upstream::app::SyncStatusPresenter", "Sync &now"));
        QVERIFY(actionText(window, "syncNowAction") != QStringLiteral("Sync &now"));
        QCOMPARE(actionText(window, "whatsThisAction"), QStringLiteral("¿Qué es esto?")); // Qt's own catalogue
        QCOMPARE(navText(window, views::Page::Import), QStringLiteral("Importación"));
        QCOMPARE(navText(window, views::Page::Ledger), QStringLiteral("Recuperaciones"));
        QVERIFY2(connectionText(window).contains(QStringLiteral("Espacio de trabajo local")),
                 qPrintable(connectionText(window)));
        QCOMPARE(bar->syncNowButton()->text(), QStringLiteral("Sincronizar ahora"));
        QVERIFY(!bar->syncNowButton()->toolTip().isEmpty());
        QVERIFY(bar->syncNowButton()->toolTip() != QStringLiteral("Local workspace: there is no server to sync with."));
        // Dates and numbers: the default locale and the widgets' own locales are Spanish; a figure the dashboard
        // reads after the switch is written with the decimal comma.
        QVERIFY2(QLocale().name().startsWith(QStringLiteral("es")), qPrintable(QLocale().name()));
        QVERIFY2(window.locale().name().startsWith(QStringLiteral("es")), qPrintable(window.locale().name()));
        QVERIFY2(bar->locale().name().startsWith(QStringLiteral("es")), qPrintable(bar->locale().name()));
        drift->reload();
        QTRY_VERIFY2(meanChangeTile(drift).contains(QRegularExpression(QStringLiteral("\\d,\\d"))),
                     qPrintable(meanChangeTile(drift)));
        QCOMPARE(QLocale().toString(QDate(2025, 3, 3), QStringLiteral("MMMM")), QStringLiteral("marzo"));
        QApplication::processEvents();
        const QString shotEs = test::saveScreenshot(&window, QStringLiteral("window-language-live-es"));
        QVERIFY(!shotEs.isEmpty());
        qInfo("screenshot: %s", qPrintable(shotEs));

        // 4. Back to English with Apply: the dialog opens in Spanish (Qt's buttons too) and stays open.
        openSettingsByKeyboard(window, dialog);
        QVERIFY(dialog);
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Configuración"));
        QVERIFY(!test::saveScreenshot(dialog, QStringLiteral("settings-language-live-es")).isEmpty());
        QPushButton *applyButton = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Apply);
        QVERIFY(applyButton);
        QCOMPARE(applyButton->text().remove(QLatin1Char('&')), QStringLiteral("Aplicar"));
        language = dialog->findChild<QComboBox *>(QStringLiteral("language"));
        QCOMPARE(language->currentData().toString(), QStringLiteral("es"));
        QVERIFY(key(QStringLiteral("Up")));
        QTRY_COMPARE(language->currentData().toString(), QStringLiteral("en"));
        for (int i = 0; i < 20 && QApplication::focusWidget() != applyButton; ++i)
            QVERIFY(key(QStringLiteral("Tab")));
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(applyButton));
        QVERIFY(key(QStringLiteral("space")));
        QTRY_COMPARE(firstMenuTitle(window), QStringLiteral("&File"));
        QTRY_COMPARE(dialog->windowTitle(), QStringLiteral("Settings"));
        QVERIFY(dialog->isVisible());
        QCOMPARE(applyButton->text().remove(QLatin1Char('&')), QStringLiteral("Apply"));
        QCOMPARE(language->currentData().toString(), QStringLiteral("en"));
        QCOMPARE(language->itemText(0), QStringLiteral("System language"));
        QCOMPARE(settings::Settings().value(settings::keys::Language), QStringLiteral("en"));
        QCOMPARE(actionText(window, "settingsAction"), QStringLiteral("Se&ttings…"));
        QCOMPARE(actionText(window, "syncNowAction"), QStringLiteral("Sync &now"));
        QCOMPARE(actionText(window, "whatsThisAction"), QStringLiteral("What's This?"));
        QCOMPARE(navText(window, views::Page::Import), QStringLiteral("Import"));
        QCOMPARE(navText(window, views::Page::Ledger), QStringLiteral("Recovery ledger"));
        QVERIFY(connectionText(window).contains(QStringLiteral("Local workspace")));
        QCOMPARE(bar->syncNowButton()->text(), QStringLiteral("Sync now"));
        QCOMPARE(bar->syncNowButton()->toolTip(), QStringLiteral("Local workspace: there is no server to sync with."));
        QVERIFY2(!QLocale().name().startsWith(QStringLiteral("es")), qPrintable(QLocale().name()));
        QVERIFY2(!window.locale().name().startsWith(QStringLiteral("es")), qPrintable(window.locale().name()));
        drift->reload();
        QTRY_VERIFY2(meanChangeTile(drift).contains(QRegularExpression(QStringLiteral("\\d\\.\\d"))),
                     qPrintable(meanChangeTile(drift)));
        QVERIFY(key(QStringLiteral("Escape")));
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        QVERIFY(!test::saveScreenshot(&window, QStringLiteral("window-language-live-en")).isEmpty());

        // 5. The workstation gone, its translators and default locale go with it: later tests start as before.
        workstation.reset();
        QCOMPARE(QLocale(), localeBefore);
        QCOMPARE(QCoreApplication::translate("upstream::views::MainWindow", "&File"), QStringLiteral("&File"));
        QLocale::setDefault(localeBefore);
    }
};

QTEST_MAIN(TstSettingsSwitchesLanguageLive)
#include "tst_settings_switches_language_live.moc"
