// Proves (issue 17, SPEC 4): the import wizard's quality gate on a real encrypted workspace with the real importer.
// A file scoring 0.80 (80 of 100 rows; 12 invalid_dates, 5 missing_fields, 3 invalid_values) makes Next ask for a
// confirmation that names the causes with their counts, most rows first; No stays on the quality page and writes
// nothing (no upload, no claim); Yes imports the 80 accepted claims. With IT policy import/quality_gate=block (read
// through the settings registry from a policy file) the quality page says why and Next is disabled: the wizard
// cannot proceed and nothing is written. A file at or above 0.95 is imported without any question.
#include "import/ImportWizard.h"
#include "importer/ClaimImporter.h"
#include "settings/Settings.h"
#include "storage/cache/LocalCache.h"
#include "storage/cache/WorkspaceImportStore.h"

#include "DialogSeam.h"
#include "Screenshot.h"

#include <QAbstractButton>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>

using namespace upstream;
using views::ImportWizard;

namespace {

const QDate kImportDay(2026, 6, 1);

std::int32_t epochDay(const QDate &d)
{
    return std::int32_t(QDate(1970, 1, 1).daysTo(d));
}

// good clean rows, then the rejections: bad submitted dates, missing payers, unparsable allowed amounts.
QString writeClaims(const QString &path, int good, int badDates, int missingPayer, int badAmounts)
{
    QByteArray csv = "claim_ref,payer,cpt,submitted_date,decided_date,outcome,allowed_amount,paid_amount,"
                     "payment_date,denial_reason_code\n";
    int n = 0;
    auto line = [&](const QByteArray &payer, const QByteArray &submitted, const QByteArray &allowed) {
        csv += "G-" + QByteArray::number(++n) + ',' + payer + ",99213," + submitted + ",2026-05-25,PAID," + allowed +
               ",100.00,2026-05-28,\n";
    };
    for (int i = 0; i < good; ++i)
        line(i % 2 ? "Acme Health" : "Beta Care", "2026-05-2" + QByteArray::number(i % 5), "120.00");
    for (int i = 0; i < badDates; ++i)
        line("Acme Health", "2026-02-30x", "120.00");
    for (int i = 0; i < missingPayer; ++i)
        line("", "2026-05-20", "120.00");
    for (int i = 0; i < badAmounts; ++i)
        line("Beta Care", "2026-05-20", "12o.00");
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(csv) == csv.size() ? path : QString();
}

qint64 countOf(storage::LocalCache &cache, const char *table)
{
    auto st = cache.db().prepare(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)));
    if (!st.ok())
        return -1;
    auto row = st->step();
    return row.ok() && row.value() ? st->int64(0) : -1;
}

struct Workspace {
    storage::LocalCache cache;
    std::atomic<int> imports{0};

    importer::ImportTarget target()
    {
        importer::ImportTarget t;
        t.mappings = [this] { return storage::listMappings(cache); };
        t.importedBefore = [this](const QByteArray &sha256) { return storage::importedBefore(cache, sha256); };
        t.uploadHistory = [this](std::int32_t day) { return storage::uploadHistory(cache, day); };
        return t;
    }
    // What WorkstationSession::importFunction() does for a local workspace.
    importer::ImportFunction importFunction()
    {
        return [this](const importer::ImportRequest &request,
                      const importer::ImportProgressFn &progress) -> Result<importer::ImportCounts> {
            ++imports;
            importer::ImportOptions options;
            options.validation = request.options;
            options.validation.progress = [progress, total = request.expectedRows](std::uint64_t, std::uint64_t,
                                                                                   std::uint64_t rows) {
                return progress(rows, total);
            };
            auto result = importer::ClaimImporter::importToCache(cache, request.path, options);
            if (!result.ok())
                return result.error();
            importer::ImportCounts counts{result->report.accepted, result->report.rejected, result->report.warnings};
            counts.claimsNew = result->claimsNew;
            return counts;
        };
    }
};

