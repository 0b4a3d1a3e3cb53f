// ClaimImporter, PostgreSQL half: COPY into a TEMP staging table fed from the validator's acceptedRows callback (so
// loading overlaps validation), then upload + claims + report + audit in the same transaction
// (storage/pg/ImportClaimsPg.h). See ClaimImporter.h for the contract.
#include "importer/ClaimImporter.h"

#include "importer/ClaimImporterReport.h"
#include "importer/ImportContext.h"
#include "importer/TargetSettings.h"
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
    (void)conn.rollback();
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

namespace {

// What staging produced: the validation report and the rows in the staging table, and what the target contributed.
struct PgStaged {
    ValidationReport report;
    std::uint64_t rows = 0;
    QByteArray targetSettings;      // targetSettingsFingerprint
    bool historyFromTarget = false; // the caller gave no history: the importer read the target's
};

// The customer's claim key, stored mappings and (when the caller gave none) upload history, put into `vo`; returns
// their fingerprint. Inside the caller's transaction.
Result<QByteArray> usePostgresSettings(storage::PgConnection &conn, qint64 customer, ValidationOptions &vo,
                                       bool historyFromTarget)
{
    return useTargetSettings(
        vo, historyFromTarget, [&] { return storage::readClaimKey(conn, customer); },
        [&] { return storage::listMappings(conn, customer); },
        [&](std::int32_t importDay) { return storage::uploadHistory(conn, customer, importDay); });
}

// Reads the file once: validates it and streams the accepted rows with COPY into the staging table (created here).
// Inside the caller's transaction; on failure the caller rolls back.
Result<PgStaged> stageRows(storage::PgConnection &conn, const QString &path, const ImportOptions &options,
                           storage::StagingLifetime lifetime, ValidationReport *reportOut)
{
    ValidationOptions vo = options.validation;
    ClaimKeyGuard keyGuard(vo.validator);
    PgStaged staged;
    staged.historyFromTarget = !historyGiven(vo);
    auto settings = usePostgresSettings(conn, options.customerId, vo, staged.historyFromTarget);
    if (!settings.ok())
        return settings.error();
    staged.targetSettings = settings.value();
    if (Status st = storage::createImportStaging(conn, lifetime); !st.ok())
        return st.error();
    storage::ClaimStagingCopy sink(conn, options.copyFormat == CopyFormat::Binary
                                             ? storage::ClaimStagingCopy::Format::Binary
                                             : storage::ClaimStagingCopy::Format::Text);
    if (Status st = sink.begin(); !st.ok())
        return st.error();

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
            return sink.status().error();
        return validated.error();
    }
    staged.report = std::move(validated.value());
    const ValidationReport &rep = staged.report;
    if (reportOut)
        *reportOut = rep;
    if (Status st = sink.finish(); !st.ok())
        return st.error();
    if (duplicateLookupFailed)
        return makeError(ErrorCode::Internal, QStringLiteral("could not check for an earlier upload"));
    if (rep.accepted == 0)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("every row was rejected (%1)").arg(rejectionCountsLine(rep)));
    staged.rows = sink.rows();
    return staged;
}

// From the staged rows to the target: the upload row, the claims, the report and the audit row, then COMMIT — or,
// for a dry run, the inspection and ROLLBACK. Inside the caller's transaction (begun, the customer locked); ends it
// whatever happens.
Result<ImportResult> mergeStagedRows(storage::PgConnection &conn, const QString &path, const ImportOptions &options,
                                     ValidationReport report, std::uint64_t stagedRows)
{
    ImportResult result;
    result.report = std::move(report);
    const ValidationReport &rep = result.report;
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
    if (result.claimsLoaded + result.claimsRepeated != rep.accepted || stagedRows != rep.accepted)
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
        if (Status st = conn.rollback(); !st.ok())
            return st.error();
        if (!inspected.ok())
            return inspected.error();
        return result;
    }
    // The last chance to cancel: nothing is stored until COMMIT.
    if (const auto &progress = options.validation.progress;
        progress && !progress(rep.totalRows, rep.totalRows, rep.totalRows))
        return rollback(conn, makeError(ErrorCode::Cancelled, QStringLiteral("import cancelled")));
    if (Status st = conn.commit(); !st.ok())
        return rollback(conn, st.error());
    log::info(QStringLiteral("import: upload %1, %2 new, %3 updated, %4 unchanged claims, %5 rejected rows")
                  .arg(result.uploadId)
                  .arg(result.claimsNew)
                  .arg(result.claimsUpdated)
                  .arg(result.claimsUnchanged)
                  .arg(rep.rejected));
    return result;
}

