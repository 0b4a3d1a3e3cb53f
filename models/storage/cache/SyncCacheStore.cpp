#include "storage/cache/SyncCacheStore.h"

#include "storage/cache/LocalCache.h"
#include "storage/cache/SyncStatementCache.h"

#include <QJsonDocument>
#include <QUuid>

#include <cstdlib>
#include <set>
#include <string_view>

namespace upstream::storage {
namespace {

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QVariant text(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isNull() || v.isUndefined())
        return {};
    if (v.isDouble())
        return QString::number(qint64(v.toDouble()));
    return v.toString();
}

QVariant real(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? QVariant(v.toDouble()) : QVariant();
}

// Entities with changes still queued locally: the pull must not overwrite them (the push decides).
Result<std::set<QString>> pendingEntities(LocalCache &cache)
{
    std::set<QString> out;
    auto q = cache.db().prepare(QStringLiteral("SELECT DISTINCT entity_id FROM outbox"));
    if (!q.ok())
        return q.error();
    const Status rows = q->forEachRow([&] { out.insert(q->text(0)); });
    if (!rows.ok())
        return rows.error();
    return out;
}

Status run(SyncStatementCache &statements, const QString &sql, const std::vector<QVariant> &params)
{
    return statements.run(sql, params);
}

// Adds what the last statement changed to `changes`, for the dashboard of `product` (empty: unknown, all of them).
void count(SyncStatementCache &statements, CacheChanges &changes, const QString &product)
{
    const int n = statements.changes();
    if (n <= 0)
        return;
    changes.rows += n;
    if (product.isEmpty())
        changes.allProducts = true;
    else
        changes.products.insert(product);
}

// The upserts below update only a row that differs (their WHERE), so that changes() counts real changes.
Status applySignal(SyncStatementCache &cache, const QJsonObject &r, CacheChanges &changes)
{
    Status st = run(
        cache,
        QStringLiteral(
            "INSERT INTO signals (id, product, signal_type, payer, cpt_group, reason, severity, confidence, "
            "baseline_value, current_value, delta, p_value, dollars, window_start, window_end, as_of, evidence, "
            "computed_at, server_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1) "
            "ON CONFLICT(id) DO UPDATE SET product=excluded.product, signal_type=excluded.signal_type, "
            "payer=excluded.payer, cpt_group=excluded.cpt_group, reason=excluded.reason, "
            "severity=excluded.severity, confidence=excluded.confidence, baseline_value=excluded.baseline_value, "
            "current_value=excluded.current_value, delta=excluded.delta, p_value=excluded.p_value, "
            "dollars=excluded.dollars, window_start=excluded.window_start, window_end=excluded.window_end, "
            "as_of=excluded.as_of, evidence=excluded.evidence, computed_at=excluded.computed_at, "
            "server_version=server_version+1 "
            "WHERE (signals.product, signals.signal_type, signals.payer, signals.cpt_group, signals.reason, "
            "signals.severity, signals.confidence, signals.baseline_value, signals.current_value, signals.delta, "
            "signals.p_value, signals.dollars, signals.window_start, signals.window_end, signals.as_of, "
            "signals.evidence, signals.computed_at) IS NOT (excluded.product, excluded.signal_type, excluded.payer, "
            "excluded.cpt_group, excluded.reason, excluded.severity, excluded.confidence, excluded.baseline_value, "
            "excluded.current_value, excluded.delta, excluded.p_value, excluded.dollars, excluded.window_start, "
            "excluded.window_end, excluded.as_of, excluded.evidence, excluded.computed_at)"),
        {text(r, "signal_id"), text(r, "product"), text(r, "signal_type"), r.value(QStringLiteral("payer")).toString(),
         text(r, "cpt_group"), text(r, "reason"), text(r, "severity"), real(r, "confidence"), real(r, "baseline_value"),
         real(r, "current_value"), real(r, "delta"), real(r, "p_value"), real(r, "dollars"), text(r, "window_start"),
         text(r, "window_end"), text(r, "window_end"), json(r.value(QStringLiteral("evidence")).toObject()),
         text(r, "computed_at")});
    if (st.ok())
        count(cache, changes, r.value(QStringLiteral("product")).toString());
    return st;
}

Status applyAlert(SyncStatementCache &cache, const QJsonObject &r, CacheChanges &changes)
{
    Status st =
        run(cache,
            QStringLiteral("INSERT INTO alerts (id, signal_id, product, status, suppressed, suppression_reason, "
                           "created_at, version) VALUES (?,?,?,?,?,?,?,1) ON CONFLICT(id) DO UPDATE SET "
                           "status=excluded.status, suppressed=excluded.suppressed, "
                           "suppression_reason=excluded.suppression_reason, version=version+1 "
                           "WHERE (alerts.status, alerts.suppressed, alerts.suppression_reason) IS NOT "
                           "(excluded.status, excluded.suppressed, excluded.suppression_reason)"),
            {text(r, "alert_id"), text(r, "signal_id"), text(r, "product"), text(r, "status"),
             qint64(r.value(QStringLiteral("suppressed")).toBool() ? 1 : 0), text(r, "suppression_reason"),
             text(r, "created_at")});
    if (st.ok())
        count(cache, changes, r.value(QStringLiteral("product")).toString());
    return st;
}

Status applyJudgment(SyncStatementCache &cache, const QJsonObject &r, CacheChanges &changes)
{
    const QString product = r.value(QStringLiteral("product")).toString();
    // One judgment per (alert, operator): a row made elsewhere under another client id replaces ours.
    if (Status st = run(cache, QStringLiteral("DELETE FROM judgments WHERE alert_id = ? AND operator = ? AND id <> ?"),
                        {text(r, "alert_id"), text(r, "operator"), text(r, "client_uuid")});
        !st.ok())
        return st;
    count(cache, changes, product);
    // The operator's own time when the server has it (0010), else the server's receipt (older servers).
    const QVariant judgedAt = r.contains(QStringLiteral("judged_at")) ? text(r, "judged_at") : text(r, "updated_at");
    // server_id is bookkeeping (deletions are matched on it), not something a screen shows: set apart, not counted.
    if (Status st =
            run(cache,
                QStringLiteral("INSERT INTO judgments (id, server_id, alert_id, operator, verdict, reason_code, "
                               "notes, judged_at) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
                               "verdict=excluded.verdict, reason_code=excluded.reason_code, "
                               "notes=excluded.notes, judged_at=excluded.judged_at "
                               "WHERE (judgments.verdict, judgments.reason_code, judgments.notes, "
                               "judgments.judged_at) IS NOT (excluded.verdict, excluded.reason_code, "
                               "excluded.notes, excluded.judged_at)"),
                {text(r, "client_uuid"), text(r, "judgment_id"), text(r, "alert_id"), text(r, "operator"),
                 text(r, "verdict"), text(r, "reason_code"), text(r, "notes"), judgedAt});
        !st.ok())
        return st;
    count(cache, changes, product);
    return run(cache, QStringLiteral("UPDATE judgments SET server_id = ? WHERE id = ? AND server_id IS NOT ?"),
               {text(r, "judgment_id"), text(r, "client_uuid"), text(r, "judgment_id")});
}

Status deleteJudgment(SyncStatementCache &cache, const QJsonObject &key, CacheChanges &changes)
{
    const QVariant serverId = text(key, "judgment_id");
    CipherStatement *product = cache.statement(
        QStringLiteral("SELECT a.product FROM judgments j JOIN alerts a ON a.id = j.alert_id WHERE j.server_id = ?"));
    if (!product)
        return cache.lastError();
    product->bind(1, serverId);
    QString of;
    if (Status st = product->forEachRow([&] { of = product->text(0); }); !st.ok())
        return st;
    if (Status st = run(cache, QStringLiteral("DELETE FROM judgments WHERE server_id = ?"), {serverId}); !st.ok())
        return st;
    count(cache, changes, of);
    return Status::success();
}

// A pulled ledger row in the server's row form (to_jsonb of upstream.ledger_entries, as LedgerEntry::fromServerRow
// reads it and as a push conflict returns it).
QJsonObject ledgerServerRow(const PgResult &rows, int i)
{
    auto value = [&](int column) -> QJsonValue {
        if (rows.isNull(i, column))
            return QJsonValue::Null;
        return QString::fromUtf8(rows.data(i, column), rows.size(i, column));
    };
    auto number = [&](int column) { return QJsonValue(double(std::strtoll(rows.data(i, column), nullptr, 10))); };
    return {{QStringLiteral("entry_id"), number(PulledEntryId)},
            {QStringLiteral("client_uuid"), value(PulledClientUuid)},
            {QStringLiteral("alert_id"), rows.isNull(i, PulledAlertId) ? QJsonValue() : number(PulledAlertId)},
            {QStringLiteral("signal_id"), rows.isNull(i, PulledSignalId) ? QJsonValue() : number(PulledSignalId)},
            {QStringLiteral("product"), value(PulledProduct)},
            {QStringLiteral("payer"), value(PulledPayer)},
            {QStringLiteral("expected_amount"), number(PulledExpectedCents).toDouble() / 100.0},
            {QStringLiteral("recovered_amount"), number(PulledRecoveredCents).toDouble() / 100.0},
            {QStringLiteral("recovered_date"), value(PulledRecoveredDate)},
            {QStringLiteral("state"), value(PulledState)},
            {QStringLiteral("owner"), value(PulledOwner)},
            {QStringLiteral("notes"), value(PulledNotes)},
            {QStringLiteral("approved_by"), value(PulledApprovedBy)},
            {QStringLiteral("approved_at"), value(PulledApprovedAt)},
            {QStringLiteral("version"), number(PulledVersion)},
            {QStringLiteral("created_at"), value(PulledCreatedAt)},
            {QStringLiteral("updated_at"), value(PulledUpdatedAt)},
            {QStringLiteral("recovered_by"), value(PulledRecoveredBy)}};
}

// Ledger rows as pulled (LedgerPullColumn), in the cache's key order (PulledBatch::ledgerOrder): the server's bytes
// are bound as they are, one prepared statement each for upserts and deletions. A row with a local edit still
// queued is left alone until the push has decided on it.
Status applyLedgerRows(SyncStatementCache &cache, const PgResult &rows, const std::vector<int> &order,
                       const std::set<QString> &pending, CacheChanges &changes)
{
    const QString upsert = QStringLiteral(
        "INSERT INTO ledger_entries (id, server_id, alert_id, signal_id, product, payer, expected_cents, "
        "recovered_cents, recovered_date, state, owner, notes, approved_by, approved_at, version, created_at, "
        "updated_at, recovered_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE "
        "SET server_id=excluded.server_id, alert_id=excluded.alert_id, signal_id=excluded.signal_id, "
        "product=excluded.product, payer=excluded.payer, expected_cents=excluded.expected_cents, "
        "recovered_cents=excluded.recovered_cents, recovered_date=excluded.recovered_date, "
        "state=excluded.state, owner=excluded.owner, notes=excluded.notes, "
        "approved_by=excluded.approved_by, approved_at=excluded.approved_at, version=excluded.version, "
        "updated_at=excluded.updated_at, recovered_by=excluded.recovered_by "
        "WHERE (ledger_entries.server_id, ledger_entries.alert_id, ledger_entries.signal_id, ledger_entries.product, "
        "ledger_entries.payer, ledger_entries.expected_cents, ledger_entries.recovered_cents, "
        "ledger_entries.recovered_date, ledger_entries.state, ledger_entries.owner, ledger_entries.notes, "
        "ledger_entries.approved_by, ledger_entries.approved_at, ledger_entries.version, ledger_entries.updated_at, "
        "ledger_entries.recovered_by) IS NOT (excluded.server_id, excluded.alert_id, excluded.signal_id, "
        "excluded.product, excluded.payer, excluded.expected_cents, excluded.recovered_cents, "
        "excluded.recovered_date, excluded.state, excluded.owner, excluded.notes, excluded.approved_by, "
        "excluded.approved_at, excluded.version, excluded.updated_at, excluded.recovered_by)");
    const QString remove = QStringLiteral("DELETE FROM ledger_entries WHERE server_id = ? RETURNING product");
    auto counted = [&](const QString &product) {
        ++changes.rows;
        changes.ledger = true;
        changes.products.insert(product);
    };
    auto integer = [&](int row, int column) { return qint64(std::strtoll(rows.data(row, column), nullptr, 10)); };
    CipherStatement *q = cache.statement(upsert);
    if (!q)
        return cache.lastError();
    std::string_view lastProduct; // points into `rows`, which outlive the loop
    bool anyProduct = false;
    const bool ordered = order.size() == std::size_t(rows.rows()); // else (not from setLedgerRows): as they came
    for (int k = 0; k < rows.rows(); ++k) {
        const int i = ordered ? order[std::size_t(k)] : k;
        // A NULL comes back from libpq as an empty value, and no present value here is empty (a client UUID never
        // is; an empty text is stored as NULL anyway): the length alone tells, one libpq call instead of two.
        if (rows.size(i, PulledClientUuid) == 0) {
            CipherStatement *d = cache.statement(remove);
            if (!d)
                return cache.lastError();
            d->bindText(1, rows.data(i, PulledEntryId), rows.size(i, PulledEntryId));
            if (Status st = d->forEachRow([&] { counted(d->text(0)); }); !st.ok())
                return st;
            continue;
        }
        if (!pending.empty()) {
            const QString entity = QString::fromLatin1(rows.data(i, PulledClientUuid), rows.size(i, PulledClientUuid));
            if (pending.count(entity)) {
                // Our queued edit wins locally until the server has decided on it. If it was already refused, the
                // conflict's "theirs" follows the server, so that resolving it starts from the server's newest
                // version (this row is not sent again once the conflict is gone).
                CipherStatement *theirs =
                    cache.statement(QStringLiteral("UPDATE conflicts SET theirs = ? WHERE entity_id = ?"));
                if (!theirs)
                    return cache.lastError();
                theirs->bind(1, json(ledgerServerRow(rows, i)));
                theirs->bind(2, entity);
                if (Status st = theirs->run(); !st.ok())
                    return st;
                continue;
            }
        }
        q->reset();
        // Bind position = column + 1, except the first two (client_uuid is the cache's id, entry_id its server_id).
        auto textOrNull = [&](int position, int column) {
            if (rows.size(i, column) == 0)
                q->bindNull(position);
            else
                q->bindText(position, rows.data(i, column), rows.size(i, column));
        };
        q->bindText(1, rows.data(i, PulledClientUuid), rows.size(i, PulledClientUuid));
        q->bindText(2, rows.data(i, PulledEntryId), rows.size(i, PulledEntryId));
        for (int c = PulledAlertId; c < PulledLedgerColumns; ++c) {
            switch (c) {
            case PulledProduct:
            case PulledPayer:
            case PulledState: q->bindText(c + 1, rows.data(i, c), rows.size(i, c)); break;
            case PulledExpectedCents:
            case PulledRecoveredCents:
            case PulledVersion: q->bind(c + 1, integer(i, c)); break;
            default: textOrNull(c + 1, c); break;
            }
        }
        if (Status st = q->run(); !st.ok())
            return st;
        if (cache.changes() > 0) {
            // A batch holds few products: name each once rather than hashing a new string per row.
            const std::string_view product(rows.data(i, PulledProduct), std::size_t(rows.size(i, PulledProduct)));
            if (!anyProduct || product != lastProduct) {
                anyProduct = true;
                lastProduct = product;
                counted(QString::fromUtf8(product.data(), qsizetype(product.size())));
            } else {
                ++changes.rows;
            }
        }
    }
    return Status::success();
}

// Server rows in the cache, parents before children: signals, alerts, judgments, then ledger entries. A row of an
// entity with a local change queued is left alone (our queued edit wins locally until the server has decided on
// it); for an acknowledgement also the alerts and the operator's judgments of alerts with a verdict queued.
Status applyRows(SyncStatementCache &statements, const PulledBatch &batch, const std::set<QString> &pending,
                 bool acknowledgement, CacheChanges &changes)
{
    for (const char *table : {"signals", "alerts", "judgments"}) {
        for (const PulledRow &row : batch.rows) {
            if (row.table != QLatin1String(table))
                continue;
            const QString clientId = row.row.value(QStringLiteral("client_uuid")).toString();
            if (!clientId.isEmpty() && pending.count(clientId))
                continue;
            if (acknowledgement && pending.count(text(row.row, "alert_id").toString()))
                continue;
            Status st;
            if (row.deleted) {
                if (row.table == QLatin1String("judgments"))
                    st = deleteJudgment(statements, row.key, changes);
            } else if (row.table == QLatin1String("signals"))
                st = applySignal(statements, row.row, changes);
            else if (row.table == QLatin1String("alerts"))
                st = applyAlert(statements, row.row, changes);
            else
                st = applyJudgment(statements, row.row, changes);
            if (!st.ok())
                return st;
        }
    }
    if (batch.ledgerRows)
        return applyLedgerRows(statements, *batch.ledgerRows, batch.ledgerOrder, pending, changes);
    return Status::success();
}

} // namespace

