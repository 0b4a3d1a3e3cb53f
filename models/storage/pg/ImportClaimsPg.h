#pragma once
// The statements of one claim import into PostgreSQL (importer::ClaimImporter::importToPostgres), in the order it
// runs them inside its transaction: BEGIN and the customer's import lock, a session TEMP staging table fed by COPY
// while the file is still being validated, the staged claims moved into upstream.claims, the upload row, its
// report and the 'import' audit row, then COMMIT or ROLLBACK. Validation, the counts' consistency checks and the
// decision to commit or roll back stay with the importer.
//
// Blocking, one connection, one import at a time on it: use from the import's worker thread. While a
// ClaimStagingCopy is open the connection can run nothing else. Failure modes: PgConnection errors pass through
// (PermissionDenied for a role that may not import, Unreachable ...).
#include "claims/ClaimRow.h"
#include "core/Result.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <string>
#include <vector>

namespace upstream::storage {

class PgConnection;

// --- transaction (PgConnection::begin / commit / rollback) ---------------------------------------------------------
// One import per customer at a time (an advisory lock held until the transaction ends): two uploads holding the
// same new claim would otherwise both insert it.
Status lockCustomerImports(PgConnection &conn, qint64 customerId);

// --- staging ----------------------------------------------------------------------------------------------------
// The TEMP staging table; rows keep their place in the file (seq), so the last row of a repeated claim_ref wins.
// Transaction: dropped at the end of the transaction (an import in one go). Session: kept after COMMIT until the
// connection closes or dropImportStaging (the wizard's preview stages once, its dry run and the import both merge
// from it, each in its own transaction). Only this session can see a TEMP table.
enum class StagingLifetime { Transaction, Session };
Status createImportStaging(PgConnection &conn, StagingLifetime lifetime = StagingLifetime::Transaction);
Status dropImportStaging(PgConnection &conn);

// One accepted row as a line of COPY text format, in the staging table's column order (payer, cpt, cpt_group,
// submitted, decided, outcome, allowed, billed, paid, payment, reason code, reason text, claim_ref HMAC).
void appendCopyTextRow(std::string &out, const claims::ClaimRow &row);

// Streams accepted rows into the staging table with COPY (binary format, or text); remembers the first failure
// (later rows are then dropped).
class ClaimStagingCopy {
public:
    enum class Format { Binary, Text };
    ClaimStagingCopy(PgConnection &conn, Format format);
    ClaimStagingCopy(const ClaimStagingCopy &) = delete;
    ClaimStagingCopy &operator=(const ClaimStagingCopy &) = delete;

    Status begin();
    void add(const std::vector<claims::ClaimRow> &rows);
    // Ends the COPY (aborts it after a failure); the connection is free again. Repeating it returns the same status.
    Status finish();
    void abort(const QString &reason);
    const Status &status() const { return m_status; }
    std::uint64_t rows() const { return m_rows; }

private:
    void flush();
    PgConnection &m_conn;
    std::string m_buf;
    Status m_status;
    std::uint64_t m_rows = 0;
    bool m_open = false;
    bool m_binary = true;
};

// Moves the staged claims into upstream.claims for `uploadId`: claims the customer already holds (by claim_ref)
// take the file's last state if it differs, new identities are inserted, rows without claim_ref are appended.
struct StagedClaimCounts {
    std::uint64_t withRef = 0;  // staged rows with a claim_ref
    std::uint64_t distinct = 0; // distinct claim_refs among them
    std::uint64_t held = 0;     // of those, identities the customer already held
    std::uint64_t updated = 0, inserted = 0, appended = 0;
};
Result<StagedClaimCounts> moveStagedClaims(PgConnection &conn, qint64 customerId, qint64 uploadId);

// --- the upload's own rows --------------------------------------------------------------------------------------
struct PgUploadRow {
    QString fileName; // empty = NULL (it looked like PHI)
    QString sha256Hex;
    QString headerFingerprint;
    QString encoding;
    QString delimiter;
    qint64 totalRows = 0, acceptedRows = 0, rejectedRows = 0, warningRows = 0;
};
// Returns the new upload_id.
Result<qint64> insertUpload(PgConnection &conn, qint64 customerId, const PgUploadRow &upload);
Status insertUploadReport(PgConnection &conn, qint64 customerId, qint64 uploadId, const QString &reportJson);
// The 'import' audit row through upstream.audit_append; `workstation` empty = NULL.
Status appendImportAudit(PgConnection &conn, qint64 customerId, const QJsonObject &details, const QString &workstation);

} // namespace upstream::storage
