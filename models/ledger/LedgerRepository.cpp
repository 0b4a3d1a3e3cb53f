#include "LedgerRepository.h"

#include "LedgerValidation.h"
#include "storage/cache/LocalCache.h"
#include "sync/Outbox.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSet>
#include <QUuid>

namespace upstream::ledger {
namespace {

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

LedgerEntry readEntry(const storage::CipherStatement &q)
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
    (void)stateFromId(q.text(8), &e.state);
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

QString compactJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

bool sameContent(const LedgerEntry &a, const LedgerEntry &b)
{
    for (int f = 0; f < kLedgerFieldCount; ++f)
        if (!fieldEquals(a, b, LedgerField(f)))
            return false;
    return true;
}

// The person credited with the recovered amount (SPEC 7 "by operator"): whoever sets it, as the server stamps it.
void stampRecoveredBy(LedgerEntry &after, const LedgerEntry *before, const QString &user)
{
    if (!before || before->recoveredCents != after.recoveredCents)
        after.recoveredBy = after.recoveredCents > 0 ? user : QString();
}

Error conflictError(qint64 base, qint64 current)
{
    return makeError(ErrorCode::Conflict,
                     QCoreApplication::translate(
                         "LedgerRepository",
                         "Someone else changed this entry while you were editing it (you started from version %1, "
                         "it is now version %2). Nothing was overwritten: compare both versions and choose what to "
                         "keep.")
                         .arg(base)
                         .arg(current));
}

// The fields a user edits, in the column order both the INSERT and the UPDATE use (alert_id … notes), bound from
// parameter `first` on.
void bindEditableFields(storage::CipherStatement &q, int first, const LedgerEntry &e)
{
    q.bind(first, orNull(e.alertId));
    q.bind(first + 1, orNull(e.signalId));
    q.bind(first + 2, e.product);
    q.bind(first + 3, e.payer);
    q.bind(first + 4, e.expectedCents);
    q.bind(first + 5, e.recoveredCents);
    q.bind(first + 6, orNull(e.recoveredDate.isValid() ? e.recoveredDate.toString(Qt::ISODate) : QString()));
    q.bind(first + 7, stateId(e.state));
    q.bind(first + 8, orNull(e.owner));
    q.bind(first + 9, orNull(e.notes));
}

} // namespace

LedgerRepository::LedgerRepository(storage::LocalCache *cache, LedgerActor actor, Clock clock)
    : m_cache(cache), m_actor(std::move(actor)), m_clock(std::move(clock))
{
}

QDateTime LedgerRepository::now() const
{
    QDateTime t = (m_clock ? m_clock() : QDateTime::currentDateTimeUtc()).toUTC();
    // Whole seconds: the stored ISO text has no milliseconds, so the in-memory value must not either.
    return QDateTime::fromSecsSinceEpoch(t.toSecsSinceEpoch(), Qt::UTC);
}

QDate LedgerRepository::today() const
{
    return now().toLocalTime().date();
}

Result<LedgerEntry> LedgerRepository::get(const QString &id)
{
    auto q = m_cache->db().prepare(QStringLiteral("SELECT %1 FROM ledger_entries WHERE id = ?").arg(kColumns));
    if (!q.ok())
        return q.error();
    q->bind(1, id);
    auto row = q->step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate("LedgerRepository", "This ledger entry no longer exists in the local cache."));
    return readEntry(q.value());
}

Result<std::vector<LedgerEntry>> LedgerRepository::all()
{
    auto q = m_cache->db().prepare(
        QStringLiteral("SELECT %1 FROM ledger_entries ORDER BY updated_at DESC, id").arg(kColumns));
    if (!q.ok())
        return q.error();
    std::vector<LedgerEntry> out;
    const Status rows = q->forEachRow([&] { out.push_back(readEntry(q.value())); });
    if (!rows.ok())
        return rows.error();
    return out;
}

Result<LedgerTotals> LedgerRepository::totals()
{
    auto entries = all();
    if (!entries.ok())
        return entries.error();
    return computeTotals(entries.value(), today());
}

