// Proves: the import wizard's quality page states how many accepted rows are pending claims (SPEC 3: a live
// export's unfinished claims are valid rows, not warnings), from a real validation of such a file, and says
// nothing about pending claims when the file has none.
#include "import/ImportWizard.h"
#include "importer/ImportValidation.h"

#include <QLabel>
#include <QLocale>
#include <QtTest>

using namespace upstream;
using views::ImportWizard;

namespace {

std::shared_ptr<const importer::ValidationReport> validate(const std::string &csv)
{
    importer::ValidationOptions o;
    o.validator.importDay = importer::daysFromCivil(2024, 6, 30);
    auto r = importer::validateCsvBytes(csv, o);
    if (!r.ok())
        qFatal("validation failed: %s", qPrintable(r.error().message));
    return std::make_shared<const importer::ValidationReport>(std::move(*r));
}

QLabel *showQualityPage(ImportWizard &w, std::shared_ptr<const importer::ValidationReport> report)
{
    w.report = std::move(report);
    w.page(ImportWizard::QualityPageId)->initializePage();
    return w.findChild<QLabel *>(QStringLiteral("qualityPending"));
}

} // namespace

class TstImportQualityPageShowsPending : public QObject {
    Q_OBJECT
private slots:
    void pendingCountIsShownAsAccepted()
    {
        ImportWizard w;
        QLabel *pending = showQualityPage(w, validate("payer,cpt,submitted_date,decided_date,Claim Status\n"
                                                      "Aetna,99213,2024-01-02,2024-01-10,PAID\n"
                                                      "Aetna,99213,2024-01-03,,Pending\n"
                                                      "Cigna,99214,2024-01-04,,In Process\n"
                                                      "Cigna,99214,2024-01-05,,\n"));
        QVERIFY(pending);
        QCOMPARE(w.report->stats.pending, std::uint64_t(3));
        QVERIFY(!pending->isHidden());
        QCOMPARE(pending->text(), QStringLiteral("%1 pending (not yet decided) — accepted").arg(QLocale().toString(3)));
    }

    void noPendingClaimsNoPendingLine()
    {
        ImportWizard w;
        QLabel *pending = showQualityPage(w, validate("payer,cpt,submitted_date,decided_date,outcome\n"
                                                      "Aetna,99213,2024-01-02,2024-01-10,PAID\n"));
        QVERIFY(pending);
        QVERIFY(pending->isHidden());
    }
};

QTEST_MAIN(TstImportQualityPageShowsPending)
#include "tst_import_quality_page_shows_pending.moc"
