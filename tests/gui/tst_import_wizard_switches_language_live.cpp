// Proves: the import wizard follows a language switch while it runs, without a restart and without losing work. With a
// file chosen and an edited mapping, installing the Spanish catalogue turns the visible step title, the buttons (our
// own and the wizard's Done), the combo items and the issue table's headers into the catalogue's Spanish text, and
// removing it brings the English back; the typed path, the current step, the chosen mapping, the focus, the category
// filter and selected issue, the validated report and the issue rows stay as they were, and no validation is started
// by the switch. The quality and summary steps, and QWizard's own Back / Next / Cancel (Qt's catalogue), follow too.
#include "ImportWizardTestData.h"
#include "Spanish.h"

#include "import/ImportIssueModel.h"
#include "import/ImportWizard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

#include <memory>
#include <optional>

using namespace upstream;
using views::ImportWizard;

namespace {

const char *const kMapping = "upstream::views::ImportMappingPage";
const char *const kValidation = "upstream::views::ImportValidationPage";
const char *const kIssues = "upstream::views::ImportIssueModel";
const char *const kWizard = "upstream::views::ImportWizard";
const char *const kFile = "upstream::views::ImportFilePage";
const char *const kQuality = "upstream::views::ImportQualityPage";
const char *const kSummary = "upstream::views::ImportSummaryPage";

QString translated(const char *context, const char *source)
{
    return QCoreApplication::translate(context, source);
}

// Whether a visible label of the wizard shows exactly this text (the step title lives in QWizard's own header).
bool showsLabel(const QWidget *root, const QString &text)
{
    for (const QLabel *label : root->findChildren<QLabel *>())
        if (label->isVisible() && label->text() == text)
            return true;
    return false;
}

} // namespace

