// Proves (issue 17): the import wizard compares a file with the target's earlier uploads while it validates. On a
// real encrypted workspace holding three uploads of the last 30 days (100, 120 and 80 rows, 95 % PAID) and an older
// one outside both windows (tests/support/UploadHistoryData.h), storage::uploadHistory reads exactly that history
// relative to the validator's import day, and the wizard's live validation of a 220-row file in the default mix
// reports a high volume anomaly with z = 6 and a medium outcome shift of 20 points on PAID, shown on the quality
// page. Controls: a workspace with no uploads, and the same workspace judged as of a day 90 days later (every
// upload outside the window), give neither anomaly for the same file.
#include "UploadHistoryData.h"

#include "import/ImportWizard.h"
#include "storage/cache/WorkspaceImportStore.h"

#include <QAbstractButton>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;
using views::ImportWizard;

namespace {

// The workspace side of WorkstationSession::importTarget(): the same storage calls, without the session.
importer::ImportTarget workspaceTarget(storage::LocalCache &cache)
{
    importer::ImportTarget t;
    t.mappings = [&cache] { return storage::listMappings(cache); };
    t.importedBefore = [&cache](const QByteArray &sha256) { return storage::importedBefore(cache, sha256); };
    t.uploadHistory = [&cache](std::int32_t importDay) { return storage::uploadHistory(cache, importDay); };
    return t;
}

// Validates `csv` in the wizard as of `importDay` and stops on the quality page.
void validateInWizard(ImportWizard &w, const QString &csv, const QDate &importDay)
{
    importer::ValidatorConfig config;
    config.importDay = test::epochDay(importDay);
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

const quality::Anomaly *find(const std::vector<quality::Anomaly> &anomalies, const char *type)
{
    for (const quality::Anomaly &a : anomalies)
        if (a.type == type)
            return &a;
    return nullptr;
}

QStringList anomalyRows(ImportWizard &w)
{
    auto *table = w.findChild<QTableWidget *>(QStringLiteral("anomalyTable"));
    QStringList rows;
    for (int r = 0; table && r < table->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < table->columnCount(); ++c)
            cells << (table->item(r, c) ? table->item(r, c)->text() : QString());
        rows << cells.join(QLatin1Char('|'));
    }
    return rows;
}

} // namespace

class TstImportHistoryAnomaliesLive : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QString current;
    const QByteArray key = QByteArray(32, '\x5a'); // an encrypted workspace, as the workstation opens it

