// Proves: the compiled Spanish catalogue is embedded in the executable's resources (:/i18n/upstream_es.qm, loaded
// the way the workstation loads it), the main window shows Spanish text with it, and the real
// `upstream-workstation --language es` renders a different window from `--language en`. Saves the Spanish window as
// workstation-es.png next to the other screenshots.
#include "Screenshot.h"
#include "shell/MainWindow.h"
#include "sync/ConnectionState.h"

#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QProcess>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using namespace upstream;

class TstWorkstationInSpanish : public QObject {
    Q_OBJECT

private slots:
    void spanishCatalogueIsEmbedded()
    {
        QVERIFY2(QFile::exists(QStringLiteral(":/i18n/upstream_es.qm")),
                 "the .qm is not in the linked resources: is upstream_translations linked?");
        QTranslator t;
        // Same lookup as app::LanguageSwitcher: locale "es" finds upstream_es.qm.
        QVERIFY(t.load(QLocale(QStringLiteral("es")), QStringLiteral("upstream"), QStringLiteral("_"),
                       QStringLiteral(":/i18n")));
        QVERIFY(!t.isEmpty());
        QCOMPARE(t.language(), QStringLiteral("es_ES"));
    }

    void mainWindowShowsSpanishText()
    {
        QTranslator t;
        QVERIFY(t.load(QLocale(QStringLiteral("es")), QStringLiteral("upstream"), QStringLiteral("_"),
                       QStringLiteral(":/i18n")));
        QVERIFY(QCoreApplication::installTranslator(&t));

        sync::ConnectionStatus status;
        views::MainWindow w(&status);
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        auto *nav = w.findChild<QListWidget *>(QStringLiteral("navigation"));
        QVERIFY(nav);
        QCOMPARE(nav->item(int(views::Page::Import))->text(), QStringLiteral("Importación"));
        QCOMPARE(nav->item(int(views::Page::Ledger))->text(), QStringLiteral("Recuperaciones"));
        QCOMPARE(w.menuBar()->actions().constFirst()->text(), QStringLiteral("&Archivo"));
        bool statusInSpanish = false;
        for (QLabel *l : w.statusBar()->findChildren<QLabel *>())
            statusInSpanish |= l->text().contains(QStringLiteral("Espacio de trabajo local"));
        QVERIFY(statusInSpanish);
        auto *empty = w.page(views::Page::DriftWatch)->findChild<QLabel *>(QStringLiteral("emptyState"));
        QVERIFY(empty);
        QCOMPARE(empty->text(), QStringLiteral("Todavía no hay nada que mostrar en este espacio de trabajo."));

        const QString file = test::saveScreenshot(&w, QStringLiteral("workstation-es"));
        QVERIFY(!file.isEmpty());
        QCOMPARE(QImage(file).size(), QSize(1280, 800));
        QCoreApplication::removeTranslator(&t);
    }

    void languageOptionSwitchesTheRealExecutable()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto render = [&](const QString &language) {
            const QString png = dir.filePath(language + QStringLiteral(".png"));
            QProcess p;
            p.setProcessChannelMode(QProcess::ForwardedChannels);
            p.start(QStringLiteral(UPSTREAM_GUI_PATH),
                    {QStringLiteral("--language"), language, QStringLiteral("--screenshot"), png,
                     QStringLiteral("--page"), QStringLiteral("ledger")});
            if (!p.waitForFinished(60000) || p.exitCode() != 0)
                return QImage();
            return QImage(png);
        };
        const QImage en = render(QStringLiteral("en"));
        const QImage es = render(QStringLiteral("es"));
        QVERIFY(!en.isNull());
        QVERIFY(!es.isNull());
        QCOMPARE(es.size(), en.size());
        // Same window, same page: only the language differs, so the pixels must too.
        QVERIFY(es != en);
        // And rendering English twice is stable, so the difference above is the language and nothing else.
        QCOMPARE(render(QStringLiteral("en")), en);
    }
};

QTEST_MAIN(TstWorkstationInSpanish)
#include "tst_workstation_in_spanish.moc"
