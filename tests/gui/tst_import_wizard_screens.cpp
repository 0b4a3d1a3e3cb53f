// Offscreen screenshots of every import wizard page with synthetic data (bad rows, PHI rows, a patient column),
// saved under $UPSTREAM_SCREENSHOT_DIR and copied to docs/screenshots/import-*.png. Each page is checked to be
// populated before it is captured, and no planted PHI value may be visible on it.
#include "ImportWizardTestData.h"

#include "Screenshot.h"
#include "import/ImportWizard.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;
using views::ImportWizard;

class TstImportWizardScreens : public QObject {
    Q_OBJECT

private:
    QStringList m_phi;

    void shoot(ImportWizard &w, const QString &name)
    {
        QCOMPARE(test::firstLeak(&w, m_phi), QString());
        QCoreApplication::processEvents();
        const QString file = test::saveScreenshot(&w, name);
        QVERIFY2(!file.isEmpty(), qPrintable(name));
        const QString docs = QStringLiteral(UPSTREAM_SOURCE_DIR "/docs/screenshots/") + name + QStringLiteral(".png");
        QFile::remove(docs);
        QVERIFY(QFile::copy(file, docs));
    }

private slots:
    void everyPageWithSyntheticData()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("clearinghouse-export-2024-03.csv"));
        const test::SyntheticImport data = test::writeSyntheticClaims(csv, 480);
        m_phi = data.phiValues;
        importer::MappingMemory memory(dir.filePath(QStringLiteral("mappings.json")));

        ImportWizard w;
        w.setImportFunction(test::fakeImporter(400, 10)); // slow enough to capture the page mid-import
        w.setMappingMemory(&memory);
        quality::UploadHistory history;
        history.rowCountsLast30Days = {2400, 2550, 2480};
        w.setUploadHistory(history);
        w.resize(1000, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        w.findChild<QLineEdit *>(QStringLiteral("filePathEdit"))->setText(csv);
        shoot(w, QStringLiteral("import-1-file"));

        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::FormatPageId));
        QVERIFY(w.findChild<QTableWidget *>(QStringLiteral("previewTable"))->rowCount() > 10);
        shoot(w, QStringLiteral("import-2-format"));

        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::MappingPageId));
        QVERIFY(w.findChild<QLabel *>(QStringLiteral("droppedColumns"))->text().contains(QLatin1String("Patient")));
        shoot(w, QStringLiteral("import-3-mapping"));

        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::ValidationPageId));
        QTRY_VERIFY_WITH_TIMEOUT(w.button(QWizard::NextButton)->isEnabled(), 20000);
        QVERIFY(w.findChild<QTableView *>(QStringLiteral("issueTable"))->model()->rowCount() > 5);
        shoot(w, QStringLiteral("import-4-validation"));

        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::QualityPageId));
        QVERIFY(w.findChild<QTableWidget *>(QStringLiteral("anomalyTable"))->rowCount() >= 1);
        shoot(w, QStringLiteral("import-5-quality"));

        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::RunPageId));
        auto *bar = w.findChild<QProgressBar *>(QStringLiteral("importProgress"));
        QTRY_VERIFY_WITH_TIMEOUT(bar->value() >= 350, 20000);
        shoot(w, QStringLiteral("import-6-import"));
        QTRY_VERIFY_WITH_TIMEOUT(w.button(QWizard::NextButton)->isEnabled(), 20000);

        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::SummaryPageId));
        QCOMPARE(w.findChild<QLabel *>(QStringLiteral("summaryAccepted"))->text(), QLocale().toString(data.accepted()));
        shoot(w, QStringLiteral("import-7-summary"));
    }
};

QTEST_MAIN(TstImportWizardScreens)
#include "tst_import_wizard_screens.moc"
