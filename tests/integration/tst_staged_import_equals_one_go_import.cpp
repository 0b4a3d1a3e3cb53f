// Proves the staged import (issue 15: the wizard's preview reads the file once into a stage on the target, the
// import merges from there) stores exactly what a one-go import of the same file stores, on the real PostgreSQL
// cluster as an analyst under row-level security and on a real encrypted workspace:
//  - Staging and the dry run write nothing to the target (claims, uploads, reports, audit rows, aggregates).
//  - After the merge the target holds the same claims / aggregates as a twin target that imported the file in one
//    go, with the same counts (new, updated, unchanged, repeated); the dry run announced those counts.
//  - The merge does not read the file (read accounting of the CSV reader); a consumed or released stage no longer
//    covers the file.
//  - A mapping saved on the target between staging and merging makes the staged rows stale: the merge reads the file
//    again and stores what a one-go import with the new mapping stores.
//  - A merge cancelled at its last step (before COMMIT) leaves nothing.
// Both targets first hold the export taken on D, then stage the one taken on D+7 (re-exported claims, new claims,
// pending and unpaid ones).
#include "UpstreamSchema.h"
#include "WeekLaterReExport.h"

#include "compute/SignalPreview.h"
#include "csv/CsvReader.h"
#include "storage/cache/LocalCache.h"
#include "storage/cache/WorkspaceImportStore.h"
#include "storage/pg/PgImportStore.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;

