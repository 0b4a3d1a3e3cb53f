// Prints how long loading N claims takes on the central schema: COPY into a session temp table, then one
// INSERT ... SELECT into upstream.claims — as an analyst (row-level security checked on every row) and as the
// superuser (RLS bypassed) — and a DriftWatch-style GROUP BY over the loaded rows as the analyst.
// Usage: UPSTREAM_TEST_PG=<fixture conninfo file> bench_claims_load_under_rls [ROWS=1000000]
#include "UpstreamSchema.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace upstream;
using storage::PgConnection;

namespace {

double seconds(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

bool stage(PgConnection &c, qint64 customer, int rows)
{
    if (!c.execScript(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS staging (customer_id bigint, payer text, cpt "
                                     "text, cpt_group text, submitted_date date, decided_date date, outcome text, "
                                     "allowed_amount numeric(12,2)); TRUNCATE staging"))
             .ok())
        return false;
    if (!c.copyBegin(QStringLiteral("COPY staging FROM STDIN")).ok())
        return false;
    QByteArray chunk;
    for (int i = 0; i < rows; ++i) {
        chunk += QByteArray::number(customer) + "\tPayer " + QByteArray::number(i % 50) + "\t99213\tE&M\t2026-" +
                 QByteArray::number(1 + i % 12).rightJustified(2, '0') + '-' +
                 QByteArray::number(1 + i % 28).rightJustified(2, '0') + "\t2026-12-31\t" +
                 (i % 7 == 0 ? "DENIED" : "PAID") + "\t100.00\n";
        if (chunk.size() > 256 * 1024) {
            if (!c.copyPut(chunk.constData(), int(chunk.size())).ok())
                return false;
            chunk.clear();
        }
    }
    return c.copyPut(chunk.constData(), int(chunk.size())).ok() && c.copyEnd().ok();
}

const char *kMove = "INSERT INTO upstream.claims (customer_id, payer, cpt, cpt_group, submitted_date, decided_date, "
                    "outcome, allowed_amount) SELECT customer_id, payer, cpt, cpt_group, submitted_date, "
                    "decided_date, outcome, allowed_amount FROM staging";

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rows = argc > 1 ? QByteArray(argv[1]).toInt() : 1000000;
    auto fx = test::PgFixture::load();
    if (!fx) {
        std::fprintf(stderr, "set UPSTREAM_TEST_PG to a running fixture's conninfo file\n");
        return 2;
    }
    test::MigratedDatabase db(*fx, QStringLiteral("bench_rls"));
    if (!db.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error()));
        return 1;
    }
    const qint64 customer = db.createCustomer(QStringLiteral("Bench")).value_or(0);
    auto analyst = db.createUser(customer, QStringLiteral("analyst"));
    auto conn = db.connectAs(*analyst);
    if (!conn.ok())
        return 1;

    std::printf("rows: %d\n", rows);
    for (const bool rls : {true, false}) {
        PgConnection &c = rls ? conn.value() : db.superuser();
        QElapsedTimer t;
        t.start();
        if (!stage(c, customer, rows))
            return 1;
        const double copy = seconds(t);
        t.restart();
        auto moved = c.exec(kMove);
        if (!moved.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(moved.error().message));
            return 1;
        }
        std::printf("%-28s COPY to staging %6.2f s, INSERT ... SELECT %6.2f s (%.0f rows/s)\n",
                    rls ? "analyst (RLS checked):" : "superuser (RLS bypassed):", copy, seconds(t), rows / seconds(t));
    }
    QElapsedTimer t;
    t.start();
    auto agg = conn->exec("SELECT payer, cpt_group, submitted_date, count(*) FILTER (WHERE outcome = 'DENIED'), "
                          "count(*) FROM upstream.claims WHERE customer_id = $1 AND submitted_date >= '2026-03-01' "
                          "AND submitted_date < '2026-06-01' GROUP BY 1, 2, 3",
                          {customer});
    if (!agg.ok())
        return 1;
    std::printf("daily aggregate as analyst: %d groups over %d rows in %.3f s\n", agg->rows(), 2 * rows, seconds(t));
    return 0;
}
