// Proves SPEC section 4: quality score and its pass mark, grade boundaries, the four anomalies with their
// medium/high thresholds (volume needs >= 2 prior uploads), the health score formula, clamping and bands, and
// that a validated file feeds these (missing-data and duplicate counts from real rows).
#include "importer/ImportValidation.h"
#include "quality/DataQuality.h"

#include <QTest>

using namespace upstream;
using namespace upstream::quality;

namespace {

const Anomaly *find(const std::vector<Anomaly> &list, const std::string &type)
{
    for (const Anomaly &a : list)
        if (a.type == type)
            return &a;
    return nullptr;
}

UploadHistory volumeHistory(std::vector<std::uint64_t> rowCounts)
{
    UploadHistory h;
    h.rowCountsLast30Days = std::move(rowCounts);
    return h;
}

UploadHistory mixHistory(OutcomeMix mix)
{
    UploadHistory h;
    h.trailing90DayMix = mix;
    return h;
}

UploadStats baseline()
{
    UploadStats s;
    s.totalRows = s.acceptedRows = 1000;
    s.paid = 750;
    s.denied = 150;
    s.other = 100;
    return s;
}

} // namespace

class TestQualityScoring : public QObject {
    Q_OBJECT
private slots:
    void gradeBoundaries_data()
    {
        QTest::addColumn<int>("accepted"); // of 10000
        QTest::addColumn<QString>("grade");
        QTest::addColumn<bool>("passes");
        const std::pair<int, const char *> cases[] = {
            {10000, "A+"}, {9500, "A+"}, {9499, "A"}, {9000, "A"}, {8999, "B+"}, {8500, "B+"}, {8000, "B"},
            {7999, "C+"},  {7500, "C+"}, {7000, "C"}, {6999, "D"}, {6000, "D"},  {5999, "F"},  {0, "F"}};
        for (const auto &[accepted, g] : cases)
            QTest::newRow(qPrintable(QString::number(accepted)))
                << accepted << QString::fromLatin1(g) << (accepted >= 9500);
    }
    void gradeBoundaries()
    {
        QFETCH(int, accepted);
        QFETCH(QString, grade);
        QFETCH(bool, passes);
        const double score = qualityScore(std::uint64_t(accepted), 10000);
        QCOMPARE(QString::fromLatin1(quality::grade(score)), grade);
        QCOMPARE(quality::passes(score), passes);
    }

    void emptyUploadScoresZero() { QCOMPARE(qualityScore(0, 0), 0.0); }

    void cleanUploadHasNoAnomalies() { QVERIFY(detectAnomalies(baseline(), {}).empty()); }

    void volumeNeedsTwoPriorUploads()
    {
        UploadStats s = baseline();
        s.totalRows = 100000;
        QVERIFY(!find(detectAnomalies(s, volumeHistory({1000})), "volume"));
        // prior mean 1000, sample sd 100: z = (n - 1000) / 100
        const UploadHistory h = volumeHistory({900, 1000, 1100});
        s.totalRows = 1300;
        QVERIFY(!find(detectAnomalies(s, h), "volume")); // z = 3, not > 3
        s.totalRows = 1301;
        QCOMPARE(find(detectAnomalies(s, h), "volume")->severity, Severity::Medium);
        s.totalRows = 1501;
        QCOMPARE(find(detectAnomalies(s, h), "volume")->severity, Severity::High);
        s.totalRows = 400; // a collapse counts too
        QCOMPARE(find(detectAnomalies(s, h), "volume")->severity, Severity::High);
    }

    void missingDataSpike()
    {
        UploadStats s = baseline();
        s.columns = {{"allowed_amount", 200, 1000}, {"payment_date", 201, 1000}, {"cpt", 501, 1000}};
        const auto a = detectAnomalies(s, {});
        int found = 0;
        for (const Anomaly &x : a) {
            if (x.type != "missing_data")
                continue;
            ++found;
            QVERIFY(x.subject != "allowed_amount"); // exactly 20% is not > 20%
            QCOMPARE(x.severity, x.subject == "cpt" ? Severity::High : Severity::Medium);
        }
        QCOMPARE(found, 2);
    }

    void outcomeShiftAgainstDefaultAndTrailingMix()
    {
        UploadStats s = baseline();
        s.paid = 590; // -0.16 vs default .75
        s.denied = 310;
        QCOMPARE(find(detectAnomalies(s, {}), "outcome_shift")->severity, Severity::Medium);
        s.paid = 440;
        s.denied = 460;                              // +0.31 denied
        const auto shifted = detectAnomalies(s, {}); // find() points into it: keep it alive
        const Anomaly *a = find(shifted, "outcome_shift");
        QVERIFY(a);
        QCOMPARE(a->severity, Severity::High);
        QCOMPARE(a->subject, std::string("DENIED"));
        // The same mix is normal for a customer whose trailing 90 days look like it.
        QVERIFY(!find(detectAnomalies(s, mixHistory({0.45, 0.45, 0.10})), "outcome_shift"));
    }