void goToQualityPage(ImportWizard &w, const QString &csv)
{
    importer::ValidatorConfig config;
    config.importDay = epochDay(kImportDay);
    w.setValidatorConfig(config);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.findChild<QLineEdit *>(QStringLiteral("filePathEdit"))->setText(csv);
    for (int step = 0; step < 8 && w.currentId() != ImportWizard::QualityPageId; ++step) {
        QTRY_VERIFY_WITH_TIMEOUT(w.button(QWizard::NextButton)->isEnabled(), 20000);
        w.next();
    }
    QCOMPARE(w.currentId(), int(ImportWizard::QualityPageId));
    QVERIFY(w.report);
}

// Moves on from the quality page to the end of the import (pages the wizard may put in between included).
void finishImport(ImportWizard &w, Workspace &ws)
{
    for (int step = 0; step < 4 && w.currentId() != ImportWizard::RunPageId; ++step) {
        QTRY_VERIFY_WITH_TIMEOUT(w.button(QWizard::NextButton)->isEnabled(), 20000);
        w.next();
    }
    QCOMPARE(w.currentId(), int(ImportWizard::RunPageId));
    QTRY_VERIFY_WITH_TIMEOUT(w.button(QWizard::NextButton)->isEnabled(), 30000);
    QCOMPARE(ws.imports.load(), 1);
}

} // namespace

