// Proves the import wizard's "preview signals" step (issue 17) on both targets, a real encrypted workspace and the
// real PostgreSQL cluster as an analyst under row-level security: a target holding a live export taken on D (with
// its signals computed) previews the export taken on D+7 — the same claims in a newer state plus a week of new ones.
//  - The preview writes nothing: claims, uploads, aggregates, signals and (server) audit rows are unchanged.
//  - The preview is what "import, then recompute" shows: after the real import and a recompute at the data's own
//    as-of, the stored run's signals are exactly the previewed ones (same fingerprints, severity, delta, dollars).
//  - The comparison with what the target held is right: groups that fired on D and fire again are Changed or Same
//    (never New), and each Changed row's "before" is the D signal of its group.
// Every date is fixed (exports aimed at 2026-06-01, import day 2026-06-30), so the test means the same on any day.
#include "UpstreamSchema.h"
#include "WeekLaterReExport.h"

#include "compute/SignalPreview.h"
#include "storage/cache/AggregateStore.h"
#include "storage/cache/LocalCache.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <map>

using namespace upstream;

namespace {

importer::ImportOptions importOptions(qint64 customer = 0)
{
    return test::reExportImportOptions(QStringLiteral("preview-test"), customer);
}

std::map<QString, QString> groupsOf(const QJsonArray &stored)
{
    std::map<QString, QString> out; // group → "severity delta" of the stored signal
    for (const auto &v : stored) {
        const QJsonObject o = v.toObject();
        const QChar sep(0x1f);
        out[o.value(QLatin1String("product")).toString() + sep + o.value(QLatin1String("signal_type")).toString() +
            sep + o.value(QLatin1String("payer")).toString() + sep + o.value(QLatin1String("cpt_group")).toString() +
            sep + o.value(QLatin1String("reason")).toString()] =
            o.value(QLatin1String("severity")).toString() + QLatin1Char(' ') +
            QString::number(o.value(QLatin1String("delta")).toDouble(), 'g', 12);
    }
    return out;
}

} // namespace

class TstPreviewSignalsEqualImportThenRecompute : public QObject {
    Q_OBJECT
    QTemporaryDir tmp;
    QString exportD, exportLater;

    // The preview against the target's stored D signals, then the real import + recompute against the preview.
    void checkPreview(const compute::SignalPreview &preview, const QJsonArray &storedD,
                      const std::vector<engines::Signal> &afterImport)
    {
        QVERIFY(!preview.rows.empty());
        QCOMPARE(preview.asOf,
                 test::kReExportAsOf.addDays(7)); // the D+7 export's own date: what a recompute uses by default
        const auto before = groupsOf(storedD);
        int again = 0;
        for (const compute::PreviewRow &row : preview.rows) {
            const auto it = before.find(row.signal.groupKey());
            if (it == before.end()) {
                QCOMPARE(int(row.change), int(compute::PreviewRow::Change::New));
                continue;
            }
            ++again;
            QVERIFY(row.change != compute::PreviewRow::Change::New);
            QCOMPARE(row.severityBefore + QLatin1Char(' ') + QString::number(row.deltaBefore, 'g', 12), it->second);
        }
        qInfo("preview: %zu signals, %d of them in groups that had a signal on D", preview.rows.size(), again);
        QVERIFY(again > 0); // the comparison with the target was exercised

        std::map<QString, const engines::Signal *> found;
        for (const engines::Signal &s : afterImport)
            found.emplace(s.fingerprint, &s);
        QCOMPARE(found.size(), preview.rows.size());
        for (const compute::PreviewRow &row : preview.rows) {
            const auto it = found.find(row.signal.fingerprint);
            QVERIFY2(it != found.end(), qPrintable(row.signal.groupKey()));
            QCOMPARE(it->second->severity, row.signal.severity);
            QCOMPARE(it->second->delta, row.signal.delta);
            QCOMPARE(it->second->dollars, row.signal.dollars);
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(tmp.isValid());
        const auto exports = test::writeWeekLaterReExport(QDir(tmp.path()), 60000, 14, 24);
        QVERIFY(exports.ok());
        exportD = exports.exportD;
        exportLater = exports.exportLater;
    }

    void workspacePreviewIsWhatImportThenRecomputeShows()
    {
        auto opened = storage::LocalCache::open(tmp.filePath(QStringLiteral("cache.db")), QByteArray(32, 'p'));
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
        storage::LocalCache &cache = opened.value();
        QVERIFY(importer::ClaimImporter::importToCache(cache, exportD, importOptions()).ok());
        auto setD = storage::loadAggregates(cache);
        QVERIFY(setD.ok());
        QVERIFY(compute::computeLocal(cache, setD.value(), {}).ok());
        auto storedD = compute::listLocalSignals(cache, QString());
        QVERIFY(storedD.ok() && !storedD.value().isEmpty());

        auto count = [&](const char *table) {
            auto q = cache.db().prepare(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)));
            qint64 n = -1;
            if (q.ok())
                (void)q.value().forEachRow([&] { n = q.value().int64(0); });
            return n;
        };
        const std::map<QString, qint64> countsBefore{{QStringLiteral("claims"), count("claims")},
                                                     {QStringLiteral("uploads"), count("uploads")},
                                                     {QStringLiteral("daily_aggregates"), count("daily_aggregates")},
                                                     {QStringLiteral("signals"), count("signals")}};
        auto preview = compute::previewLocal(cache, exportLater, importOptions());
        QVERIFY2(preview.ok(), preview.ok() ? "" : qPrintable(preview.error().message));
        for (const auto &[table, n] : countsBefore)
            QCOMPARE(count(table.toLatin1().constData()), n);
        QVERIFY(preview.value().import.claimsUpdated > 0 && preview.value().import.claimsNew > 0);
        QVERIFY(compute::listLocalSignals(cache, QString()).value() == storedD.value());

