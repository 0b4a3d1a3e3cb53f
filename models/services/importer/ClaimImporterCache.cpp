// ClaimImporter, local-workspace half: validation feeds the in-process aggregator; the daily aggregates are merged
// into the cache's daily_aggregates rows (payer, cpt_group, reason, day ISO date, data = counters JSON) in one
// cache transaction. A staged import (stageInCache) keeps the accepted rows in a memory TEMP table of its own
// connection and replays them through the same WorkspaceMerge.
#include "claims/ClaimState.h"
#include "engines/DailyAggregate.h"
#include "importer/ClaimImporter.h"
#include "importer/ClaimImporterReport.h"
#include "importer/ImportContext.h"
#include "importer/TargetSettings.h"
#include "logging/Log.h"
#include "storage/cache/AggregateStore.h"
#include "storage/cache/LocalCache.h"
#include "storage/cache/WorkspaceImportStore.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace upstream::importer {
namespace {

QString fromUtf8(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

} // namespace

engines::ClaimRecord toClaimRecord(const claims::ClaimRow &row)
{
    static_assert(claims::kNoDate == engines::kNoDay, "the two 'no date' markers must agree");
    engines::ClaimRecord r;
    r.payer = fromUtf8(row.payer);
    r.cpt = fromUtf8(row.cpt);
    r.cptGroup = fromUtf8(row.cptGroup);
    r.submittedDay = row.submittedDate;
    r.decidedDay = row.decidedDate;
    r.paymentDay = row.paymentDate;
    switch (row.outcome) {
    case claims::Outcome::Paid: r.outcome = engines::Outcome::Paid; break;
    case claims::Outcome::Denied: r.outcome = engines::Outcome::Denied; break;
    case claims::Outcome::Other: r.outcome = engines::Outcome::Other; break;
    case claims::Outcome::Pending:
        // The validator already stores no dates for a pending row; the engines rely on it, so say it once more.
        r.outcome = engines::Outcome::Pending;
        r.decidedDay = engines::kNoDay;
        r.paymentDay = engines::kNoDay;
        break;
    }
    r.allowedCents = row.allowed.hasValue ? row.allowed.cents : engines::kNoAmount;
    r.billedCents = row.billed.hasValue ? row.billed.cents : engines::kNoAmount;
    r.paidCents = row.paid.hasValue ? row.paid.cents : engines::kNoAmount;
    r.denialReasonCode = fromUtf8(row.denialReasonCode);
    r.denialReasonText = fromUtf8(row.denialReasonText);
    return r;
}

namespace {

using Identity = storage::WorkspaceClaimWriter::Identity;

// The workspace's claim key, stored mappings and (when the caller gave none) upload history, put into `vo`;
// returns their fingerprint. Inside the caller's cache transaction, if any.
Result<QByteArray> useWorkspaceSettings(storage::LocalCache &cache, ValidationOptions &vo, bool historyFromTarget)
{
    return useTargetSettings(
        vo, historyFromTarget, [&] { return storage::readClaimKey(cache); },
        [&] { return storage::listMappings(cache); },
        [&](std::int32_t importDay) { return storage::uploadHistory(cache, importDay); });
}

// The validation hooks of a workspace import and of staging: progress stops validation as soon as `keeping()` is
// false (the accepted rows can no longer be kept: no point reading the rest of the file), else asks the caller's
// `options`; the duplicate-file flag is looked up in the workspace, `lookupFailed` set when that lookup fails.
template<typename Keeping>
void hookToWorkspace(ValidationOptions &vo, const ImportOptions &options, storage::LocalCache &cache, Keeping keeping,
                     bool &lookupFailed)
{
    vo.progress = [keeping, userProgress = options.validation.progress](std::uint64_t done, std::uint64_t total,
                                                                        std::uint64_t rows) {
        return keeping() && (!userProgress || userProgress(done, total, rows));
    };
    vo.importedBefore = [&cache, &lookupFailed](const QByteArray &sha256) {
        auto seen = storage::importedBefore(cache, sha256);
        lookupFailed = !seen.ok();
        return seen.ok() && seen.value();
    };
}

// The claims and aggregates of one upload, row by row in file order, inside the caller's cache transaction: each
// row with a claim_ref is recorded in the claims table, and when it replaces a stored state that state's
// contribution is taken out of the aggregates. The same for a file read now and for staged rows.
class WorkspaceMerge {
public:
    WorkspaceMerge(storage::WorkspaceClaimWriter writer, ImportResult &result)
        : m_writer(std::move(writer)), m_result(result)
    {
    }

