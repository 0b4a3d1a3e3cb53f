// Server side of pulling the customer's changes (see SyncProtocol.h).
#include "SyncProtocol.h"

#include "storage/pg/PgConnection.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <map>

namespace upstream::sync {
namespace {

struct TableQuery {
    const char *table;
    const char *keyColumn;
    const char *sql; // $1 customer, $2 bigint[] of keys; returns (key, row json)
};

// Only these tables are mirrored into the cache; table names never come from the server into SQL.
constexpr TableQuery kTables[] = {
    {"signals", "signal_id",
     "SELECT s.signal_id, to_jsonb(s)::text FROM upstream.signals s "
     "WHERE s.customer_id = $1 AND s.signal_id = ANY($2::bigint[])"},
    {"alerts", "alert_id",
     "SELECT a.alert_id, (to_jsonb(a) || jsonb_build_object('product', s.product))::text "
     "FROM upstream.alerts a JOIN upstream.signals s ON s.customer_id = a.customer_id AND s.signal_id = a.signal_id "
     "WHERE a.customer_id = $1 AND a.alert_id = ANY($2::bigint[])"},
    {"judgments", "judgment_id",
     "SELECT j.judgment_id, to_jsonb(j)::text FROM upstream.judgments j "
     "WHERE j.customer_id = $1 AND j.judgment_id = ANY($2::bigint[])"},
    {"ledger_entries", "entry_id",
     "SELECT l.entry_id, to_jsonb(l)::text FROM upstream.ledger_entries l "
     "WHERE l.customer_id = $1 AND l.entry_id = ANY($2::bigint[])"},
};

} // namespace

Result<PulledBatch> pullChanges(storage::PgConnection &conn, qint64 customerId, qint64 afterSeq, int limit)
{
    PulledBatch batch;
    batch.fromSeq = afterSeq;
    batch.toSeq = afterSeq;
    auto log = conn.exec("SELECT seq, table_name, row_key::text FROM upstream.change_log "
                         "WHERE customer_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
                         {customerId, afterSeq, limit});
    if (!log.ok())
        return log.error();
    // Latest change per (table, key) wins; the current row content is read below.
    std::map<QString, std::map<qint64, QJsonObject>> changed;
    for (int i = 0; i < log->rows(); ++i) {
        batch.toSeq = log->int64(i, 0);
        const QString table = log->text(i, 1);
        const QJsonObject key = QJsonDocument::fromJson(log->bytes(i, 2)).object();
        for (const TableQuery &t : kTables) {
            if (table == QLatin1String(t.table)) {
                changed[table][qint64(key.value(QLatin1String(t.keyColumn)).toDouble())] = key;
                break;
            }
        }
    }
    for (const TableQuery &t : kTables) {
        const auto it = changed.find(QLatin1String(t.table));
        if (it == changed.end())
            continue;
        QStringList ids;
        for (const auto &[id, key] : it->second)
            ids << QString::number(id);
        auto rows = conn.exec(t.sql, {customerId, QStringLiteral("{%1}").arg(ids.join(QLatin1Char(',')))});
        if (!rows.ok())
            return rows.error();
        std::map<qint64, QJsonObject> found;
        for (int i = 0; i < rows->rows(); ++i)
            found[rows->int64(i, 0)] = QJsonDocument::fromJson(rows->bytes(i, 1)).object();
        for (const auto &[id, key] : it->second) {
            PulledRow row;
            row.table = QLatin1String(t.table);
            row.key = key;
            const auto f = found.find(id);
            row.deleted = f == found.end();
            if (!row.deleted)
                row.row = f->second;
            batch.rows.push_back(std::move(row));
        }
    }
    return batch;
}

} // namespace upstream::sync
