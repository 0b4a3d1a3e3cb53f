// The wizard against a fake import target (issue 14): a raw payer name the target neither knows nor maps is listed
// with its likely match preselected, and "Save mappings" stores exactly the confirmed mapping and re-validates;
// a file the target imported before makes Next ask first (No: the import function is never called, Yes: it is);
// the summary shows the claims the import created, updated and left unchanged, and warns about rows without
// claim_ref (as the quality page did before the import).
#include "ImportWizardTestData.h"
#include "Screenshot.h"

#include "import/ImportWizard.h"
#include "importer/ClaimImporterReport.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <atomic>

using namespace upstream;
using views::ImportWizard;

namespace {

struct FakeTarget {
    QStringList known{QStringLiteral("Aetna"), QStringLiteral("Cigna")};
    std::vector<claims::Mapping> stored;
    std::vector<std::vector<claims::Mapping>> saves;
    std::vector<QByteArray> asked;
    bool before = false;

    importer::ImportTarget hooks()
    {
        importer::ImportTarget t;
        t.knownPayers = [this]() -> Result<QStringList> { return known; };
        t.mappings = [this]() -> Result<std::vector<claims::Mapping>> { return stored; };
        t.saveMappings = [this](std::vector<claims::Mapping> m) {
            saves.push_back(m);
            stored.insert(stored.end(), m.begin(), m.end());
            return Status::success();
        };
        t.importedBefore = [this](const QByteArray &sha) -> Result<bool> {
            asked.push_back(sha);
            return before;
        };
        return t;
    }
};

void writeClaims(const QString &path, const QList<QByteArray> &payers)
{
    QByteArray csv = "claim_id,Payer Name,CPT Code,Date Submitted,decided_date,status,allowed_amount,billed_amount,"
                     "paid_amount,payment_date,denial_reason_code,denial_reason_text\n";
    int i = 0;
    for (const QByteArray &payer : payers)
        for (int k = 0; k < 4; ++k, ++i)
            csv += (i == 0 ? QByteArray() : "CLM-" + QByteArray::number(200000 + i)) + ',' + payer +
                   ",99213,2024-03-0" + QByteArray::number(1 + i % 9) +
                   ",2024-03-20,PAID,120.00,150.00,110.00,2024-03-28,,\n";
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(csv);
}

// Clicks `button` of the next message box that opens (the wizard asks through a modal QMessageBox).
void answerNextMessageBox(QMessageBox::StandardButton button, QString *text)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, button, text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        *text = box->text();
        box->button(button)->click();
        timer->deleteLater();
    });
    timer->start();
}

} // namespace