namespace {

importer::ImportOptions importOptions(qint64 customer = 0)
{
    return test::reExportImportOptions(QStringLiteral("staged-test"), customer);
}

int fullPassesOf(const QString &path)
{
    const auto size = std::uint64_t(QFileInfo(path).size());
    int passes = 0;
    for (std::uint64_t bytes : csv::bytesReadPerOpen(path))
        passes += bytes >= size ? 1 : 0;
    return passes;
}

void compareCounts(const importer::ImportResult &a, const importer::ImportResult &b)
{
    QCOMPARE(a.report.accepted, b.report.accepted);
    QCOMPARE(a.report.rejected, b.report.rejected);
    QCOMPARE(a.claimsNew, b.claimsNew);
    QCOMPARE(a.claimsUpdated, b.claimsUpdated);
    QCOMPARE(a.claimsUnchanged, b.claimsUnchanged);
    QCOMPARE(a.claimsRepeated, b.claimsRepeated);
    QCOMPARE(a.claimsWithoutRef, b.claimsWithoutRef);
}

// A workspace's claims and aggregates, independent of its claim key: the sorted claim states and the aggregates.
QString workspaceContent(storage::LocalCache &cache)
{
    QStringList out;
    for (const char *sql :
         {"SELECT hex(state) FROM claims ORDER BY 1",
          "SELECT kind || '|' || payer || '|' || cpt_group || '|' || reason || '|' || day || '|' || data FROM "
          "daily_aggregates ORDER BY 1",
          "SELECT total_rows || '|' || accepted_rows || '|' || rejected_rows FROM uploads ORDER BY upload_id"}) {
        auto q = cache.db().prepare(QString::fromLatin1(sql));
        if (!q.ok())
            return QStringLiteral("error: ") + q.error().message;
        (void)q.value().forEachRow([&] { out << q.value().text(0); });
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace

class TstStagedImportEqualsOneGoImport : public QObject {
    Q_OBJECT
    QTemporaryDir tmp;
    QString exportD, exportLater;

private slots:
    void initTestCase()
    {
        QVERIFY(tmp.isValid());
        const auto exports = test::writeWeekLaterReExport(QDir(tmp.path()), 40000, 21, 16);
        QVERIFY(exports.ok());
        exportD = exports.exportD;
        exportLater = exports.exportLater;
        csv::setReadAccounting(true);
    }

    void workspace()
    {
        auto openCache = [&](const char *name) {
            return storage::LocalCache::open(tmp.filePath(QLatin1String(name)), QByteArray(32, 's'));
        };
        auto staged = openCache("staged.db"), oneGo = openCache("one-go.db");
        QVERIFY(staged.ok() && oneGo.ok());
        QVERIFY(importer::ClaimImporter::importToCache(staged.value(), exportD, importOptions()).ok());
        QVERIFY(importer::ClaimImporter::importToCache(oneGo.value(), exportD, importOptions()).ok());
        const QString before = workspaceContent(staged.value());
        QCOMPARE(before, workspaceContent(oneGo.value()));

        csv::clearReadAccounting();
        auto connection = staged.value().openAnotherConnection();
        QVERIFY(connection.ok());
        auto stage = importer::ClaimImporter::stageInCache(std::move(connection.value()), exportLater, importOptions());
        QVERIFY2(stage.ok(), stage.ok() ? "" : qPrintable(stage.error().message));
        QCOMPARE(fullPassesOf(exportLater), 1);
        QCOMPARE(workspaceContent(staged.value()), before); // staging wrote nothing to the workspace
        QVERIFY(stage.value()->covers(exportLater));

        auto preview = compute::previewStaged(*stage.value(), importOptions());
        QVERIFY2(preview.ok(), preview.ok() ? "" : qPrintable(preview.error().message));
        QCOMPARE(workspaceContent(staged.value()), before); // nor did the dry run
        QVERIFY(preview->import.claimsUpdated > 0 && preview->import.claimsNew > 0);

        // Cancelled at the last step: nothing stored, the stage still usable.
        importer::ImportOptions cancelling = importOptions();
        int calls = 0;
        cancelling.validation.progress = [&calls](std::uint64_t, std::uint64_t, std::uint64_t) { return ++calls < 2; };
        auto cancelled = stage.value()->merge(cancelling);
        QVERIFY(!cancelled.ok());
        QCOMPARE(int(cancelled.error().code), int(ErrorCode::Cancelled));
        QCOMPARE(calls, 2);
        QCOMPARE(workspaceContent(staged.value()), before);

        auto merged = stage.value()->merge(importOptions());
        QVERIFY2(merged.ok(), merged.ok() ? "" : qPrintable(merged.error().message));
        QCOMPARE(fullPassesOf(exportLater), 1); // the merges read nothing
        QVERIFY(!stage.value()->covers(exportLater));
        QVERIFY(!stage.value()->merge(importOptions()).ok()); // consumed: no second import from it

        auto direct = importer::ClaimImporter::importToCache(oneGo.value(), exportLater, importOptions());
        QVERIFY(direct.ok());
        compareCounts(merged.value(), direct.value());
        compareCounts(preview->import, direct.value());
        QCOMPARE(workspaceContent(staged.value()), workspaceContent(oneGo.value()));
        QVERIFY(workspaceContent(staged.value()) != before);
    }

    void workspaceStageGoesStaleWhenAMappingIsSaved()
    {
        auto openCache = [&](const char *name) {
            return storage::LocalCache::open(tmp.filePath(QLatin1String(name)), QByteArray(32, 'm'));
        };
        auto staged = openCache("stale.db"), oneGo = openCache("stale-one-go.db");
        QVERIFY(staged.ok() && oneGo.ok());
        auto connection = staged.value().openAnotherConnection();
        QVERIFY(connection.ok());
        auto stage = importer::ClaimImporter::stageInCache(std::move(connection.value()), exportD, importOptions());
        QVERIFY(stage.ok());
        // Meanwhile a mapping is saved: the staged rows were validated without it.
        const std::vector<claims::Mapping> mapping{
            {claims::MappingKind::CptGroup, QStringLiteral("99213"), QStringLiteral("Office visit (mapped)"), {}, {}}};
        QVERIFY(storage::saveMappings(staged.value(), mapping).ok());
        QVERIFY(storage::saveMappings(oneGo.value(), mapping).ok());
        csv::clearReadAccounting();
        auto merged = stage.value()->merge(importOptions());
        QVERIFY2(merged.ok(), merged.ok() ? "" : qPrintable(merged.error().message));
        QCOMPARE(fullPassesOf(exportD), 1); // stale: the file was read again
        QVERIFY(importer::ClaimImporter::importToCache(oneGo.value(), exportD, importOptions()).ok());
        QCOMPARE(workspaceContent(staged.value()), workspaceContent(oneGo.value()));
        QVERIFY(workspaceContent(staged.value()).contains(QLatin1String("Office visit (mapped)")));
    }

    void postgres()
    {
        auto fx = test::PgFixture::load();
        QVERIFY2(fx.has_value(), "the pg fixture is not running ($UPSTREAM_TEST_PG)");
        test::MigratedDatabase db(*fx, QStringLiteral("staged"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        const auto a = db.createCustomer(QStringLiteral("Staged Clinic")),
                   b = db.createCustomer(QStringLiteral("One-go Clinic"));
        QVERIFY(a && b);
        const auto analystA = db.createUser(*a, QStringLiteral("analyst")),
                   analystB = db.createUser(*b, QStringLiteral("analyst"));
        QVERIFY(analystA && analystB);
        auto connA = db.connectAs(*analystA), connB = db.connectAs(*analystB);
        QVERIFY(connA.ok() && connB.ok());
        QVERIFY(importer::ClaimImporter::importToPostgres(connA.value(), exportD, importOptions(*a)).ok());
        QVERIFY(importer::ClaimImporter::importToPostgres(connB.value(), exportD, importOptions(*b)).ok());

        // A customer's claims without the key-dependent HMAC, and its rows in the other tables.
        auto content = [&](qint64 customer) {
            auto r = db.superuser().exec(
                "SELECT md5(coalesce(string_agg(x, E'\\n' ORDER BY x), '')) || ' ' || count(*) FROM (SELECT "
                "concat_ws('|', payer, cpt, cpt_group, submitted_date, decided_date, outcome, allowed_amount, "
                "billed_amount, paid_amount, payment_date, denial_reason_code, denial_reason_text, claim_ref_hmac IS "
                "NULL) AS x FROM upstream.claims WHERE customer_id = $1) c",
                {customer});
            auto other = db.superuser().exec(
                "SELECT (SELECT count(*) FROM upstream.uploads WHERE customer_id = $1) || ' ' || (SELECT count(*) FROM "
                "upstream.upload_reports WHERE customer_id = $1) || ' ' || (SELECT count(*) FROM upstream.audit_log "
                "WHERE customer_id = $1 AND action = 'import')",
                {customer});
            return r.ok() && other.ok() ? r->text(0, 0) + QLatin1Char(' ') + other->text(0, 0)
                                        : QStringLiteral("error");
        };
        const QString before = content(*a);
        QCOMPARE(before, content(*b));

        csv::clearReadAccounting();
        auto stageConn = db.connectAs(*analystA);
        QVERIFY(stageConn.ok());
        auto stage =
            importer::ClaimImporter::stageInPostgres(std::move(stageConn.value()), exportLater, importOptions(*a));
        QVERIFY2(stage.ok(), stage.ok() ? "" : qPrintable(stage.error().message));
        QCOMPARE(fullPassesOf(exportLater), 1);
        QCOMPARE(content(*a), before);
        auto preview = compute::previewStaged(*stage.value(), importOptions(*a));
        QVERIFY2(preview.ok(), preview.ok() ? "" : qPrintable(preview.error().message));
        QCOMPARE(content(*a), before);
        QVERIFY(preview->import.claimsUpdated > 0 && preview->import.claimsNew > 0);

        importer::ImportOptions cancelling = importOptions(*a);
        int calls = 0;
        cancelling.validation.progress = [&calls](std::uint64_t, std::uint64_t, std::uint64_t) { return ++calls < 2; };
        auto cancelled = stage.value()->merge(cancelling);
        QVERIFY(!cancelled.ok());
        QCOMPARE(int(cancelled.error().code), int(ErrorCode::Cancelled));
        QCOMPARE(content(*a), before);

        auto merged = stage.value()->merge(importOptions(*a));
        QVERIFY2(merged.ok(), merged.ok() ? "" : qPrintable(merged.error().message));
        QCOMPARE(fullPassesOf(exportLater), 1);
        QVERIFY(!stage.value()->covers(exportLater));
        auto direct = importer::ClaimImporter::importToPostgres(connB.value(), exportLater, importOptions(*b));
        QVERIFY(direct.ok());
        compareCounts(merged.value(), direct.value());
        compareCounts(preview->import, direct.value());
        QCOMPARE(content(*a), content(*b));
        QVERIFY(content(*a) != before);

        // Stale: a mapping saved between staging and merging; the merge reads the file again.
        auto again = db.connectAs(*analystA);
        QVERIFY(again.ok());
        auto stale = importer::ClaimImporter::stageInPostgres(std::move(again.value()), exportD, importOptions(*a));
        QVERIFY(stale.ok());
        const std::vector<claims::Mapping> mapping{
            {claims::MappingKind::CptGroup, QStringLiteral("99213"), QStringLiteral("Office visit (mapped)"), {}, {}}};
        QVERIFY(storage::saveMappings(connA.value(), *a, mapping).ok());
        QVERIFY(storage::saveMappings(connB.value(), *b, mapping).ok());
        csv::clearReadAccounting();
        auto staleMerged = stale.value()->merge(importOptions(*a));
        QVERIFY2(staleMerged.ok(), staleMerged.ok() ? "" : qPrintable(staleMerged.error().message));
        QCOMPARE(fullPassesOf(exportD), 1);
        QVERIFY(importer::ClaimImporter::importToPostgres(connB.value(), exportD, importOptions(*b)).ok());
        QCOMPARE(content(*a), content(*b));
        auto mapped = db.superuser().exec(
            "SELECT count(*) FROM upstream.claims WHERE customer_id = $1 AND cpt_group = 'Office visit (mapped)'",
            {*a});
        QVERIFY(mapped.ok() && mapped->int64(0, 0) > 0);

        // Released (the lock): the connection is gone and the stage covers nothing.
        auto third = db.connectAs(*analystA);
        QVERIFY(third.ok());
        auto released =
            importer::ClaimImporter::stageInPostgres(std::move(third.value()), exportLater, importOptions(*a));
        QVERIFY(released.ok());
        released.value()->release();
        QVERIFY(!released.value()->covers(exportLater));
        QVERIFY(released.value()->postgres() && !released.value()->postgres()->isOpen());
    }
};

QTEST_GUILESS_MAIN(TstStagedImportEqualsOneGoImport)
#include "tst_staged_import_equals_one_go_import.moc"
