#include "LedgerOutbox.h"

#include "storage/cache/CipherDatabase.h"

#include <QUuid>

namespace upstream::ledger {

Result<OutboxRowId> appendOutbox(storage::CipherDatabase &db, const OutboxChange &change)
{
    auto next = db.prepare(QStringLiteral(
        "SELECT MAX(COALESCE((SELECT MAX(seq) FROM outbox), 0), "
        "COALESCE((SELECT CAST(value AS INTEGER) FROM sync_state WHERE key = 'outbox_last_seq'), 0)) + 1"));
    if (!next.ok())
        return next.error();
    if (auto row = next->step(); !row.ok())
        return row.error();
    OutboxRowId out{QUuid::createUuid().toString(QUuid::WithoutBraces), next->int64(0)};

    auto ins = db.prepare(QStringLiteral("INSERT INTO outbox(id, seq, kind, entity_id, base_version, payload, "
                                         "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    if (!ins.ok())
        return ins.error();
    ins->bind(1, out.id);
    ins->bind(2, out.seq);
    ins->bind(3, change.kind);
    ins->bind(4, change.entityId);
    if (change.baseVersion)
        ins->bind(5, *change.baseVersion);
    else
        ins->bindNull(5);
    ins->bind(6, change.payload);
    ins->bind(7, change.createdAt);
    if (Status s = ins->run(); !s.ok())
        return s.error();

    auto mark = db.prepare(QStringLiteral("INSERT INTO sync_state(key, value) VALUES ('outbox_last_seq', ?) "
                                          "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    if (!mark.ok())
        return mark.error();
    mark->bind(1, QString::number(out.seq));
    if (Status s = mark->run(); !s.ok())
        return s.error();
    return out;
}

} // namespace upstream::ledger
