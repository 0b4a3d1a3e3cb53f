// Proves SPEC 7's context badge on the dashboard's rows: the latest verdict among the 10 most recent similar signals
// (same product, type, payer and group) that are not newer than the row, the row's own alert excluded; a "real"
// verdict whose alert recovered money reads "confirmed real, $12,400 recovered"; a verdict on the 11th most recent
// similar signal is out of reach; another payer's verdicts never leak in; and the badge follows a new verdict
// (refreshAlertStatus) on every similar row.
#include "dashboard/SignalRows.h"
#include "storage/cache/LocalCache.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;
using namespace upstream::dashboard;

namespace {
const QDate kToday(2026, 3, 2);
}

class TstContextBadgeReadsTenSimilarSignals : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::optional<storage::LocalCache> m_cache;

    void run(const QString &sql, const QVariantList &values)
    {
        auto q = m_cache->db().prepare(sql);
        QVERIFY2(q.ok(), qPrintable(sql));
        for (int i = 0; i < values.size(); ++i)
            q->bind(i + 1, values[i]);
        const Status st = q->run();
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().message));
    }

    // Signal `n` of a payer: window ending n weeks before today; every signal is an alert.
    void addSignal(const QString &id, const QString &payer, int weeksAgo)
    {
        const QDate end = kToday.addDays(-7 * weeksAgo);
        run(QStringLiteral("INSERT INTO signals (id, product, signal_type, payer, cpt_group, severity, "
                           "severity_score, confidence, window_start, window_end, as_of, evidence, computed_at) "
                           "VALUES (?, 'driftwatch', 'DENIAL_RATE', ?, 'LAB', 'high', 0.7, 0.9, ?, ?, ?, '{}', ?)"),
            {id, payer, end.addDays(-13).toString(Qt::ISODate), end.toString(Qt::ISODate),
             end.addDays(1).toString(Qt::ISODate), end.addDays(1).toString(Qt::ISODate)});
        run(QStringLiteral("INSERT INTO alerts (id, signal_id, product, status, created_at) "
                           "VALUES (?, ?, 'driftwatch', 'pending', ?)"),
            {QStringLiteral("al-") + id, id, end.addDays(1).toString(Qt::ISODate)});
    }
    void judge(const QString &id, const QString &verdict, const QDate &day)
    {
        run(QStringLiteral(
                "INSERT INTO judgments (id, alert_id, operator, verdict, judged_at) VALUES (?, ?, 'op', ?, ?)"),
            {QStringLiteral("j-") + id, QStringLiteral("al-") + id, verdict,
             day.startOfDay(Qt::UTC).addSecs(9 * 3600).toString(Qt::ISODate)});
    }
    QString badgeOf(const SignalRows &rows, const QString &signalId)
    {
        for (int r = 0; r < rows.size(); ++r)
            if (rows.signalId[size_t(r)] == signalId)
                return rows.contextBadge(r);
        return QStringLiteral("<no row %1>").arg(signalId);
    }

private slots:
    void initTestCase()
    {
        auto c = storage::LocalCache::open(m_dir.filePath(QStringLiteral("cache.db")), QByteArray(32, '\x21'));
        QVERIFY(c.ok());
        m_cache.emplace(std::move(c.value()));
        // Cedar: s00 (this week) … s12 (12 weeks ago). Granite: one signal, judged noise yesterday.
        for (int w = 0; w <= 12; ++w)
            addSignal(QStringLiteral("s%1").arg(w, 2, 10, QLatin1Char('0')), QStringLiteral("Cedar Mutual"), w);
        addSignal(QStringLiteral("g00"), QStringLiteral("Granite Health Plan"), 0);
        addSignal(QStringLiteral("g01"), QStringLiteral("Granite Health Plan"), 1);
        judge(QStringLiteral("g01"), QStringLiteral("noise"), kToday.addDays(-1));
        // s11 — the 11th most recent before s00 — holds the newest verdict; s05 is real with money recovered.
        judge(QStringLiteral("s11"), QStringLiteral("noise"), kToday.addDays(-2));
        judge(QStringLiteral("s05"), QStringLiteral("real"), kToday.addDays(-9));
        run(QStringLiteral("INSERT INTO ledger_entries (id, alert_id, signal_id, product, payer, expected_cents, "
                           "recovered_cents, state, created_at, updated_at) VALUES "
                           "('le-1', 'al-s05', 's05', 'driftwatch', 'Cedar Mutual', 2000000, 1000000, 'recovered', "
                           "'2026-02-20', '2026-02-20'), "
                           "('le-2', 'al-s05', 's05', 'driftwatch', 'Cedar Mutual', 500000, 240000, 'in_progress', "
                           "'2026-02-21', '2026-02-21')"),
            {});
        judge(QStringLiteral("s08"), QStringLiteral("needs_followup"), kToday.addDays(-20));
    }

    void badgeIsTheLatestVerdictWithinTheTenMostRecentSimilarSignals()
    {
        auto rows = loadSignalRows(*m_cache, QStringLiteral("driftwatch"), {kToday});
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 15);
        // s00's ten predecessors are s01…s10: s11's newer noise verdict is out of reach; s05's real one is latest.
        QCOMPARE(badgeOf(*rows, QStringLiteral("s00")), QStringLiteral("confirmed real, $12,400 recovered"));
        // s01 reaches s02…s11: s11's noise (2 days ago) is the latest verdict there.
        QCOMPARE(badgeOf(*rows, QStringLiteral("s01")), QStringLiteral("marked noise 2 days ago"));
        // s11 itself: only s12 is older, never judged; its own verdict does not count.
        QCOMPARE(badgeOf(*rows, QStringLiteral("s11")), QString());
        QCOMPARE(badgeOf(*rows, QStringLiteral("s12")), QString());
        // s06 reaches s07…s12: the latest verdict there is s11's noise.
        QCOMPARE(badgeOf(*rows, QStringLiteral("s06")), QStringLiteral("marked noise 2 days ago"));
        // s09, s10: only s11/s12 are older — s11's noise.
        QCOMPARE(badgeOf(*rows, QStringLiteral("s09")), QStringLiteral("marked noise 2 days ago"));
        // Another payer's history never leaks: Granite's g00 sees g01's noise, Cedar never does.
        QCOMPARE(badgeOf(*rows, QStringLiteral("g00")), QStringLiteral("marked noise yesterday"));
        QCOMPARE(badgeOf(*rows, QStringLiteral("g01")), QString());
    }

    void aNewVerdictUpdatesEverySimilarRow()
    {
        auto rows = loadSignalRows(*m_cache, QStringLiteral("driftwatch"), {kToday});
        QVERIFY(rows.ok());
        judge(QStringLiteral("s03"), QStringLiteral("needs_followup"), kToday);
        QVERIFY(refreshAlertStatus(*m_cache, *rows, {QStringLiteral("al-s03")}, kToday).ok());
        QCOMPARE(badgeOf(*rows, QStringLiteral("s00")), QStringLiteral("follow-up open"));
        QCOMPARE(badgeOf(*rows, QStringLiteral("s02")), QStringLiteral("follow-up open"));
        // Newer than s04: not in its lookback.
        QCOMPARE(badgeOf(*rows, QStringLiteral("s04")), QStringLiteral("marked noise 2 days ago"));
        QCOMPARE(badgeOf(*rows, QStringLiteral("g00")), QStringLiteral("marked noise yesterday"));
    }
};

QTEST_GUILESS_MAIN(TstContextBadgeReadsTenSimilarSignals)
#include "tst_context_badge_reads_ten_similar_signals.moc"
