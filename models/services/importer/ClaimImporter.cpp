// ClaimImporter, PostgreSQL half: COPY into a TEMP staging table fed from the validator's acceptedRows callback (so
// loading overlaps validation), then upload + claims + report + audit in the same transaction
// (storage/pg/ImportClaimsPg.h). See ClaimImporter.h for the contract.
#include "importer/ClaimImporter.h"

#include "importer/ClaimImporterReport.h"
#include "importer/ImportContext.h"
#include "logging/Log.h"
#include "phi/PhiScanner.h"
#include "storage/pg/ImportClaimsPg.h"
#include "storage/pg/PgConnection.h"
#include "storage/pg/PgImportStore.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace upstream::importer {
namespace {

Error rollback(storage::PgConnection &conn, Error error)
{
    (void)storage::rollbackImport(conn);
    return error;
}

// The upload's claims moved from staging into upstream.claims: held identities updated, new ones inserted, rows
// without claim_ref appended. Fills the claim counts of `result`.
Status moveStagedClaims(storage::PgConnection &conn, qint64 customer, ImportResult &result)
{
    auto counts = storage::moveStagedClaims(conn, customer, result.uploadId);
    if (!counts.ok())
        return counts.error();
    const auto withRef = counts->withRef, distinct = counts->distinct, held = counts->held;
    result.claimsUpdated = counts->updated;
    result.claimsWithoutRef = counts->appended;
    result.claimsNew = counts->inserted + result.claimsWithoutRef;
    result.claimsUnchanged = held - result.claimsUpdated;
    result.claimsRepeated = withRef - distinct;
    result.claimsLoaded = result.claimsNew + result.claimsUpdated + result.claimsUnchanged;
    if (counts->inserted + held != distinct)
        return makeError(ErrorCode::Internal, QStringLiteral("claims changed identity during the import"));
    return Status::success();
}

} // namespace

void appendCopyTextRow(std::string &out, const claims::ClaimRow &r)
{
    storage::appendCopyTextRow(out, r); // the staging table's text format is storage's
}

