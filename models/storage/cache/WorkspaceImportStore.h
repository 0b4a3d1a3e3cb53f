#pragma once
// What an import into a local workspace keeps in the encrypted cache besides the daily aggregates (schema v4, see
// LocalCache.cpp): the claim key, the uploads (SHA-256 for the re-import warning, the report), one row per claim
// identity with its state, and the workspace's payer / CPT-group mappings. The one place that reads and writes
// those tables. Callers run writes inside a cache transaction when they must be atomic with others (the importer
// does: an upload is all or nothing).
//
// The claim key never leaves this process: readClaimKey hands it to the importer, which wipes its copies.
#include "claims/Mappings.h"
#include "core/Result.h"
#include "quality/DataQuality.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace upstream::storage {

class LocalCache;
class CipherStatement;

Result<QByteArray> readClaimKey(LocalCache &cache); // 32 bytes

Result<bool> importedBefore(LocalCache &cache, const QByteArray &sha256);
struct WorkspaceUpload {
    QByteArray sha256;
    QString fileName; // empty when it looked like PHI
    std::uint64_t totalRows = 0, accepted = 0, rejected = 0;
};
// The row is written before the file is read (claims refer to its id); finishUpload sets its SHA-256 and counts
// (not the file name) once validation is done.
Result<qint64> addUpload(LocalCache &cache, const WorkspaceUpload &upload);
Status finishUpload(LocalCache &cache, qint64 uploadId, const WorkspaceUpload &upload);
Status setUploadReport(LocalCache &cache, qint64 uploadId, const QString &reportJson);
// The workspace's upload history relative to `importDay` (days since 1970-01-01), as storage::uploadHistory does
// for the server: the uploads of the 30 days ending on it (UTC day of uploaded_at; rows, accepted rows, anomalies
// of the stored report) and the outcome mix of the 90 days ending on it, from the decided daily aggregates (every
// claim, with or without claim_ref, as it stands now).
Result<quality::UploadHistory> uploadHistory(LocalCache &cache, std::int32_t importDay);

Result<std::vector<claims::Mapping>> listMappings(LocalCache &cache);
// Normalises and stores each mapping (replacing one with the same raw name / code); the first invalid one fails
// the call with its reason (ErrorCode::InvalidInput) and nothing after it is stored.
Status saveMappings(LocalCache &cache, std::vector<claims::Mapping> mappings);
// Payers the workspace knows: mapping targets and payers of its claims, sorted, unique.
Result<QStringList> knownPayers(LocalCache &cache);

// Records claim states of one upload (cache table claims). Re-exports update a claim in place; the writer says
// what each row did so the importer can adjust the aggregates (take the replaced state out, put the new one in)
// and count the claims the upload created, updated and left unchanged. A claim seen twice in one file is
// classified by its last row against the state before the upload.
class WorkspaceClaimWriter {
public:
    using Identity = std::array<std::uint8_t, 32>;
    enum class Put { New, Replaced, Same };
    struct Counts {
        std::uint64_t created = 0, updated = 0, unchanged = 0, repeated = 0;
    };

    static Result<WorkspaceClaimWriter> begin(LocalCache &cache, qint64 uploadId);
    ~WorkspaceClaimWriter();
    WorkspaceClaimWriter(WorkspaceClaimWriter &&) noexcept;
    WorkspaceClaimWriter &operator=(WorkspaceClaimWriter &&) noexcept;

    // On Replaced, *replaced receives the state it replaced (its aggregates must come out).
    Result<Put> put(const Identity &identity, const std::string &state, std::string *replaced);
    const Counts &counts() const { return m_counts; }

private:
    struct Statements;
    WorkspaceClaimWriter(std::unique_ptr<Statements> st, qint64 uploadId);
    std::unique_ptr<Statements> m_st;
    qint64 m_upload = 0;
    Counts m_counts;
};

// The accepted rows of one file staged on one cache connection (the wizard's preview reads the file once, the
// import then merges from here without reading it again): a TEMP table of (claim identity or NULL, claim state) in
// file order. The connection's temp store is memory (LocalCache::open sets PRAGMA temp_store = MEMORY, and create()
// refuses any other), so decrypted rows never reach a temporary file on disk. The table lives as long as the
// connection or until drop(). Writing it takes no lock on the workspace: other connections keep writing meanwhile.
class WorkspaceImportStage {
public:
    using Identity = WorkspaceClaimWriter::Identity;
    // Drops an earlier stage of this connection, creates the table and opens the staging transaction.
    static Result<WorkspaceImportStage> create(LocalCache &cache);
    ~WorkspaceImportStage();
    WorkspaceImportStage(WorkspaceImportStage &&) noexcept;
    WorkspaceImportStage &operator=(WorkspaceImportStage &&) noexcept;

    // identity: nullptr for a row without claim_ref.
    Status add(const Identity *identity, const std::string &state);
    Status finish(); // commits the staged rows
    void abort();    // rolls back and drops the table

    // Every staged row in file order; a failure of onRow stops the walk and is returned.
    static Status forEach(LocalCache &cache, const std::function<Status(const Identity *, std::string_view)> &onRow);
    static Status drop(LocalCache &cache);

private:
    struct Statements;
    WorkspaceImportStage(LocalCache &cache, std::unique_ptr<Statements> st);
    LocalCache *m_cache = nullptr;
    std::unique_ptr<Statements> m_st;
    bool m_open = false;
};

} // namespace upstream::storage
