#pragma once
// ClaimImporter: loads the accepted rows of a claim CSV (SPEC section 3), GUI-free, usable from a worker thread.
//
// To PostgreSQL (importToPostgres), in ONE transaction on the given connection: the accepted rows are streamed
// with binary COPY into a session TEMP staging table while the file is still being validated (validation workers
// run ahead of the COPY), then the upload row (SHA-256, header fingerprint, encoding, delimiter, counts), one
// INSERT ... SELECT into upstream.claims (a direct COPY into an RLS table is refused for app roles, see
// docs/schema.md), the upload_reports row (the PHI-free quality report JSON) and an audit row ('import') are
// written, and only then COMMIT. Cancel (progress returns false), a failed statement or a lost connection → the
// transaction is rolled back and nothing is left. A file whose rows are all rejected fails (InvalidInput, counts
// per category in the message) and writes nothing. The same two halves — staging while validating, then merging
// from the staging table — also run apart: see StagedImport. The duplicate-file warning looks the SHA-256 up in
// upstream.uploads of the customer.
//
// Identity (both targets): the target's claim key and mappings are read first (PostgreSQL: upstream.claim_key,
// so only the customer's analysts and supervisors can import; the workspace: its cache). Mappings the caller put
// in options.validation.validator override the stored ones; a claimRefKey set by the caller is ignored. Imports
// for one customer are serialised (an advisory lock), so two workstations cannot create one claim twice.
//
// To a local workspace (importToCache), in ONE cache transaction: the validation feeds the in-process
// ClaimAggregator; each row with a claim_ref is recorded in the cache's claims table, and when it replaces a
// stored state that state's contribution is taken out of the daily aggregates; the upload row and its report are
// written with them.
//
// History (both targets): when options.validation.history is empty, the importer reads the target's own
// (storage::uploadHistory, relative to the validator's import day), so the stored report carries the volume and
// outcome-shift anomalies and the health score whoever imports; the wizard passes the history it validated with.
//
// Failure: Error{InvalidInput} for an unreadable/malformed file or all rows rejected; Error{Cancelled};
// PostgreSQL errors as mapped by PgConnection (PermissionDenied for a viewer, Unreachable ...). When validation
// finished but loading failed, the report is still handed back through the `report` out-parameter.
#include "core/Result.h"
#include "engines/ClaimRecord.h"
#include "importer/ImportValidation.h"

#include <QString>

#include <functional>
#include <memory>

namespace upstream::storage {
class PgConnection;
class LocalCache;
} // namespace upstream::storage