Result<ImportResult> ClaimImporter::importToPostgres(storage::PgConnection &conn, const QString &path,
                                                     const ImportOptions &options, ValidationReport *reportOut)
{
    if (options.customerId <= 0)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no customer to import into"));
    if (Status st = storage::beginImport(conn); !st.ok())
        return st.error();
    // One import per customer at a time: two uploads holding the same new claim would otherwise both insert it.
    if (Status lock = storage::lockCustomerImports(conn, options.customerId); !lock.ok())
        return rollback(conn, lock.error());
    ValidationOptions vo = options.validation;
    ClaimKeyGuard keyGuard(vo.validator);
    {
        auto key = storage::readClaimKey(conn, options.customerId);
        if (!key.ok())
            return rollback(conn, key.error());
        useClaimKey(vo.validator, key.value());
        auto mappings = storage::listMappings(conn, options.customerId);
        if (!mappings.ok())
            return rollback(conn, mappings.error());
        useStoredMappings(vo.validator, mappings.value());
    }
    if (vo.history.rowCountsLast30Days.empty() && !vo.history.trailing90DayMix) {
        // The one definition of the history, shared with the wizard (storage::uploadHistory), read inside the
        // import's transaction after the customer's lock.
        auto history = storage::uploadHistory(conn, options.customerId, vo.validator.importDay);
        if (!history.ok())
            return rollback(conn, history.error());
        vo.history = std::move(history.value());
    }
    if (Status st = storage::createImportStaging(conn); !st.ok())
        return rollback(conn, st.error());
    storage::ClaimStagingCopy sink(conn, options.copyFormat == CopyFormat::Binary
                                             ? storage::ClaimStagingCopy::Format::Binary
                                             : storage::ClaimStagingCopy::Format::Text);
    if (Status st = sink.begin(); !st.ok())
        return rollback(conn, st.error());

    vo.acceptedRows = [&sink](std::vector<claims::ClaimRow> &&rows) { sink.add(rows); };
    const auto userProgress = options.validation.progress;
    // A failed COPY stops validation early: there is no point reading the rest of a file we cannot load.
    vo.progress = [&sink, userProgress](std::uint64_t done, std::uint64_t total, std::uint64_t rows) {
        return sink.status().ok() && (!userProgress || userProgress(done, total, rows));
    };
    bool duplicateLookupFailed = false;
    // Called once after the last accepted batch: the COPY is finished first (the connection cannot run another
    // statement while a COPY is open).
    vo.importedBefore = [&](const QByteArray &sha256) {
        if (!sink.finish().ok())
            return false;
        auto seen = storage::importedBefore(conn, options.customerId, sha256);
        duplicateLookupFailed = !seen.ok();
        return seen.ok() && seen.value();
    };

    auto validated = validateCsvFile(path, vo);
    wipeClaimKey(vo.validator);
    if (!validated.ok()) {
        sink.abort(QStringLiteral("import cancelled"));
        // A COPY failure (e.g. a lost connection) surfaces as a cancel from the progress hook: report the cause.
        if (!sink.status().ok())
            return rollback(conn, sink.status().error());
        return rollback(conn, validated.error());
    }
    ImportResult result;
    result.report = std::move(validated.value());
    const ValidationReport &rep = result.report;
    if (reportOut)
        *reportOut = rep;
    if (Status st = sink.finish(); !st.ok())
        return rollback(conn, st.error());
    if (duplicateLookupFailed)
        return rollback(conn, makeError(ErrorCode::Internal, QStringLiteral("could not check for an earlier upload")));
    if (rep.accepted == 0)
        return rollback(conn, makeError(ErrorCode::InvalidInput,
                                        QStringLiteral("every row was rejected (%1)").arg(rejectionCountsLine(rep))));

    auto upload = storage::insertUpload(conn, options.customerId,
                                        {safeFileName(path), QString::fromLatin1(rep.fileSha256.toHex()),
                                         headerFingerprint(rep.header), QLatin1String(csv::encodingName(rep.encoding)),
                                         csv::delimiterName(rep.delimiter), qint64(rep.totalRows), qint64(rep.accepted),
                                         qint64(rep.rejected), qint64(rep.rowsWithWarnings)});
    if (!upload.ok())
        return rollback(conn, upload.error());
    result.uploadId = upload.value();

    if (Status st = moveStagedClaims(conn, options.customerId, result); !st.ok())
        return rollback(conn, st.error());
    if (result.claimsLoaded + result.claimsRepeated != rep.accepted || sink.rows() != rep.accepted)
        return rollback(
            conn,
            makeError(
                ErrorCode::Internal,
                QStringLiteral("loaded %1 claims but %2 were accepted").arg(result.claimsLoaded).arg(rep.accepted)));

    const QString reportText =
        QString::fromUtf8(QJsonDocument(importReportJson(result)).toJson(QJsonDocument::Compact));
    if (Status r = storage::insertUploadReport(conn, options.customerId, result.uploadId, reportText); !r.ok())
        return rollback(conn, r.error());

    const QJsonObject details{{QStringLiteral("upload_id"), result.uploadId},
                              {QStringLiteral("sha256"), QString::fromLatin1(rep.fileSha256.toHex())},
                              {QStringLiteral("total_rows"), qint64(rep.totalRows)},
                              {QStringLiteral("accepted"), qint64(rep.accepted)},
                              {QStringLiteral("rejected"), qint64(rep.rejected)},
                              {QStringLiteral("claims_new"), qint64(result.claimsNew)},
                              {QStringLiteral("claims_updated"), qint64(result.claimsUpdated)},
                              {QStringLiteral("claims_unchanged"), qint64(result.claimsUnchanged)},
                              {QStringLiteral("duplicate_file"), rep.duplicateFile}};
    if (Status r = storage::appendImportAudit(conn, options.customerId, details, options.workstation); !r.ok())
        return rollback(conn, r.error());
    if (options.inspectThenRollBack) {
        const Status inspected = options.inspectThenRollBack();
        if (Status st = storage::rollbackImport(conn); !st.ok())
            return st.error();
        if (!inspected.ok())
            return inspected.error();
        return result;
    }
    if (Status st = storage::commitImport(conn); !st.ok())
        return rollback(conn, st.error());
    log::info(QStringLiteral("import: upload %1, %2 new, %3 updated, %4 unchanged claims, %5 rejected rows")
                  .arg(result.uploadId)
                  .arg(result.claimsNew)
                  .arg(result.claimsUpdated)
                  .arg(result.claimsUnchanged)
                  .arg(rep.rejected));
    return result;
}

} // namespace upstream::importer
