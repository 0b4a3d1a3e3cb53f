// SPEC section 2: the SQL GROUP BY path and the in-process aggregator produce identical daily aggregates on the
// same claims, and the engines produce identical signals from both. The claims table is created here with the
// columns of upstream.claims as documented for the central schema (the migrations live on another branch; when
// they land, this test should run them instead of its own CREATE TABLE).
#include "TestPg.h"

#include "demo/DemoDataGenerator.h"
#include "engines/AggregateSql.h"
#include "engines/SignalEngines.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace upstream;
using namespace upstream::engines;

namespace {

const char *kCreateClaims = R"sql(
CREATE SCHEMA upstream;
CREATE TABLE upstream.claims (
    customer_id text NOT NULL,
    payer text NOT NULL,
    cpt text NOT NULL,
    cpt_group text NOT NULL,
    submitted_date date NOT NULL,
    decided_date date,
    outcome text NOT NULL CHECK (outcome IN ('PAID', 'DENIED', 'OTHER')),
    allowed_amount numeric(12,2),
    billed_amount numeric(12,2),
    paid_amount numeric(12,2),
    payment_date date,
    denial_reason_code text,
    denial_reason_text text
);
)sql";

QByteArray cents(std::int64_t v)
{
    if (v == kNoAmount)
        return "\\N";
    return QByteArray::number(v / 100) + '.' + QByteArray::number(v % 100).rightJustified(2, '0');
}

QByteArray day(EpochDay d) { return d == kNoDay ? QByteArray("\\N") : fromEpochDay(d).toString(Qt::ISODate).toUtf8(); }

QByteArray text(const QString &s) { return s.isEmpty() ? QByteArray("\\N") : s.toUtf8(); }

} // namespace

class SqlAndInProcessAggregatesTest : public QObject {
    Q_OBJECT
    std::optional<test::PgFixture> fx;

private slots:
    void initTestCase()
    {
        fx = test::PgFixture::load();
        QVERIFY2(fx.has_value(), "the pg fixture is not running ($UPSTREAM_TEST_PG)");
    }

    void bothPathsAgree()
    {
        test::ScratchDatabase db(*fx, QStringLiteral("aggregates"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        auto conn = storage::PgConnection::connect(db.superuserParams());
        QVERIFY2(conn.ok(), qPrintable(conn.ok() ? QString() : conn.error().message));
        QVERIFY(conn->execScript(QString::fromUtf8(kCreateClaims)).ok());

        demo::DemoConfig config;
        config.rows = 200'000;
        config.seed = 31;
        config.asOf = QDate(2026, 6, 1);
        const demo::DemoDataGenerator gen(config);
        ClaimAggregator local;
        QVERIFY(conn->copyBegin(QStringLiteral("COPY upstream.claims FROM STDIN")).ok());
        QByteArray chunk;
        bool copyOk = true;
        gen.generate([&](const demo::DemoClaim &c) {
            const ClaimRecord r = gen.toRecord(c);
            local.add(r);
            static const char *const outcomes[] = {"PAID", "DENIED", "OTHER"};
            chunk += "c1\t" + r.payer.toUtf8() + '\t' + r.cpt.toUtf8() + '\t' + r.cptGroup.toUtf8() + '\t'
                     + day(r.submittedDay) + '\t' + day(r.decidedDay) + '\t' + outcomes[int(r.outcome)] + '\t'
                     + cents(r.allowedCents) + '\t' + cents(r.billedCents) + '\t' + cents(r.paidCents) + '\t'
                     + day(r.paymentDay) + '\t' + text(r.denialReasonCode) + '\t' + text(r.denialReasonText) + '\n';
            if (chunk.size() > (1 << 20)) {
                copyOk = copyOk && conn->copyPut(chunk.constData(), int(chunk.size())).ok();
                chunk.clear();
            }
        });
        copyOk = copyOk && conn->copyPut(chunk.constData(), int(chunk.size())).ok();
        QVERIFY(copyOk);
        QVERIFY(conn->copyEnd().ok());
        // Another customer's rows must not leak into customer c1's aggregates.
        QVERIFY(conn->exec("INSERT INTO upstream.claims SELECT 'c2', payer, cpt, cpt_group, submitted_date, "
                           "decided_date, 'DENIED', allowed_amount, billed_amount, paid_amount, payment_date, "
                           "'CO-50', NULL FROM upstream.claims WHERE customer_id = 'c1' LIMIT 5000")
                    .ok());

        const QDate from = config.asOf.addDays(-200), to = config.asOf;
        auto sql = loadDailyAggregates(*conn, QStringLiteral("c1"), from, to);
        QVERIFY2(sql.ok(), qPrintable(sql.ok() ? QString() : sql.error().message));
        QCOMPARE(sql->rows().size(), local.aggregates().rows().size());
        QVERIFY(sql->sameContent(local.aggregates()));

        const auto fromSql = runAll(sql.value(), config.asOf);
        const auto fromLocal = runAll(local.aggregates(), config.asOf);
        QVERIFY(!fromLocal.empty());
        QVERIFY(fromSql == fromLocal);
        qInfo("aggregate rows %zu, signals %zu: identical on both paths", sql->rows().size(), fromSql.size());

        // Figures (no wall-clock assertions): the SQL path against PostgreSQL's own execution time of the same
        // query, and the engines after aggregation.
        QVERIFY(conn->exec("ANALYZE upstream.claims").ok());
        const std::vector<QVariant> params{QStringLiteral("c1"), from.toString(Qt::ISODate), to.toString(Qt::ISODate)};
        auto plan = conn->exec(
            QStringLiteral("EXPLAIN (ANALYZE, FORMAT JSON) ") + QString::fromUtf8(kDailyAggregateSql), params);
        QVERIFY(plan.ok());
        const double explainMs = QJsonDocument::fromJson(plan->text(0, 0).toUtf8())
                                     .array()
                                     .first()
                                     .toObject()
                                     .value(QStringLiteral("Execution Time"))
                                     .toDouble();
        QElapsedTimer timer;
        timer.start();
        auto again = loadDailyAggregates(*conn, QStringLiteral("c1"), from, to);
        const double loadMs = double(timer.nsecsElapsed()) / 1e6;
        QVERIFY(again.ok());
        timer.restart();
        const auto signalsAgain = runAll(again.value(), config.asOf);
        const double engineMs = double(timer.nsecsElapsed()) / 1e6;
        QVERIFY(signalsAgain == fromLocal);
        qInfo("%lld claims: SQL aggregates fetched in %.1f ms (EXPLAIN ANALYZE execution %.1f ms, ratio %.2f); "
              "engines %.1f ms; total/EXPLAIN %.2f",
              qlonglong(config.rows), loadMs, explainMs, loadMs / explainMs, engineMs, (loadMs + engineMs) / explainMs);
    }
};

QTEST_GUILESS_MAIN(SqlAndInProcessAggregatesTest)
#include "tst_sql_and_inprocess_aggregates_identical.moc"
