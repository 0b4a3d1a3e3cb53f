#include "storage/pg/PgImportStore.h"

#include "storage/pg/PgConnection.h"

#include <QDate>

#include <sodium.h>

namespace upstream::storage {

Result<QByteArray> readClaimKey(PgConnection &conn, qint64 customer)
{
    auto r = conn.exec("SELECT encode(upstream.claim_key($1), 'hex')", {customer});
    if (!r.ok())
        return r.error();
    QString hex = r->rows() == 1 ? r->text(0, 0) : QString();
    QByteArray key = QByteArray::fromHex(hex.toLatin1());
    hex.fill(QLatin1Char('0'));
    if (key.size() != 32) {
        sodium_memzero(key.data(), std::size_t(key.size()));
        return makeError(ErrorCode::Corrupt, QStringLiteral("customer %1 has no valid claim key").arg(customer));
    }
    return key;
}

Result<std::vector<claims::Mapping>> listMappings(PgConnection &conn, qint64 customer)
{
    auto r = conn.exec("SELECT 'payer', raw_name, payer, updated_by, updated_at::text FROM upstream.payer_mappings "
                       "WHERE customer_id = $1 UNION ALL SELECT 'cpt-group', cpt, cpt_group, updated_by, "
                       "updated_at::text FROM upstream.cpt_group_mappings WHERE customer_id = $1 ORDER BY 1 DESC, 2",
                       {customer});
    if (!r.ok())
        return r.error();
    std::vector<claims::Mapping> out;
    out.reserve(std::size_t(r->rows()));
    for (int i = 0; i < r->rows(); ++i)
        out.push_back(
            {*claims::mappingKindFromName(r->text(i, 0)), r->text(i, 1), r->text(i, 2), r->text(i, 3), r->text(i, 4)});
    return out;
}

Status saveMappings(PgConnection &conn, qint64 customer, std::vector<claims::Mapping> mappings)
{
    if (Status st = conn.begin(); !st.ok())
        return st;
    auto fail = [&](Error e) {
        (void)conn.rollback();
        return Status(std::move(e));
    };
    for (claims::Mapping &m : mappings) {
        if (const QString why = claims::normaliseMapping(m); !why.isEmpty())
            return fail(makeError(ErrorCode::InvalidInput, QStringLiteral("%1: %2").arg(m.from, why)));
        auto r = m.kind == claims::MappingKind::Payer
                     ? conn.exec("INSERT INTO upstream.payer_mappings (customer_id, raw_name, payer) VALUES ($1, $2, "
                                 "$3) ON CONFLICT (customer_id, lower(raw_name)) DO UPDATE SET raw_name = "
                                 "excluded.raw_name, payer = excluded.payer, updated_at = now()",
                                 {customer, m.from, m.to})
                     : conn.exec("INSERT INTO upstream.cpt_group_mappings (customer_id, cpt, cpt_group) VALUES ($1, "
                                 "$2, $3) ON CONFLICT (customer_id, cpt) DO UPDATE SET cpt_group = "
                                 "excluded.cpt_group, updated_at = now()",
                                 {customer, m.from, m.to});
        if (!r.ok())
            return fail(r.error());
    }
    return conn.commit();
}

Result<QStringList> knownPayers(PgConnection &conn, qint64 customer)
{
    auto r = conn.exec("SELECT payer FROM upstream.payer_mappings WHERE customer_id = $1 UNION SELECT DISTINCT payer "
                       "FROM upstream.claims WHERE customer_id = $1 ORDER BY 1",
                       {customer});
    if (!r.ok())
        return r.error();
    QStringList out;
    for (int i = 0; i < r->rows(); ++i)
        out << r->text(i, 0);
    return out;
}

Result<bool> importedBefore(PgConnection &conn, qint64 customer, const QByteArray &sha256)
{
    auto seen = conn.exec(
        "SELECT EXISTS (SELECT 1 FROM upstream.uploads WHERE customer_id = $1 AND sha256 = decode($2, 'hex'))",
        {customer, QString::fromLatin1(sha256.toHex())});
    if (!seen.ok())
        return seen.error();
    return seen->boolean(0, 0);
}

Result<quality::UploadHistory> uploadHistory(PgConnection &conn, qint64 customer, std::int32_t importDay)
{
    const QString day = QDate(1970, 1, 1).addDays(importDay).toString(Qt::ISODate);
    // Anomalies are counted from the stored report (upload_reports.report->'anomalies'), written with the upload.
    auto uploads = conn.exec(
        "SELECT u.total_rows, u.accepted_rows, "
        "CASE jsonb_typeof(r.report->'anomalies') WHEN 'array' THEN jsonb_array_length(r.report->'anomalies') "
        "ELSE 0 END, "
        "CASE jsonb_typeof(r.report->'anomalies') WHEN 'array' THEN (SELECT count(*) FROM "
        "jsonb_array_elements(r.report->'anomalies') a WHERE a->>'severity' = 'critical') ELSE 0 END "
        "FROM upstream.uploads u LEFT JOIN upstream.upload_reports r "
        "ON r.customer_id = u.customer_id AND r.upload_id = u.upload_id "
        "WHERE u.customer_id = $1 AND (u.uploaded_at AT TIME ZONE 'UTC')::date > $2::date - 30 "
        "AND (u.uploaded_at AT TIME ZONE 'UTC')::date <= $2::date ORDER BY u.upload_id",
        {customer, day});
    if (!uploads.ok())
        return uploads.error();
    quality::UploadHistory history;
    history.acceptedRowsLast30Days = 0;
    for (int i = 0; i < uploads->rows(); ++i) {
        history.rowCountsLast30Days.push_back(std::uint64_t(uploads->int64(i, 0)));
        *history.acceptedRowsLast30Days += std::uint64_t(uploads->int64(i, 1));
        history.anomaliesLast30Days += int(uploads->int64(i, 2));
        history.criticalAnomaliesLast30Days += int(uploads->int64(i, 3));
    }
    // The claims as they stand now (a re-export replaced their state), so each decided claim counts once.
    auto mix = conn.exec("SELECT count(*) FILTER (WHERE outcome = 'PAID'), count(*) FILTER (WHERE outcome = 'DENIED'), "
                         "count(*) FILTER (WHERE outcome = 'OTHER') FROM upstream.claims WHERE customer_id = $1 "
                         "AND decided_date > $2::date - 90 AND decided_date <= $2::date",
                         {customer, day});
    if (!mix.ok())
        return mix.error();
    const double paid = double(mix->int64(0, 0)), denied = double(mix->int64(0, 1)), other = double(mix->int64(0, 2));
    if (const double decided = paid + denied + other; decided > 0)
        history.trailing90DayMix = quality::OutcomeMix{paid / decided, denied / decided, other / decided};
    return history;
}

} // namespace upstream::storage