    // `state` is encodeState(row), or null to have it encoded here (only rows with an identity need it).
    void add(const claims::ClaimRow &row, const Identity *identity, const std::string *state)
    {
        if (!m_failure.ok())
            return;
        if (!identity) {
            ++m_result.claimsWithoutRef;
            m_records.push_back(toClaimRecord(row));
            return;
        }
        if (!state) {
            m_state = claims::encodeState(row);
            state = &m_state;
        }
        auto put = m_writer.put(*identity, *state, &m_replaced);
        if (!put.ok()) {
            m_failure = put.error();
            return;
        }
        if (put.value() == storage::WorkspaceClaimWriter::Put::Same)
            return;
        if (put.value() == storage::WorkspaceClaimWriter::Put::Replaced) {
            if (!claims::decodeState(m_replaced, &m_old)) {
                m_failure = makeError(ErrorCode::Corrupt, QStringLiteral("a stored claim state is damaged"));
                return;
            }
            m_removed.add(toClaimRecord(m_old));
        }
        m_records.push_back(toClaimRecord(row));
    }
    // After each batch: its records go into the aggregates at once.
    void flush()
    {
        m_added.add(m_records.data(), m_records.size());
        m_records.clear();
    }
    const Status &failure() const { return m_failure; }

    // The aggregates merged, the counts checked, the upload row completed and its report written.
    Status finish(storage::LocalCache &cache)
    {
        flush();
        const ValidationReport &rep = m_result.report;
        if (rep.accepted == 0)
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("every row was rejected (%1)").arg(rejectionCountsLine(rep)));
        const engines::AggregateSet in = m_added.take(), out = m_removed.take();
        if (in.overflow() || out.overflow())
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("too many distinct payers, CPT groups or reasons"));
        if (Status s = storage::mergeAggregates(cache, in); !s.ok())
            return s;
        if (Status s = storage::mergeAggregates(cache, out, true); !s.ok())
            return s;
        const auto &c = m_writer.counts();
        m_result.claimsNew = c.created + m_result.claimsWithoutRef;
        m_result.claimsUpdated = c.updated;
        m_result.claimsUnchanged = c.unchanged;
        m_result.claimsRepeated = c.repeated;
        m_result.claimsLoaded = m_result.claimsNew + m_result.claimsUpdated + m_result.claimsUnchanged;
        m_result.aggregateRows = in.rows().size() + out.rows().size();
        if (m_result.claimsLoaded + m_result.claimsRepeated != rep.accepted)
            return makeError(
                ErrorCode::Internal,
                QStringLiteral("loaded %1 claims but %2 were accepted").arg(m_result.claimsLoaded).arg(rep.accepted));
        if (Status s = storage::finishUpload(cache, m_result.uploadId,
                                             {rep.fileSha256, QString(), rep.totalRows, rep.accepted, rep.rejected});
            !s.ok())
            return s; // (the file name was written with the row)
        return storage::setUploadReport(
            cache, m_result.uploadId,
            QString::fromUtf8(QJsonDocument(importReportJson(m_result)).toJson(QJsonDocument::Compact)));
    }

private:
    storage::WorkspaceClaimWriter m_writer;
    ImportResult &m_result;
    engines::ClaimAggregator m_added, m_removed;
    std::vector<engines::ClaimRecord> m_records;
    std::string m_state, m_replaced;
    claims::ClaimRow m_old;
    Status m_failure;
};

