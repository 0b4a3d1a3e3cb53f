// Proves the recompute dialog on a real local workspace (SQLCipher, created through the keychain like the
// workstation's) holding imported claims (the demo generator, fixed seed and as-of date, through the real importer):
//  - with only DelayGuard ticked and a chosen as-of date, the engines run on a thread that is not the GUI thread,
//    progress arrives step by step (increasing fractions, the product's step text), and the stored signals are
//    exactly DelayGuard's at that date — the ones the engines find in-process on the same aggregates — with
//    window_end = the chosen date and their alerts raised;
//  - a run cancelled after its signals and alerts were written but before the commit leaves every stored signal,
//    alert and daily aggregate as it was (the dialog says nothing was written);
//  - positive control: the same run not cancelled changes them (all three products at the data's own date).
#include "Screenshot.h"

#include "compute/RecomputeRunner.h"
#include "demo/DemoDataGenerator.h"
#include "engines/SignalEngines.h"
#include "importer/ClaimImporter.h"
#include "recompute/RecomputeDialog.h"
#include "storage/cache/AggregateStore.h"
#include "storage/cache/LocalCache.h"
#include "workspace/WorkspaceAccess.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QElapsedTimer>
#include <QLabel>
#include <QMutex>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <set>

using namespace upstream;

namespace {

const QDate kDataAsOf(2026, 3, 2);    // the demo export's day: the data's own as-of date
const QDate kChosenAsOf(2026, 2, 26); // a replay four days earlier

// Every stored signal and alert as text, for "nothing changed" comparisons (computed_at included).
QStringList snapshot(storage::LocalCache &cache)
{
    QStringList out;
    for (const char *sql :
         {"SELECT id || '|' || product || '|' || window_end || '|' || severity || '|' || computed_at FROM signals",
          "SELECT id || '|' || signal_id || '|' || status || '|' || created_at FROM alerts",
          "SELECT kind || '|' || payer || '|' || cpt_group || '|' || reason || '|' || day || '|' || lag || '|' || data "
          "FROM daily_aggregates"}) {
        auto q = cache.db().prepare(QString::fromLatin1(sql));
        if (!q.ok())
            return {q.error().message};
        (void)q->forEachRow([&] { out << q->text(0); });
    }
    out.sort();
    return out;
}

QSet<QString> column(storage::LocalCache &cache, const char *sql)
{
    QSet<QString> out;
    auto q = cache.db().prepare(QString::fromLatin1(sql));
    if (q.ok())
        (void)q->forEachRow([&] { out.insert(q->text(0)); });
    return out;
}

} // namespace