Result<std::vector<LedgerHistoryRecord>> LedgerRepository::history(const QString &entryId)
{
    auto q = m_cache->db().prepare(
        QStringLiteral("SELECT id, who, at, before, after FROM ledger_history WHERE entry_id = ? ORDER BY id"));
    if (!q.ok())
        return q.error();
    q->bind(1, entryId);
    std::vector<LedgerHistoryRecord> out;
    const Status rows = q->forEachRow([&] {
        LedgerHistoryRecord r;
        r.id = q->int64(0);
        r.entryId = entryId;
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

Result<LedgerEntry> LedgerRepository::create(LedgerEntry draft, bool overRecoveryConfirmed)
{
    draft.payer = draft.payer.trimmed();
    if (draft.owner.trimmed().isEmpty())
        draft.owner = m_actor.user;
    const ValidationReport report = validate(draft, nullptr, today(), overRecoveryConfirmed);
    if (!report.ok())
        return makeError(ErrorCode::InvalidInput, report.summary());
    // The server keys ledger rows by this client-generated UUID (client_uuid), so nothing else is accepted.
    if (draft.id.isEmpty())
        draft.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    else if (QUuid::fromString(draft.id).isNull())
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("LedgerRepository", "A ledger entry id must be a UUID."));
    draft.approvedBy.clear();
    draft.approvedAt = {};
    stampRecoveredBy(draft, nullptr, m_actor.user);
    draft.version = 1;
    draft.createdAt = draft.updatedAt = now();
    const Status st = m_cache->transaction([&]() -> Status {
        auto ins = m_cache->db().prepare(QStringLiteral("INSERT INTO ledger_entries(%1) VALUES "
                                                        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                                             .arg(kColumns));
        if (!ins.ok())
            return ins.error();
        ins->bind(1, draft.id);
        bindEditableFields(ins.value(), 2, draft);
        ins->bindNull(12);
        ins->bindNull(13);
        ins->bind(14, draft.version);
        ins->bind(15, isoTime(draft.createdAt));
        ins->bind(16, isoTime(draft.updatedAt));
        ins->bind(17, orNull(draft.recoveredBy));
        if (Status s = ins->run(); !s.ok())
            return s;
        return write(std::nullopt, draft, kOutboxLedgerUpsert, std::nullopt);
    });
    if (!st.ok())
        return st.error();
    return draft;
}

Result<LedgerEntry> LedgerRepository::update(const LedgerEntry &edited, bool overRecoveryConfirmed)
{
    std::optional<LedgerEntry> result;
    const Status st = m_cache->transaction([&] { return updateLocked(edited, overRecoveryConfirmed, result); });
    if (!st.ok())
        return st.error();
    return *result;
}

Result<LedgerEntry> LedgerRepository::restore(const LedgerEntry &edited)
{
    std::optional<LedgerEntry> result;
    const Status st = m_cache->transaction(
        [&] { return updateLocked(edited, /*overRecoveryConfirmed=*/true, result, /*anyState=*/true); });
    if (!st.ok())
        return st.error();
    return *result;
}

Status LedgerRepository::updateLocked(const LedgerEntry &edited, bool overRecoveryConfirmed,
                                      std::optional<LedgerEntry> &result, bool anyState)
{
    // Read inside the write transaction (BEGIN IMMEDIATE): nobody can change the row between check and write.
    auto current = get(edited.id);
    if (!current.ok())
        return current.error();
    const LedgerEntry before = current.value();
    if (before.version != edited.version)
        return conflictError(edited.version, before.version);

    LedgerEntry after = before;
    for (LedgerField f : kEditableFields)
        copyField(after, edited, f);
    copyField(after, edited, LedgerField::AlertId);
    copyField(after, edited, LedgerField::SignalId);
    after.payer = after.payer.trimmed();
    if (sameContent(before, after)) {
        result = before;
        return Status::success();
    }
    if (before.isApproved())
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate(
                             "LedgerRepository",
                             "This entry was approved by %1 and can no longer be changed. Record a correction as "
                             "a new entry.")
                             .arg(before.approvedBy));
    LedgerEntry from = before;
    if (anyState)
        from.state = after.state; // restore(): no transition rule
    const ValidationReport report = validate(after, &from, today(), overRecoveryConfirmed);
    if (!report.ok())
        return makeError(ErrorCode::InvalidInput, report.summary());
    stampRecoveredBy(after, &before, m_actor.user);
    after.version = before.version + 1;
    after.updatedAt = now();

    auto upd = m_cache->db().prepare(QStringLiteral(
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
    upd->bind(15, before.version);
    if (Status s = upd->run(); !s.ok())
        return s;
    if (m_cache->db().changes() != 1)
        return conflictError(edited.version, before.version);
    if (Status s = write(before, after, kOutboxLedgerUpsert, before.version); !s.ok())
        return s;
    result = after;
    return Status::success();
}

Result<LedgerEntry> LedgerRepository::approve(const QString &id, qint64 baseVersion)
{
    std::optional<LedgerEntry> result;
    const Status st = m_cache->transaction([&] { return approveLocked(id, baseVersion, result); });
    if (!st.ok())
        return st.error();
    return *result;
}

Status LedgerRepository::approveLocked(const QString &id, qint64 baseVersion, std::optional<LedgerEntry> &result)
{
    if (!m_actor.canApprove())
        return makeError(ErrorCode::PermissionDenied,
                         QCoreApplication::translate(
                             "LedgerRepository",
                             "Only a supervisor can approve ledger entries. Ask a supervisor to review this entry."));
    auto current = get(id);
    if (!current.ok())
        return current.error();
    const LedgerEntry before = current.value();
    if (before.version != baseVersion)
        return conflictError(baseVersion, before.version);
    if (!isTerminal(before.state))
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("LedgerRepository",
                                        "Only a recovered or written-off entry can be approved; this one is %1.")
                .arg(stateLabel(before.state)));
    if (before.isApproved())
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("LedgerRepository", "This entry is already approved."));
    LedgerEntry after = before;
    after.approvedBy = m_actor.user;
    after.approvedAt = now();
    after.updatedAt = after.approvedAt;
    after.version = before.version + 1;
    auto upd = m_cache->db().prepare(
        QStringLiteral("UPDATE ledger_entries SET approved_by = ?, approved_at = ?, version = ?, updated_at = ? "
                       "WHERE id = ? AND version = ?"));
    if (!upd.ok())
        return upd.error();
    upd->bind(1, after.approvedBy);
    upd->bind(2, isoTime(after.approvedAt));
    upd->bind(3, after.version);
    upd->bind(4, isoTime(after.updatedAt));
    upd->bind(5, id);
    upd->bind(6, before.version);
    if (Status s = upd->run(); !s.ok())
        return s;
    if (m_cache->db().changes() != 1)
        return conflictError(baseVersion, before.version);
    if (Status s = write(before, after, kOutboxLedgerApprove, before.version); !s.ok())
        return s;
    result = after;
    return Status::success();
}

Status LedgerRepository::recordExport(const QString &format, int rows)
{
    const QJsonObject details{{QStringLiteral("what"), QStringLiteral("ledger")},
                              {QStringLiteral("format"), format},
                              {QStringLiteral("rows"), rows}};
    return sync::enqueueAudit(*m_cache, m_actor.user, QString(), QStringLiteral("export"), details);
}

Status LedgerRepository::insertHistory(const std::optional<LedgerEntry> &before, const LedgerEntry &after,
                                       const QDateTime &at)
{
    auto hist = m_cache->db().prepare(
        QStringLiteral("INSERT INTO ledger_history(entry_id, who, at, before, after) VALUES (?, ?, ?, ?, ?)"));
    if (!hist.ok())
        return hist.error();
    hist->bind(1, after.id);
    hist->bind(2, m_actor.user);
    hist->bind(3, isoTime(at));
    hist->bind(4, before ? QVariant(compactJson(before->toJson())) : QVariant());
    hist->bind(5, compactJson(after.toJson()));
    return hist->run();
}

Status LedgerRepository::write(const std::optional<LedgerEntry> &before, const LedgerEntry &after,
                               QLatin1String outboxKind, std::optional<qint64> baseVersion)
{
    if (Status s = insertHistory(before, after, after.updatedAt); !s.ok())
        return s;
    // The payload is the entry's JSON form, whose field names are the ones SyncPush applies on the server.
    auto queued = sync::enqueueChange(*m_cache, QString(outboxKind), after.id, baseVersion.value_or(0), after.toJson());
    if (!queued.ok())
        return queued.error();
    // The audit trail names the entry and the act; amounts and notes stay in the ledger itself.
    const QString action = outboxKind == kOutboxLedgerApprove ? QStringLiteral("ledger.approve")
                           : before                           ? QStringLiteral("ledger.update")
                                                              : QStringLiteral("ledger.create");
    const QJsonObject details{{QStringLiteral("entry_id"), after.id},
                              {QStringLiteral("state"), stateId(after.state)},
                              {QStringLiteral("version"), double(after.version)}};
    return sync::enqueueAudit(*m_cache, m_actor.user, QString(), action, details);
}

Result<std::vector<SyncConflict>> LedgerRepository::syncConflicts()
{
    auto q = m_cache->db().prepare(QStringLiteral(
        "SELECT c.entity_id, c.theirs, c.detected_at FROM conflicts c JOIN outbox o ON o.id = c.outbox_id "
        "WHERE o.kind IN ('ledger_upsert', 'ledger_approve') ORDER BY c.detected_at, c.outbox_id"));
    if (!q.ok())
        return q.error();
    std::vector<SyncConflict> out;
    QSet<QString> seen;
    const Status rows = q->forEachRow([&] {
        SyncConflict c;
        c.entryId = q->text(0);
        if (seen.contains(c.entryId))
            return;
        seen.insert(c.entryId);
        auto mine = get(c.entryId);
        if (!mine.ok())
            return; // nothing local left to reconcile
        c.mine = mine.value();
        const QJsonObject theirs = QJsonDocument::fromJson(q->text(1).toUtf8()).object();
        if (!theirs.isEmpty())
            c.theirs = LedgerEntry::fromServerRow(theirs);
        c.detectedAt = QDateTime::fromString(q->text(2), Qt::ISODateWithMs);
        out.push_back(std::move(c));
    });
    if (!rows.ok())
        return rows.error();
    return out;
}

Status LedgerRepository::storeServerVersion(const LedgerEntry &mine, const LedgerEntry &theirs, bool withHistory)
{
    auto upd = m_cache->db().prepare(QStringLiteral(
        "UPDATE ledger_entries SET alert_id = ?, signal_id = ?, product = ?, payer = ?, expected_cents = ?, "
        "recovered_cents = ?, recovered_date = ?, state = ?, owner = ?, notes = ?, approved_by = ?, approved_at = ?, "
        "version = ?, created_at = ?, updated_at = ?, recovered_by = ? WHERE id = ?"));
    if (!upd.ok())
        return upd.error();
    bindEditableFields(upd.value(), 1, theirs);
    upd->bind(11, orNull(theirs.approvedBy));
    upd->bind(12, orNull(isoTime(theirs.approvedAt)));
    upd->bind(13, theirs.version);
    upd->bind(14, isoTime(theirs.createdAt.isValid() ? theirs.createdAt : mine.createdAt));
    upd->bind(15, isoTime(theirs.updatedAt.isValid() ? theirs.updatedAt : now()));
    upd->bind(16, orNull(theirs.recoveredBy));
    upd->bind(17, mine.id);
    if (Status s = upd->run(); !s.ok())
        return s;
    return withHistory ? insertHistory(mine, theirs, now()) : Status::success();
}

Result<LedgerEntry> LedgerRepository::resolveSyncConflict(const SyncConflict &conflict, const LedgerEntry &resolved,
                                                          bool takeTheirs)
{
    std::optional<LedgerEntry> result;
    const Status st = m_cache->transaction([&]() -> Status {
        auto current = get(conflict.entryId);
        if (!current.ok())
            return current.error();
        const LedgerEntry mine = current.value();
        // The refused change and everything queued after it for this entry were based on the refused edit.
        for (const char *sql : {"DELETE FROM conflicts WHERE entity_id = ?",
                                "DELETE FROM outbox WHERE entity_id = ? AND kind IN ('ledger_upsert', "
                                "'ledger_approve')"}) {
            auto del = m_cache->db().prepare(QString::fromLatin1(sql));
            if (!del.ok())
                return del.error();
            del->bind(1, mine.id);
            if (Status s = del->run(); !s.ok())
                return s;
        }
        const bool serverHasIt = !conflict.theirs.id.isEmpty();
        if (!serverHasIt) {
            if (takeTheirs) {
                auto del = m_cache->db().prepare(QStringLiteral("DELETE FROM ledger_entries WHERE id = ?"));
                if (!del.ok())
                    return del.error();
                del->bind(1, mine.id);
                if (Status s = del->run(); !s.ok())
                    return s;
                result = LedgerEntry{};
            } else {
                // Gone on the server: queue mine again as a new entry (version 1, no approval).
                LedgerEntry again = mine;
                again.version = 1;
                again.approvedBy.clear();
                again.approvedAt = {};
                again.updatedAt = now();
                if (Status s = storeServerVersion(mine, again, false); !s.ok())
                    return s;
                if (Status s = write(mine, again, kOutboxLedgerUpsert, std::nullopt); !s.ok())
                    return s;
                result = again;
            }
        } else {
            if (Status s = storeServerVersion(mine, conflict.theirs, true); !s.ok())
                return s;
            result = conflict.theirs;
            if (!takeTheirs) {
                LedgerEntry edited = resolved;
                edited.id = mine.id;
                edited.version = conflict.theirs.version;
                if (Status s = updateLocked(edited, /*overRecoveryConfirmed=*/true, result); !s.ok())
                    return s;
                if (mine.isApproved() && !result->isApproved() && m_actor.canApprove() && isTerminal(result->state))
                    if (Status s = approveLocked(mine.id, result->version, result); !s.ok())
                        return s;
            }
        }
        const QJsonObject details{{QStringLiteral("entry_id"), mine.id},
                                  {QStringLiteral("resolution"),
                                   takeTheirs ? QStringLiteral("take_theirs") : QStringLiteral("keep_or_merge")}};
        return sync::enqueueAudit(*m_cache, m_actor.user, QString(), QStringLiteral("ledger.conflict_resolved"),
                                  details);
    });
    if (!st.ok())
        return st.error();
    return *result;
}

} // namespace upstream::ledger
