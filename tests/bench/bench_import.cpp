// bench_import: on one generated 1,000,000-row claim CSV (the demo generator), in ONE run, compares
//   baseline: `psql` loading the already-clean rows (a tab-separated file written beforehand, untimed) the way the
//             analyst role has to: BEGIN; CREATE TEMP TABLE staging; \copy staging FROM file; INSERT INTO
//             upstream.claims ... SELECT ... FROM staging; COMMIT — PostgreSQL refuses COPY straight into an
//             RLS table for app roles, so this is the fastest thing psql can do as that role;
//   ours:     ClaimImporter::importToPostgres on the raw CSV as the same analyst: read + validate (all SPEC checks,
//             PHI scan, SHA-256) overlapped with binary COPY into staging, then upload/INSERT ... SELECT/report/
//             audit in one transaction.
// upstream.claims is truncated (as superuser) before every timed run, so each run loads into the same table state.
// Ours runs with binary COPY (the default) and with text COPY, to measure the choice.
// Each side runs `rounds` times alternately; the best of each is compared. Target: ours <= 1.25 x baseline.
// Usage: bench_import [rows=1000000] [rounds=2]. Uses $UPSTREAM_TEST_PG when set, else starts a private cluster.
#include "PrivateCluster.h"
#include "UpstreamSchema.h"

#include "demo/DemoDataGenerator.h"
#include "importer/ClaimImporter.h"

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

using namespace upstream;