Status beginLocked(storage::PgConnection &conn, qint64 customer)
{
    if (Status st = conn.begin(); !st.ok())
        return st;
    // One import per customer at a time: two uploads holding the same new claim would otherwise both insert it.
    if (Status lock = storage::lockCustomerImports(conn, customer); !lock.ok())
        return rollback(conn, lock.error());
    return Status::success();
}

class PgStagedImport final : public StagedImport {
public:
    PgStagedImport(storage::PgConnection conn, qint64 customer, QString path, PgStaged staged)
        : StagedImport(std::move(path), std::move(staged.report)), m_conn(std::move(conn)), m_customer(customer),
          m_rows(staged.rows), m_targetSettings(std::move(staged.targetSettings)),
          m_historyFromTarget(staged.historyFromTarget)
    {
    }
    // Closing the connection drops the session's TEMP staging table with it.
    ~PgStagedImport() override = default;
    storage::PgConnection *postgres() override { return &m_conn; }
    void release() override
    {
        m_consumed = true;
        m_conn = storage::PgConnection();
    }

    Result<ImportResult> merge(const ImportOptions &options) override
    {
        if (m_consumed)
            return makeError(ErrorCode::Internal, QStringLiteral("this staged file was imported already"));
        if (options.customerId != m_customer)
            return makeError(ErrorCode::InvalidInput, QStringLiteral("the file was staged for another customer"));
        // A dry run comes after the staging pass (its progress stays full); the import starts from nothing.
        const std::uint64_t at = options.inspectThenRollBack ? m_report.totalRows : 0;
        if (options.validation.progress && !options.validation.progress(at, m_report.totalRows, at))
            return makeError(ErrorCode::Cancelled, QStringLiteral("import cancelled"));
        if (Status st = beginLocked(m_conn, m_customer); !st.ok())
            return st.error();
        ValidationOptions vo = options.validation;
        ClaimKeyGuard keyGuard(vo.validator);
        auto settings = usePostgresSettings(m_conn, m_customer, vo, m_historyFromTarget);
        if (!settings.ok())
            return rollback(m_conn, settings.error());
        if (settings.value() != m_targetSettings || historyGiven(options.validation) == m_historyFromTarget) {
            // Validated with another claim key, other mappings or another history than the target holds now: the
            // staged rows are not what an import now would store. Read the file again.
            log::info(QStringLiteral("import: the target's mappings or history changed since the file was staged; "
                                     "reading the file again"));
            (void)m_conn.rollback();
            (void)storage::dropImportStaging(m_conn);
            m_consumed = true;
            return ClaimImporter::importToPostgres(m_conn, m_path, options);
        }
        ValidationReport report = m_report;
        auto seen = storage::importedBefore(m_conn, m_customer, report.fileSha256);
        if (!seen.ok())
            return rollback(m_conn, seen.error());
        report.duplicateFile = seen.value();
        auto merged = mergeStagedRows(m_conn, m_path, options, std::move(report), m_rows);
        if (merged.ok() && !options.inspectThenRollBack) {
            m_consumed = true;
            (void)storage::dropImportStaging(m_conn);
        }
        return merged;
    }

private:
    storage::PgConnection m_conn;
    qint64 m_customer = 0;
    std::uint64_t m_rows = 0;
    QByteArray m_targetSettings;
    bool m_historyFromTarget = false;
};

} // namespace

Result<ImportResult> ClaimImporter::importToPostgres(storage::PgConnection &conn, const QString &path,
                                                     const ImportOptions &options, ValidationReport *reportOut)
{
    if (options.customerId <= 0)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no customer to import into"));
    if (Status st = beginLocked(conn, options.customerId); !st.ok())
        return st.error();
    auto staged = stageRows(conn, path, options, storage::StagingLifetime::Transaction, reportOut);
    if (!staged.ok())
        return rollback(conn, staged.error());
    return mergeStagedRows(conn, path, options, std::move(staged->report), staged->rows);
}

Result<std::unique_ptr<StagedImport>> ClaimImporter::stageInPostgres(storage::PgConnection conn, const QString &path,
                                                                     const ImportOptions &options,
                                                                     ValidationReport *reportOut)
{
    if (options.customerId <= 0)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no customer to import into"));
    // Its own transaction, without the customer's import lock: only this session sees the staging table, and the
    // merge checks the target's settings again under the lock.
    if (Status st = conn.begin(); !st.ok())
        return st.error();
    auto staged = stageRows(conn, path, options, storage::StagingLifetime::Session, reportOut);
    if (!staged.ok())
        return rollback(conn, staged.error());
    if (Status st = conn.commit(); !st.ok())
        return rollback(conn, st.error());
    return std::unique_ptr<StagedImport>(
        std::make_unique<PgStagedImport>(std::move(conn), options.customerId, path, std::move(staged.value())));
}

} // namespace upstream::importer
