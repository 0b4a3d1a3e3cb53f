#include "storage/pg/PullQueries.h"

#include <QJsonDocument>

#include <algorithm>
#include <string_view>

namespace upstream::storage {
namespace {

// The range's distinct keys of one table ($1 customer, $2 after seq, $3 up to seq), without the keys whose changes
// in the range all came from this connection's own workstation: 0010 stamps change_log.origin with the sha256 of the
// writing session's upstream.change_origin (NULL for everybody else). NULL never equals anything, so on a
// connection without a token nothing is left out. The token's hash is computed once per statement (a sub-select),
// not once per change. The workstation already holds what it left out: its push
// acknowledgement carried the rows as the server stamped them (serverRowsAfterPush).
#define UPSTREAM_CHANGED_KEYS(key, table)                                                                              \
    "SELECT (c.row_key ->> '" key "')::bigint AS id FROM upstream.change_log c "                                       \
    "WHERE c.customer_id = $1 AND c.seq > $2 AND c.seq <= $3 AND c.table_name = '" table "' "                          \
    "GROUP BY 1 HAVING NOT coalesce(bool_and(c.origin = (SELECT "                                                      \
    "sha256(convert_to(nullif(current_setting('upstream.change_origin', true), ''), 'UTF8')))), false)"

// A judgment's extra keys: its alert's product, and judged_at in the cache's format (ISO, milliseconds, UTC) — the
// operator's own time when the workstation sent it (judged_at_client, 0010), else the server's receipt.
#define UPSTREAM_JUDGMENT_EXTRA                                                                                        \
    "jsonb_build_object('product', s.product, 'judged_at', to_char(coalesce(j.judged_at_client, j.updated_at) "        \
    "AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'))"

struct TableQuery {
    const char *table;
    const char *keyColumn;
    // $1 customer, $2 after seq, $3 up to seq; returns (key, row json or NULL when the row is gone). The sub-select
    // k is the range's changed keys of the table (UPSTREAM_CHANGED_KEYS).
    const char *sql;
};

// Only these tables are mirrored into the cache; table names never come from the server into SQL.
constexpr TableQuery kTables[] = {
    {"signals", "signal_id",
     "SELECT k.id, to_jsonb(s)::text FROM (" UPSTREAM_CHANGED_KEYS(
         "signal_id", "signals") ") k "
                                 "LEFT JOIN upstream.signals s ON s.customer_id = $1 AND s.signal_id = k.id"},
    {"alerts", "alert_id",
     "SELECT k.id, (to_jsonb(a) || jsonb_build_object('product', s.product))::text "
     "FROM (" UPSTREAM_CHANGED_KEYS(
         "alert_id", "alerts") ") k "
                               "LEFT JOIN (upstream.alerts a JOIN upstream.signals s ON s.customer_id = a.customer_id "
                               "AND s.signal_id = a.signal_id) ON a.customer_id = $1 AND a.alert_id = k.id"},
    // With the alert's product, so that the cache can tell which dashboard a changed judgment belongs to.
    {"judgments", "judgment_id",
     "SELECT k.id, (to_jsonb(j) || " UPSTREAM_JUDGMENT_EXTRA ")::text "
     "FROM (" UPSTREAM_CHANGED_KEYS(
         "judgment_id",
         "judgments") ") k "
                      "LEFT JOIN (upstream.judgments j JOIN upstream.alerts a ON a.customer_id = j.customer_id "
                      "AND a.alert_id = j.alert_id JOIN upstream.signals s ON s.customer_id = a.customer_id "
                      "AND s.signal_id = a.signal_id) ON j.customer_id = $1 AND j.judgment_id = k.id"},
};

// The columns of LedgerPullColumn after the key, formatted as the cache stores them (LedgerEntry::fromServerRow's
// conventions: integer cents, ISO dates, timestamps in whole UTC seconds).
#define UPSTREAM_LEDGER_PULL_COLUMNS                                                                                   \
    "l.client_uuid::text, l.alert_id::text, l.signal_id::text, l.product, l.payer, "                                   \
    "(l.expected_amount * 100)::bigint, (l.recovered_amount * 100)::bigint, "                                          \
    "to_char(l.recovered_date, 'YYYY-MM-DD'), l.state, l.owner, l.notes, l.approved_by, "                              \
    "to_char(coalesce(l.approved_at_client, l.approved_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "    \
    "l.version, to_char(l.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "                          \
    "to_char(l.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), l.recovered_by "

// Unordered: the reader puts the rows in the cache's key order (keyOrder), off the server and off the thread that
// writes the cache (sorting 20,000 rows by client_uuid::text cost the server ~20 ms a batch, spilled to disk). An
// offline approval keeps the supervisor's own time (approved_at_client); approved_at is the server's receipt.
constexpr const char *kLedgerSql = "SELECT k.id, " UPSTREAM_LEDGER_PULL_COLUMNS "FROM (" UPSTREAM_CHANGED_KEYS(
    "entry_id", "ledger_entries") ") k "
                                  "LEFT JOIN upstream.ledger_entries l ON l.customer_id = $1 AND l.entry_id = k.id";

// The push acknowledgement's rows (serverRowsAfterPush): the pull's columns and formats, by key ($2 an array).
constexpr const char *kAckAlertsSql =
    "SELECT a.alert_id, (to_jsonb(a) || jsonb_build_object('product', s.product))::text FROM upstream.alerts a "
    "JOIN upstream.signals s ON s.customer_id = a.customer_id AND s.signal_id = a.signal_id "
    "WHERE a.customer_id = $1 AND a.alert_id = ANY ($2::bigint[])";
constexpr const char *kAckJudgmentsSql =
    "SELECT j.judgment_id, (to_jsonb(j) || " UPSTREAM_JUDGMENT_EXTRA ")::text "
    "FROM upstream.judgments j JOIN upstream.alerts a ON a.customer_id = j.customer_id AND a.alert_id = j.alert_id "
    "JOIN upstream.signals s ON s.customer_id = a.customer_id AND s.signal_id = a.signal_id "
    "WHERE j.customer_id = $1 AND j.alert_id = ANY ($2::bigint[]) AND j.operator = session_user";
constexpr const char *kAckLedgerSql =
    "SELECT l.entry_id, " UPSTREAM_LEDGER_PULL_COLUMNS "FROM upstream.ledger_entries l "
    "WHERE l.customer_id = $1 AND l.client_uuid = ANY ($2::uuid[])";

QString bracedArray(const QStringList &items)
{
    return QLatin1Char('{') + items.join(QLatin1Char(',')) + QLatin1Char('}');
}

// Appends one table's (key, row json or NULL) result to the batch.
void appendRows(PulledBatch &batch, const char *table, const char *keyColumn, const PgResult &rows)
{
    for (int i = 0; i < rows.rows(); ++i) {
        PulledRow row;
        row.table = QLatin1String(table);
        row.key = {{QLatin1String(keyColumn), double(rows.int64(i, 0))}};
        row.deleted = rows.isNull(i, 1);
        if (!row.deleted)
            row.row = QJsonDocument::fromJson(rows.bytes(i, 1)).object();
        batch.rows.push_back(std::move(row));
    }
}

// The rows' numbers ordered by client_uuid as bytes (NULL, a deleted entry, as empty: first); ties keep their order.
std::vector<int> keyOrder(const PgResult &rows)
{
    std::vector<std::pair<std::string_view, int>> keyed;
    keyed.reserve(std::size_t(rows.rows()));
    for (int i = 0; i < rows.rows(); ++i)
        keyed.emplace_back(
            std::string_view(rows.data(i, PulledClientUuid), std::size_t(rows.size(i, PulledClientUuid))), i);
    std::sort(keyed.begin(), keyed.end());
    std::vector<int> order;
    order.reserve(keyed.size());
    for (const auto &k : keyed)
        order.push_back(k.second);
    return order;
}

} // namespace

void setLedgerRows(PulledBatch &batch, PgResult &&rows)
{
    batch.ledgerOrder = keyOrder(rows);
    batch.ledgerRows = std::make_shared<const PgResult>(std::move(rows));
}

int PulledBatch::rowCount() const
{
    return int(rows.size()) + (ledgerRows ? ledgerRows->rows() : 0);
}

Result<PulledBatch> pullChanges(PgConnection &conn, qint64 customerId, qint64 afterSeq, int limit)
{
    PulledBatch batch;
    batch.fromSeq = afterSeq;
    batch.toSeq = afterSeq;
    // The range, and which tables changed in it: a table's query scans the whole range, so one that has nothing
    // there is not asked (a ledger-only batch of 20,000 spent ~15 ms in three empty queries).
    static const QByteArray rangeSql = [] {
        QByteArray sql = "SELECT max(seq)";
        for (const TableQuery &t : kTables) // one flag per table, in kTables' order, then the ledger's
            sql += QByteArray(", bool_or(table_name = '") + t.table + "')";
        return sql + ", bool_or(table_name = 'ledger_entries') FROM (SELECT seq, table_name FROM upstream.change_log "
                     "WHERE customer_id = $1 AND seq > $2 ORDER BY seq LIMIT $3) r";
    }();
    auto range = conn.exec(rangeSql.constData(), {customerId, afterSeq, limit});
    if (!range.ok())
        return range.error();
    if (range->rows() == 0 || range->isNull(0, 0))
        return batch;
    batch.toSeq = range->int64(0, 0);
    const std::vector<QVariant> params = {customerId, afterSeq, batch.toSeq};

    for (int t = 0; t < int(std::size(kTables)); ++t) {
        if (!range->boolean(0, 1 + t))
            continue;
        auto rows = conn.exec(kTables[t].sql, params);
        if (!rows.ok())
            return rows.error();
        appendRows(batch, kTables[t].table, kTables[t].keyColumn, rows.value());
    }
    if (!range->boolean(0, 1 + int(std::size(kTables))))
        return batch;
    auto ledger = conn.exec(kLedgerSql, params);
    if (!ledger.ok())
        return ledger.error();
    setLedgerRows(batch, std::move(ledger.value()));
    return batch;
}

Result<PulledBatch> serverRowsAfterPush(PgConnection &conn, qint64 customerId, const QStringList &alertIds,
                                        const QStringList &ledgerClientUuids)
{
    PulledBatch rows;
    if (!alertIds.isEmpty()) {
        const std::vector<QVariant> params = {customerId, bracedArray(alertIds)};
        auto alerts = conn.exec(kAckAlertsSql, params);
        if (!alerts.ok())
            return alerts.error();
        appendRows(rows, "alerts", "alert_id", alerts.value());
        auto judgments = conn.exec(kAckJudgmentsSql, params);
        if (!judgments.ok())
            return judgments.error();
        appendRows(rows, "judgments", "judgment_id", judgments.value());
    }
    if (!ledgerClientUuids.isEmpty()) {
        auto ledger = conn.exec(kAckLedgerSql, {customerId, bracedArray(ledgerClientUuids)});
        if (!ledger.ok())
            return ledger.error();
        setLedgerRows(rows, std::move(ledger.value()));
    }
    return rows;
}

Status setChangeOrigin(PgConnection &conn, const QString &token)
{
    auto r = conn.exec("SELECT set_config('upstream.change_origin', $1, false)", {token});
    if (!r.ok())
        return r.error();
    return Status::success();
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
