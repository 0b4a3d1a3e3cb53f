// Proves: the dashboard's signal table model passes QAbstractItemModelTester through loads, sorts, filters and
// clears; every sortable column comes out ordered; every filter keeps exactly the rows a brute-force check keeps;
// KPIs and top payers add up; a verdict writes judgment + alert status + outbox + audit in one transaction,
// resubmitting updates the single judgment, and undo restores the previous state; the evidence JSON round-trips
// and its CSV export carries the figures.
#include "dashboard/DashboardSummary.h"
#include "dashboard/SignalEvidence.h"
#include "dashboard/SignalTableModel.h"
#include "dashboard/SyntheticSignals.h"
#include "dashboard/TriageService.h"
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
        f.payer = 0;
        f.text = QStringLiteral("lab");
        model.setFilter(f);
        int expected = 0;
        for (int r = 0; r < d.size(); ++r) {
            const size_t i = size_t(r);
            const bool sev = d.severity[i] == Severity::Critical || d.severity[i] == Severity::High;
            const bool text =
                d.groups.entries[d.group[i]].contains(QLatin1String("lab"), Qt::CaseInsensitive) ||
                d.payers.entries[d.payer[i]].contains(QLatin1String("lab"), Qt::CaseInsensitive) ||
                d.signalTypes.entries[d.signalType[i]].contains(QLatin1String("lab"), Qt::CaseInsensitive);
            expected += sev && d.status[i] == AlertStatus::Pending && d.payer[i] == 0 && text;
        }
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
        auto ledger = ledgerTotals(*m_cache, kDriftWatch, QDate(2026, 11, 16));
        QVERIFY(ledger.ok());
        QCOMPARE(qint64(ledger->open + ledger->inProgress + ledger->recovered + ledger->writtenOff),
                 scalar(QStringLiteral("SELECT count(*) FROM ledger_entries WHERE product = 'driftwatch'")));
        auto trend = productTrend(*m_cache, kDriftWatch, QStringLiteral("denial_rate"));
        QVERIFY(trend.ok());
        QCOMPARE(int(trend->size()), 104); // baseline + current windows, one point per day
    }

    void verdictWritesAllRowsInOneTransactionAndUndoes()
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
};

QTEST_GUILESS_MAIN(TstDashboardModels)
#include "tst_dashboard_models.moc"
