// Proves (issue 17), on the real PostgreSQL cluster: storage::uploadHistory reads a customer's upload history as an
// analyst, relative to the validator's import day (tests/support/UploadHistoryData.h): the three uploads of the 30
// days ending on it (100, 120, 80 rows; the D-40 upload and another customer's upload are not counted), the mix of
// the claims decided in the 90 days ending on it (PAID .95 / DENIED .05; the D-120 denials are not counted) and
// the anomalies their stored reports recorded. Validating a 220-row file with that history reports a high volume
// anomaly with z = 6 and a medium outcome shift of 20 points on PAID; importing it stores them in the upload
// report. Controls: the same file validated with no history, or with the history as of D+90, has neither.
#include "UploadHistoryData.h"
#include "UpstreamSchema.h"

#include "storage/pg/PgImportStore.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;

namespace {

const quality::Anomaly *find(const std::vector<quality::Anomaly> &anomalies, const char *type)
{
    for (const quality::Anomaly &a : anomalies)
        if (a.type == type)
            return &a;
    return nullptr;
}

} // namespace

class TstImportHistoryFromServer : public QObject {
    Q_OBJECT
    std::optional<test::PgFixture> fx;
    std::unique_ptr<test::MigratedDatabase> db;
    QTemporaryDir dir;
    qint64 customer = 0, otherCustomer = 0;
    test::TestUser analyst, otherAnalyst;
    QString current;

private slots:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        fx = test::PgFixture::load();
        QVERIFY2(fx.has_value(), "the pg fixture is not running ($UPSTREAM_TEST_PG)");
        db = std::make_unique<test::MigratedDatabase>(*fx, QStringLiteral("history"));
        QVERIFY2(db->ok(), qPrintable(db->error()));
        customer = db->createCustomer(QStringLiteral("History Co")).value_or(0);
        otherCustomer = db->createCustomer(QStringLiteral("Other Co")).value_or(0);
        QVERIFY(customer > 0 && otherCustomer > 0);
        analyst = db->createUser(customer, QStringLiteral("analyst")).value();
        otherAnalyst = db->createUser(otherCustomer, QStringLiteral("analyst")).value();
        auto conn = db->connectAs(analyst);
        QVERIFY(conn.ok());
        QCOMPARE(test::seedServerHistory(*conn, db->superuser(), customer, dir.path()), QString());

        // Another customer uploads 1,000 rows on D-1, all DENIED: neither its volume nor its mix may leak.
        const QString other = dir.filePath(QStringLiteral("other.csv"));
        QVERIFY(test::writeDecidedClaims(other, "OTH", {0, 1000, 0}, test::kHistoryImportDay.addDays(-10),
                                         test::kHistoryImportDay.addDays(-5)));
        auto otherConn = db->connectAs(otherAnalyst);
        QVERIFY(otherConn.ok());
        importer::ImportOptions o = test::historyImportOptions();
        o.customerId = otherCustomer;
        auto r = importer::ClaimImporter::importToPostgres(*otherConn, other, o);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY(db->superuser()
                    .exec("UPDATE upstream.uploads SET uploaded_at = $1::timestamptz WHERE customer_id = $2",
                          {test::kHistoryImportDay.addDays(-1).toString(Qt::ISODate) + QStringLiteral(" 12:00:00+00"),
                           otherCustomer})
                    .ok());