class TstImportWizardMapsPayers : public QObject {
    Q_OBJECT

private slots:
    void mapsPayersAndAsksBeforeReimport()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("payers.csv"));
        writeClaims(csv, {"AETNA INC.", "Cigna"});
        FakeTarget target;
        target.before = true;
        std::atomic<int> imports{0};

        ImportWizard w;
        w.setImportTarget(target.hooks());
        w.setImportFunction([&imports](const importer::ImportRequest &request,
                                       const importer::ImportProgressFn &progress) -> Result<importer::ImportCounts> {
            ++imports;
            // The stored mapping reaches the import with the validation options.
            if (request.options.validator.payerAliases.at("aetna inc.") != "Aetna")
                return makeError(ErrorCode::Internal, QStringLiteral("mapping not passed"));
            (void)progress(8, 8);
            importer::ImportCounts c;
            c.accepted = 8;
            c.claimsNew = 3;
            c.claimsUpdated = 2;
            c.claimsUnchanged = 1;
            c.claimsWithoutRef = 1;
            c.duplicateFile = true;
            return c;
        });
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QApplication::setActiveWindow(&w);
        w.findChild<QLineEdit *>(QStringLiteral("filePathEdit"))->setText(csv);
        w.next();
        w.next();
        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::ValidationPageId));
        QTRY_VERIFY_WITH_TIMEOUT(w.button(QWizard::NextButton)->isEnabled(), 20000);
        QCOMPARE(w.report->accepted, std::uint64_t(8));

        // (a) The payer step lists the one unmapped name with its likely match preselected.
        QCOMPARE(w.unmappedPayers(), QStringList{QStringLiteral("AETNA INC.")});
        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::PayerPageId));
        auto *choice = w.findChild<QComboBox *>(QStringLiteral("payerChoice_0"));
        QVERIFY(choice);
        QVERIFY(!w.findChild<QComboBox *>(QStringLiteral("payerChoice_1")));
        QCOMPARE(choice->currentText(), QStringLiteral("Aetna"));
        QVERIFY(choice->findData(QString()) >= 0); // "Keep as is"

        QVERIFY(w.findChild<QPushButton *>(QStringLiteral("savePayerMappings"))->isEnabled());
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(choice)); // the first choice has the focus
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_S, Qt::AltModifier);  // keyboard: Alt+S saves
        QTRY_COMPARE(target.saves.size(), std::size_t(1));                         // a mnemonic click is animated
        QCOMPARE(target.saves[0].size(), std::size_t(1));
        QCOMPARE(target.saves[0][0].kind, claims::MappingKind::Payer);
        QCOMPARE(target.saves[0][0].from, QStringLiteral("aetna inc."));
        QCOMPARE(target.saves[0][0].to, QStringLiteral("Aetna"));
        QTRY_VERIFY_WITH_TIMEOUT(w.report != nullptr, 20000); // re-validated with the saved mapping
        QTRY_VERIFY(!w.findChild<QComboBox *>(QStringLiteral("payerChoice_0")));
        QVERIFY(w.unmappedPayers().isEmpty());

        // Rows without claim_ref: the quality page warns before the import.
        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::QualityPageId));
        auto *noRef = w.findChild<QLabel *>(QStringLiteral("qualityNoClaimRef"));
        QVERIFY(noRef->isVisible());
        QVERIFY(noRef->text().contains(QLatin1String("claim_ref")));
        QCOMPARE(target.asked.size(), std::size_t(1));
        QCOMPARE(target.asked[0].size(), 32);

        // (b) Imported before: No stays on the quality page and never calls the import function.
        QString question;
        answerNextMessageBox(QMessageBox::No, &question);
        w.next();
        QVERIFY(question.contains(QLatin1String("imported before on this target")));
        QCOMPARE(w.currentId(), int(ImportWizard::QualityPageId));
        QTest::qWait(100);
        QCOMPARE(imports.load(), 0);

        question.clear();
        answerNextMessageBox(QMessageBox::Yes, &question);
        w.next();
        QVERIFY(!question.isEmpty());
        QCOMPARE(w.currentId(), int(ImportWizard::RunPageId));
        QTRY_VERIFY_WITH_TIMEOUT(w.button(QWizard::NextButton)->isEnabled(), 20000);
        QCOMPARE(imports.load(), 1);

        // (c) The summary shows what the import did to the target's claims.
        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::SummaryPageId));
        const QString claims = w.findChild<QLabel *>(QStringLiteral("summaryClaims"))->text();
        QVERIFY2(claims.contains(QLatin1String("<b>3</b> new")), qPrintable(claims));
        QVERIFY2(claims.contains(QLatin1String("<b>2</b> updated")), qPrintable(claims));
        QVERIFY2(claims.contains(QLatin1String("<b>1</b> unchanged")), qPrintable(claims));
        auto *summaryNoRef = w.findChild<QLabel *>(QStringLiteral("summaryNoClaimRef"));
        QVERIFY(summaryNoRef->isVisible());
        QCOMPARE(summaryNoRef->text(), importer::noClaimRefWarning(1));
    }

    // docs/screenshots/import-4b-payers.png: several raw names, one with no likely match ("Keep as is").
    void screenshotOfThePayerStep()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("clearinghouse-export-2024-04.csv"));
        writeClaims(csv, {"AETNA INC.", "Blue Cross Blue Shield of TX", "UNITED HEALTHCARE", "humana  gold plus",
                          "Cigna", "Northwind Regional Health Plan"});
        FakeTarget target;
        target.known = {
            QStringLiteral("Aetna"),  QStringLiteral("Blue Cross Blue Shield"), QStringLiteral("Cigna"),
            QStringLiteral("Humana"), QStringLiteral("Humana Gold Plus"),       QStringLiteral("UnitedHealthcare")};
        ImportWizard w;
        w.setImportTarget(target.hooks());
        w.resize(1000, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.findChild<QLineEdit *>(QStringLiteral("filePathEdit"))->setText(csv);
        w.next();
        w.next();
        w.next();
        QTRY_VERIFY_WITH_TIMEOUT(w.button(QWizard::NextButton)->isEnabled(), 20000);
        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::PayerPageId));
        QCOMPARE(w.unmappedPayers().size(), 5); // "humana  gold plus" is a known payer only by key: still listed
        QCOMPARE(w.findChild<QComboBox *>(QStringLiteral("payerChoice_4"))->currentData().toString(), QString());
        QCoreApplication::processEvents();
        const QString shot = test::saveScreenshot(&w, QStringLiteral("import-4b-payers"));
        QVERIFY(!shot.isEmpty());
        const QString docs = QStringLiteral(UPSTREAM_SOURCE_DIR "/docs/screenshots/import-4b-payers.png");
        QFile::remove(docs);
        QVERIFY(QFile::copy(shot, docs));
    }

    void withoutATargetThereIsNoPayerStep()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("payers.csv"));
        writeClaims(csv, {"AETNA INC."});
        ImportWizard w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.findChild<QLineEdit *>(QStringLiteral("filePathEdit"))->setText(csv);
        w.next();
        w.next();
        w.next();
        QTRY_VERIFY_WITH_TIMEOUT(w.button(QWizard::NextButton)->isEnabled(), 20000);
        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::QualityPageId)); // and no question on Next: nothing to ask
    }
};

QTEST_MAIN(TstImportWizardMapsPayers)
#include "tst_import_wizard_maps_payers_and_asks_before_reimport.moc"
