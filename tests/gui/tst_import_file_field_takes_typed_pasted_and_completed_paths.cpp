// Proves: the import wizard's File path field (step 1) takes a path the ways analysts bring one —
//  - pasted with Ctrl+V through the real clipboard, bare, in quotes (as a terminal copies it) or as a file:// URL
//    (as a file manager copies it): each opens the same file on Next;
//  - typed: the field completes folders and files from the file system as the letters come (its QCompleter offers
//    the one matching folder of a unique prefix, and then the file inside it);
//  - a folder, or a path that does not exist, keeps Next disabled (negative controls).
// Keys go where the keyboard goes: an open completion popup first, else the focused widget
// (QApplication::focusWidget()).
#include "ImportWizardTestData.h"

#include "import/ImportWizard.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QCompleter>
#include <QDir>
#include <QFileSystemModel>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

using namespace upstream;
using views::ImportWizard;

class TstImportFileFieldTakesTypedPastedAndCompletedPaths : public QObject {
    Q_OBJECT

    // Where the keyboard goes: an open popup (the completer's list) takes the keys first, as it does on a desktop,
    // and hands what it does not use to the field; otherwise the focused widget.
    static QWidget *keyboardTarget()
    {
        if (QWidget *popup = QApplication::activePopupWidget())
            return popup;
        return QApplication::focusWidget();
    }
    static void press(int key, Qt::KeyboardModifiers mods = Qt::NoModifier)
    {
        QWidget *target = keyboardTarget();
        QVERIFY(target);
        QTest::keyClick(target, Qt::Key(key), mods);
    }
    static void type(const QString &text)
    {
        for (const QChar c : text)
            QTest::keyClicks(keyboardTarget(), QString(c));
    }

private slots:
    void pastedPathsOpenTheFile_data()
    {
        QTest::addColumn<QString>("form");
        QTest::newRow("bare") << QStringLiteral("bare");
        QTest::newRow("double quotes") << QStringLiteral("double");
        QTest::newRow("single quotes") << QStringLiteral("single");
        QTest::newRow("file url") << QStringLiteral("url");
    }

    void pastedPathsOpenTheFile()
    {
        QFETCH(QString, form);
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("claims export.csv")); // a space, as real names have
        test::writeSyntheticClaims(csv, 20);
        QString pasted = csv;
        if (form == QLatin1String("double"))
            pasted = QLatin1Char('"') + csv + QLatin1Char('"');
        else if (form == QLatin1String("single"))
            pasted = QLatin1Char('\'') + csv + QLatin1Char('\'');
        else if (form == QLatin1String("url"))
            pasted = QUrl::fromLocalFile(csv).toString();

        ImportWizard w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QApplication::setActiveWindow(&w);
        auto *path = w.findChild<QLineEdit *>(QStringLiteral("filePathEdit"));
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(path));
        QApplication::clipboard()->setText(pasted);
        press(Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(path->text(), pasted);
        QVERIFY(w.button(QWizard::NextButton)->isEnabled());
        press(Qt::Key_Return);
        QTRY_COMPARE(w.currentId(), int(ImportWizard::FormatPageId));
        QCOMPARE(w.filePath, csv);
    }

    void typedPathCompletesFoldersThenFiles()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("exports-from-billing/2025")));
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("archive")));
        const QString csv = dir.filePath(QStringLiteral("exports-from-billing/2025/week-10.csv"));
        test::writeSyntheticClaims(csv, 20);

        ImportWizard w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QApplication::setActiveWindow(&w);
        auto *path = w.findChild<QLineEdit *>(QStringLiteral("filePathEdit"));
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(path));
        QCompleter *completer = path->completer();
        QVERIFY(completer);

        // A unique prefix of a folder: the completer offers exactly that folder.
        // Typed at a person's pace: the folder is listed (on the model's own thread) before the last letter comes.
        auto *files = qobject_cast<QFileSystemModel *>(completer->model());
        QVERIFY(files);
        type(dir.path() + QStringLiteral("/ex"));
        QTRY_COMPARE_WITH_TIMEOUT(files->rowCount(files->index(dir.path())), 2, 10000);
        type(QStringLiteral("p"));
        QTRY_COMPARE_WITH_TIMEOUT(completer->completionCount(), 1, 10000);
        QCOMPARE(completer->currentCompletion(), dir.filePath(QStringLiteral("exports-from-billing")));
        QVERIFY(completer->popup()->isVisible());
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled()); // a prefix is not a file

        // Down + Return takes the offered folder; then the file inside the next folder is offered the same way.
        press(Qt::Key_Down);
        press(Qt::Key_Return);
        QCOMPARE(path->text(), dir.filePath(QStringLiteral("exports-from-billing")));
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled()); // a folder is not a file
        type(QStringLiteral("/2025/"));
        QTRY_COMPARE_WITH_TIMEOUT(
            files->rowCount(files->index(dir.filePath(QStringLiteral("exports-from-billing/2025")))), 1, 10000);
        type(QStringLiteral("w"));
        QTRY_COMPARE_WITH_TIMEOUT(completer->completionCount(), 1, 10000);
        QCOMPARE(completer->currentCompletion(), csv);
        press(Qt::Key_Down);
        press(Qt::Key_Return);
        QCOMPARE(path->text(), csv);
        QTRY_VERIFY(w.button(QWizard::NextButton)->isEnabled());
        QCOMPARE(w.currentId(), int(ImportWizard::FilePageId)); // taking a completion is not Next

        path->setText(dir.filePath(QStringLiteral("exports-from-billing/2025/week-11.csv")));
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled()); // no such file
    }
};

QTEST_MAIN(TstImportFileFieldTakesTypedPastedAndCompletedPaths)
#include "tst_import_file_field_takes_typed_pasted_and_completed_paths.moc"