    void duplicateSpike()
    {
        UploadStats s = baseline();
        s.duplicates = 50;
        QVERIFY(!find(detectAnomalies(s, {}), "duplicates"));
        s.duplicates = 51;
        QCOMPARE(find(detectAnomalies(s, {}), "duplicates")->severity, Severity::Medium);
        s.duplicates = 201;
        QCOMPARE(find(detectAnomalies(s, {}), "duplicates")->severity, Severity::High);
    }

    void healthScore()
    {
        QCOMPARE(timeliness(0), 1.0);
        QCOMPARE(timeliness(15), 0.5);
        QCOMPARE(timeliness(45), 0.0);
        HealthInputs in{1.0, 1.0, 1.0, 0, 0, 4, 0};
        QCOMPARE(quality::healthScore(in), 100.0);
        QCOMPARE(QString::fromLatin1(healthBand(90)), QStringLiteral("excellent"));
        in = {0.9, 0.8, 0.7, 15, 2, 4, 1};
        // 70*.9 + 20*mean(.8,.7,.5) + 10*(1 - 2/4) - 5*1 = 63 + 13.333 + 5 - 5
        QVERIFY(qAbs(quality::healthScore(in) - 76.3333) < 1e-3);
        QCOMPARE(QString::fromLatin1(healthBand(quality::healthScore(in))), QStringLiteral("good"));
        in = {0.0, 0.0, 0.0, 60, 5, 0, 10};
        QCOMPARE(quality::healthScore(in), 0.0); // clamped
        QCOMPARE(QString::fromLatin1(healthBand(74.99)), QStringLiteral("fair"));
        QCOMPARE(QString::fromLatin1(healthBand(59.99)), QStringLiteral("poor"));
    }

    void healthInputsFromStatsAndHistory()
    {
        UploadStats s = baseline(); // 1000 rows
        s.acceptedRows = 900;
        s.rowsWithWarnings = 90;
        s.columns = {{"payer", 0, 1000}, {"payment_date", 100, 400}}; // 100 empty of 1400 expected
        s.newestSubmittedDay = 20000;
        UploadHistory h;
        h.rowCountsLast30Days = {500, 500};
        h.acceptedRowsLast30Days = 1000;
        h.anomaliesLast30Days = 2;
        h.criticalAnomaliesLast30Days = 1;
        const std::vector<Anomaly> now{{"volume", Severity::Medium, {}, 4.0}};
        const HealthInputs in = healthInputs(s, now, h, 20006);
        QCOMPARE(in.acceptedShare30Days, 1900.0 / 2000.0);
        QCOMPARE(in.completeness, 1.0 - 100.0 / 1400.0);
        QCOMPARE(in.validity, 810.0 / 1000.0);
        QCOMPARE(in.lagDays, 6.0);
        QCOMPARE(in.openAnomalies, 3);
        QCOMPARE(in.openCriticalAnomalies, 1);
        QCOMPARE(in.uploads, 3);
        // A history without accepted counts (not known): the share is this upload's alone, not diluted.
        h.acceptedRowsLast30Days.reset();
        QCOMPARE(healthInputs(s, now, h, 20006).acceptedShare30Days, 0.9);
        // No accepted row: no submitted date to measure the lag, timeliness 0.
        s.newestSubmittedDay.reset();
        QCOMPARE(timeliness(healthInputs(s, now, h, 20006).lagDays), 0.0);
    }

    void validatedFileFeedsTheAnomalies()
    {
        std::string csv = "claim_ref,payer,cpt,submitted_date,decided_date,outcome,allowed_amount\n";
        for (int i = 0; i < 1000; ++i) {
            const bool dup = i % 10 == 0; // 10% repeat claim C0
            csv += "C" + std::to_string(dup ? 0 : i) + ",Aetna,99213,2024-01-02,2024-01-05," +
                   (i % 2 ? "PAID" : "DENIED") + "," + (i % 3 ? "10.00" : "") + "\n";
        }
        importer::ValidationOptions o;
        o.validator.importDay = importer::daysFromCivil(2025, 1, 1);
        const auto r = importer::validateCsvBytes(csv, o);
        QVERIFY(r.ok());
        QCOMPARE(r->stats.duplicates, std::uint64_t(99));
        QCOMPARE(r->qualityScore, 1.0);
        QCOMPARE(r->grade, std::string("A+"));
        QCOMPARE(find(r->anomalies, "duplicates")->severity, Severity::Medium);
        const Anomaly *missing = find(r->anomalies, "missing_data");
        QVERIFY(missing && missing->subject == "allowed_amount");
        QCOMPARE(find(r->anomalies, "outcome_shift")->severity, Severity::High); // 50% denied vs .15
    }
};

QTEST_GUILESS_MAIN(TestQualityScoring)
#include "tst_quality_scoring.moc"
