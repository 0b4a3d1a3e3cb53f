#include "storage/cache/LedgerStore.h"

#include "storage/cache/LocalCache.h"

#include <QJsonDocument>

namespace upstream::storage {
namespace {

using ledger::LedgerEntry;

const QString kColumns = QStringLiteral(
    "id, alert_id, signal_id, product, payer, expected_cents, recovered_cents, recovered_date, state, owner, notes, "
    "approved_by, approved_at, version, created_at, updated_at, recovered_by");

QString isoTime(const QDateTime &dt)
{
    return dt.isValid() ? dt.toUTC().toString(Qt::ISODate) : QString();
}

QVariant orNull(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

QString compactJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

LedgerEntry readEntry(const CipherStatement &q)
{
    LedgerEntry e;
    e.id = q.text(0);
    e.alertId = q.text(1);
    e.signalId = q.text(2);
    e.product = q.text(3);
    e.payer = q.text(4);
    e.expectedCents = q.int64(5);
    e.recoveredCents = q.int64(6);
    e.recoveredDate = QDate::fromString(q.text(7), Qt::ISODate);
    (void)ledger::stateFromId(q.text(8), &e.state);
    e.owner = q.text(9);
    e.notes = q.text(10);
    e.approvedBy = q.text(11);
    e.approvedAt = QDateTime::fromString(q.text(12), Qt::ISODate);
    e.version = q.int64(13);
    e.createdAt = QDateTime::fromString(q.text(14), Qt::ISODate);
    e.updatedAt = QDateTime::fromString(q.text(15), Qt::ISODate);
    e.recoveredBy = q.text(16);
    return e;
}

// The fields a user edits, in the column order both the INSERT and the UPDATE use (alert_id … notes), bound from
// parameter `first` on.
void bindEditableFields(CipherStatement &q, int first, const LedgerEntry &e)
{
    q.bind(first, orNull(e.alertId));
    q.bind(first + 1, orNull(e.signalId));
    q.bind(first + 2, e.product);
    q.bind(first + 3, e.payer);
    q.bind(first + 4, e.expectedCents);
    q.bind(first + 5, e.recoveredCents);
    q.bind(first + 6, orNull(e.recoveredDate.isValid() ? e.recoveredDate.toString(Qt::ISODate) : QString()));
    q.bind(first + 7, ledger::stateId(e.state));
    q.bind(first + 8, orNull(e.owner));
    q.bind(first + 9, orNull(e.notes));
}

// One statement bound with `id`, run to completion.
Status runForId(LocalCache &cache, const QString &sql, const QString &id)
{
    auto q = cache.db().prepare(sql);
    if (!q.ok())
        return q.error();
    q->bind(1, id);
    return q->run();
}

} // namespace

Result<std::optional<LedgerEntry>> findLedgerEntry(LocalCache &cache, const QString &id)
{
    auto q = cache.db().prepare(QStringLiteral("SELECT %1 FROM ledger_entries WHERE id = ?").arg(kColumns));
    if (!q.ok())
        return q.error();
    q->bind(1, id);
    auto row = q->step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return std::optional<LedgerEntry>();
    return std::optional<LedgerEntry>(readEntry(q.value()));
}

Result<std::vector<LedgerEntry>> listLedgerEntries(LocalCache &cache)
{
    auto q =
        cache.db().prepare(QStringLiteral("SELECT %1 FROM ledger_entries ORDER BY updated_at DESC, id").arg(kColumns));
    if (!q.ok())
        return q.error();
    std::vector<LedgerEntry> out;
    const Status rows = q->forEachRow([&] { out.push_back(readEntry(q.value())); });
    if (!rows.ok())
        return rows.error();
    return out;
}

Status insertLedgerEntry(LocalCache &cache, const LedgerEntry &entry)
{
    auto ins = cache.db().prepare(
        QStringLiteral("INSERT INTO ledger_entries(%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .arg(kColumns));
    if (!ins.ok())
        return ins.error();
    ins->bind(1, entry.id);
    bindEditableFields(ins.value(), 2, entry);
    ins->bindNull(12);
    ins->bindNull(13);
    ins->bind(14, entry.version);
    ins->bind(15, isoTime(entry.createdAt));
    ins->bind(16, isoTime(entry.updatedAt));
    ins->bind(17, orNull(entry.recoveredBy));
    return ins->run();
}

Result<bool> updateLedgerEntry(LocalCache &cache, const LedgerEntry &after, qint64 baseVersion)
{
    auto upd = cache.db().prepare(QStringLiteral(
        "UPDATE ledger_entries SET alert_id = ?, signal_id = ?, product = ?, payer = ?, expected_cents = ?, "
        "recovered_cents = ?, recovered_date = ?, state = ?, owner = ?, notes = ?, version = ?, updated_at = ?, "
        "recovered_by = ? WHERE id = ? AND version = ?"));
    if (!upd.ok())
        return upd.error();
    bindEditableFields(upd.value(), 1, after);
    upd->bind(11, after.version);
    upd->bind(12, isoTime(after.updatedAt));
    upd->bind(13, orNull(after.recoveredBy));
    upd->bind(14, after.id);
    upd->bind(15, baseVersion);
    if (Status s = upd->run(); !s.ok())
        return s.error();
    return cache.db().changes() == 1;
}

Result<bool> approveLedgerEntry(LocalCache &cache, const LedgerEntry &after, qint64 baseVersion)
{
    auto upd = cache.db().prepare(
        QStringLiteral("UPDATE ledger_entries SET approved_by = ?, approved_at = ?, version = ?, updated_at = ? "
                       "WHERE id = ? AND version = ?"));
    if (!upd.ok())
        return upd.error();
    upd->bind(1, after.approvedBy);
    upd->bind(2, isoTime(after.approvedAt));
    upd->bind(3, after.version);
    upd->bind(4, isoTime(after.updatedAt));
    upd->bind(5, after.id);
    upd->bind(6, baseVersion);
    if (Status s = upd->run(); !s.ok())
        return s.error();
    return cache.db().changes() == 1;
}

Status overwriteLedgerEntry(LocalCache &cache, const QString &id, const LedgerEntry &entry)
{
    auto upd = cache.db().prepare(QStringLiteral(
        "UPDATE ledger_entries SET alert_id = ?, signal_id = ?, product = ?, payer = ?, expected_cents = ?, "
        "recovered_cents = ?, recovered_date = ?, state = ?, owner = ?, notes = ?, approved_by = ?, approved_at = ?, "
        "version = ?, created_at = ?, updated_at = ?, recovered_by = ? WHERE id = ?"));
    if (!upd.ok())
        return upd.error();
    bindEditableFields(upd.value(), 1, entry);
    upd->bind(11, orNull(entry.approvedBy));
    upd->bind(12, orNull(isoTime(entry.approvedAt)));
    upd->bind(13, entry.version);
    upd->bind(14, isoTime(entry.createdAt));
    upd->bind(15, isoTime(entry.updatedAt));
    upd->bind(16, orNull(entry.recoveredBy));
    upd->bind(17, id);
    return upd->run();
}

Status deleteLedgerEntry(LocalCache &cache, const QString &id)
{
    return runForId(cache, QStringLiteral("DELETE FROM ledger_entries WHERE id = ?"), id);
}

Result<std::vector<StoredLedgerHistory>> listLedgerHistory(LocalCache &cache, const QString &entryId)
{
    auto q = cache.db().prepare(
        QStringLiteral("SELECT id, who, at, before, after FROM ledger_history WHERE entry_id = ? ORDER BY id"));
    if (!q.ok())
        return q.error();
    q->bind(1, entryId);
    std::vector<StoredLedgerHistory> out;
    const Status rows = q->forEachRow([&] {
        StoredLedgerHistory r;
        r.id = q->int64(0);
        r.who = q->text(1);
        r.at = QDateTime::fromString(q->text(2), Qt::ISODate);
        if (!q->isNull(3))
            r.before = LedgerEntry::fromJson(QJsonDocument::fromJson(q->text(3).toUtf8()).object());
        r.after = LedgerEntry::fromJson(QJsonDocument::fromJson(q->text(4).toUtf8()).object());
        out.push_back(std::move(r));
    });
    if (!rows.ok())
        return rows.error();
    return out;
}

Status insertLedgerHistory(LocalCache &cache, const QString &who, const QDateTime &at,
                           const std::optional<LedgerEntry> &before, const LedgerEntry &after)
{
    auto hist = cache.db().prepare(
        QStringLiteral("INSERT INTO ledger_history(entry_id, who, at, before, after) VALUES (?, ?, ?, ?, ?)"));
    if (!hist.ok())
        return hist.error();
    hist->bind(1, after.id);
    hist->bind(2, who);
    hist->bind(3, isoTime(at));
    hist->bind(4, before ? QVariant(compactJson(before->toJson())) : QVariant());
    hist->bind(5, compactJson(after.toJson()));
    return hist->run();
}

Result<std::vector<StoredLedgerConflict>> listLedgerConflicts(LocalCache &cache)
{
    auto q = cache.db().prepare(QStringLiteral(
        "SELECT c.entity_id, c.theirs, c.detected_at FROM conflicts c JOIN outbox o ON o.id = c.outbox_id "
        "WHERE o.kind IN ('ledger_upsert', 'ledger_approve') ORDER BY c.detected_at, c.outbox_id"));
    if (!q.ok())
        return q.error();
    std::vector<StoredLedgerConflict> out;
    const Status rows = q->forEachRow([&] {
        StoredLedgerConflict c;
        c.entryId = q->text(0);
        c.theirs = QJsonDocument::fromJson(q->text(1).toUtf8()).object();
        c.detectedAt = QDateTime::fromString(q->text(2), Qt::ISODateWithMs);
        out.push_back(std::move(c));
    });
    if (!rows.ok())
        return rows.error();
    return out;
}

Status dropLedgerConflictAndQueue(LocalCache &cache, const QString &entryId)
{
    // The refused change and everything queued after it for this entry were based on the refused edit.
    for (const char *sql : {"DELETE FROM conflicts WHERE entity_id = ?",
                            "DELETE FROM outbox WHERE entity_id = ? AND kind IN ('ledger_upsert', "
                            "'ledger_approve')"})
        if (Status s = runForId(cache, QString::fromLatin1(sql), entryId); !s.ok())
            return s;
    return Status::success();
}

} // namespace upstream::storage
