// Proves: the dashboard's signal table model passes QAbstractItemModelTester through loads, sorts, filters and
// clears; every sortable column comes out ordered; every filter keeps exactly the rows a brute-force check keeps;
// KPIs and top payers add up; a verdict writes judgment + alert status + outbox + audit in one transaction,
// resubmitting updates the single judgment, and undo restores the previous state; the evidence JSON round-trips
// and its CSV export carries the figures; the synthetic DelayGuard evidence has both signal types with consistent
// O, E, Δ and curves; the engines' own evidence (SPEC 6's DelayGuard reference case, computed into a cache) reaches
// the table (O / E, overdue $) and the deep dive's detail unchanged; signal types read as words; the freshness line
// states the as-of date, the last data day and its age, and the windows line the date the windows are keyed on.
#include "SyntheticSignals.h"
#include "compute/ComputeSignals.h"
#include "dashboard/DashboardSummary.h"
#include "dashboard/SignalEvidence.h"
#include "dashboard/SignalTableModel.h"
#include "dashboard/TriageService.h"
#include "engines/DailyAggregate.h"
#include "storage/cache/LocalCache.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;
using namespace upstream::dashboard;

class TstDashboardModels : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::optional<storage::LocalCache> m_cache;

    qint64 scalar(const QString &sql)
    {
        auto q = m_cache->db().prepare(sql);
        if (!q.ok() || !q->step().ok())
            return -1;
        return q->int64(0);
    }

