#pragma once
// GUI-free helpers of the import wizard (QtCore only):
//   readPreview       the detected format and the first rows of a file, honouring the analyst's overrides.
//   ValidationRunner  runs validateCsvFile on a worker thread; start() cancels the run in progress, so the wizard
//                     can re-validate on every mapping change. Progress (rows/s, ETA) is throttled and delivered
//                     on the runner's thread; results of a superseded run are dropped, never delivered.
//   ImportRunner      the same for the import step, around an injectable ImportFunction (the real importer or a
//                     test fake), so the wizard never depends on how or where claims are loaded.
//   ImportTarget      the same seam for the target's payers, mappings and earlier uploads.
// Failure modes: readPreview returns the reader's one-line InvalidInput reason; the runners report failed(reason)
// or cancelled(). Destroying a runner cancels its work and waits for the worker thread.
#include "claims/Mappings.h"
#include "core/BackgroundJob.h"
#include "importer/ImportValidation.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace upstream::storage {
class LocalCache;
}

namespace upstream::importer {

struct CsvPreview {
    csv::Encoding encoding = csv::Encoding::Utf8;
    char delimiter = ',';
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows; // raw values: may contain PHI, mask before display
    std::uint64_t fileSize = 0;
};
Result<CsvPreview> readPreview(const QString &path, const csv::ReaderLimits &limits, int maxRows = 20);

struct JobProgress {
    std::uint64_t done = 0; // rows (validation) or rows (import)
    std::uint64_t bytesDone = 0, bytesTotal = 0;
    double rowsPerSecond = 0;
    double etaSeconds = -1; // -1: not known yet
    double fraction = 0;    // 0..1
};

class ValidationRunner : public QObject {
    Q_OBJECT
public:
    explicit ValidationRunner(QObject *parent = nullptr);
    ~ValidationRunner() override;

    // Cancels any run in progress and starts validating `path`. options.progress is replaced.
    void start(const QString &path, ValidationOptions options);
    void cancel();
    bool isRunning() const { return m_job.isRunning(); }

signals:
    void progress(const upstream::importer::JobProgress &progress);
    void finished(std::shared_ptr<const upstream::importer::ValidationReport> report);
    void failed(const QString &reason);
    void cancelled();

private:
    BackgroundJob m_job; // last: destroyed first, so every run is cancelled and joined while the rest still exists
};

class StagedImport;

struct ImportRequest {
    QString path;
    ValidationOptions options; // mapping, reader overrides, validator config
    std::uint64_t expectedRows = 0;
    // The file as the preview step staged it (see StagedImport): when it covers `path`, the import merges from it
    // instead of reading and validating the file again. Null: the import reads the file.
    std::shared_ptr<StagedImport> staged;
};
struct ImportCounts {
    std::uint64_t accepted = 0, rejected = 0, warnings = 0;
    // What the import did to the target's claims (see ImportResult): claims with a claim_ref are matched, so a
    // re-export updates them; rows without one are appended and counted in claimsWithoutRef.
    std::uint64_t claimsNew = 0, claimsUpdated = 0, claimsUnchanged = 0, claimsWithoutRef = 0;
    bool duplicateFile = false; // the target had imported this file before
};
// done/total in rows; return false to cancel (the function then fails with ErrorCode::Cancelled).
using ImportProgressFn = std::function<bool(std::uint64_t done, std::uint64_t total)>;
using ImportFunction = std::function<Result<ImportCounts>(const ImportRequest &, const ImportProgressFn &)>;

// What the wizard reads and writes on the import target besides the claims (the server's customer or the local
// workspace), injectable like ImportFunction so tests can fake the target. Each member may be empty: the wizard
// then skips that step (no suggestions, no payer mapping step, no re-import question). Called on the GUI thread;
// each call is short (one query). Failures come back as the target's one-line reason.
struct ImportTarget {
    std::function<Result<QStringList>()> knownPayers;                     // payers the target already holds
    std::function<Result<std::vector<claims::Mapping>>()> mappings;       // stored payer and CPT-group mappings
    std::function<Status(std::vector<claims::Mapping>)> saveMappings;     // upserts, all or none
    std::function<Result<bool>(const QByteArray &sha256)> importedBefore; // the file's SHA-256 is in the target
    // The customer's earlier uploads relative to the validator's import day (days since 1970-01-01), for the
    // volume and outcome-shift anomalies and the health score (storage::uploadHistory).
    std::function<Result<quality::UploadHistory>(std::int32_t importDay)> uploadHistory;
};

// Records a finished export of the rejected rows (SPEC 8: exports are audited): the number of rows written, nothing
// of their content nor where the file went. Called on the GUI thread after the file was written; a failure means
// the export must not stay (the wizard removes the file). Empty: exports are not audited (tests of other pages).
using ExportAuditFunction = std::function<Status(std::uint64_t rows)>;

// One background job with throttled progress (rows done of a total) and cancel, on its own worker thread: the
// runner behind the import step, the preview step and anything else of that shape. The job gets a progress
// function that returns false once cancel() was called; a job failing with ErrorCode::Cancelled ends as
// cancelled(). Results of a job superseded by cancel() are dropped. Destroying the runner cancels and joins.
class JobRunner : public QObject {
    Q_OBJECT
public:
    explicit JobRunner(QObject *parent = nullptr);
    ~JobRunner() override;

    using Job = std::function<Status(const ImportProgressFn &)>;
    // Starts `job` unless one is running; `onSuccess` runs on the runner's thread after the job succeeded.
    void run(Job job, std::function<void()> onSuccess);
    template<typename T>
    void start(std::function<Result<T>(const ImportProgressFn &)> job, std::function<void(T &&)> onResult)
    {
        auto slot = std::make_shared<std::optional<T>>();
        run(
            [job = std::move(job), slot](const ImportProgressFn &progress) -> Status {
                auto result = job(progress);
                if (!result.ok())
                    return result.error();
                *slot = std::move(result.value());
                return Status::success();
            },
            [slot, onResult = std::move(onResult)] { onResult(std::move(**slot)); });
    }
    void cancel();
    // cancel() and wait until the job's thread has ended (the workstation locks: nothing may still read the cache
    // or the password). The job's cancelled()/failed() still arrives through the event loop afterwards.
    void cancelAndWait();
    bool isRunning() const { return m_job.isRunning(); }

signals:
    void progress(const upstream::importer::JobProgress &progress);
    void failed(const QString &reason);
    void cancelled();

private:
    BackgroundJob m_job; // last: destroyed first, so the run is cancelled and joined while the rest still exists
};

class ImportRunner : public JobRunner {
    Q_OBJECT
public:
    using JobRunner::JobRunner;
    void start(ImportFunction function, ImportRequest request);

signals:
    void finished(const upstream::importer::ImportCounts &counts);
};

// The audit event of a rejected-rows export in the local cache's audit queue (the sync service forwards it to the
// server's hash-chained log): action "export", details {"kind": "rejected_rows", "rows": N}.
Status auditRejectedRowsExport(storage::LocalCache &cache, const QString &who, std::uint64_t rows);

} // namespace upstream::importer