private slots:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        current = dir.filePath(QStringLiteral("current.csv"));
        QVERIFY(test::writeCurrentUpload(current));
    }

    void historyReadRelativeToTheImportDay()
    {
        auto cache = storage::LocalCache::open(dir.filePath(QStringLiteral("read.db")), key);
        QVERIFY(cache.ok());
        QCOMPARE(test::seedWorkspaceHistory(*cache, dir.path()), QString());
        auto h = storage::uploadHistory(*cache, test::epochDay(test::kHistoryImportDay));
        QVERIFY2(h.ok(), qPrintable(h.ok() ? QString() : h.error().message));
        QCOMPARE(h->rowCountsLast30Days, (std::vector<std::uint64_t>{100, 120, 80}));
        QCOMPARE(h->acceptedRowsLast30Days.value_or(0), std::uint64_t(300));
        QVERIFY(h->trailing90DayMix.has_value());
        QVERIFY(qAbs(h->trailing90DayMix->paid - 0.95) < 1e-12);
        QVERIFY(qAbs(h->trailing90DayMix->denied - 0.05) < 1e-12);
        QCOMPARE(h->trailing90DayMix->other, 0.0);
        // P1's outcome shift against the default mix is the one anomaly stored in the window.
        QCOMPARE(h->anomaliesLast30Days, 1);
        // As of D+90 nothing is recent: no upload in the 30 days, no claim decided in the 90 days.
        auto later = storage::uploadHistory(*cache, test::epochDay(test::kHistoryImportDay.addDays(90)));
        QVERIFY(later.ok());
        QVERIFY(later->rowCountsLast30Days.empty());
        QVERIFY(!later->trailing90DayMix.has_value());
        // As of D-30 only the old upload (D-40) is in the window, and its claims (decided D-120) are not.
        auto earlier = storage::uploadHistory(*cache, test::epochDay(test::kHistoryImportDay.addDays(-30)));
        QVERIFY(earlier.ok());
        QCOMPARE(earlier->rowCountsLast30Days, (std::vector<std::uint64_t>{200}));
        QVERIFY(!earlier->trailing90DayMix.has_value());
    }

    void wizardShowsVolumeAndOutcomeShiftLive()
    {
        auto cache = storage::LocalCache::open(dir.filePath(QStringLiteral("live.db")), key);
        QVERIFY(cache.ok());
        QCOMPARE(test::seedWorkspaceHistory(*cache, dir.path()), QString());

        ImportWizard w;
        w.setImportTarget(workspaceTarget(*cache));
        validateInWizard(w, current, test::kHistoryImportDay);
        QVERIFY(w.historyError.isEmpty());
        const importer::ValidationReport &r = *w.report;
        QCOMPARE(r.totalRows, std::uint64_t(220));
        QCOMPARE(r.accepted, std::uint64_t(220));
        QCOMPARE(r.anomalies.size(), std::size_t(2));
        const quality::Anomaly *volume = find(r.anomalies, "volume");
        QVERIFY(volume);
        QVERIFY2(qAbs(volume->value - test::kExpectedVolumeZ) < 1e-9, qPrintable(QString::number(volume->value)));
        QCOMPARE(volume->severity, quality::Severity::High);
        const quality::Anomaly *shift = find(r.anomalies, "outcome_shift");
        QVERIFY(shift);
        QCOMPARE(shift->subject, std::string("PAID"));
        QVERIFY2(qAbs(shift->value - test::kExpectedPaidDeviation) < 1e-9, qPrintable(QString::number(shift->value)));
        QCOMPARE(shift->severity, quality::Severity::Medium);

        // The quality page lists both, in the analyst's terms.
        const QStringList rows = anomalyRows(w);
        QCOMPARE(rows.size(), 2);
        QVERIFY2(rows.contains(QStringLiteral("Unusual volume|High|6.0 standard deviations from this customer's last "
                                              "30 days of uploads")),
                 qPrintable(rows.join(QLatin1Char('\n'))));
        QVERIFY2(rows.contains(QStringLiteral("Outcome mix shifted|Medium|PAID share differs by 20.0 points from the "
                                              "90-day mix")),
                 qPrintable(rows.join(QLatin1Char('\n'))));
        // The health score counts the history's uploads and anomalies: 1 stored + 2 now, over 4 uploads.
        QCOMPARE(r.health.uploads, 4);
        QCOMPARE(r.health.openAnomalies, 3);
        QVERIFY(w.findChild<QLabel *>(QStringLiteral("qualityHealth"))->text().contains(QLatin1String("Health score")));
    }

    void noHistoryNoVolumeOrShift()
    {
        // A workspace with no uploads: the same file, no volume anomaly and no shift from the default mix.
        auto cache = storage::LocalCache::open(dir.filePath(QStringLiteral("empty.db")), key);
        QVERIFY(cache.ok());
        ImportWizard w;
        w.setImportTarget(workspaceTarget(*cache));
        validateInWizard(w, current, test::kHistoryImportDay);
        QCOMPARE(w.report->totalRows, std::uint64_t(220));
        QVERIFY(!find(w.report->anomalies, "volume"));
        QVERIFY(!find(w.report->anomalies, "outcome_shift"));
        QVERIFY(w.report->anomalies.empty());
        QCOMPARE(anomalyRows(w), QStringList{QStringLiteral("No anomalies||")});
        QCOMPARE(w.report->health.uploads, 1);
    }

    void historyOutsideTheWindowsIsIgnored()
    {
        // The seeded workspace judged as of D+90: its uploads and decided claims are all too old.
        auto cache = storage::LocalCache::open(dir.filePath(QStringLiteral("live.db")), key);
        QVERIFY(cache.ok());
        ImportWizard w;
        w.setImportTarget(workspaceTarget(*cache));
        validateInWizard(w, current, test::kHistoryImportDay.addDays(90));
        QCOMPARE(w.report->totalRows, std::uint64_t(220));
        QVERIFY(w.report->anomalies.empty());
    }
};

QTEST_MAIN(TstImportHistoryAnomaliesLive)
#include "tst_import_history_anomalies_live.moc"