private slots:
    void initTestCase()
    {
        auto c = storage::LocalCache::open(m_dir.filePath(QStringLiteral("cache.db")), QByteArray(32, '\x5a'));
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message));
        m_cache.emplace(std::move(c.value()));
        SyntheticOptions o;
        o.driftWatch = 600;
        o.judgedShare = 0.3;
        QVERIFY(fillSyntheticSignals(*m_cache, o).ok());
    }

    void modelPassesTesterThroughSortFilterAndClear()
    {
        auto rows = loadSignalRows(*m_cache, kDriftWatch, {QDate(2026, 11, 16)});
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 600);
        SignalTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(std::move(rows.value()));
        QCOMPARE(model.rowCount(), 600);
        for (int c = 0; c < SignalTableModel::ColumnCount; ++c) {
            model.sort(c, Qt::AscendingOrder);
            model.sort(c, Qt::DescendingOrder);
        }
        SignalFilter f;
        f.text = QStringLiteral("imag");
        model.setFilter(f);
        QVERIFY(model.rowCount() > 0 && model.rowCount() < 600);
        model.setFilter({});
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void everyColumnSortsInOrder()
    {
        auto rows = loadSignalRows(*m_cache, kDriftWatch, {QDate(2026, 11, 16)});
        QVERIFY(rows.ok());
        SignalTableModel model;
        model.setRows(std::move(rows.value()));
        const SignalRows &d = model.rows();
        for (int c : {int(SignalTableModel::Dollars), int(SignalTableModel::Delta), int(SignalTableModel::PValue),
                      int(SignalTableModel::Confidence), int(SignalTableModel::Baseline)}) {
            model.sort(c, Qt::AscendingOrder);
            for (int r = 1; r < model.rowCount(); ++r)
                QVERIFY(model.index(r - 1, c).data(SignalTableModel::SortValueRole).toDouble() <=
                        model.index(r, c).data(SignalTableModel::SortValueRole).toDouble());
        }
        model.sort(SignalTableModel::Payer, Qt::DescendingOrder);
        for (int r = 1; r < model.rowCount(); ++r)
            QVERIFY(QString::localeAwareCompare(model.index(r - 1, SignalTableModel::Payer).data().toString(),
                                                model.index(r, SignalTableModel::Payer).data().toString()) >= 0);
        model.sort(SignalTableModel::Severity, Qt::DescendingOrder);
        QCOMPARE(model.index(0, 0).data(SignalTableModel::SeverityRole).toInt(), int(Severity::Critical));
        QCOMPARE(model.index(model.rowCount() - 1, 0).data(SignalTableModel::SeverityRole).toInt(),
                 int(d.severity[size_t(model.sourceRow(model.rowCount() - 1))]));
    }

    void filtersKeepExactlyMatchingRows()
    {
        auto rows = loadSignalRows(*m_cache, kDriftWatch, {QDate(2026, 11, 16)});
        QVERIFY(rows.ok());
        SignalTableModel model;
        model.setRows(std::move(rows.value()));
        const SignalRows &d = model.rows();
        SignalFilter f;
        f.severityMask = (1u << unsigned(Severity::Critical)) | (1u << unsigned(Severity::High));
        f.statusMask = 1u << unsigned(AlertStatus::Pending);
        f.text = QStringLiteral("lab");
        auto keeps = [&](size_t i) {
            const bool sev = d.severity[i] == Severity::Critical || d.severity[i] == Severity::High;
            // The signal type matches by its id or by the words the table shows.
            const bool text =
                d.groups.entries[d.group[i]].contains(QLatin1String("lab"), Qt::CaseInsensitive) ||
                d.payers.entries[d.payer[i]].contains(QLatin1String("lab"), Qt::CaseInsensitive) ||
                d.signalTypes.entries[d.signalType[i]].contains(QLatin1String("lab"), Qt::CaseInsensitive) ||
                d.signalTypeLabels[d.signalType[i]].contains(QLatin1String("lab"), Qt::CaseInsensitive);
            return sev && d.status[i] == AlertStatus::Pending && text;
        };
        for (int r = 0; r < d.size() && !f.payer; ++r)
            if (keeps(size_t(r)))
                f.payer = d.payer[size_t(r)]; // a payer the filter keeps rows of
        QVERIFY(f.payer);
        model.setFilter(f);
        int expected = 0;
        for (int r = 0; r < d.size(); ++r)
            expected += keeps(size_t(r)) && d.payer[size_t(r)] == *f.payer;
        QVERIFY(expected > 0);
        QCOMPARE(model.rowCount(), expected);
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.index(r, SignalTableModel::Status).data(SignalTableModel::StatusRole).toInt(),
                     int(AlertStatus::Pending));
        SignalFilter dates;
        dates.from = QDate(2026, 11, 17);
        model.setFilter(dates);
        QCOMPARE(model.rowCount(), 0); // every window ends on the as-of date 2026-11-16
        dates.from = QDate(2026, 11, 16);
        dates.to = QDate(2026, 11, 16);
        model.setFilter(dates);
        QCOMPARE(model.rowCount(), d.size());
    }

    void kpisAndTopPayersAddUp()
    {
        auto rows = loadSignalRows(*m_cache, kDelayGuard, {QDate(2026, 11, 16)});
        QVERIFY(rows.ok());
        const Kpis k = computeKpis(rows.value(), true);
        QCOMPARE(k.total, 40);
        QVERIFY(k.open > 0 && k.critical + k.high <= k.open);
        QVERIFY(k.deltaInDays);
        QVERIFY(k.averageDelta >= 2.0);
        const auto top = topPayers(rows.value(), 100);
        double sum = 0;
        int count = 0;
        for (const auto &t : top) {
            sum += t.dollars;
            count += t.signalCount;
        }
        QCOMPARE(count, 40);
        QVERIFY(qAbs(sum - k.dollars) < 0.01);
        auto ledger = ledgerTiles(*m_cache, kDriftWatch, QDate(2026, 11, 16));
        QVERIFY(ledger.ok());
        QCOMPARE(qint64(ledger->open + ledger->inProgress + ledger->recovered + ledger->writtenOff),
                 scalar(QStringLiteral("SELECT count(*) FROM ledger_entries WHERE product = 'driftwatch'")));
        auto trend = productTrend(*m_cache, kDriftWatch, QStringLiteral("denial_rate"));
        QVERIFY(trend.ok());
        QCOMPARE(int(trend->size()), 104); // baseline + current windows, one point per day
    }

    void verdictWritesAllRowsInOneTransactionUndoesAndRedoes()
    {
        const QString a1 = QStringLiteral("al-dg-0000000"), a2 = QStringLiteral("al-dg-0000001");
        QVERIFY(scalar(QStringLiteral("SELECT count(*) FROM alerts WHERE id IN ('%1','%2')").arg(a1, a2)) == 2);
        (void)m_cache->db().exec(QStringLiteral("DELETE FROM judgments WHERE alert_id IN ('%1','%2')").arg(a1, a2));
        (void)m_cache->db().exec(
            QStringLiteral("UPDATE alerts SET status = 'pending' WHERE id IN ('%1','%2')").arg(a1, a2));
        TriageService triage(&*m_cache, QStringLiteral("tester"), QStringLiteral("ws-1"));
        const qint64 outbox0 = scalar(QStringLiteral("SELECT count(*) FROM outbox"));
        const qint64 v0 = scalar(QStringLiteral("SELECT version FROM alerts WHERE id = '%1'").arg(a1));
        QVERIFY(triage.apply({a1, a2}, {QStringLiteral("noise"), QStringLiteral("false_positive"), {}}).ok());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM alerts WHERE status = 'resolved' AND id IN ('%1','%2')")
                            .arg(a1, a2)),
                 2);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox")), outbox0 + 2);
        QCOMPARE(
            scalar(
                QStringLiteral("SELECT base_version FROM outbox WHERE entity_id = '%1' AND kind = 'verdict'").arg(a1)),
            v0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_queue WHERE action = 'verdict'")), 2);
        // Resubmitting updates the one judgment of this operator.
        QVERIFY(triage
                    .apply({a1}, {QStringLiteral("real"), QStringLiteral("payer_policy_change"),
                                  QStringLiteral("call payer")})
                    .ok());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM judgments WHERE alert_id = '%1'").arg(a1)), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT version FROM judgments WHERE alert_id = '%1'").arg(a1)), 2);
        QCOMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM alerts WHERE id = '%1' AND status = 'acknowledged'").arg(a1)),
            1);
        // Sequence numbers strictly increase.
        QCOMPARE(scalar(QStringLiteral("SELECT count(DISTINCT seq) = count(*) AND MAX(seq) = count(*) FROM outbox")),
                 1);
        // Undo the resubmission: back to noise/resolved; undo again: no judgment, pending.
        QVERIFY(triage.undoLast().ok());
        QCOMPARE(
            scalar(
                QStringLiteral("SELECT count(*) FROM judgments WHERE alert_id = '%1' AND verdict = 'noise'").arg(a1)),
            1);
        QVERIFY(triage.undoLast().ok());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM judgments WHERE alert_id IN ('%1','%2')").arg(a1, a2)), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM alerts WHERE status = 'pending' AND id IN ('%1','%2')")
                            .arg(a1, a2)),
                 2);
        QVERIFY(!triage.canUndo());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'verdict_undo'")), 3);
        // Redo records the undone steps again, oldest undo last: first noise on both, then real on a1.
        QVERIFY(triage.canRedo());
        QCOMPARE(triage.nextRedoAlertIds(), QStringList({a1, a2}));
        const qint64 verdicts0 = scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'verdict'"));
        QVERIFY(triage.redoLast().ok());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM judgments WHERE verdict = 'noise' AND alert_id IN "
                                       "('%1','%2')")
                            .arg(a1, a2)),
                 2);
        QVERIFY(triage.redoLast().ok());
        QCOMPARE(scalar(QStringLiteral("SELECT verdict = 'real' FROM judgments WHERE alert_id = '%1'").arg(a1)), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'verdict'")), verdicts0 + 3);
        QVERIFY(!triage.canRedo());
        QVERIFY(!triage.redoLast().ok());
        // Undo (a1 back to noise) then a new verdict: the undone step can no longer be redone.
        QVERIFY(triage.undoLast().ok());
        QVERIFY(triage.canRedo());
        QVERIFY(triage.apply({a2}, {QStringLiteral("needs_followup"), {}, {}}).ok());
        QVERIFY(!triage.canRedo());
        QVERIFY(triage.undoLast().ok()); // a2 back to noise
        QVERIFY(triage.undoLast().ok()); // both back to pending, no judgment
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM judgments WHERE alert_id IN ('%1','%2')").arg(a1, a2)), 0);
        QVERIFY(!triage.canUndo());
        // A failing alert in the batch rolls the whole batch back.
        const qint64 outbox1 = scalar(QStringLiteral("SELECT count(*) FROM outbox"));
        QVERIFY(!triage.apply({a1, QStringLiteral("missing")}, {QStringLiteral("real"), {}, {}}).ok());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox")), outbox1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM judgments WHERE alert_id = '%1'").arg(a1)), 0);
        QVERIFY(!triage.apply({a1}, {QStringLiteral("maybe"), {}, {}}).ok());
        auto entry = triage.openLedgerEntry(a1);
        QVERIFY(entry.ok());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM ledger_entries WHERE id = '%1' AND state = 'open'")
                            .arg(entry.value())),
                 1);
    }

    void contextBadgeComesFromSimilarSignals()
    {
        auto rows = loadSignalRows(*m_cache, kDriftWatch, {QDate(2026, 11, 16)});
        QVERIFY(rows.ok());
        int withBadge = 0;
        for (int r = 0; r < rows->size(); ++r)
            if (!rows->contextBadge(r).isEmpty())
                ++withBadge;
        QVERIFY(withBadge > 0);
    }

    void evidenceRoundTripsAndExports()
    {
        auto detail = loadSignalDetail(*m_cache, QStringLiteral("dw-0000003"));
        QVERIFY(detail.ok());
        QCOMPARE(detail->evidence.currentTo, QDate(2026, 11, 16));
        QCOMPARE(detail->evidence.currentFrom, QDate(2026, 11, 2));
        QCOMPARE(int(detail->evidence.series.size()), 104);
        auto again = parseEvidence(evidenceToJson(detail->evidence));
        QVERIFY(again.ok());
        QCOMPARE(again->baselineN, detail->evidence.baselineN);
        const QString csv = QString::fromUtf8(detail->toCsv());
        QVERIFY(csv.contains(QStringLiteral("p_value,")));
        QVERIFY(csv.contains(QStringLiteral("2026-11-15,")));
        QVERIFY(detail->plainExplanation().join(u' ').contains(detail->payer));
        QVERIFY(!parseEvidence("{not json").ok());
    }
    void delayGuardSyntheticSignalsCarryConsistentDelayEvidence()
    {
        auto rows = loadSignalRows(*m_cache, kDelayGuard, {QDate(2026, 11, 16)});
        QVERIFY(rows.ok());
        QVERIFY(rows->hasDelayFigures());
        QCOMPARE(rows->signalTypes.entries.size(), 2);
        QVERIFY(rows->signalTypes.entries.contains(QStringLiteral("adjudication_delay")));
        QVERIFY(rows->signalTypes.entries.contains(QStringLiteral("payment_delay")));
        SignalTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(std::move(rows.value()));
        const SignalRows &d = model.rows();
        int checked = 0;
        for (int r = 0; r < d.size(); ++r) {
            const size_t i = size_t(r);
            QVERIFY(d.observed[i] < d.expected[i]);      // slower: fewer finished than expected
            QCOMPARE(d.overdueDollars[i], d.dollars[i]); // dollars at risk are the overdue claims' dollars
            QCOMPARE(d.current[i], d.baseline[i] + d.delta[i]);
            QVERIFY(d.delta[i] >= 2.0);
            auto detail = loadSignalDetail(*m_cache, d.signalId[i]);
            QVERIFY(detail.ok());
            const Evidence &e = detail->evidence;
            QVERIFY(e.delay);
            QCOMPARE(e.keyedOn, detail->signalType == QLatin1String("payment_delay")
                                    ? QStringLiteral("decided_date")
                                    : QStringLiteral("submitted_date"));
            QCOMPARE(e.currentFrom, QDate(2026, 10, 19)); // cohort [T−28, T)
            QCOMPARE(e.baselineFrom, QDate(2026, 7, 21)); // reference [T−118, T−28)
            QCOMPARE(int(e.delay->referenceCurve.size()), 29);
            QCOMPARE(int(e.delay->cohortCurve.size()), 29);
            for (size_t a = 1; a < e.delay->referenceCurve.size(); ++a)
                QVERIFY(e.delay->referenceCurve[a].share >= e.delay->referenceCurve[a - 1].share);
            QCOMPARE(e.delay->observed, d.observed[i]);
            QVERIFY(e.delay->overdueClaims <= e.delay->unfinished);
            QVERIFY(e.delay->unfinished + qint64(e.delay->observed) == e.currentN);
            auto again = parseEvidence(evidenceToJson(e));
            QVERIFY(again.ok() && again->delay);
            QCOMPARE(again->delay->cohortCurve.size(), e.delay->cohortCurve.size());
            QCOMPARE(again->delay->referenceP80Lag, e.delay->referenceP80Lag);
            ++checked;
        }
        QCOMPARE(checked, 40);
        model.sort(SignalTableModel::Overdue, Qt::DescendingOrder);
        for (int r = 1; r < model.rowCount(); ++r)
            QVERIFY(model.index(r - 1, SignalTableModel::Overdue).data(SignalTableModel::SortValueRole).toDouble() >=
                    model.index(r, SignalTableModel::Overdue).data(SignalTableModel::SortValueRole).toDouble());
    }

    void engineDelayEvidenceReachesTableAndDeepDive()
    {
        // SPEC 6's DelayGuard reference case, computed into a fresh cache by compute::computeLocal.
        QTemporaryDir dir;
        auto c = storage::LocalCache::open(dir.filePath(QStringLiteral("ref.db")), QByteArray(32, '\x33'));
        QVERIFY(c.ok());
        storage::LocalCache cache = std::move(c.value());
        const QDate asOf(2026, 6, 1);
        const engines::EpochDay t = engines::toEpochDay(asOf);
        engines::ClaimAggregator agg;
        auto add = [&](engines::EpochDay submitted, int lag) {
            engines::ClaimRecord r;
            r.payer = QStringLiteral("Harborview Mutual");
            r.cpt = QStringLiteral("99213");
            r.cptGroup = QStringLiteral("E&M");
            r.submittedDay = submitted;
            r.decidedDay = submitted + lag;
            r.outcome = engines::Outcome::Paid;
            r.allowedCents = 10000;
            r.billedCents = 10000;
            r.paidCents = 9000;
            if (r.decidedDay >= t) {
                r.decidedDay = engines::kNoDay;
                r.outcome = engines::Outcome::Pending;
                r.paidCents = 0;
            }
            agg.add(r);
        };
        for (int i = 0; i < 200; ++i)
            add(t - 118 + (90 * i) / 200, 10 + i % 5);
        for (int i = 0; i < 56; ++i)
            add(t - 28 + i / 2, 18 + i % 5);
        compute::ComputeOptions options;
        options.products = {engines::Product::DelayGuard};
        auto report = compute::computeLocal(cache, agg.aggregates(), options);
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
        QCOMPARE(report->asOf, asOf); // the data's own date

        auto rows = loadSignalRows(cache, kDelayGuard, {asOf});
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 1);
        SignalTableModel model;
        model.setDeltaInDays(true);
        model.setRows(std::move(rows.value()));
        QCOMPARE(model.index(0, SignalTableModel::Type).data().toString(), QStringLiteral("Adjudication delay"));
        QCOMPARE(model.index(0, SignalTableModel::ObservedExpected).data().toString(), QStringLiteral("16 / 32.0"));
        QCOMPARE(model.index(0, SignalTableModel::Overdue).data().toString(), QStringLiteral("$1,400"));
        QCOMPARE(model.index(0, SignalTableModel::Delta).data().toString(), QStringLiteral("+8.0 d"));
        QCOMPARE(model.headerData(SignalTableModel::Delta, Qt::Horizontal).toString(), QStringLiteral("Δ days"));
        QVERIFY(model.index(0, SignalTableModel::Overdue)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(QLatin1String("14 overdue claims")));

        auto detail = loadSignalDetail(cache, model.rows().signalId[0]);
        QVERIFY(detail.ok());
        const Evidence &e = detail->evidence;
        QVERIFY(e.delay);
        QCOMPARE(e.keyedOn, QStringLiteral("submitted_date"));
        QCOMPARE(e.delay->observed, 16.0);
        QCOMPARE(QString::number(e.delay->expected, 'f', 1), QStringLiteral("32.0"));
        QCOMPARE(e.delay->unfinished, 40);
        QCOMPARE(e.delay->overdueClaims, 14);
        QCOMPARE(e.delay->overdueDollars, 1400.0);
        QCOMPARE(e.delay->referenceP80Lag, 13);
        QCOMPARE(int(e.delay->referenceCurve.size()), 29);
        QCOMPARE(int(e.delay->cohortCurve.size()), 29);
        QCOMPARE(detail->baseline, 12.0);
        QCOMPARE(detail->current, 20.0);
        const QString text = detail->plainExplanation().join(u' ');
        QVERIFY2(text.contains(QLatin1String("16 of the cohort's 56 claims")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("expects 32.0")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Slowdown Δ = 8.0 days")), qPrintable(text));
        QVERIFY2(
            text.contains(QStringLiteral("Cohorts by submission date: cohort 2026-05-04 – 2026-05-31 (56 claims)")),
            qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("14 of them overdue")) && text.contains(QLatin1String("$1,400")),
                 qPrintable(text));
        const QString csv = QString::fromUtf8(detail->toCsv());
        QVERIFY(csv.contains(QStringLiteral("observed,16\r\n")));
        QVERIFY(csv.contains(QStringLiteral("age,reference_share,reference_n,cohort_share,cohort_n\r\n")));
        QVERIFY(csv.contains(QStringLiteral("\r\n14,0.8000,200,0.0000,")));

        auto fresh = freshness(cache, kDelayGuard, {QStringLiteral("adjudication_delay")});
        QVERIFY(fresh.ok());
        QCOMPARE(fresh->asOf, asOf);
        QCOMPARE(fresh->dataThrough, QDate(2026, 5, 31));
        QCOMPARE(freshnessText(fresh.value(), QDate(2026, 6, 3)),
                 QStringLiteral("As of 2026-06-01 · data through 2026-05-31 (3 days old)"));
        QCOMPARE(windowsText(fresh.value(), kDelayGuard),
                 QStringLiteral("Cohort 2026-05-04 – 2026-05-31 · reference 2026-02-03 – 2026-05-03 · adjudication "
                                "delay by submission date"));
    }

    void signalTypesReadAsWords()
    {
        for (const char *id : {"DENIAL_RATE", "NEW_REASON", "REASON_RATE_SPIKE", "REASON_VOLUME_SPIKE",
                               "REASON_DOLLAR_SPIKE", "adjudication_delay", "payment_delay"}) {
            const QString label = signalTypeLabel(QString::fromLatin1(id));
            QVERIFY2(label != QLatin1String(id) && !label.contains(u'_'), id);
        }
        QCOMPARE(signalTypeLabel(QStringLiteral("payment_delay")), QStringLiteral("Payment delay"));
        QCOMPARE(unitOfSignalType(QStringLiteral("REASON_VOLUME_SPIKE")), QStringLiteral("count"));
        QCOMPARE(unitOfSignalType(QStringLiteral("REASON_DOLLAR_SPIKE")), QStringLiteral("dollars"));
        QVERIFY(isDaysSignalType(QStringLiteral("adjudication_delay")));
        QVERIFY(!isDaysSignalType(QStringLiteral("DENIAL_RATE")));
        // The search box finds a signal by the words it shows.
        auto rows = loadSignalRows(*m_cache, kDenialScope, {QDate(2026, 11, 16)});
        QVERIFY(rows.ok());
        SignalTableModel model;
        model.setRows(std::move(rows.value()));
        SignalFilter f;
        f.text = QStringLiteral("volume spike");
        model.setFilter(f);
        QVERIFY(model.rowCount() > 0);
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.index(r, SignalTableModel::Type).data().toString(), QStringLiteral("Reason volume spike"));
        QVERIFY(model.index(0, SignalTableModel::Current).data().toString().endsWith(QLatin1String("/day")));
    }

    void freshnessStatesAsOfDataDayAgeAndWindows()
    {
        auto f = freshness(*m_cache, kDriftWatch, {QStringLiteral("DENIAL_RATE")});
        QVERIFY(f.ok());
        QCOMPARE(f->asOf, QDate(2026, 11, 16));
        QCOMPARE(f->dataThrough, QDate(2026, 11, 15));
        QCOMPARE(f->ageDays(QDate(2026, 11, 16)), 1);
        QCOMPARE(freshnessText(f.value(), QDate(2026, 11, 16)),
                 QStringLiteral("As of 2026-11-16 · data through 2026-11-15 (1 day old)"));
        QCOMPARE(freshnessText(f.value(), QDate(2026, 11, 15)),
                 QStringLiteral("As of 2026-11-16 · data through 2026-11-15 (today)"));
        QCOMPARE(windowsText(f.value(), kDriftWatch),
                 QStringLiteral("Windows by decision date: current 2026-11-02 – 2026-11-15 · baseline 2026-08-04 – "
                                "2026-11-01"));
        QCOMPARE(freshnessText(Freshness{}, QDate(2026, 11, 16)), QStringLiteral("As of: no data"));
        auto d = loadSignalDetail(*m_cache, QStringLiteral("dw-0000003"));
        QVERIFY(d.ok());
        QVERIFY(d->plainExplanation().join(u' ').contains(
            QStringLiteral("Windows by decision date: current 2026-11-02 – 2026-11-15")));
    }
};

QTEST_GUILESS_MAIN(TstDashboardModels)
#include "tst_dashboard_models.moc"