class TstImportWizardSwitchesLanguageLive : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_csv;
    test::SyntheticImport m_data;
    std::unique_ptr<ImportWizard> m_wizard;

    // The wizard on the mapping step of a fresh file, its first validation done.
    void openMappingStep()
    {
        m_wizard = std::make_unique<ImportWizard>();
        ImportWizard &w = *m_wizard;
        w.setImportFunction(test::fakeImporter());
        w.resize(1000, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.findChild<QLineEdit *>(QStringLiteral("filePathEdit"))->setText(m_csv);
        w.next();
        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::MappingPageId));
        QTRY_VERIFY_WITH_TIMEOUT(w.report != nullptr, 20000);
    }

    // Installs (or removes) a translator and lets the posted LanguageChange reach every widget.
    static void settle() { QCoreApplication::processEvents(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_csv = m_dir.filePath(QStringLiteral("claims-2024-03.csv"));
        m_data = test::writeSyntheticClaims(m_csv, 480); // passes the 0.95 mark: no confirmation on Next
    }

    void cleanup() { m_wizard.reset(); }

    void mappingStepSwitchesBothWaysAndKeepsTheMapping()
    {
        openMappingStep();
        ImportWizard &w = *m_wizard;
        // The analyst's own choice: the denial reason text is not imported.
        auto *reasonText = w.findChild<QComboBox *>(QStringLiteral("map_denial_reason_text"));
        QVERIFY(reasonText && reasonText->currentIndex() > 0);
        reasonText->setCurrentIndex(0);
        QTRY_VERIFY_WITH_TIMEOUT(w.report != nullptr && w.button(QWizard::NextButton)->isEnabled(), 20000);
        const importer::ColumnMapping mapping = w.mapping;
        const auto report = w.report;
        std::vector<int> indices;
        for (QComboBox *combo : w.currentPage()->findChildren<QComboBox *>())
            indices.push_back(combo->currentIndex());
        auto *path = w.findChild<QLineEdit *>(QStringLiteral("filePathEdit"));
        auto *remember = w.findChild<QCheckBox *>(QStringLiteral("rememberMapping"));
        auto *box = w.currentPage()->findChild<QGroupBox *>();
        QVERIFY(remember && box && path);
        QSignalSpy started(&w, &ImportWizard::validationStarted);
        w.activateWindow();
        reasonText->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), reasonText);

        const auto checkState = [&] {
            QCOMPARE(w.currentId(), int(ImportWizard::MappingPageId));
            QCOMPARE(QApplication::focusWidget(), reasonText); // the analyst goes on where they were
            QCOMPARE(path->text(), m_csv);
            QVERIFY(w.mapping.source == mapping.source);
            QCOMPARE(reasonText->currentIndex(), 0);
            std::vector<int> now;
            for (QComboBox *combo : w.currentPage()->findChildren<QComboBox *>())
                now.push_back(combo->currentIndex());
            QVERIFY(now == indices);
            QVERIFY(w.report == report); // the validated report is neither dropped nor re-run
            QCOMPARE(started.count(), 0);
            QVERIFY(w.button(QWizard::NextButton)->isEnabled());
        };

        const QString englishTitle = QStringLiteral("Map the columns");
        QCOMPARE(w.currentPage()->title(), englishTitle);
        QVERIFY(showsLabel(&w, englishTitle));
        QCOMPARE(remember->text(), QStringLiteral("&Remember this mapping for files with these headers"));
        QCOMPARE(reasonText->itemText(0), QStringLiteral("— not in the file —"));
        QCOMPARE(w.button(QWizard::FinishButton)->text(), QStringLiteral("&Done"));

        std::optional<test::ScopedSpanish> spanish(std::in_place);
        QVERIFY(spanish->installed());
        settle();
        const QString spanishTitle = translated(kMapping, "Map the columns");
        QVERIFY(spanishTitle != englishTitle);
        QCOMPARE(w.currentPage()->title(), spanishTitle);
        QVERIFY2(showsLabel(&w, spanishTitle), "the wizard's header still shows the old title");
        QCOMPARE(box->title(), translated(kMapping, "Claim column ← column in the file"));
        QVERIFY(box->title() != QStringLiteral("Claim column ← column in the file"));
        const QString spanishRemember = translated(kMapping, "&Remember this mapping for files with these headers");
        QVERIFY(spanishRemember != QStringLiteral("&Remember this mapping for files with these headers"));
        QCOMPARE(remember->text(), spanishRemember);
        QCOMPARE(reasonText->itemText(0), translated(kMapping, "— not in the file —"));
        QVERIFY(reasonText->itemText(0) != QStringLiteral("— not in the file —"));
        const QString done = translated(kWizard, "&Done");
        QVERIFY(done != QStringLiteral("&Done"));
        QCOMPARE(w.button(QWizard::FinishButton)->text(), done);
        QCOMPARE(w.windowTitle(), translated(kWizard, "Import claims"));
        // A step not on screen follows too: the file step's field, with the typed path kept.
        QCOMPARE(path->accessibleName(), translated(kFile, "CSV file path"));
        QVERIFY(path->accessibleName() != QStringLiteral("CSV file path"));
        checkState();
        if (QTest::currentTestFailed())
            return;

        spanish.reset(); // removes the translator
        settle();
        QCOMPARE(w.currentPage()->title(), englishTitle);
        QVERIFY(showsLabel(&w, englishTitle));
        QCOMPARE(box->title(), QStringLiteral("Claim column ← column in the file"));
        QCOMPARE(remember->text(), QStringLiteral("&Remember this mapping for files with these headers"));
        QCOMPARE(reasonText->itemText(0), QStringLiteral("— not in the file —"));
        QCOMPARE(w.button(QWizard::FinishButton)->text(), QStringLiteral("&Done"));
        QCOMPARE(path->accessibleName(), QStringLiteral("CSV file path"));
        checkState();
        if (QTest::currentTestFailed())
            return;
    }

    void validationStepSwitchesBothWaysAndKeepsTheIssues()
    {
        openMappingStep();
        ImportWizard &w = *m_wizard;
        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::ValidationPageId));
        QTRY_VERIFY_WITH_TIMEOUT(w.button(QWizard::NextButton)->isEnabled(), 20000);
        const auto report = w.report;
        auto *filter = w.findChild<QComboBox *>(QStringLiteral("categoryFilter"));
        auto *table = w.findChild<QTableView *>(QStringLiteral("issueTable"));
        auto *cancel = w.findChild<QPushButton *>(QStringLiteral("cancelValidation"));
        auto *rerun = w.findChild<QPushButton *>(QStringLiteral("rerunValidation"));
        QVERIFY(filter && table && cancel && rerun);
        // The analyst's own view: only the PHI issues, the second one selected.
        filter->setCurrentIndex(filter->findData(int(importer::Category::PhiDetections)));
        const int phiIndex = filter->currentIndex();
        QVERIFY(phiIndex > 0);
        QAbstractItemModel *model = table->model();
        const int rows = model->rowCount();
        QVERIFY(rows >= 2);
        table->selectRow(1);
        QSignalSpy started(&w, &ImportWizard::validationStarted);
        QSignalSpy headers(model, &QAbstractItemModel::headerDataChanged);
        QSignalSpy cells(model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        const auto header = [&](int section) { return model->headerData(section, Qt::Horizontal).toString(); };

        const auto checkState = [&] {
            QCOMPARE(w.currentId(), int(ImportWizard::ValidationPageId));
            QCOMPARE(w.findChild<QLineEdit *>(QStringLiteral("filePathEdit"))->text(), m_csv);
            QVERIFY(w.report == report);
            QCOMPARE(filter->currentIndex(), phiIndex);
            QCOMPARE(model->rowCount(), rows);
            QCOMPARE(table->selectionModel()->selectedRows().size(), 1);
            QCOMPARE(table->selectionModel()->selectedRows().constFirst().row(), 1);
            QCOMPARE(started.count(), 0);
            QCOMPARE(reset.count(), 0);
            QVERIFY(w.button(QWizard::NextButton)->isEnabled());
        };

        QCOMPARE(header(views::ImportIssueModel::RowColumn), QStringLiteral("Row"));
        QCOMPARE(cancel->text(), QStringLiteral("&Cancel validation"));
        const QString englishPhi = filter->currentText();
        const QString englishCategory = model->index(0, views::ImportIssueModel::CategoryColumn).data().toString();
        QCOMPARE(englishCategory, englishPhi);

        std::optional<test::ScopedSpanish> spanish(std::in_place);
        QVERIFY(spanish->installed());
        settle();
        const QString spanishTitle = translated(kValidation, "Validate the rows");
        QVERIFY(spanishTitle != QStringLiteral("Validate the rows"));
        QCOMPARE(w.currentPage()->title(), spanishTitle);
        QVERIFY2(showsLabel(&w, spanishTitle), "the wizard's header still shows the old title");
        for (const auto &[section, source] : {std::pair{int(views::ImportIssueModel::RowColumn), "Row"},
                                              std::pair{int(views::ImportIssueModel::ColumnColumn), "Column"},
                                              std::pair{int(views::ImportIssueModel::ValueColumn), "Value"},
                                              std::pair{int(views::ImportIssueModel::CategoryColumn), "Category"},
                                              std::pair{int(views::ImportIssueModel::MessageColumn), "Message"}}) {
            const QString spanishHeader = translated(kIssues, source);
            QVERIFY2(spanishHeader != QLatin1String(source), source);
            QCOMPARE(header(section), spanishHeader);
        }
        QVERIFY(headers.count() >= 1); // the view was told: it repaints its header and cells from the model
        QVERIFY(cells.count() >= 1);
        QCOMPARE(cancel->text(), translated(kValidation, "&Cancel validation"));
        QVERIFY(cancel->text() != QStringLiteral("&Cancel validation"));
        QCOMPARE(rerun->text(), translated(kValidation, "&Re-run"));
        QVERIFY(rerun->text() != QStringLiteral("&Re-run"));
        QCOMPARE(filter->itemText(0), translated(kValidation, "All issues"));
        QVERIFY(filter->itemText(0) != QStringLiteral("All issues"));
        QCOMPARE(filter->currentText(), translated(kIssues, "PHI detected"));
        QVERIFY(filter->currentText() != englishPhi);
        // The cells are translated text too (the category column).
        QCOMPARE(model->index(0, views::ImportIssueModel::CategoryColumn).data().toString(), filter->currentText());
        QCOMPARE(w.button(QWizard::FinishButton)->text(), translated(kWizard, "&Done"));
        checkState();
        if (QTest::currentTestFailed())
            return;

        spanish.reset();
        settle();
        QCOMPARE(w.currentPage()->title(), QStringLiteral("Validate the rows"));
        QVERIFY(showsLabel(&w, QStringLiteral("Validate the rows")));
        QCOMPARE(header(views::ImportIssueModel::RowColumn), QStringLiteral("Row"));
        QCOMPARE(header(views::ImportIssueModel::MessageColumn), QStringLiteral("Message"));
        QCOMPARE(cancel->text(), QStringLiteral("&Cancel validation"));
        QCOMPARE(rerun->text(), QStringLiteral("&Re-run"));
        QCOMPARE(filter->itemText(0), QStringLiteral("All issues"));
        QCOMPARE(filter->currentText(), englishPhi);
        QCOMPARE(model->index(0, views::ImportIssueModel::CategoryColumn).data().toString(), englishCategory);
        QCOMPARE(w.button(QWizard::FinishButton)->text(), QStringLiteral("&Done"));
        checkState();
        if (QTest::currentTestFailed())
            return;
    }

    void qualityAndSummaryStepsSwitchBothWays()
    {
        openMappingStep();
        ImportWizard &w = *m_wizard;
        w.next();
        QTRY_VERIFY_WITH_TIMEOUT(w.button(QWizard::NextButton)->isEnabled(), 20000);
        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::QualityPageId));
        auto *anomalies = w.findChild<QTableWidget *>(QStringLiteral("anomalyTable"));
        auto *details = w.findChild<QLabel *>(QStringLiteral("qualityDetails"));
        QVERIFY(anomalies && details);
        const QString englishDetails = details->text();
        const int anomalyRows = anomalies->rowCount();
        QCOMPARE(w.button(QWizard::NextButton)->text(), QStringLiteral("&Import >"));
        {
            test::ScopedSpanish spanish;
            QVERIFY(spanish.installed());
            settle();
            QCOMPARE(w.currentPage()->title(), translated(kQuality, "Data quality"));
            QVERIFY(w.currentPage()->title() != QStringLiteral("Data quality"));
            QVERIFY(showsLabel(&w, w.currentPage()->title()));
            QCOMPARE(anomalies->horizontalHeaderItem(0)->text(), translated(kQuality, "Anomaly"));
            QVERIFY(anomalies->horizontalHeaderItem(0)->text() != QStringLiteral("Anomaly"));
            // The quality step's Next is the wizard's text (it knows whether a preview comes next).
            QCOMPARE(w.button(QWizard::NextButton)->text(), translated(kWizard, "&Import >"));
            QVERIFY(w.button(QWizard::NextButton)->text() != QStringLiteral("&Import >"));
            QVERIFY(details->text() != englishDetails); // the counts sentence is said again in Spanish
            QCOMPARE(anomalies->rowCount(), anomalyRows);
        }
        settle();
        QCOMPARE(w.currentPage()->title(), QStringLiteral("Data quality"));
        QCOMPARE(details->text(), englishDetails);
        QCOMPARE(w.button(QWizard::NextButton)->text(), QStringLiteral("&Import >"));

        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::RunPageId));
        QTRY_VERIFY_WITH_TIMEOUT(w.button(QWizard::NextButton)->isEnabled(), 20000);
        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::SummaryPageId));
        auto *accepted = w.findChild<QLabel *>(QStringLiteral("summaryAccepted"));
        auto *status = w.findChild<QLabel *>(QStringLiteral("summaryStatus"));
        QCOMPARE(accepted->text(), QLocale().toString(m_data.accepted()));
        QCOMPARE(status->text(), QStringLiteral("Rejected rows were not imported."));
        {
            test::ScopedSpanish spanish;
            QVERIFY(spanish.installed());
            settle();
            QCOMPARE(w.currentPage()->title(), translated(kSummary, "Import complete"));
            QVERIFY(w.currentPage()->title() != QStringLiteral("Import complete"));
            QVERIFY(showsLabel(&w, translated(kSummary, "claims accepted")));
            QCOMPARE(status->text(), translated(kSummary, "Rejected rows were not imported."));
            QVERIFY(status->text() != QStringLiteral("Rejected rows were not imported."));
            QCOMPARE(w.button(QWizard::FinishButton)->text(), translated(kWizard, "&Done"));
            QCOMPARE(accepted->text(), QLocale().toString(m_data.accepted()));
        }
        settle();
        QCOMPARE(w.currentPage()->title(), QStringLiteral("Import complete"));
        QVERIFY(showsLabel(&w, QStringLiteral("claims accepted")));
        QCOMPARE(status->text(), QStringLiteral("Rejected rows were not imported."));
        QCOMPARE(w.button(QWizard::FinishButton)->text(), QStringLiteral("&Done"));
        QCOMPARE(w.currentId(), int(ImportWizard::SummaryPageId));
    }

    // Back, Next and Cancel are QWizard's own texts from Qt's catalogue: they follow too, without leaving the step.
    void qtsOwnWizardButtonsFollowToo()
    {
        QTranslator qt;
        if (!qt.load(QLocale(QStringLiteral("es")), QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QSKIP("Qt's Spanish catalogue (qtbase_es.qm) is not installed");
        openMappingStep();
        ImportWizard &w = *m_wizard;
        const std::pair<QWizard::WizardButton, const char *> buttons[] = {
            {QWizard::BackButton, "< &Back"}, {QWizard::NextButton, "&Next >"}, {QWizard::CancelButton, "Cancel"}};
        for (const auto &[which, source] : buttons)
            QCOMPARE(w.button(which)->text(), QLatin1String(source));

        QVERIFY(QCoreApplication::installTranslator(&qt));
        settle();
        for (const auto &[which, source] : buttons) {
            const QString spanishText = QCoreApplication::translate("QWizard", source);
            QVERIFY2(spanishText != QLatin1String(source), source);
            QCOMPARE(w.button(which)->text(), spanishText);
        }
        QCOMPARE(w.currentId(), int(ImportWizard::MappingPageId));
        QCOMPARE(w.wizardStyle(), QWizard::ModernStyle);
        QCOMPARE(w.findChild<QLineEdit *>(QStringLiteral("filePathEdit"))->text(), m_csv);

        QCoreApplication::removeTranslator(&qt);
        settle();
        for (const auto &[which, source] : buttons)
            QCOMPARE(w.button(which)->text(), QLatin1String(source));
        QCOMPARE(w.wizardStyle(), QWizard::ModernStyle);
    }
};

QTEST_MAIN(TstImportWizardSwitchesLanguageLive)
#include "tst_import_wizard_switches_language_live.moc"
