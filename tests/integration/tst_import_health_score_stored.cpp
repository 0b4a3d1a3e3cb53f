// Proves (issue 17, SPEC 4): the upload report a real import stores carries health_score and health_band, equal to
// SPEC 4's formula computed here by hand from the test's own numbers, on both targets (a real encrypted workspace
// and the real PostgreSQL cluster). The customer's history (tests/support/UploadHistoryData.h) is three uploads of
// the last 30 days, 300 rows all accepted, one stored anomaly among them (P1's outcome shift). The upload:
//   70 PAID rows, complete;  15 DENIED rows with a reason code;  5 PAID rows without a payment date (5 empty
//   expected cells);  4 PAID rows paid above allowed (a warning each), submitted on D-2, the newest accepted date;
//   6 PAID rows rejected for their submitted date (3 unparsable, 3 after the import day).
// So: accepted share (30 days) = (300 + 94) / (300 + 100); completeness = 1 − 5 / 900 (8 columns expected on all
// 100 rows, payment_date on the 85 PAID rows, the reason code on the 15 DENIED rows); validity = (94 − 4) / 100;
// lag = 2 days, timeliness = 1 − 2 / 30; open anomalies = 1 stored + 0 now, over 4 uploads; no critical one.
// The workspace import is given the history as the wizard gives it (storage::uploadHistory); the server import is
// given none and reads it itself, as `upstream import` does.
#include "UploadHistoryData.h"
#include "UpstreamSchema.h"

#include "storage/cache/WorkspaceImportStore.h"
#include "storage/pg/PgImportStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace upstream;

namespace {

const QDate D = test::kHistoryImportDay;

QString writeUpload(const QString &path)
{
    QByteArray csv = test::claimHeader();
    const auto day = [](int offset) { return D.addDays(offset).toString(Qt::ISODate).toLatin1(); };
    int n = 0;
    const auto ref = [&n] { return "H-" + QByteArray::number(++n); };
    for (int i = 0; i < 70; ++i)
        csv += test::claimLine(ref(), "PAID", D.addDays(-10), D.addDays(-4));
    for (int i = 0; i < 15; ++i)
        csv += test::claimLine(ref(), "DENIED", D.addDays(-10), D.addDays(-4));
    for (int i = 0; i < 5; ++i) // decided, not paid yet: no payment date
        csv += ref() + ",Acme Health,99213," + day(-10) + ',' + day(-4) + ",PAID,120.00,100.00,,\n";
    for (int i = 0; i < 4; ++i) // paid above allowed: a warning
        csv += ref() + ",Beta Care,99214," + day(-2) + ',' + day(-1) + ",PAID,120.00,150.00," + day(0) + ",\n";
    for (int i = 0; i < 3; ++i)
        csv += ref() + ",Acme Health,99213,2026-13-45," + day(-1) + ",PAID,120.00,100.00," + day(0) + ",\n";
    for (int i = 0; i < 3; ++i) // submitted after the import day: rejected, so not the newest submitted date
        csv += ref() + ",Acme Health,99213," + day(3) + ',' + day(4) + ",PAID,120.00,100.00," + day(5) + ",\n";
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(csv) == csv.size() ? path : QString();
}

// SPEC 4, written out independently of quality::healthScore.
double expectedScore()
{
    const double acceptedShare = (300.0 + 94.0) / (300.0 + 100.0);
    const double completeness = 1.0 - 5.0 / 900.0;
    const double validity = (94.0 - 4.0) / 100.0;
    const double timeliness = std::max(0.0, 1.0 - 2.0 / 30.0);
    const double anomalies = 1.0 - 1.0 / std::max(1.0, 4.0);
    const double score =
        70.0 * acceptedShare + 20.0 * (completeness + validity + timeliness) / 3.0 + 10.0 * anomalies - 5.0 * 0.0;
    return std::clamp(score, 0.0, 100.0);
}

QString expectedBand(double score)
{
    return score >= 90   ? QStringLiteral("excellent")
           : score >= 75 ? QStringLiteral("good")
           : score >= 60 ? QStringLiteral("fair")
                         : QStringLiteral("poor");
}

void verifyStoredReport(const QString &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("total_rows")).toInteger(), 100);
    QCOMPARE(o.value(QStringLiteral("accepted")).toInteger(), 94);
    QCOMPARE(o.value(QStringLiteral("rows_with_warnings")).toInteger(), 4);
    QCOMPARE(o.value(QStringLiteral("anomalies")).toArray().size(), 0);
    const double want = expectedScore();
    QVERIFY2(qAbs(want - 95.3018518518) < 1e-6, qPrintable(QString::number(want, 'f', 10))); // the hand figure
    const double stored = o.value(QStringLiteral("health_score")).toDouble(-1);
    QVERIFY2(qAbs(stored - want) < 1e-9,
             qPrintable(QStringLiteral("stored %1, SPEC 4 gives %2").arg(stored, 0, 'f', 10).arg(want, 0, 'f', 10)));
    QCOMPARE(o.value(QStringLiteral("health_band")).toString(), expectedBand(want));
    QCOMPARE(o.value(QStringLiteral("health_band")).toString(), QStringLiteral("excellent"));
    const QJsonObject h = o.value(QStringLiteral("health")).toObject();
    QVERIFY(qAbs(h.value(QStringLiteral("accepted_share_30d")).toDouble() - 0.985) < 1e-12);
    QVERIFY(qAbs(h.value(QStringLiteral("completeness")).toDouble() - 895.0 / 900.0) < 1e-12);
    QVERIFY(qAbs(h.value(QStringLiteral("validity")).toDouble() - 0.90) < 1e-12);
    QCOMPARE(h.value(QStringLiteral("lag_days")).toDouble(), 2.0);
    QCOMPARE(h.value(QStringLiteral("open_anomalies")).toInt(), 1);
    QCOMPARE(h.value(QStringLiteral("uploads_30d")).toInt(), 4);
}

} // namespace