class TstImportQualityGate : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QString lowFile, goodFile;
    const QString kCauses = QStringLiteral("invalid_dates: 12 rows, missing_fields: 5 rows, invalid_values: 3 rows");

    std::unique_ptr<Workspace> openWorkspace(const QString &name)
    {
        auto cache = storage::LocalCache::open(dir.filePath(name), QByteArray(32, '\x33'));
        if (!cache.ok())
            return nullptr;
        return std::unique_ptr<Workspace>(new Workspace{std::move(cache.value())});
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        lowFile = writeClaims(dir.filePath(QStringLiteral("low.csv")), 80, 12, 5, 3);
        goodFile = writeClaims(dir.filePath(QStringLiteral("good.csv")), 96, 1, 2, 1);
        QVERIFY(!lowFile.isEmpty() && !goodFile.isEmpty());
    }

    void belowThePassMarkNoWritesNothingYesImports()
    {
        auto ws = openWorkspace(QStringLiteral("confirm.db"));
        QVERIFY(ws);
        ImportWizard w;
        w.setImportTarget(ws->target());
        w.setImportFunction(ws->importFunction());
        goToQualityPage(w, lowFile);
        QCOMPARE(w.report->accepted, std::uint64_t(80));
        QCOMPARE(w.report->qualityScore, 0.80);
        QVERIFY(!w.report->passes);
        auto *gate = w.findChild<QLabel *>(QStringLiteral("qualityGate"));
        QVERIFY(gate->isVisible());
        QVERIFY2(gate->text().contains(kCauses), qPrintable(gate->text()));
        QVERIFY(w.button(QWizard::NextButton)->isEnabled());
        QVERIFY(!test::saveScreenshot(&w, QStringLiteral("import-quality-gate-confirm")).isEmpty());

        // No: the question named the causes with their counts; the wizard stays and nothing is written.
        widgets::MessageBox::setNextAnswer(QMessageBox::No);
        w.next();
        const QString question = widgets::MessageBox::lastQuestion();
        QVERIFY2(question.contains(kCauses), qPrintable(question));
        QVERIFY2(question.contains(QLatin1String("0.800")), qPrintable(question));
        QCOMPARE(w.currentId(), int(ImportWizard::QualityPageId));
        QTest::qWait(200);
        QCOMPARE(ws->imports.load(), 0);
        QCOMPARE(countOf(ws->cache, "uploads"), qint64(0));
        QCOMPARE(countOf(ws->cache, "claims"), qint64(0));

        // Yes: the 80 accepted claims are loaded.
        widgets::MessageBox::setNextAnswer(QMessageBox::Yes);
        w.next();
        QCOMPARE(widgets::MessageBox::lastQuestion(), question);
        finishImport(w, *ws);
        QCOMPARE(countOf(ws->cache, "uploads"), qint64(1));
        QCOMPARE(countOf(ws->cache, "claims"), qint64(80));
    }

    void policyBlockStopsTheWizard()
    {
        // IT policy through the typed settings registry, as the workstation reads it at start.
        {
            QSettings policy(dir.filePath(QStringLiteral("policy.ini")), QSettings::IniFormat);
            policy.setValue(QStringLiteral("import/quality_gate"), QStringLiteral("block"));
        }
        settings::Settings s(
            std::make_unique<QSettings>(dir.filePath(QStringLiteral("user.ini")), QSettings::IniFormat),
            std::make_unique<QSettings>(dir.filePath(QStringLiteral("policy.ini")), QSettings::IniFormat));
        QVERIFY(s.isLocked(settings::keys::ImportQualityGate));
        QVERIFY(s.importQualityGateBlocks());
        QVERIFY(!s.setValue(settings::keys::ImportQualityGate, QStringLiteral("confirm")).ok());

        auto ws = openWorkspace(QStringLiteral("block.db"));
        QVERIFY(ws);
        ImportWizard w;
        w.setImportTarget(ws->target());
        w.setImportFunction(ws->importFunction());
        w.setQualityGateBlocks(s.importQualityGateBlocks());
        goToQualityPage(w, lowFile);
        auto *gate = w.findChild<QLabel *>(QStringLiteral("qualityGate"));
        QVERIFY(gate->isVisible());
        QVERIFY2(gate->text().contains(QLatin1String("IT policy")), qPrintable(gate->text()));
        QVERIFY2(gate->text().contains(kCauses), qPrintable(gate->text()));
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        QVERIFY(!test::saveScreenshot(&w, QStringLiteral("import-quality-gate-blocked")).isEmpty());
        // Even a programmatic Next (or a queued Yes) does not get past the page.
        const QString before = widgets::MessageBox::lastQuestion();
        widgets::MessageBox::setNextAnswer(QMessageBox::Yes);
        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::QualityPageId));
        QCOMPARE(widgets::MessageBox::lastQuestion(), before); // nothing was asked: the queued Yes is still there
        widgets::MessageBox::information(nullptr, QString(), QStringLiteral("drain")); // consume it
        QTest::qWait(200);
        QCOMPARE(ws->imports.load(), 0);
        QCOMPARE(countOf(ws->cache, "uploads"), qint64(0));
        QCOMPARE(countOf(ws->cache, "claims"), qint64(0));

        // The same policy lets a passing file through.
        ImportWizard passing;
        passing.setImportTarget(ws->target());
        passing.setImportFunction(ws->importFunction());
        passing.setQualityGateBlocks(true);
        goToQualityPage(passing, goodFile);
        QVERIFY(passing.report->passes);
        QVERIFY(passing.button(QWizard::NextButton)->isEnabled());
        QVERIFY(!passing.findChild<QLabel *>(QStringLiteral("qualityGate"))->isVisible());
    }

    void atThePassMarkNoQuestion()
    {
        auto ws = openWorkspace(QStringLiteral("pass.db"));
        QVERIFY(ws);
        ImportWizard w;
        w.setImportTarget(ws->target());
        w.setImportFunction(ws->importFunction());
        goToQualityPage(w, goodFile);
        QCOMPARE(w.report->accepted, std::uint64_t(96));
        QCOMPARE(w.report->qualityScore, 0.96);
        QVERIFY(w.report->passes);
        QVERIFY(!w.findChild<QLabel *>(QStringLiteral("qualityGate"))->isVisible());
        // A queued No would stop the wizard if anything were asked.
        widgets::MessageBox::setNextAnswer(QMessageBox::No);
        widgets::MessageBox::information(nullptr, QString(), QStringLiteral("sentinel")); // consumes it, sets last
        widgets::MessageBox::setNextAnswer(QMessageBox::No);
        w.next();
        QCOMPARE(widgets::MessageBox::lastQuestion(), QStringLiteral("sentinel"));
        widgets::MessageBox::information(nullptr, QString(), QStringLiteral("drain"));
        finishImport(w, *ws);
        QCOMPARE(countOf(ws->cache, "claims"), qint64(96));
    }
};

QTEST_MAIN(TstImportQualityGate)
#include "tst_import_quality_gate.moc"
