#include "storage/pg/PullQueries.h"

#include <QJsonDocument>

namespace upstream::storage {
namespace {

struct TableQuery {
    const char *table;
    const char *keyColumn;
    // $1 customer, $2 after seq, $3 up to seq; returns (key, row json or NULL when the row is gone). The sub-select
    // k is the range's distinct keys of the table.
    const char *sql;
};

// Only these tables are mirrored into the cache; table names never come from the server into SQL.
constexpr TableQuery kTables[] = {
    {"signals", "signal_id",
     "SELECT k.id, to_jsonb(s)::text FROM (SELECT DISTINCT (c.row_key ->> 'signal_id')::bigint AS id "
     "FROM upstream.change_log c WHERE c.customer_id = $1 AND c.seq > $2 AND c.seq <= $3 "
     "AND c.table_name = 'signals') k "
     "LEFT JOIN upstream.signals s ON s.customer_id = $1 AND s.signal_id = k.id"},
    {"alerts", "alert_id",
     "SELECT k.id, (to_jsonb(a) || jsonb_build_object('product', s.product))::text "
     "FROM (SELECT DISTINCT (c.row_key ->> 'alert_id')::bigint AS id "
     "FROM upstream.change_log c WHERE c.customer_id = $1 AND c.seq > $2 AND c.seq <= $3 "
     "AND c.table_name = 'alerts') k "
     "LEFT JOIN (upstream.alerts a JOIN upstream.signals s ON s.customer_id = a.customer_id "
     "AND s.signal_id = a.signal_id) ON a.customer_id = $1 AND a.alert_id = k.id"},
    {"judgments", "judgment_id",
     "SELECT k.id, to_jsonb(j)::text FROM (SELECT DISTINCT (c.row_key ->> 'judgment_id')::bigint AS id "
     "FROM upstream.change_log c WHERE c.customer_id = $1 AND c.seq > $2 AND c.seq <= $3 "
     "AND c.table_name = 'judgments') k "
     "LEFT JOIN upstream.judgments j ON j.customer_id = $1 AND j.judgment_id = k.id"},
};

// The columns of LedgerPullColumn, formatted as the cache stores them (LedgerEntry::fromServerRow's conventions:
// integer cents, ISO dates, timestamps in whole UTC seconds), in the cache's key order so that consecutive inserts
// land on the same index pages.
constexpr const char *kLedgerSql =
    "SELECT k.id, l.client_uuid::text, l.alert_id::text, l.signal_id::text, l.product, l.payer, "
    "(l.expected_amount * 100)::bigint, (l.recovered_amount * 100)::bigint, to_char(l.recovered_date, 'YYYY-MM-DD'), "
    "l.state, l.owner, l.notes, l.approved_by, "
    // An offline approval keeps the supervisor's own time (approved_at_client); approved_at is the server's receipt.
    "to_char(coalesce(l.approved_at_client, l.approved_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
    "l.version, "
    "to_char(l.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
    "to_char(l.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), l.recovered_by "
    "FROM (SELECT DISTINCT (c.row_key ->> 'entry_id')::bigint AS id "
    "FROM upstream.change_log c WHERE c.customer_id = $1 AND c.seq > $2 AND c.seq <= $3 "
    "AND c.table_name = 'ledger_entries') k "
    "LEFT JOIN upstream.ledger_entries l ON l.customer_id = $1 AND l.entry_id = k.id "
    "ORDER BY l.client_uuid::text";

} // namespace

int PulledBatch::rowCount() const
{
    return int(rows.size()) + (ledgerRows ? ledgerRows->rows() : 0);
}

Result<PulledBatch> pullChanges(PgConnection &conn, qint64 customerId, qint64 afterSeq, int limit)
{
    PulledBatch batch;
    batch.fromSeq = afterSeq;
    batch.toSeq = afterSeq;
    auto range = conn.exec("SELECT max(seq) FROM (SELECT seq FROM upstream.change_log "
                           "WHERE customer_id = $1 AND seq > $2 ORDER BY seq LIMIT $3) r",
                           {customerId, afterSeq, limit});
    if (!range.ok())
        return range.error();
    if (range->rows() == 0 || range->isNull(0, 0))
        return batch;
    batch.toSeq = range->int64(0, 0);
    const std::vector<QVariant> params = {customerId, afterSeq, batch.toSeq};

    for (const TableQuery &t : kTables) {
        auto rows = conn.exec(t.sql, params);
        if (!rows.ok())
            return rows.error();
        for (int i = 0; i < rows->rows(); ++i) {
            PulledRow row;
            row.table = QLatin1String(t.table);
            row.key = {{QLatin1String(t.keyColumn), double(rows->int64(i, 0))}};
            row.deleted = rows->isNull(i, 1);
            if (!row.deleted)
                row.row = QJsonDocument::fromJson(rows->bytes(i, 1)).object();
            batch.rows.push_back(std::move(row));
        }
    }
    auto ledger = conn.exec(kLedgerSql, params);
    if (!ledger.ok())
        return ledger.error();
    batch.ledgerRows = std::make_shared<const PgResult>(std::move(ledger.value()));
    return batch;
}

Result<QStringList> changeChannels(PgConnection &conn)
{
    auto r = conn.exec("SELECT channel FROM upstream.change_channels ORDER BY customer_id");
    if (!r.ok())
        return r.error();
    QStringList channels;
    for (int i = 0; i < r->rows(); ++i)
        channels << r->text(i, 0);
    return channels;
}

} // namespace upstream::storage