qint64 lastPulledSeq(LocalCache &cache)
{
    auto q = cache.db().prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = 'last_seq'"));
    if (!q.ok())
        return 0;
    auto row = q->step();
    return (row.ok() && row.value()) ? q->text(0).toLongLong() : 0;
}

Result<CacheChanges> applyPulled(LocalCache &cache, const PulledBatch &batch)
{
    SyncStatementCache statements(cache);
    CacheChanges changes;
    Status st = cache.transaction([&]() -> Status {
        // Read inside the write transaction: the pull may run on a connection of its own (SyncService), and a
        // local edit queued meanwhile must not be overwritten.
        auto pending = pendingEntities(cache);
        if (!pending.ok())
            return pending.error();
        if (Status applied = applyRows(statements, batch, pending.value(), false, changes); !applied.ok())
            return applied;
        return run(statements,
                   QStringLiteral("INSERT INTO sync_state (key, value) VALUES ('last_seq', ?) "
                                  "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                   {QString::number(batch.toSeq)});
    });
    if (!st.ok())
        return st.error();
    return changes;
}

Status applyAcknowledgedRows(LocalCache &cache, SyncStatementCache &statements, const PulledBatch &rows,
                             CacheChanges &changes)
{
    auto pending = pendingEntities(cache);
    if (!pending.ok())
        return pending.error();
    return applyRows(statements, rows, pending.value(), true, changes);
}

Result<QString> changeOrigin(LocalCache &cache)
{
    auto q = cache.db().prepare(
        QStringLiteral("SELECT (SELECT value FROM sync_state WHERE key = 'origin'), (SELECT count(*) FROM sync_state "
                       "WHERE key = 'last_seq')"));
    if (!q.ok())
        return q.error();
    auto row = q->step();
    if (!row.ok())
        return row.error();
    const QString stored = q->isNull(0) ? QString() : q->text(0);
    if (!stored.isEmpty() && q->int64(1) > 0)
        return stored;
    // No cursor: everything is pulled again, what this cache wrote under its old token included.
    const QString token =
        QUuid::createUuid().toString(QUuid::WithoutBraces) + QUuid::createUuid().toString(QUuid::Id128);
    auto put = cache.db().prepare(QStringLiteral("INSERT INTO sync_state (key, value) VALUES ('origin', ?) ON "
                                                 "CONFLICT(key) DO UPDATE SET value = excluded.value"));
    if (!put.ok())
        return put.error();
    put->bind(1, token);
    if (Status st = put->run(); !st.ok())
        return st.error();
    return token;
}

} // namespace upstream::storage
