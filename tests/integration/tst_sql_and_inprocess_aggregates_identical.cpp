// SPEC section 2: the SQL GROUP BY path and the in-process aggregator produce identical daily aggregates on the
// same claims, and the engines produce identical signals from both. The claims live in upstream.claims of a database
// migrated to the current schema; a second customer's rows must not leak into the first one's aggregates.
#include "TestPg.h"
#include "UpstreamSchema.h"

#include "demo/DemoDataGenerator.h"
#include "engines/SignalEngines.h"
#include "storage/pg/AggregateSql.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace upstream;
using namespace upstream::engines;

namespace {

QByteArray cents(std::int64_t v)
{
    if (v == kNoAmount)
        return "\\N";
    return QByteArray::number(v / 100) + '.' + QByteArray::number(v % 100).rightJustified(2, '0');
}

QByteArray day(EpochDay d)
{
    return d == kNoDay ? QByteArray("\\N") : fromEpochDay(d).toString(Qt::ISODate).toUtf8();
}

QByteArray text(const QString &s)
{
    return s.isEmpty() ? QByteArray("\\N") : s.toUtf8();
}

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
        test::MigratedDatabase db(*fx, QStringLiteral("aggregates"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        const qint64 c1 = db.createCustomer(QStringLiteral("Aggregates One")).value_or(0);
        const qint64 c2 = db.createCustomer(QStringLiteral("Aggregates Two")).value_or(0);
        QVERIFY(c1 > 0 && c2 > 0);
        const QString customer = QString::number(c1);
        storage::PgConnection *conn = &db.superuser();

        demo::DemoConfig config;
        config.rows = 200'000;
        config.seed = 31;
        config.asOf = QDate(2026, 6, 1);
        const demo::DemoDataGenerator gen(config);
        ClaimAggregator local;
        QVERIFY(
            conn->copyBegin(QStringLiteral("COPY upstream.claims (customer_id, payer, cpt, cpt_group, submitted_date, "
                                           "decided_date, outcome, allowed_amount, billed_amount, paid_amount, "
                                           "payment_date, denial_reason_code, denial_reason_text) FROM STDIN"))
                .ok());
        const QByteArray customerField = customer.toUtf8() + '\t';
        QByteArray chunk;
        bool copyOk = true;
        gen.generate([&](const demo::DemoClaim &c) {
            const ClaimRecord r = gen.toRecord(c);
            local.add(r);
            static const char *const outcomes[] = {"PAID", "DENIED", "OTHER", "PENDING"};
            chunk += customerField + r.payer.toUtf8() + '\t' + r.cpt.toUtf8() + '\t' + r.cptGroup.toUtf8() + '\t' +
                     day(r.submittedDay) + '\t' + day(r.decidedDay) + '\t' + outcomes[int(r.outcome)] + '\t' +
                     cents(r.allowedCents) + '\t' + cents(r.billedCents) + '\t' + cents(r.paidCents) + '\t' +
                     day(r.paymentDay) + '\t' + text(r.denialReasonCode) + '\t' + text(r.denialReasonText) + '\n';
            if (chunk.size() > (1 << 20)) {
                copyOk = copyOk && conn->copyPut(chunk.constData(), int(chunk.size())).ok();
                chunk.clear();
            }
        });
        copyOk = copyOk && conn->copyPut(chunk.constData(), int(chunk.size())).ok();
        QVERIFY(copyOk);
        QVERIFY(conn->copyEnd().ok());
        // Another customer's rows must not leak into customer c1's aggregates.
        QVERIFY(conn->exec("INSERT INTO upstream.claims (customer_id, payer, cpt, cpt_group, submitted_date, "
                           "decided_date, outcome, allowed_amount, billed_amount, paid_amount, payment_date, "
                           "denial_reason_code) SELECT $2, payer, cpt, cpt_group, submitted_date, decided_date, "
                           "'DENIED', allowed_amount, billed_amount, paid_amount, payment_date, 'CO-50' "
                           "FROM upstream.claims WHERE customer_id = $1 AND decided_date IS NOT NULL LIMIT 5000",
                           {c1, c2})
                    .ok());

        const QDate from = config.asOf.addDays(-200), to = config.asOf;
        auto sql = loadDailyAggregates(*conn, customer, from, to);
        QVERIFY2(sql.ok(), qPrintable(sql.ok() ? QString() : sql.error().message));
        QCOMPARE(sql->rows().size(), local.aggregates().rows().size());
        QVERIFY(sql->sameContent(local.aggregates()));
        int kinds[kAggregateKinds] = {0, 0, 0};
        std::int64_t unfinished = 0;
        for (const AggregateRow &r : sql->rows()) {
            ++kinds[int(r.kind)];
            unfinished += r.lag == kUnfinishedLag ? r.c.claims : 0;
        }
        QVERIFY(kinds[0] > 0 && kinds[1] > 0 && kinds[2] > 0); // decided, adjudication and payment rows
        QVERIFY(unfinished > 1000);                            // a live export: pending and unpaid claims
        auto newest = newestClaimDate(*conn, customer);
        QVERIFY(newest.ok());
        QCOMPARE(newest->addDays(1), defaultAsOf(local.aggregates())); // both paths agree on the export's date

        const auto fromSql = runAll(sql.value(), config.asOf);
        const auto fromLocal = runAll(local.aggregates(), config.asOf);
        QVERIFY(!fromLocal.empty());
        QVERIFY(fromSql == fromLocal);
        qInfo("aggregate rows %zu, signals %zu: identical on both paths", sql->rows().size(), fromSql.size());

        // Figures (no wall-clock assertions): the SQL path against PostgreSQL's own execution time of the same
        // query, and the engines after aggregation.
        QVERIFY(conn->exec("ANALYZE upstream.claims").ok());
        const std::vector<QVariant> params{customer, from.toString(Qt::ISODate), to.toString(Qt::ISODate)};
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
        auto again = loadDailyAggregates(*conn, customer, from, to);
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
