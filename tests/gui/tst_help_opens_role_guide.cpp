// Proves: Help ▸ User guide (F1, pressed on the focused window) opens the signed-in role's guide — the analyst's for
// an analyst, the operator's for a viewer and an operator, the supervisor's for a supervisor and an admin — rendered
// locally from a Markdown file (a copy installed next to the program wins over the one compiled in), with the
// guide's screenshots found; the menu names the role. Keyboard: the guide's text has the focus, Tab goes to Close
// and back (QApplication::focusWidget()), Escape closes it. Every dashboard column explains itself in the header's
// tooltip and What's This. Screenshot: the analyst guide.
#include "Screenshot.h"
#include "dashboard/SignalTableModel.h"
#include "help/UserGuide.h"
#include "help/UserGuideDialog.h"
#include "shell/MainWindow.h"
#include "sync/ConnectionState.h"

#include <QAction>
#include <QApplication>
#include <QListWidget>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

using namespace upstream;

class TstHelpOpensRoleGuide : public QObject {
    Q_OBJECT

private slots:
    void guideFollowsTheRole()
    {
        QCOMPARE(help::guideFileFor(QStringLiteral("viewer")), QStringLiteral("user-guide-operator.md"));
        QCOMPARE(help::guideFileFor(QStringLiteral("operator")), QStringLiteral("user-guide-operator.md"));
        QCOMPARE(help::guideFileFor(QStringLiteral("analyst")), QStringLiteral("user-guide-analyst.md"));
        QCOMPARE(help::guideFileFor(QStringLiteral("supervisor")), QStringLiteral("user-guide-supervisor.md"));
        QCOMPARE(help::guideFileFor(QStringLiteral("admin")), QStringLiteral("user-guide-supervisor.md"));
        // Every guide is compiled in, with its screenshots.
        for (const QString &role :
             {QStringLiteral("operator"), QStringLiteral("analyst"), QStringLiteral("supervisor")})
            QVERIFY(QFile::exists(QStringLiteral(":/docs/") + help::guideFileFor(role)));
        QVERIFY(QFile::exists(QStringLiteral(":/docs/screenshots/import-1-file.png")));
        // An installed copy is found before the compiled-in one.
        QTemporaryDir installed;
        QFile copy(installed.filePath(QStringLiteral("user-guide-analyst.md")));
        QVERIFY(copy.open(QIODevice::WriteOnly));
        copy.write("# Installed analyst guide\n");
        copy.close();
        QCOMPARE(help::findGuide(QStringLiteral("analyst"), {installed.path(), QStringLiteral(":/docs")}),
                 copy.fileName());
        QCOMPARE(help::findGuide(QStringLiteral("operator"), {installed.path(), QStringLiteral(":/docs")}),
                 QStringLiteral(":/docs/user-guide-operator.md"));
    }

    void f1OpensTheSignedInRolesGuide()
    {
        sync::ConnectionStatus status;
        views::MainWindow window(&status);
        window.setRole(QStringLiteral("analyst"));
        window.resize(1280, 800);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto *action = window.findChild<QAction *>(QStringLiteral("userGuideAction"));
        QVERIFY(action);
        QCOMPARE(action->text(), QStringLiteral("&User guide (Analyst)"));
        window.findChild<QListWidget *>(QStringLiteral("navigation"))->setFocus();
        QTRY_VERIFY(QApplication::focusWidget());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F1);
        auto *dialog = window.findChild<views::UserGuideDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY(dialog->path().endsWith(QLatin1String("user-guide-analyst.md")));
        QTextBrowser *browser = dialog->browser();
        QVERIFY(browser->toPlainText().startsWith(QLatin1String("User guide: analysts")));
        // Markdown rendered (a heading, not "# User guide"), and a screenshot of the guide loaded from beside it.
        QVERIFY(!browser->toPlainText().contains(QLatin1String("# User guide")));
        QVERIFY(browser->toHtml().contains(QLatin1String("screenshots/import-1-file.png")));
        QVERIFY(!browser->document()
                     ->resource(QTextDocument::ImageResource, QUrl(QStringLiteral("screenshots/import-1-file.png")))
                     .isNull());
        QVERIFY(!test::saveScreenshot(dialog, QStringLiteral("help-user-guide-analyst")).isEmpty());

        // Keyboard: the text first; Tab walks the guide's links, then reaches Close; Shift+Tab goes back into the
        // text. Escape closes.
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(browser));
        int tabs = 0;
        while (QApplication::focusWidget() == browser && tabs < 300) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            ++tabs;
        }
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(dialog->closeButton()));
        QVERIFY(tabs > 1); // the links were stops on the way
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(browser));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY(!window.findChild<views::UserGuideDialog *>());

        // Another role, another guide.
        window.setRole(QStringLiteral("viewer"));
        QCOMPARE(action->text(), QStringLiteral("&User guide (Viewer)"));
        auto *operatorGuide = window.openUserGuide();
        QVERIFY(operatorGuide->path().endsWith(QLatin1String("user-guide-operator.md")));
        QVERIFY(operatorGuide->browser()->toPlainText().startsWith(QLatin1String("User guide: operators")));
        operatorGuide->close();
        QVERIFY(window.findChild<QAction *>(QStringLiteral("whatsThisAction")));
    }

    void everyDashboardColumnExplainsItself()
    {
        dashboard::SignalTableModel model;
        for (int c = 0; c < dashboard::SignalTableModel::ColumnCount; ++c) {
            const QString tip = model.headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString();
            QVERIFY2(tip.size() > 20, qPrintable(QString::number(c)));
            QCOMPARE(model.headerData(c, Qt::Horizontal, Qt::WhatsThisRole).toString(), tip);
        }
    }
};

QTEST_MAIN(TstHelpOpensRoleGuide)
#include "tst_help_opens_role_guide.moc"