// Runs `load` (which fills result.report and feeds `merge`) inside one cache transaction with the upload row, then
// finishes the upload; commits, or for a dry run inspects and rolls back. `result` is filled either way.
template<typename Load>
Status runWorkspaceImport(storage::LocalCache &cache, const QString &path, const ImportOptions &options,
                          ImportResult &result, bool &dryRunDone, Load &&load)
{
    return cache.transaction([&]() -> Status {
        auto upload = storage::addUpload(cache, {QByteArray(32, '\0'), safeFileName(path), 0, 0, 0});
        if (!upload.ok())
            return upload.error();
        result.uploadId = upload.value();
        auto writer = storage::WorkspaceClaimWriter::begin(cache, result.uploadId);
        if (!writer.ok())
            return writer.error();
        WorkspaceMerge merge(std::move(writer.value()), result);
        if (Status st = load(merge); !st.ok())
            return st;
        if (Status st = merge.finish(cache); !st.ok())
            return st;
        if (!options.inspectThenRollBack) {
            // The last chance to cancel: nothing is stored until COMMIT.
            const ValidationReport &rep = result.report;
            if (const auto &progress = options.validation.progress;
                progress && !progress(rep.totalRows, rep.totalRows, rep.totalRows))
                return makeError(ErrorCode::Cancelled, QStringLiteral("import cancelled"));
            return Status::success();
        }
        if (Status s = options.inspectThenRollBack(); !s.ok())
            return s;
        dryRunDone = true;
        return makeError(ErrorCode::Cancelled, QStringLiteral("dry run: rolled back"));
    });
}

void logImported(const ImportResult &result)
{
    log::info(QStringLiteral("import: workspace upload %1, %2 new, %3 updated, %4 unchanged claims")
                  .arg(result.uploadId)
                  .arg(result.claimsNew)
                  .arg(result.claimsUpdated)
                  .arg(result.claimsUnchanged));
}

class CacheStagedImport final : public StagedImport {
public:
    CacheStagedImport(storage::LocalCache cache, QString path, ValidationReport report, QByteArray targetSettings,
                      bool historyFromTarget)
        : StagedImport(std::move(path), std::move(report)), m_cache(std::move(cache)),
          m_targetSettings(std::move(targetSettings)), m_historyFromTarget(historyFromTarget)
    {
    }
    // Closing the connection frees the staged rows (memory temp store) and wipes the connection's key.
    ~CacheStagedImport() override { m_cache.close(); }
    storage::LocalCache *workspace() override { return &m_cache; }
    void release() override
    {
        m_consumed = true;
        m_cache.close();
    }

    Result<ImportResult> merge(const ImportOptions &options) override
    {
        if (m_consumed)
            return makeError(ErrorCode::Internal, QStringLiteral("this staged file was imported already"));
        // A dry run comes after the staging pass (its progress stays full); the import starts from nothing.
        const std::uint64_t at = options.inspectThenRollBack ? m_report.totalRows : 0;
        if (options.validation.progress && !options.validation.progress(at, m_report.totalRows, at))
            return makeError(ErrorCode::Cancelled, QStringLiteral("import cancelled"));
        ImportResult result;
        bool dryRunDone = false, stale = false;
        const Status st =
            runWorkspaceImport(m_cache, m_path, options, result, dryRunDone, [&](WorkspaceMerge &merge) -> Status {
                // Under the transaction's write lock: what the rows were validated with must still hold.
                ValidationOptions vo = options.validation;
                ClaimKeyGuard keyGuard(vo.validator);
                auto settings = useWorkspaceSettings(m_cache, vo, m_historyFromTarget);
                if (!settings.ok())
                    return settings.error();
                if (settings.value() != m_targetSettings || historyGiven(options.validation) == m_historyFromTarget) {
                    stale = true;
                    return makeError(ErrorCode::Conflict, QStringLiteral("staged with other settings"));
                }
                result.report = m_report;
                auto seen = storage::importedBefore(m_cache, result.report.fileSha256);
                if (!seen.ok())
                    return seen.error();
                result.report.duplicateFile = seen.value();
                claims::ClaimRow row;
                std::string state;
                std::uint64_t inBatch = 0;
                return storage::WorkspaceImportStage::forEach(
                    m_cache, [&](const Identity *identity, std::string_view bytes) -> Status {
                        if (!claims::decodeState(bytes, &row))
                            return makeError(ErrorCode::Corrupt, QStringLiteral("a staged claim is damaged"));
                        state.assign(bytes);
                        merge.add(row, identity, &state);
                        if (++inBatch == 4096) {
                            inBatch = 0;
                            merge.flush();
                        }
                        return merge.failure();
                    });
            });
        if (stale) {
            log::info(QStringLiteral("import: the workspace's mappings or history changed since the file was staged; "
                                     "reading the file again"));
            (void)storage::WorkspaceImportStage::drop(m_cache);
            m_consumed = true;
            return ClaimImporter::importToCache(m_cache, m_path, options);
        }
        if (dryRunDone)
            return result; // inspected, and rolled back: the workspace is as it was, the stage stays
        if (!st.ok())
            return st.error();
        m_consumed = true;
        (void)storage::WorkspaceImportStage::drop(m_cache);
        logImported(result);
        return result;
    }

private:
    storage::LocalCache m_cache;
    QByteArray m_targetSettings;
    bool m_historyFromTarget = false;
};

} // namespace