        current = dir.filePath(QStringLiteral("current.csv"));
        QVERIFY(test::writeCurrentUpload(current));
    }

    void analystReadsTheHistoryOfTheWindows()
    {
        auto conn = db->connectAs(analyst);
        QVERIFY(conn.ok());
        QElapsedTimer t;
        t.start();
        auto h = storage::uploadHistory(*conn, customer, test::epochDay(test::kHistoryImportDay));
        qInfo("uploadHistory on the server: %lld ms", qint64(t.elapsed()));
        QVERIFY2(h.ok(), qPrintable(h.ok() ? QString() : h.error().message));
        QCOMPARE(h->rowCountsLast30Days, (std::vector<std::uint64_t>{100, 120, 80}));
        QCOMPARE(h->acceptedRowsLast30Days.value_or(0), std::uint64_t(300));
        QVERIFY(h->trailing90DayMix.has_value());
        QVERIFY(qAbs(h->trailing90DayMix->paid - 0.95) < 1e-12);
        QVERIFY(qAbs(h->trailing90DayMix->denied - 0.05) < 1e-12);
        QCOMPARE(h->trailing90DayMix->other, 0.0);
        QCOMPARE(h->anomaliesLast30Days, 1); // P1's outcome shift against the default mix
        QCOMPARE(h->criticalAnomaliesLast30Days, 0);

        // As of D-30: only the D-40 upload, and none of the claims (decided D-120 and D-20) in the 90 days.
        auto earlier = storage::uploadHistory(*conn, customer, test::epochDay(test::kHistoryImportDay.addDays(-30)));
        QVERIFY(earlier.ok());
        QCOMPARE(earlier->rowCountsLast30Days, (std::vector<std::uint64_t>{200}));
        QVERIFY(!earlier->trailing90DayMix.has_value());
        QCOMPARE(earlier->anomaliesLast30Days, 1); // 200 denials against the default mix
    }

    void validationWithTheServerHistoryReportsBothAnomalies()
    {
        auto conn = db->connectAs(analyst);
        QVERIFY(conn.ok());
        auto h = storage::uploadHistory(*conn, customer, test::epochDay(test::kHistoryImportDay));
        QVERIFY(h.ok());
        importer::ValidationOptions vo = test::historyImportOptions().validation;
        vo.history = *h;
        auto r = importer::validateCsvFile(current, vo);
        QVERIFY(r.ok());
        QCOMPARE(r->totalRows, std::uint64_t(220));
        QCOMPARE(r->anomalies.size(), std::size_t(2));
        const quality::Anomaly *volume = find(r->anomalies, "volume");
        QVERIFY(volume);
        QVERIFY2(qAbs(volume->value - test::kExpectedVolumeZ) < 1e-9, qPrintable(QString::number(volume->value)));
        QCOMPARE(volume->severity, quality::Severity::High);
        const quality::Anomaly *shift = find(r->anomalies, "outcome_shift");
        QVERIFY(shift);
        QCOMPARE(shift->subject, std::string("PAID"));
        QVERIFY2(qAbs(shift->value - test::kExpectedPaidDeviation) < 1e-9, qPrintable(QString::number(shift->value)));
        QCOMPARE(shift->severity, quality::Severity::Medium);

        // Controls: no history, and the history as of D+90 (nothing recent), give neither anomaly.
        vo.history = {};
        auto none = importer::validateCsvFile(current, vo);
        QVERIFY(none.ok());
        QVERIFY(none->anomalies.empty());
        auto later = storage::uploadHistory(*conn, customer, test::epochDay(test::kHistoryImportDay.addDays(90)));
        QVERIFY(later.ok());
        QVERIFY(later->rowCountsLast30Days.empty());
        QVERIFY(!later->trailing90DayMix.has_value());
        vo.history = *later;
        auto stale = importer::validateCsvFile(current, vo);
        QVERIFY(stale.ok());
        QVERIFY(stale->anomalies.empty());
    }

    void importStoresTheLiveAnomalies()
    {
        auto conn = db->connectAs(analyst);
        QVERIFY(conn.ok());
        importer::ImportOptions o = test::historyImportOptions();
        o.customerId = customer;
        auto h = storage::uploadHistory(*conn, customer, o.validation.validator.importDay);
        QVERIFY(h.ok());
        o.validation.history = *h;
        auto r = importer::ClaimImporter::importToPostgres(*conn, current, o);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        auto stored = db->superuser().exec(
            "SELECT report::text FROM upstream.upload_reports WHERE customer_id = $1 AND upload_id = $2",
            {customer, r->uploadId});
        QVERIFY(stored.ok() && stored->rows() == 1);
        const QJsonArray anomalies =
            QJsonDocument::fromJson(stored->text(0, 0).toUtf8()).object().value(QStringLiteral("anomalies")).toArray();
        QStringList types;
        for (const QJsonValue a : anomalies)
            types << a.toObject().value(QStringLiteral("type")).toString() + QLatin1Char('/') +
                         a.toObject().value(QStringLiteral("severity")).toString();
        types.sort();
        QCOMPARE(types, (QStringList{QStringLiteral("outcome_shift/medium"), QStringLiteral("volume/high")}));
    }
};

QTEST_GUILESS_MAIN(TstImportHistoryFromServer)
#include "tst_import_history_from_server.moc"
