// Validation follows the mapping: a new run supersedes the one in progress (only the latest run's report is ever
// delivered), editing the mapping on the page re-validates in the background with the new mapping, an incomplete
// mapping blocks Next, and Cancel stops a run without a report.
#include "ImportWizardTestData.h"

#include "import/ImportWizard.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;
using views::ImportWizard;

class TstImportWizardRevalidates : public QObject {
    Q_OBJECT

private slots:
    void aNewRunSupersedesTheRunInProgress()
    {
        QTemporaryDir dir;
        const QString big = dir.filePath(QStringLiteral("big.csv"));
        const QString small = dir.filePath(QStringLiteral("small.csv"));
        test::writeSyntheticClaims(big, 200000);
        const test::SyntheticImport s = test::writeSyntheticClaims(small, 50);
        importer::ValidationRunner runner;
        std::vector<std::uint64_t> totals;
        connect(&runner, &importer::ValidationRunner::finished, this,
                [&](std::shared_ptr<const importer::ValidationReport> r) { totals.push_back(r->totalRows); });
        importer::ValidationOptions options;
        options.validator.importDay = std::int32_t(QDate(1970, 1, 1).daysTo(QDate::currentDate()));
        runner.start(big, options);
        runner.start(small, options);
        QTRY_VERIFY(!runner.isRunning());
        QTest::qWait(100); // a late result of the first run would arrive now
        QCOMPARE(totals, std::vector<std::uint64_t>{std::uint64_t(s.total())});
    }

    void cancelStopsWithoutAReport()
    {
        QTemporaryDir dir;
        const QString big = dir.filePath(QStringLiteral("big.csv"));
        test::writeSyntheticClaims(big, 200000);
        importer::ValidationRunner runner;
        QSignalSpy finished(&runner, &importer::ValidationRunner::finished);
        QSignalSpy cancelled(&runner, &importer::ValidationRunner::cancelled);
        runner.start(big, {});
        runner.cancel();
        QCOMPARE(cancelled.count(), 1);
        QVERIFY(!runner.isRunning());
        QTest::qWait(300);
        QCOMPARE(finished.count(), 0);
    }

    void editingTheMappingRevalidates()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("claims.csv"));
        const test::SyntheticImport data = test::writeSyntheticClaims(csv, 100);
        ImportWizard w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.findChild<QLineEdit *>(QStringLiteral("filePathEdit"))->setText(csv);
        w.next();
        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::MappingPageId));
        QTRY_VERIFY(w.report != nullptr); // validation started on entering the mapping page
        QCOMPARE(w.report->categoryCounts[std::size_t(importer::Category::MissingFields)],
                 std::uint64_t(data.missingPayer));

        // Unmapping a required column: incomplete, no report, Next disabled.
        auto *payer = w.findChild<QComboBox *>(QStringLiteral("map_payer"));
        const int payerIndex = payer->currentIndex();
        payer->setCurrentIndex(0);
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        QVERIFY(w.report == nullptr);

        // Payer taken from the claim id column: every row validates again, with the new mapping.
        payer->setCurrentIndex(payer->findText(QStringLiteral("claim_id")));
        auto *ref = w.findChild<QComboBox *>(QStringLiteral("map_claim_ref"));
        ref->setCurrentIndex(0);
        QVERIFY(w.button(QWizard::NextButton)->isEnabled());
        QTRY_VERIFY(w.report != nullptr);
        QCOMPARE(w.report->categoryCounts[std::size_t(importer::Category::MissingFields)], std::uint64_t(0));
        QCOMPARE(w.report->categoryCounts[std::size_t(importer::Category::PhiDetections)], std::uint64_t(0));

        payer->setCurrentIndex(payerIndex);
        QTRY_VERIFY(w.report != nullptr);
        QCOMPARE(w.report->categoryCounts[std::size_t(importer::Category::PhiDetections)], std::uint64_t(data.phiRows));
    }
};

QTEST_MAIN(TstImportWizardRevalidates)
#include "tst_import_wizard_revalidates_on_mapping_change.moc"