namespace upstream::importer {

// How accepted rows travel to the staging table. Binary is the default (measured faster, see bench_import);
// Text exists for the measurement and as a fallback.
enum class CopyFormat { Binary, Text };

struct ImportOptions {
    // Validation settings (mapping, validator config, threads, progress/cancel). The importer sets acceptedRows
    // and importedBefore itself; progress is called on the calling thread after each block.
    ValidationOptions validation;
    qint64 customerId = 0;
    QString workstation; // for the audit row; may be empty
    CopyFormat copyFormat = CopyFormat::Binary;
    // Dry run (the wizard's "preview signals"): the whole import runs inside its transaction, then `inspect` is
    // called on the same connection (it sees the target as the import would leave it) and the transaction is
    // rolled back, so nothing is written whatever happens. A failure of `inspect` fails the call.
    std::function<Status()> inspectThenRollBack;
};

// What an import did to the target's claims (SPEC 3, live exports and identity). A row whose claim_ref identity
// the target already holds replaces that claim's state (latest import wins); a row without claim_ref is appended.
// accepted = claimsNew + claimsUpdated + claimsUnchanged + claimsRepeated.
struct ImportResult {
    ValidationReport report;
    qint64 uploadId = 0;                // the upload's id in the target (PostgreSQL or the workspace cache)
    std::uint64_t claimsLoaded = 0;     // distinct claims of the file now in the target (new + updated + unchanged)
    std::uint64_t claimsNew = 0;        // claims the target did not hold (rows without claim_ref included)
    std::uint64_t claimsUpdated = 0;    // held claims whose state the file changed
    std::uint64_t claimsUnchanged = 0;  // held claims the file repeats as they were
    std::uint64_t claimsRepeated = 0;   // rows repeating a claim_ref earlier in the same file (its last row wins)
    std::uint64_t claimsWithoutRef = 0; // appended rows without claim_ref: a re-export of them double counts
    std::uint64_t aggregateRows = 0;    // cache only: daily_aggregates rows the upload touched
};

// One accepted row as a line of PostgreSQL COPY text format, in the staging table's column order (payer, cpt,
// cpt_group, submitted, decided, outcome, allowed, billed, paid, payment, reason code, reason text, claim_ref HMAC).
void appendCopyTextRow(std::string &out, const claims::ClaimRow &row);

// The one conversion from the validator's row to the engines' record.
engines::ClaimRecord toClaimRecord(const claims::ClaimRow &row);

// A file read once, its accepted rows staged in the import target, ready to be merged there (the wizard's preview
// step): staging validates the file and loads the accepted rows into a staging table on a connection of the stage's
// own — a session TEMP table on PostgreSQL, a TEMP table in the memory temp store of a dedicated cache connection —
// and commits only that, so the target itself is untouched. merge() then does what the import does after reading:
// in one transaction the upload row, the claims (re-exports replace held states), the report and the audit row,
// then COMMIT, or, with options.inspectThenRollBack, the inspection and ROLLBACK (the dry run; the stage stays for
// the real import). The validation report of the staging pass is reused: no row is validated twice.
// Before merging, the target's claim key, stored mappings and (when the importer read it) upload history are
// compared with those the rows were validated with; when they differ (another workstation saved a mapping
// meanwhile) the stage is dropped and merge() imports from the file instead, so the result is always what a
// one-go import would store. The duplicate-file flag is asked again at merge time.
// Threads: one thread at a time (the preview's worker, then the import's); destroy it on any thread once no job
// uses it — that drops the staging table and closes the connection (and wipes the cache key it held). After a
// committed merge the stage is consumed: a second merge fails.
class StagedImport {
public:
    virtual ~StagedImport() = default;
    StagedImport(const StagedImport &) = delete;
    StagedImport &operator=(const StagedImport &) = delete;

    const QString &path() const { return m_path; }
    const ValidationReport &report() const { return m_report; }
    bool consumed() const { return m_consumed; }
    // The staged rows can stand for an import of `path`.
    bool covers(const QString &path) const { return !m_consumed && path == m_path; }
    virtual Result<ImportResult> merge(const ImportOptions &options) = 0;
    // Closes the stage's connection now (the staging table goes with it, a cache connection wipes its key); covers()
    // is false afterwards. For a lock, once no job uses the stage; harmless when repeated.
    virtual void release() = 0;
    // The connection the stage lives on: the dry run inspects the target through it inside the merge's transaction.
    virtual storage::PgConnection *postgres() { return nullptr; }
    virtual storage::LocalCache *workspace() { return nullptr; }

protected:
    StagedImport(QString path, ValidationReport report) : m_path(std::move(path)), m_report(std::move(report)) {}
    QString m_path;
    ValidationReport m_report;
    bool m_consumed = false;
};

class ClaimImporter {
public:
    // Staging (see StagedImport): `conn` is the stage's own connection (idle, no open transaction); on failure
    // nothing is left in the target and `report` receives what validation found, as for the imports below.
    static Result<std::unique_ptr<StagedImport>> stageInPostgres(storage::PgConnection conn, const QString &path,
                                                                 const ImportOptions &options,
                                                                 ValidationReport *report = nullptr);
    static Result<std::unique_ptr<StagedImport>> stageInCache(storage::LocalCache connection, const QString &path,
                                                              const ImportOptions &options,
                                                              ValidationReport *report = nullptr);

    // `conn` must be idle (no open transaction). On failure `report`, when non-null, receives the validation
    // report if validation got that far (for the CLI's per-category counts).
    static Result<ImportResult> importToPostgres(storage::PgConnection &conn, const QString &path,
                                                 const ImportOptions &options, ValidationReport *report = nullptr);
    static Result<ImportResult> importToCache(storage::LocalCache &cache, const QString &path,
                                              const ImportOptions &options, ValidationReport *report = nullptr);
};

} // namespace upstream::importer