Result<ImportResult> ClaimImporter::importToCache(storage::LocalCache &cache, const QString &path,
                                                  const ImportOptions &options, ValidationReport *reportOut)
{
    ValidationOptions vo = options.validation;
    ClaimKeyGuard keyGuard(vo.validator);
    if (auto settings = useWorkspaceSettings(cache, vo, !historyGiven(vo)); !settings.ok())
        return settings.error();
    ImportResult result;
    bool dryRunDone = false;
    // Everything in one cache transaction: the claims, the aggregates and the upload row are all there or none is.
    const Status st =
        runWorkspaceImport(cache, path, options, result, dryRunDone, [&](WorkspaceMerge &merge) -> Status {
            vo.acceptedRows = [&merge](std::vector<claims::ClaimRow> &&batch) {
                for (const claims::ClaimRow &row : batch)
                    merge.add(row, row.hasClaimRef ? &row.claimRefHmac : nullptr, nullptr);
                merge.flush();
            };
            bool lookupFailed = false;
            hookToWorkspace(
                vo, options, cache, [&merge] { return merge.failure().ok(); }, lookupFailed);
            auto validated = validateCsvFile(path, vo);
            wipeClaimKey(vo.validator);
            if (!merge.failure().ok())
                return merge.failure();
            if (!validated.ok())
                return validated.error();
            if (lookupFailed)
                return makeError(ErrorCode::Internal, QStringLiteral("could not check for an earlier upload"));
            result.report = std::move(validated.value());
            if (reportOut)
                *reportOut = result.report;
            return Status::success();
        });
    if (dryRunDone)
        return result; // inspected, and rolled back: the workspace is as it was
    if (!st.ok())
        return st.error();
    logImported(result);
    return result;
}

Result<std::unique_ptr<StagedImport>> ClaimImporter::stageInCache(storage::LocalCache cache, const QString &path,
                                                                  const ImportOptions &options,
                                                                  ValidationReport *reportOut)
{
    ValidationOptions vo = options.validation;
    ClaimKeyGuard keyGuard(vo.validator);
    const bool historyFromTarget = !historyGiven(vo);
    auto settings = useWorkspaceSettings(cache, vo, historyFromTarget);
    if (!settings.ok())
        return settings.error();
    auto stage = storage::WorkspaceImportStage::create(cache);
    if (!stage.ok())
        return stage.error();
    Status failure;
    std::string state;
    vo.acceptedRows = [&](std::vector<claims::ClaimRow> &&batch) {
        for (const claims::ClaimRow &row : batch) {
            if (!failure.ok())
                return;
            state = claims::encodeState(row);
            failure = stage->add(row.hasClaimRef ? &row.claimRefHmac : nullptr, state);
        }
    };
    bool lookupFailed = false;
    hookToWorkspace(
        vo, options, cache, [&failure] { return failure.ok(); }, lookupFailed);
    auto validated = validateCsvFile(path, vo);
    wipeClaimKey(vo.validator);
    if (!failure.ok())
        return failure.error();
    if (!validated.ok())
        return validated.error();
    if (reportOut)
        *reportOut = validated.value();
    if (lookupFailed)
        return makeError(ErrorCode::Internal, QStringLiteral("could not check for an earlier upload"));
    if (validated->accepted == 0)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("every row was rejected (%1)").arg(rejectionCountsLine(validated.value())));
    if (Status st = stage->finish(); !st.ok())
        return st.error();
    return std::unique_ptr<StagedImport>(std::make_unique<CacheStagedImport>(
        std::move(cache), path, std::move(validated.value()), std::move(settings.value()), historyFromTarget));
}

} // namespace upstream::importer