        QVERIFY(importer::ClaimImporter::importToCache(cache, exportLater, importOptions()).ok());
        auto merged = storage::loadAggregates(cache);
        QVERIFY(merged.ok());
        auto report = compute::computeLocal(cache, merged.value(), {});
        QVERIFY(report.ok());
        checkPreview(preview.value(), storedD.value(), report.value().found);
    }

    void postgresPreviewIsWhatImportThenRecomputeShows()
    {
        auto fx = test::PgFixture::load();
        QVERIFY2(fx.has_value(), "the pg fixture is not running ($UPSTREAM_TEST_PG)");
        test::MigratedDatabase db(*fx, QStringLiteral("preview"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        const auto customer = db.createCustomer(QStringLiteral("Preview Clinic"));
        QVERIFY(customer);
        const auto analyst = db.createUser(*customer, QStringLiteral("analyst"));
        QVERIFY(analyst);
        auto conn = db.connectAs(*analyst);
        QVERIFY2(conn.ok(), conn.ok() ? "" : qPrintable(conn.error().message));
        QVERIFY(importer::ClaimImporter::importToPostgres(conn.value(), exportD, importOptions(*customer)).ok());
        QVERIFY(compute::computeCentral(conn.value(), *customer, {}).ok());
        auto storedD = compute::listCentralSignals(conn.value(), *customer, QString());
        QVERIFY(storedD.ok() && !storedD.value().isEmpty());

        auto counts = [&] {
            auto r = db.superuser().exec(
                "SELECT (SELECT count(*) FROM upstream.claims) || ' ' || (SELECT count(*) FROM upstream.uploads) || "
                "' ' || (SELECT count(*) FROM upstream.upload_reports) || ' ' || (SELECT count(*) FROM "
                "upstream.signals) || ' ' || (SELECT count(*) FROM upstream.audit_log)");
            return r.ok() ? r->text(0, 0) : QString();
        };
        const QString before = counts();
        QVERIFY(!before.isEmpty());
        auto preview = compute::previewCentral(conn.value(), exportLater, importOptions(*customer));
        QVERIFY2(preview.ok(), preview.ok() ? "" : qPrintable(preview.error().message));
        QCOMPARE(counts(), before);
        QVERIFY(preview.value().import.claimsUpdated > 0 && preview.value().import.claimsNew > 0);

        QVERIFY(importer::ClaimImporter::importToPostgres(conn.value(), exportLater, importOptions(*customer)).ok());
        QVERIFY(counts() != before); // the same counts do move on a real import (control)
        auto report = compute::computeCentral(conn.value(), *customer, {});
        QVERIFY(report.ok());
        checkPreview(preview.value(), storedD.value(), report.value().found);
    }
};

QTEST_GUILESS_MAIN(TstPreviewSignalsEqualImportThenRecompute)
#include "tst_preview_signals_equal_import_then_recompute.moc"
