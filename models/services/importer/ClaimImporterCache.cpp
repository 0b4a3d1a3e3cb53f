// ClaimImporter, local-workspace half: validation feeds the in-process aggregator; the daily aggregates are merged
// into the cache's daily_aggregates rows (payer, cpt_group, reason, day ISO date, data = counters JSON) in one
// cache transaction.
#include "claims/ClaimState.h"
#include "engines/DailyAggregate.h"
#include "importer/ClaimImporter.h"
#include "importer/ClaimImporterReport.h"
#include "importer/ImportContext.h"
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

Result<ImportResult> ClaimImporter::importToCache(storage::LocalCache &cache, const QString &path,
                                                  const ImportOptions &options, ValidationReport *reportOut)
{
    ValidationOptions vo = options.validation;
    ClaimKeyGuard keyGuard(vo.validator);
    {
        auto key = storage::readClaimKey(cache);
        if (!key.ok())
            return key.error();
        useClaimKey(vo.validator, key.value());
        auto mappings = storage::listMappings(cache);
        if (!mappings.ok())
            return mappings.error();
        useStoredMappings(vo.validator, mappings.value());
    }
    // The caller's history (the wizard read it while validating), else the workspace's own, as the server import
    // does: the stored report then carries the live anomalies and the health score whoever imports.
    if (vo.history.rowCountsLast30Days.empty() && !vo.history.trailing90DayMix) {
        auto history = storage::uploadHistory(cache, vo.validator.importDay);
        if (!history.ok())
            return history.error();
        vo.history = std::move(history.value());
    }
    ImportResult result;
    bool dryRunDone = false;
    // Everything in one cache transaction: the claims, the aggregates and the upload row are all there or none is.
    const Status st = cache.transaction([&]() -> Status {
        auto upload = storage::addUpload(cache, {QByteArray(32, '\0'), safeFileName(path), 0, 0, 0});
        if (!upload.ok())
            return upload.error();
        result.uploadId = upload.value();
        auto writer = storage::WorkspaceClaimWriter::begin(cache, result.uploadId);
        if (!writer.ok())
            return writer.error();
        engines::ClaimAggregator added, removed;
        std::vector<engines::ClaimRecord> records;
        std::string state, replaced;
        claims::ClaimRow old;
        Status failure;
        vo.acceptedRows = [&](std::vector<claims::ClaimRow> &&batch) {
            records.clear();
            records.reserve(batch.size());
            for (const claims::ClaimRow &row : batch) {
                if (!failure.ok())
                    return;
                if (!row.hasClaimRef) {
                    ++result.claimsWithoutRef;
                    records.push_back(toClaimRecord(row));
                    continue;
                }
                state = claims::encodeState(row);
                auto put = writer->put(row.claimRefHmac, state, &replaced);
                if (!put.ok()) {
                    failure = put.error();
                    return;
                }
                if (put.value() == storage::WorkspaceClaimWriter::Put::Same)
                    continue;
                if (put.value() == storage::WorkspaceClaimWriter::Put::Replaced) {
                    if (!claims::decodeState(replaced, &old)) {
                        failure = makeError(ErrorCode::Corrupt, QStringLiteral("a stored claim state is damaged"));
                        return;
                    }
                    removed.add(toClaimRecord(old));
                }
                records.push_back(toClaimRecord(row));
            }
            added.add(records.data(), records.size());
        };
        const auto userProgress = options.validation.progress;
        vo.progress = [&](std::uint64_t done, std::uint64_t total, std::uint64_t rows) {
            return failure.ok() && (!userProgress || userProgress(done, total, rows));
        };
        bool lookupFailed = false;
        vo.importedBefore = [&](const QByteArray &sha256) {
            auto seen = storage::importedBefore(cache, sha256);
            lookupFailed = !seen.ok();
            return seen.ok() && seen.value();
        };
        auto validated = validateCsvFile(path, vo);
        wipeClaimKey(vo.validator);
        if (!failure.ok())
            return failure;
        if (!validated.ok())
            return validated.error();
        if (lookupFailed)
            return makeError(ErrorCode::Internal, QStringLiteral("could not check for an earlier upload"));
        result.report = std::move(validated.value());
        if (reportOut)
            *reportOut = result.report;
        const ValidationReport &rep = result.report;
        if (rep.accepted == 0)
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("every row was rejected (%1)").arg(rejectionCountsLine(rep)));
        const engines::AggregateSet in = added.take(), out = removed.take();
        if (in.overflow() || out.overflow())
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("too many distinct payers, CPT groups or reasons"));
        if (Status s = storage::mergeAggregates(cache, in); !s.ok())
            return s;
        if (Status s = storage::mergeAggregates(cache, out, true); !s.ok())
            return s;
        const auto &c = writer->counts();
        result.claimsNew = c.created + result.claimsWithoutRef;
        result.claimsUpdated = c.updated;
        result.claimsUnchanged = c.unchanged;
        result.claimsRepeated = c.repeated;
        result.claimsLoaded = result.claimsNew + result.claimsUpdated + result.claimsUnchanged;
        result.aggregateRows = in.rows().size() + out.rows().size();
        if (result.claimsLoaded + result.claimsRepeated != rep.accepted)
            return makeError(
                ErrorCode::Internal,
                QStringLiteral("loaded %1 claims but %2 were accepted").arg(result.claimsLoaded).arg(rep.accepted));
        if (Status s = storage::finishUpload(cache, result.uploadId,
                                             {rep.fileSha256, QString(), rep.totalRows, rep.accepted, rep.rejected});
            !s.ok())
            return s; // (the file name was written with the row)
        if (Status s = storage::setUploadReport(
                cache, result.uploadId,
                QString::fromUtf8(QJsonDocument(importReportJson(result)).toJson(QJsonDocument::Compact)));
            !s.ok())
            return s;
        if (!options.inspectThenRollBack)
            return Status::success();
        if (Status s = options.inspectThenRollBack(); !s.ok())
            return s;
        dryRunDone = true;
        return makeError(ErrorCode::Cancelled, QStringLiteral("dry run: rolled back"));
    });
    if (dryRunDone)
        return result; // inspected, and rolled back: the workspace is as it was
    if (!st.ok())
        return st.error();
    log::info(QStringLiteral("import: workspace upload %1, %2 new, %3 updated, %4 unchanged claims")
                  .arg(result.uploadId)
                  .arg(result.claimsNew)
                  .arg(result.claimsUpdated)
                  .arg(result.claimsUnchanged));
    return result;
}

} // namespace upstream::importer
