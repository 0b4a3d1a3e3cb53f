#include "LedgerRepository.h"

#include "ledger/LedgerValidation.h"
#include "storage/cache/LedgerStore.h"
#include "storage/cache/LocalCache.h"
#include "sync/Outbox.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSet>
#include <QUuid>

namespace upstream::ledger {
namespace {

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
    auto found = storage::findLedgerEntry(*m_cache, id);
    if (!found.ok())
        return found.error();
    if (!found.value())
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate("LedgerRepository", "This ledger entry no longer exists in the local cache."));
    return *found.value();
}

Result<std::vector<LedgerEntry>> LedgerRepository::all()
{
    return storage::listLedgerEntries(*m_cache);
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
    auto stored = storage::listLedgerHistory(*m_cache, entryId);
    if (!stored.ok())
        return stored.error();
    std::vector<LedgerHistoryRecord> out;
    for (storage::StoredLedgerHistory &h : stored.value())
        out.push_back({h.id, entryId, std::move(h.who), h.at, std::move(h.before), std::move(h.after)});
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
        if (Status s = storage::insertLedgerEntry(*m_cache, draft); !s.ok())
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

    auto updated = storage::updateLedgerEntry(*m_cache, after, before.version);
    if (!updated.ok())
        return updated.error();
    if (!updated.value())
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
    auto approved = storage::approveLedgerEntry(*m_cache, after, before.version);
    if (!approved.ok())
        return approved.error();
    if (!approved.value())
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
    return storage::insertLedgerHistory(*m_cache, m_actor.user, at, before, after);
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
    auto stored = storage::listLedgerConflicts(*m_cache);
    if (!stored.ok())
        return stored.error();
    std::vector<SyncConflict> out;
    QSet<QString> seen;
    for (const storage::StoredLedgerConflict &row : stored.value()) {
        SyncConflict c;
        c.entryId = row.entryId;
        if (seen.contains(c.entryId))
            continue;
        seen.insert(c.entryId);
        auto mine = get(c.entryId);
        if (!mine.ok())
            continue; // nothing local left to reconcile
        c.mine = mine.value();
        if (!row.theirs.isEmpty())
            c.theirs = LedgerEntry::fromServerRow(row.theirs);
        c.detectedAt = row.detectedAt;
        out.push_back(std::move(c));
    }
    return out;
}

Status LedgerRepository::storeServerVersion(const LedgerEntry &mine, const LedgerEntry &theirs, bool withHistory)
{
    LedgerEntry stored = theirs;
    stored.createdAt = theirs.createdAt.isValid() ? theirs.createdAt : mine.createdAt;
    stored.updatedAt = theirs.updatedAt.isValid() ? theirs.updatedAt : now();
    if (Status s = storage::overwriteLedgerEntry(*m_cache, mine.id, stored); !s.ok())
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
        if (Status s = storage::dropLedgerConflictAndQueue(*m_cache, mine.id); !s.ok())
            return s;
        const bool serverHasIt = !conflict.theirs.id.isEmpty();
        if (!serverHasIt) {
            if (takeTheirs) {
                if (Status s = storage::deleteLedgerEntry(*m_cache, mine.id); !s.ok())
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
