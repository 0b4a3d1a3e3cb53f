// Prints how long `compute` (all three products, one customer) takes over N claims in PostgreSQL against the
// time PostgreSQL itself needs to execute the aggregate query (EXPLAIN (ANALYZE, TIMING OFF) "Execution Time",
// same data, same role, same session settings, same run), their ratio (target ≤ 1.3×) and the engines' time
// after aggregation (target < 1 s).
// Claims: the demo generator's (planted drifts and decoys), COPYed as superuser into a private cluster.
// Usage: bench_compute_pg [ROWS=10000000] [ROUNDS=3]
#include "DemoClaimsCopy.h"
#include "PrivateCluster.h"
#include "UpstreamSchema.h"

#include "compute/ComputeSignals.h"
#include "storage/pg/AggregateSql.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>

using namespace upstream;

namespace {

double seconds(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

// Execution Time (ms) of the aggregate query, as PostgreSQL measures it.
double explainMs(storage::PgConnection &c, qint64 customer, QDate from, QDate to)
{
    QString sql = QString::fromLatin1(engines::kDailyAggregateSql);
    sql.replace(QLatin1String("$1"), QString::number(customer));
    sql.replace(QLatin1String("$2"), QStringLiteral("DATE '%1'").arg(from.toString(Qt::ISODate)));
    sql.replace(QLatin1String("$3"), QStringLiteral("DATE '%1'").arg(to.toString(Qt::ISODate)));
    auto r = c.exec(QStringLiteral("EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ") + sql);
    if (!r.ok()) {
        std::fprintf(stderr, "explain: %s\n", qPrintable(r.error().message));
        return -1;
    }
    const QJsonArray plan = QJsonDocument::fromJson(r.value().bytes(0, 0)).array();
    return plan.at(0).toObject().value(QStringLiteral("Execution Time")).toDouble();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 rows = argc > 1 ? QByteArray(argv[1]).toLongLong() : 10'000'000;
    const int rounds = argc > 2 ? QByteArray(argv[2]).toInt() : 3;
    const QDate asOf(2026, 6, 1);

    test::PrivateCluster cluster;
    if (!cluster.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(cluster.error()));
        return 1;
    }
    test::MigratedDatabase db(cluster.fixture(), QStringLiteral("bench_compute"));
    if (!db.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error()));
        return 1;
    }
    const qint64 customer = db.createCustomer(QStringLiteral("Bench Clinic")).value_or(0);
    auto analyst = db.createUser(customer, QStringLiteral("analyst"));
    if (customer <= 0 || !analyst)
        return 1;

    std::printf("claims: %lld (one customer, demo generator, as of %s)\n", qlonglong(rows),
                qPrintable(asOf.toString(Qt::ISODate)));
    QElapsedTimer t;
    t.start();
    demo::DemoConfig config;
    config.rows = rows;
    config.seed = 7;
    config.asOf = asOf;
    const demo::DemoDataGenerator gen(config);
    if (const QString err = test::copyDemoClaims(db.superuser(), customer, gen); !err.isEmpty()) {
        std::fprintf(stderr, "load: %s\n", qPrintable(err));
        return 1;
    }
    std::printf("load (COPY as superuser): %.1f s\n", seconds(t));
    t.restart();
    // Hash aggregation in memory for both paths alike; fresh statistics and visibility map.
    if (!db.superuser().execScript(QStringLiteral("VACUUM ANALYZE upstream.claims")).ok() ||
        !db.superuser().execScript(QStringLiteral("ALTER DATABASE %1 SET work_mem = '256MB'").arg(db.db().name())).ok())
        return 1;
    std::printf("vacuum analyze: %.1f s\n", seconds(t));

    auto conn = db.connectAs(*analyst);
    if (!conn.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(conn.error().message));
        return 1;
    }
    compute::ComputeOptions options;
    options.asOf = asOf;
    const QDate from = compute::firstDayNeeded(options.products, asOf);
    explainMs(conn.value(), customer, from, asOf); // warm-up: both paths then read a warm cache

    std::vector<double> explain, total, aggregate, engines, persist;
    std::size_t signalCount = 0;
    qint64 aggRows = 0;
    for (int i = 0; i < rounds; ++i) {
        explain.push_back(explainMs(conn.value(), customer, from, asOf) / 1000.0);
        t.restart();
        auto r = compute::computeCentral(conn.value(), customer, options);
        if (!r.ok()) {
            std::fprintf(stderr, "compute: %s\n", qPrintable(r.error().message));
            return 1;
        }
        total.push_back(seconds(t));
        aggregate.push_back(r.value().aggregateSeconds);
        engines.push_back(r.value().engineSeconds);
        persist.push_back(r.value().persistSeconds);
        signalCount = r.value().found.size();
        aggRows = r.value().aggregateRows;
        std::printf("round %d: EXPLAIN ANALYZE execution %.3f s | compute %.3f s (aggregate %.3f, engines %.3f, "
                    "persist %.3f)\n",
                    i + 1, explain.back(), total.back(), aggregate.back(), engines.back(), persist.back());
    }
    std::printf("aggregate rows: %lld, signals: %zu\n", qlonglong(aggRows), signalCount);
    const double ratio = total.empty() || median(explain) <= 0 ? 0.0 : median(total) / median(explain);
    std::printf("median: compute all products %.3f s vs PostgreSQL aggregate execution %.3f s -> ratio %.2fx "
                "(target <= 1.30x) %s\n",
                median(total), median(explain), ratio, ratio <= 1.3 ? "OK" : "OVER");
    std::printf("median engines after aggregation: %.3f s (target < 1 s) %s\n", median(engines),
                median(engines) < 1.0 ? "OK" : "OVER");
    return 0;
}