class TstRecomputeDialogRunsOffGuiThread : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    std::shared_ptr<storage::LocalCache> cache;
    engines::AggregateSet aggregates;

    void choose(views::RecomputeDialog &d, bool driftWatch, bool denialScope, bool delayGuard, QDate asOf)
    {
        d.findChild<QCheckBox *>(QStringLiteral("productDriftWatch"))->setChecked(driftWatch);
        d.findChild<QCheckBox *>(QStringLiteral("productDenialScope"))->setChecked(denialScope);
        d.findChild<QCheckBox *>(QStringLiteral("productDelayGuard"))->setChecked(delayGuard);
        if (asOf.isValid()) {
            QTest::mouseClick(d.findChild<QRadioButton *>(QStringLiteral("asOfChosenDate")), Qt::LeftButton);
            auto *date = d.findChild<QDateEdit *>(QStringLiteral("asOfDate"));
            QVERIFY(date->isEnabled());
            date->setDate(asOf);
        } else {
            QTest::mouseClick(d.findChild<QRadioButton *>(QStringLiteral("asOfDataDate")), Qt::LeftButton);
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        auto ws = workspace::createWorkspaceBlocking(dir.filePath(QStringLiteral("workspace")),
                                                     QStringLiteral("correct horse battery staple"));
        QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().message));
        cache = ws.value().cache;

        demo::DemoConfig config;
        config.rows = 60'000;
        config.seed = 17;
        config.payers = 24;
        config.asOf = kDataAsOf;
        const QString csv = dir.filePath(QStringLiteral("claims.csv"));
        QVERIFY(demo::DemoDataGenerator(config).writeCsv(csv).ok());
        importer::ImportOptions options;
        options.validation.validator.importDay = std::int32_t(QDate(1970, 1, 1).daysTo(kDataAsOf));
        auto imported = importer::ClaimImporter::importToCache(*cache, csv, options);
        QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().message));
        QVERIFY(imported->report.accepted > 50'000);
        auto set = storage::loadAggregates(*cache);
        QVERIFY(set.ok());
        aggregates = std::move(set.value());
        QCOMPARE(engines::defaultAsOf(aggregates), kDataAsOf);
        QVERIFY(snapshot(*cache).filter(QStringLiteral("|")).size() > 0); // aggregates, no signal yet
        QVERIFY(column(*cache, "SELECT id FROM signals").isEmpty());
    }

    void delayGuardAtAChosenDateRunsOnAWorker()
    {
        views::RecomputeDialog d([this] { return compute::RecomputeTarget::onWorkspace(*cache); });
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        // Defaults: every product, the data's own date.
        for (const char *name : {"productDriftWatch", "productDenialScope", "productDelayGuard"})
            QVERIFY(d.findChild<QCheckBox *>(QLatin1String(name))->isChecked());
        QVERIFY(d.findChild<QRadioButton *>(QStringLiteral("asOfDataDate"))->isChecked());
        QVERIFY(!d.findChild<QDateEdit *>(QStringLiteral("asOfDate"))->isEnabled());
        choose(d, false, false, true, kChosenAsOf);

        QMutex mu;
        std::set<QThread *> engineThreads;
        d.runner()->workerStepHook = [&](const compute::ComputeStep &step) {
            if (step.stage == compute::ComputeStage::RunningProduct) {
                QMutexLocker lock(&mu);
                engineThreads.insert(QThread::currentThread());
            }
        };
        std::vector<compute::RecomputeProgress> progress;
        std::vector<compute::ComputeReport> finished;
        int recomputed = 0;
        connect(d.runner(), &compute::RecomputeRunner::progress, this,
                [&](const compute::RecomputeProgress &p) { progress.push_back(p); });
        connect(d.runner(), &compute::RecomputeRunner::finished, this,
                [&](const compute::ComputeReport &r) { finished.push_back(r); });
        connect(&d, &views::RecomputeDialog::recomputed, this, [&] { ++recomputed; });
        auto *start = d.findChild<QPushButton *>(QStringLiteral("recomputeStart"));
        QVERIFY(start->isEnabled());
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(start, Qt::LeftButton); // opens the worker's connection, starts the thread, returns
        const double startMs = double(clock.nsecsElapsed()) / 1e6;
        QVERIFY(d.runner()->isRunning());
        QVERIFY(!d.findChild<QCheckBox *>(QStringLiteral("productDelayGuard"))->isEnabled()); // locked while running
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), std::size_t(1), 60000);
        const double runMs = double(clock.nsecsElapsed()) / 1e6;
        QCOMPARE(recomputed, 1);

        {
            QMutexLocker lock(&mu);
            QCOMPARE(engineThreads.size(), std::size_t(1));
            QVERIFY(*engineThreads.begin() != QThread::currentThread());
            QVERIFY(*engineThreads.begin() != qApp->thread());
        }
        // Progress: reading aggregates, DelayGuard, writing — fractions increasing; the bar ends full.
        QVERIFY2(progress.size() >= 3, qPrintable(QString::number(progress.size())));
        double last = -1;
        QStringList steps;
        for (const compute::RecomputeProgress &p : progress) {
            QVERIFY(p.fraction > last);
            last = p.fraction;
            steps << p.step;
        }
        QVERIFY2(steps.contains(QStringLiteral("Running DelayGuard…")), qPrintable(steps.join(QLatin1String(" / "))));
        QVERIFY(!steps.join(QString()).contains(QLatin1String("DriftWatch")));
        QCOMPARE(d.findChild<QProgressBar *>(QStringLiteral("recomputeProgress"))->value(),
                 d.findChild<QProgressBar *>(QStringLiteral("recomputeProgress"))->maximum());

        // Stored: only DelayGuard, window_end = the chosen date, exactly the engines' signals at that date.
        const compute::ComputeReport &report = finished.front();
        QCOMPARE(report.asOf, kChosenAsOf);
        const auto want = engines::run(aggregates, engines::Product::DelayGuard, kChosenAsOf);
        QVERIFY2(!want.empty(), "the demo data has no DelayGuard signal at the chosen date");
        QSet<QString> wantIds;
        for (const auto &s : want)
            wantIds.insert(s.fingerprint);
        QCOMPARE(column(*cache, "SELECT id FROM signals"), wantIds);
        QCOMPARE(column(*cache, "SELECT DISTINCT product FROM signals"), QSet<QString>{QStringLiteral("delayguard")});
        QCOMPARE(column(*cache, "SELECT DISTINCT window_end FROM signals"),
                 QSet<QString>{kChosenAsOf.toString(Qt::ISODate)});
        QCOMPARE(report.signalsInserted, int(want.size()));
        QVERIFY(report.alertsCreated > 0);
        QCOMPARE(column(*cache, "SELECT id FROM alerts").size(), qsizetype(report.alertsCreated));
        const QString result = d.findChild<QLabel *>(QStringLiteral("recomputeResult"))->text();
        QVERIFY2(result.contains(QStringLiteral("Signals found: %1 (%1 new, 0 updated). Alerts created: %2.")
                                     .arg(want.size())
                                     .arg(report.alertsCreated)) &&
                     result.contains(kChosenAsOf.toString(Qt::ISODate)),
                 qPrintable(result));
        QVERIFY(!test::saveScreenshot(&d, QStringLiteral("recompute-dialog-finished")).isEmpty());
        qInfo("DelayGuard as of %s: %d signals, %d alerts, %lld progress steps; GUI thread in Start %.1f ms, run "
              "%.0f ms",
              qPrintable(kChosenAsOf.toString(Qt::ISODate)), int(want.size()), report.alertsCreated,
              qlonglong(progress.size()), startMs, runMs);
    }

    void cancelledRunWritesNothingFinishedRunDoes()
    {
        const QStringList before = snapshot(*cache);
        QVERIFY(!before.isEmpty());

        views::RecomputeDialog d([this] { return compute::RecomputeTarget::onWorkspace(*cache); });
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        choose(d, true, true, true, QDate()); // every product at the data's own date: a run that changes things

        // Hold the worker when it is about to write, press Cancel, let it go: it writes signals, alerts and
        // aggregates inside its transaction, sees the cancel before the commit and rolls everything back.
        QSemaphore held, release;
        std::atomic<bool> holdAtWrite{true};
        d.runner()->workerStepHook = [&](const compute::ComputeStep &step) {
            if (step.stage == compute::ComputeStage::WritingSignals && holdAtWrite.load()) {
                held.release();
                release.acquire();
            }
        };
        QSignalSpy cancelled(d.runner(), &compute::RecomputeRunner::cancelled);
        std::vector<compute::ComputeReport> finished;
        connect(d.runner(), &compute::RecomputeRunner::finished, this,
                [&](const compute::ComputeReport &r) { finished.push_back(r); });
        QTest::mouseClick(d.findChild<QPushButton *>(QStringLiteral("recomputeStart")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(held.available() == 1, 60000);
        QApplication::processEvents(); // the progress posted before the hold
        QVERIFY(!test::saveScreenshot(&d, QStringLiteral("recompute-dialog-running")).isEmpty());
        auto *cancel = d.findChild<QPushButton *>(QStringLiteral("recomputeCancel"));
        QVERIFY(cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        release.release();
        QVERIFY(cancelled.wait(60000));
        QCOMPARE(finished.size(), std::size_t(0));
        QVERIFY(!d.runner()->isRunning());
        QCOMPARE(snapshot(*cache), before);
        QVERIFY2(d.findChild<QLabel *>(QStringLiteral("recomputeResult"))->text().contains(QLatin1String("nothing")),
                 qPrintable(d.findChild<QLabel *>(QStringLiteral("recomputeResult"))->text()));

        // Positive control: the same run, not cancelled, changes the stored signals.
        holdAtWrite = false;
        QTest::mouseClick(d.findChild<QPushButton *>(QStringLiteral("recomputeStart")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), std::size_t(1), 60000);
        const compute::ComputeReport &report = finished.front();
        QCOMPARE(report.asOf, kDataAsOf);
        QVERIFY(snapshot(*cache) != before);
        QCOMPARE(
            column(*cache, "SELECT DISTINCT product FROM signals"),
            (QSet<QString>{QStringLiteral("driftwatch"), QStringLiteral("denialscope"), QStringLiteral("delayguard")}));
        QVERIFY(column(*cache, "SELECT DISTINCT window_end FROM signals").contains(kDataAsOf.toString(Qt::ISODate)));
        QCOMPARE(qsizetype(report.found.size()),
                 column(*cache, "SELECT id FROM signals WHERE as_of = '2026-03-02'").size());
        qInfo("all products as of %s: %d signals (%d new), %d alerts", qPrintable(kDataAsOf.toString(Qt::ISODate)),
              int(report.found.size()), report.signalsInserted, report.alertsCreated);
    }
};

QTEST_MAIN(TstRecomputeDialogRunsOffGuiThread)
#include "tst_recompute_dialog_runs_off_gui_thread.moc"
