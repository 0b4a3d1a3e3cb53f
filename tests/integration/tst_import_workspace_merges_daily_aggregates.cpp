// Proves: importing into a local workspace cache writes exactly the daily aggregates the in-process aggregator
// computes from the accepted rows (decided, adjudication-lag and payment-lag rows); importing the same file again
// matches every claim by its claim_ref (all unchanged, flagged as imported before, aggregates as they were); the
// same claims without claim_ref are appended and merged into the existing rows for the same keys (counts add up);
// an all-rejected file fails and leaves the cache untouched.
#include "demo/DemoDataGenerator.h"
#include "engines/DailyAggregate.h"
#include "importer/ClaimImporter.h"
#include "storage/cache/AggregateStore.h"
#include "storage/cache/LocalCache.h"
#include "workspace/WorkspaceAccess.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;

class TstImportWorkspaceMergesDailyAggregates : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QString file;

    importer::ImportOptions options()
    {
        importer::ImportOptions o;
        o.validation.validator.importDay = std::int32_t(QDate(1970, 1, 1).daysTo(QDate::currentDate()));
        return o;
    }

    // Sum of one counter over the cached rows of one kind, and the number of rows of every kind.
    std::pair<qint64, qint64> cached(storage::LocalCache &cache, const char *field, const char *kind)
    {
        auto st = cache.db().prepare(QStringLiteral("SELECT data, kind FROM daily_aggregates"));
        qint64 sum = 0, rows = 0;
        while (st.ok()) {
            auto more = st->step();
            if (!more.ok() || !more.value())
                break;
            if (st->text(1) == QLatin1String(kind))
                sum += QJsonDocument::fromJson(st->text(0).toUtf8()).object().value(QLatin1String(field)).toInteger();
            ++rows;
        }
        return {sum, rows};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        demo::DemoConfig config;
        config.rows = 20000;
        config.seed = 3;
        config.asOf = QDate::currentDate();
        file = dir.filePath(QStringLiteral("demo.csv"));
        QVERIFY(demo::DemoDataGenerator(config).writeCsv(file).ok());
    }

    void importWritesAndMergesAggregates()
    {
        auto cache = storage::LocalCache::open(dir.filePath(QStringLiteral("cache.db")), QByteArray());
        QVERIFY2(cache.ok(), qPrintable(cache.ok() ? QString() : cache.error().message));

        // Expected: the aggregator over the accepted rows, converted by the importer's one conversion.
        engines::ClaimAggregator expected;
        importer::ValidationOptions vo = options().validation;
        vo.acceptedRows = [&](std::vector<claims::ClaimRow> &&rows) {
            for (const claims::ClaimRow &r : rows)
                expected.add(importer::toClaimRecord(r));
        };
        QVERIFY(importer::validateCsvFile(file, vo).ok());
        const engines::AggregateSet &want = expected.aggregates();
        qint64 wantTotal = 0, wantDenied = 0;
        for (const engines::AggregateRow &row : want.rows()) {
            // Every claim has one adjudication row; decided ones one decided row.
            wantTotal += row.kind == engines::AggregateKind::Adjudication ? row.c.claims : 0;
            wantDenied += row.c.denied;
        }
        QVERIFY(wantTotal > 19000);

        auto first = importer::ClaimImporter::importToCache(*cache, file, options());
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        QCOMPARE(qint64(first->claimsLoaded), wantTotal);
        QCOMPARE(first->aggregateRows, std::uint64_t(want.rows().size()));
        QCOMPARE(cached(*cache, "claims", "adjudication"), std::make_pair(wantTotal, qint64(want.rows().size())));
        QCOMPARE(cached(*cache, "denied", "decided").first, wantDenied);

        // Compute reads the stored rows back through its own loader: every counter, the day sums included, must
        // come back as the aggregator produced it (compute once read latency triples in another form as zero).
        auto loaded = storage::loadAggregates(*cache);
        QVERIFY(loaded.ok());
        QVERIFY(loaded->sameContent(want));
        qint64 paidWithLag = 0, atRisk = 0;
        for (const engines::AggregateRow &row : loaded->rows()) {
            paidWithLag +=
                row.kind == engines::AggregateKind::Payment && row.lag != engines::kUnfinishedLag ? row.c.claims : 0;
            atRisk += row.c.atRiskCents;
        }
        QVERIFY(paidWithLag > 0);
        QVERIFY(atRisk > 0);

        auto again = importer::ClaimImporter::importToCache(*cache, file, options());
        QVERIFY(again.ok());
        QVERIFY(again->report.duplicateFile);
        QCOMPARE(qint64(again->claimsUnchanged), wantTotal);
        QCOMPARE(again->claimsNew + again->claimsUpdated, std::uint64_t(0));
        QCOMPARE(cached(*cache, "claims", "adjudication"), std::make_pair(wantTotal, qint64(want.rows().size())));

        // The same claims without their claim_ref (the last column) have no identity: appended.
        const QString noRef = dir.filePath(QStringLiteral("no-ref.csv"));
        {
            QFile in(file), out(noRef);
            QVERIFY(in.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly));
            while (!in.atEnd()) {
                const QByteArray line = in.readLine();
                out.write(line.left(line.lastIndexOf(',')) + '\n');
            }
        }
        auto second = importer::ClaimImporter::importToCache(*cache, noRef, options());
        QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().message));
        QCOMPARE(qint64(second->claimsNew), wantTotal);
        QCOMPARE(qint64(second->claimsWithoutRef), wantTotal);
        QCOMPARE(cached(*cache, "claims", "adjudication"), std::make_pair(2 * wantTotal, qint64(want.rows().size())));
        QCOMPARE(cached(*cache, "denied", "decided").first, 2 * wantDenied);

        const QString bad = dir.filePath(QStringLiteral("bad.csv"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("payer,cpt,submitted_date,decided_date,outcome\n,99213,2026-01-05,2026-01-20,PAID\n");
        f.close();
        auto rejected = importer::ClaimImporter::importToCache(*cache, bad, options());
        QVERIFY(!rejected.ok());
        QVERIFY2(rejected.error().message.contains(QLatin1String("missing_fields 1")),
                 qPrintable(rejected.error().message));
        QCOMPARE(cached(*cache, "claims", "adjudication"), std::make_pair(2 * wantTotal, qint64(want.rows().size())));
    }
};

QTEST_GUILESS_MAIN(TstImportWorkspaceMergesDailyAggregates)
#include "tst_import_workspace_merges_daily_aggregates.moc"