namespace {

double seconds(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

// Writes the accepted rows of `csv` as a COPY text file (the "already clean rows" psql loads).
bool writeCleanRows(const QString &csv, const QString &tsv, std::uint64_t &rows)
{
    std::FILE *f = std::fopen(tsv.toLocal8Bit().constData(), "wb");
    if (!f)
        return false;
    importer::ValidationOptions o;
    o.validator.importDay = std::int32_t(QDate(1970, 1, 1).daysTo(QDate::currentDate()));
    std::string line;
    o.acceptedRows = [&](std::vector<claims::ClaimRow> &&batch) {
        line.clear();
        for (const claims::ClaimRow &r : batch)
            importer::appendCopyTextRow(line, r);
        std::fwrite(line.data(), 1, line.size(), f);
        rows += batch.size();
    };
    const bool ok = validateCsvFile(csv, o).ok();
    return std::fclose(f) == 0 && ok;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rows = argc > 1 ? QByteArray(argv[1]).toInt() : 1000000;
    const int rounds = argc > 2 ? QByteArray(argv[2]).toInt() : 2;
    std::optional<test::PrivateCluster> privateCluster;
    auto fx = test::PgFixture::load();
    if (!fx) {
        privateCluster.emplace();
        if (!privateCluster->ok()) {
            std::fprintf(stderr, "no cluster: %s\n", qPrintable(privateCluster->error()));
            return 1;
        }
        fx = privateCluster->fixture();
    }
    test::MigratedDatabase db(*fx, QStringLiteral("bench_import"));
    if (!db.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error()));
        return 1;
    }
    const qint64 customer = db.createCustomer(QStringLiteral("Bench")).value_or(0);
    const auto analyst = db.createUser(customer, QStringLiteral("analyst"));
    if (!analyst)
        return 1;

    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("claims.csv"));
    const QString tsv = dir.filePath(QStringLiteral("clean.tsv"));
    const QString script = dir.filePath(QStringLiteral("load.sql"));
    demo::DemoConfig config;
    config.rows = rows;
    config.seed = 42;
    config.asOf = QDate::currentDate();
    if (!demo::DemoDataGenerator(config).writeCsv(csv).ok())
        return 1;
    std::uint64_t clean = 0;
    if (!writeCleanRows(csv, tsv, clean))
        return 1;
    QFile sql(script);
    if (!sql.open(QIODevice::WriteOnly))
        return 1;
    sql.write("BEGIN;\nCREATE TEMP TABLE staging (payer text, cpt text, cpt_group text, submitted_date date, "
              "decided_date date, outcome text, allowed_amount numeric(12,2), billed_amount numeric(12,2), "
              "paid_amount numeric(12,2), payment_date date, denial_reason_code text, denial_reason_text text, "
              "claim_ref_hmac bytea) ON COMMIT DROP;\n\\copy staging FROM '" +
              tsv.toUtf8() +
              "'\nINSERT INTO upstream.claims (customer_id, payer, cpt, cpt_group, submitted_date, decided_date, "
              "outcome, allowed_amount, billed_amount, paid_amount, payment_date, denial_reason_code, "
              "denial_reason_text, claim_ref_hmac) SELECT " +
              QByteArray::number(customer) +
              ", payer, cpt, cpt_group, submitted_date, decided_date, outcome, allowed_amount, billed_amount, "
              "paid_amount, payment_date, denial_reason_code, denial_reason_text, claim_ref_hmac FROM staging;\n"
              "COMMIT;\n");
    sql.close();
    std::printf("file: %d rows, %.1f MB; %llu clean rows, %.1f MB as COPY text\n", rows,
                double(QFileInfo(csv).size()) / 1e6, static_cast<unsigned long long>(clean),
                double(QFileInfo(tsv).size()) / 1e6);

    auto truncate = [&] { return db.superuser().execScript(QStringLiteral("TRUNCATE upstream.claims")).ok(); };
    auto claimsCount = [&] {
        auto r = db.superuser().exec("SELECT count(*) FROM upstream.claims");
        return r.ok() ? r->int64(0, 0) : -1;
    };
    double bestPsql = 1e9, bestOurs = 1e9, bestText = 1e9;
    for (int round = 0; round < rounds; ++round) {
        if (!truncate())
            return 1;
        QProcess psql;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), analyst->password);
        psql.setProcessEnvironment(env);
        QElapsedTimer t;
        t.start();
        psql.start(QStringLiteral("psql"),
                   {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                    QStringLiteral("-d"), db.conninfoFor(*analyst), QStringLiteral("-f"), script});
        psql.waitForFinished(-1);
        const double psqlSeconds = seconds(t);
        if (psql.exitCode() != 0 || claimsCount() != qint64(clean)) {
            std::fprintf(stderr, "psql failed: %s\n", psql.readAllStandardError().constData());
            return 1;
        }
        std::printf("round %d: psql \\copy + INSERT ... SELECT %.2f s\n", round + 1, psqlSeconds);
        bestPsql = std::min(bestPsql, psqlSeconds);
        for (const importer::CopyFormat format : {importer::CopyFormat::Binary, importer::CopyFormat::Text}) {
            const bool binary = format == importer::CopyFormat::Binary;
            if (!truncate())
                return 1;
            auto conn = db.connectAs(*analyst);
            if (!conn.ok())
                return 1;
            importer::ImportOptions o;
            o.customerId = customer;
            o.copyFormat = format;
            o.validation.validator.importDay = std::int32_t(QDate(1970, 1, 1).daysTo(QDate::currentDate()));
            t.restart();
            auto r = importer::ClaimImporter::importToPostgres(*conn, csv, o);
            const double oursSeconds = seconds(t);
            if (!r.ok() || r->claimsLoaded != clean) {
                std::fprintf(stderr, "import failed: %s\n", r.ok() ? "row count" : qPrintable(r.error().message));
                return 1;
            }
            std::printf("round %d: upstream import (%s COPY) %.2f s (ratio %.2f)\n", round + 1,
                        binary ? "binary" : "text", oursSeconds, oursSeconds / psqlSeconds);
            (binary ? bestOurs : bestText) = std::min(binary ? bestOurs : bestText, oursSeconds);
        }
        std::fflush(stdout);
    }
    std::printf("best: psql %.2f s (%.0f rows/s); import with text COPY %.2f s (ratio %.2f)\n", bestPsql,
                double(clean) / bestPsql, bestText, bestText / bestPsql);
    std::printf(
        "best: psql %.2f s (%.0f rows/s), import (binary COPY) %.2f s (%.0f rows/s), ratio %.2f (target <= 1.25)\n",
        bestPsql, double(clean) / bestPsql, bestOurs, double(clean) / bestOurs, bestOurs / bestPsql);
    return 0;
}
