// The import wizard can be driven end to end with the keyboard alone (Return = the default Next button, Alt
// mnemonics for the page controls) on a synthetic file with bad and PHI rows; each page shows what it should, the
// issue model passes QAbstractItemModelTester, and no planted PHI value ever appears in any visible widget text.
#include "ImportWizardTestData.h"

#include "DialogSeam.h"
#include "import/ImportIssueModel.h"
#include "import/ImportWizard.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;
using views::ImportWizard;

class TstImportWizardKeyboard : public QObject {
    Q_OBJECT

private:
    static void press(Qt::Key key, Qt::KeyboardModifiers mods = Qt::NoModifier)
    {
        QWidget *target = QApplication::focusWidget();
        QVERIFY(target);
        QTest::keyClick(target, key, mods);
    }

private slots:
    void wholeWizardByKeyboardShowsNoPhi()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("claims-export.csv"));
        const test::SyntheticImport data = test::writeSyntheticClaims(csv);
        importer::MappingMemory memory(dir.filePath(QStringLiteral("mappings.json")));

        ImportWizard w;
        w.setImportFunction(test::fakeImporter());
        w.setMappingMemory(&memory);
        QSignalSpy recompute(&w, &ImportWizard::recomputeSignalsRequested);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QApplication::setActiveWindow(&w);

        // 1. File: the path field has the focus; type the path, Return = Next.
        auto *path = w.findChild<QLineEdit *>(QStringLiteral("filePathEdit"));
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(path));
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        QTest::keyClicks(path, csv);
        QVERIFY(w.button(QWizard::NextButton)->isEnabled());
        press(Qt::Key_Return);
        QTRY_COMPARE(w.currentId(), int(ImportWizard::FormatPageId));
        QCOMPARE(test::firstLeak(&w, data.phiValues), QString());

        // 2. Format: detected UTF-8 and comma; the preview shows rows; Alt+D reaches the delimiter override.
        const QString detected = w.findChild<QLabel *>(QStringLiteral("detectedFormat"))->text();
        QVERIFY2(detected.contains(QLatin1String("utf-8")) && detected.contains(QLatin1String("<b>,</b>")),
                 qPrintable(detected));
        auto *preview = w.findChild<QTableWidget *>(QStringLiteral("previewTable"));
        QCOMPARE(preview->columnCount(), 13);
        QVERIFY(preview->rowCount() >= 10);
        press(Qt::Key_D, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), w.findChild<QComboBox *>(QStringLiteral("delimiterOverride")));
        press(Qt::Key_Return);
        QTRY_COMPARE(w.currentId(), int(ImportWizard::MappingPageId));
        QCOMPARE(test::firstLeak(&w, data.phiValues), QString());

        // 3. Mapping: auto-filled; the patient column is flagged as dropped; Alt+Y reaches the payer combo.
        auto *payer = w.findChild<QComboBox *>(QStringLiteral("map_payer"));
        QCOMPARE(payer->currentText(), QStringLiteral("Payer Name"));
        QCOMPARE(w.findChild<QComboBox *>(QStringLiteral("map_submitted_date"))->currentText(),
                 QStringLiteral("Date Submitted"));
        const QString dropped = w.findChild<QLabel *>(QStringLiteral("droppedColumns"))->text();
        QVERIFY2(dropped.contains(QLatin1String("Patient Name")) && dropped.contains(QLatin1String("patient data")),
                 qPrintable(dropped));
        press(Qt::Key_Y, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(payer));
        QCOMPARE(test::firstLeak(&w, data.phiValues), QString());
        press(Qt::Key_Return);
        QTRY_COMPARE(w.currentId(), int(ImportWizard::ValidationPageId));
        QVERIFY(memory.recall({}) == std::nullopt);

        // 4. Validation: completes in the background; counts match the planted rows.
        QTRY_VERIFY_WITH_TIMEOUT(w.button(QWizard::NextButton)->isEnabled(), 20000);
        QVERIFY(w.report);
        const importer::ValidationReport &r = *w.report;
        QCOMPARE(r.totalRows, std::uint64_t(data.total()));
        QCOMPARE(r.categoryCounts[std::size_t(importer::Category::PhiDetections)], std::uint64_t(data.phiRows));
        QCOMPARE(r.categoryCounts[std::size_t(importer::Category::InvalidDates)], std::uint64_t(data.badDates));
        QCOMPARE(r.categoryCounts[std::size_t(importer::Category::MissingFields)], std::uint64_t(data.missingPayer));
        QCOMPARE(r.accepted, std::uint64_t(data.accepted()));
        auto *table = w.findChild<QTableView *>(QStringLiteral("issueTable"));
        auto *model = qobject_cast<views::ImportIssueModel *>(table->model());
        QVERIFY(model);
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int allIssues = model->rowCount();
        QVERIFY(allIssues >= data.blanked + data.phiRows + data.badDates + data.missingPayer);
        QVERIFY(w.findChild<QLabel *>(QStringLiteral("phiSummary"))->text().contains(QLatin1String("SSN")));
        // Alt+W → category filter; Down twice → "PHI detected".
        press(Qt::Key_W, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), w.findChild<QComboBox *>(QStringLiteral("categoryFilter")));
        press(Qt::Key_Down);
        press(Qt::Key_Down);
        QCOMPARE(model->rowCount(), data.phiRows);
        for (int row = 0; row < model->rowCount(); ++row)
            QVERIFY(model->index(row, views::ImportIssueModel::ValueColumn)
                        .data()
                        .toString()
                        .startsWith(QLatin1String("withheld")));
        QCOMPARE(test::firstLeak(&w, data.phiValues), QString());
        press(Qt::Key_Up);
        press(Qt::Key_Up);
        QCOMPARE(model->rowCount(), allIssues);
        QCOMPARE(test::firstLeak(&w, data.phiValues), QString());
        press(Qt::Key_Return);
        QTRY_COMPARE(w.currentId(), int(ImportWizard::QualityPageId));

        // 5. Quality: grade and verdict.
        const QString score = w.findChild<QLabel *>(QStringLiteral("qualityScore"))->text();
        QVERIFY2(score.contains(QString::fromStdString(r.grade)), qPrintable(score));
        QVERIFY(w.findChild<QLabel *>(QStringLiteral("qualityVerdict"))->text().contains(QLatin1String("0.95")));
        QCOMPARE(test::firstLeak(&w, data.phiValues), QString());
        press(Qt::Key_Return);
        QTRY_COMPARE(w.currentId(), int(ImportWizard::RunPageId));

        // 6. Import: runs on the worker thread; Return continues once it finished.
        QTRY_VERIFY_WITH_TIMEOUT(w.button(QWizard::NextButton)->isEnabled(), 20000);
        QCOMPARE(w.importCounts.accepted, r.accepted);
        QCOMPARE(test::firstLeak(&w, data.phiValues), QString());
        press(Qt::Key_Return);
        QTRY_COMPARE(w.currentId(), int(ImportWizard::SummaryPageId));

        // 7. Summary: counts, Alt+E exports the rejected rows (no PHI in the file), Alt+S asks for a recompute.
        QCOMPARE(w.findChild<QLabel *>(QStringLiteral("summaryAccepted"))->text(), QLocale().toString(data.accepted()));
        QCOMPARE(w.findChild<QLabel *>(QStringLiteral("summaryRejected"))->text(),
                 QLocale().toString(data.total() - data.accepted()));
        const QString exportPath = dir.filePath(QStringLiteral("rejected.csv"));
        widgets::FileDialog::setNextFileName(exportPath);
        press(Qt::Key_E, Qt::AltModifier);
        auto *status = w.findChild<QLabel *>(QStringLiteral("summaryStatus"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QLatin1String("exported")), 20000);
        QFile exported(exportPath);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        const QString exportedText = QString::fromUtf8(exported.readAll());
        QCOMPARE(exportedText.count(QLatin1Char('\n')), 1 + data.total() - data.accepted());
        for (const QString &p : data.phiValues)
            QVERIFY2(!exportedText.contains(p), qPrintable(QStringLiteral("exported file leaks a PHI value")));
        press(Qt::Key_S, Qt::AltModifier);
        QTRY_COMPARE(recompute.count(), 1); // a mnemonic click is animated
        QCOMPARE(test::firstLeak(&w, data.phiValues), QString());
        QVERIFY(memory.recall(w.preview.header).has_value()); // "remember this mapping" was on
        press(Qt::Key_Return);
        QCOMPARE(w.result(), int(QDialog::Accepted));
    }
};

QTEST_MAIN(TstImportWizardKeyboard)
#include "tst_import_wizard_keyboard.moc"