class TstImportHealthScoreStored : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QString upload;

private slots:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        upload = writeUpload(dir.filePath(QStringLiteral("upload.csv")));
        QVERIFY(!upload.isEmpty());
    }

    void workspaceReportCarriesTheHealthScore()
    {
        auto cache = storage::LocalCache::open(dir.filePath(QStringLiteral("ws.db")), QByteArray(32, '\x21'));
        QVERIFY(cache.ok());
        QCOMPARE(test::seedWorkspaceHistory(*cache, dir.path()), QString());
        importer::ImportOptions o = test::historyImportOptions();
        auto h = storage::uploadHistory(*cache, o.validation.validator.importDay);
        QVERIFY(h.ok());
        o.validation.history = *h;
        auto r = importer::ClaimImporter::importToCache(*cache, upload, o);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->report.rejected, std::uint64_t(6));
        auto st = cache->db().prepare(QStringLiteral("SELECT report FROM uploads WHERE upload_id = ?"));
        QVERIFY(st.ok());
        st->bind(1, qint64(r->uploadId));
        auto row = st->step();
        QVERIFY(row.ok() && row.value());
        verifyStoredReport(st->text(0));
    }

    void serverReportCarriesTheHealthScore()
    {
        auto fx = test::PgFixture::load();
        QVERIFY2(fx.has_value(), "the pg fixture is not running ($UPSTREAM_TEST_PG)");
        test::MigratedDatabase db(*fx, QStringLiteral("health"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        const qint64 customer = db.createCustomer(QStringLiteral("Health Co")).value_or(0);
        QVERIFY(customer > 0);
        const test::TestUser analyst = db.createUser(customer, QStringLiteral("analyst")).value();
        auto conn = db.connectAs(analyst);
        QVERIFY(conn.ok());
        QCOMPARE(test::seedServerHistory(*conn, db.superuser(), customer, dir.path()), QString());
        importer::ImportOptions o = test::historyImportOptions();
        o.customerId = customer;
        auto r = importer::ClaimImporter::importToPostgres(*conn, upload, o);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        auto stored = db.superuser().exec(
            "SELECT report::text FROM upstream.upload_reports WHERE customer_id = $1 AND upload_id = $2",
            {customer, r->uploadId});
        QVERIFY(stored.ok() && stored->rows() == 1);
        verifyStoredReport(stored->text(0, 0));
    }
};

QTEST_GUILESS_MAIN(TstImportHealthScoreStored)
#include "tst_import_health_score_stored.moc"
