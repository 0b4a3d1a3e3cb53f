// Proves SPEC 3's CPT grouping: the shipped default grouping puts every example of the SPEC table in its group
// (section bounds included, E&M inside the MEDICINE range, Category II / III by suffix, HCPCS Level II by letter,
// anything else OTHER); a customer's CPT-group mapping overrides it on import; and DriftWatch, run on a demo export
// read through the real validator with no mapping at all, raises its signals on real groups (never OTHER), each
// the default group of the CPT codes it covers.
#include "claims/CptGrouping.h"
#include "demo/DemoCatalog.h"
#include "demo/DemoDataGenerator.h"
#include "engines/DailyAggregate.h"
#include "engines/SignalEngines.h"
#include "importer/ClaimImporter.h"
#include "importer/ImportValidation.h"

#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;

class TstDefaultCptGrouping : public QObject {
    Q_OBJECT
private slots:
    void specExamplesLandInTheirGroups_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("group");
        const std::pair<const char *, const char *> cases[] = {
            {"00100", "ANESTHESIA"}, {"01999", "ANESTHESIA"}, {"00142", "ANESTHESIA"}, {"00099", "OTHER"},
            {"10004", "SURGERY"},    {"69990", "SURGERY"},    {"29881", "SURGERY"},    {"10003", "OTHER"},
            {"69991", "OTHER"},      {"70010", "RADIOLOGY"},  {"79999", "RADIOLOGY"},  {"71046", "RADIOLOGY"},
            {"80047", "LAB"},        {"89398", "LAB"},        {"85025", "LAB"},        {"89399", "OTHER"},
            {"99202", "E&M"},        {"99213", "E&M"},        {"99499", "E&M"},        {"90281", "MEDICINE"},
            {"97110", "MEDICINE"},   {"99199", "MEDICINE"},   {"99201", "OTHER"},      {"99500", "MEDICINE"},
            {"99607", "MEDICINE"},   {"99608", "OTHER"},      {"90280", "OTHER"},      {"3074F", "QUALITY"},
            {"0042T", "EMERGING"},   {"0001U", "OTHER"},      {"J1885", "DRUGS"},      {"J0696", "DRUGS"},
            {"E0601", "HCPCS"},      {"G0439", "HCPCS"},      {"L3908", "HCPCS"},      {"A0425", "HCPCS"},
            {"1234", "OTHER"},       {"123456", "OTHER"},     {"ABCDE", "OTHER"},      {"", "OTHER"}};
        for (const auto &[code, group] : cases)
            QTest::newRow(code[0] ? code : "(empty)") << QString::fromLatin1(code) << QString::fromLatin1(group);
    }

    void specExamplesLandInTheirGroups()
    {
        QFETCH(QString, code);
        QFETCH(QString, group);
        QCOMPARE(QString::fromLatin1(claims::defaultCptGroup(code.toStdString())), group);
    }

    void customerMappingOverridesTheDefault()
    {
        importer::ValidationOptions o;
        o.validator.importDay = importer::daysFromCivil(2026, 6, 30);
        o.validator.cptGroups = {{"97110", "THERAPY"}};
        std::vector<claims::ClaimRow> rows;
        o.acceptedRows = [&](std::vector<claims::ClaimRow> &&batch) {
            for (auto &r : batch)
                rows.push_back(std::move(r));
        };
        auto r = importer::validateCsvBytes("payer,cpt,submitted_date,decided_date,outcome\n"
                                            "Aetna,97110,2026-06-01,2026-06-10,PAID\n"
                                            "Aetna,97140,2026-06-01,2026-06-10,PAID\n"
                                            "Aetna,j1885,2026-06-01,2026-06-10,PAID\n",
                                            o);
        QVERIFY(r.ok());
        QCOMPARE(rows.size(), std::size_t(3));
        QCOMPARE(rows[0].cptGroup, std::string("THERAPY"));  // the customer's mapping wins
        QCOMPARE(rows[1].cptGroup, std::string("MEDICINE")); // not mapped: the default
        QCOMPARE(rows[2].cptGroup, std::string("DRUGS"));    // codes are upper-cased first
    }

    void driftWatchSignalsCarryRealGroups()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("export.csv"));
        demo::DemoConfig config;
        config.rows = 150000;
        config.seed = 3;
        config.payers = 24;
        config.asOf = QDate(2026, 6, 1);
        const demo::DemoDataGenerator generator(config);
        QVERIFY(generator.writeCsv(csv).ok());

        importer::ValidationOptions o;
        o.validator.importDay = importer::daysFromCivil(2026, 6, 30);
        engines::ClaimAggregator aggregator;
        o.acceptedRows = [&](std::vector<claims::ClaimRow> &&batch) {
            for (const auto &r : batch)
                aggregator.add(importer::toClaimRecord(r));
        };
        QVERIFY(importer::validateCsvFile(csv, o).ok());
        const engines::AggregateSet &set = aggregator.aggregates();
        QVERIFY(!set.groups().contains(QStringLiteral("OTHER")));
        QSet<QString> codesGroups;
        for (const auto &g : demo::demoCptGroups())
            codesGroups.insert(g.name);
        QVERIFY(codesGroups.size() >= 8);

        int driftWatch = 0;
        QSet<QString> planted;
        for (const auto &c : generator.truth().changes)
            if (c.product == engines::Product::DriftWatch && !c.decoy)
                planted.insert(c.payer + QLatin1Char('|') + c.cptGroup);
        int plantedFound = 0;
        for (const engines::Signal &s : engines::runAll(set, config.asOf)) {
            if (s.product != engines::Product::DriftWatch)
                continue;
            ++driftWatch;
            QVERIFY2(codesGroups.contains(s.cptGroup), qPrintable(s.cptGroup));
            plantedFound += planted.contains(s.payer + QLatin1Char('|') + s.cptGroup);
        }
        qInfo("%d DriftWatch signals, %d of %lld planted shifts found on their group", driftWatch, plantedFound,
              qint64(planted.size()));
        QVERIFY(driftWatch > 0);
        QVERIFY(plantedFound > 0);
    }
};

QTEST_GUILESS_MAIN(TstDefaultCptGrouping)
#include "tst_default_cpt_grouping.moc"
