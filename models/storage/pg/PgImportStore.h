#pragma once
// What an import into PostgreSQL reads and keeps about a customer besides the claims themselves: the claim key
// (through the definer function upstream.claim_key, which only the customer's analysts and supervisors may call),
// the payer and CPT-group mappings, and the payers the customer already knows (for the wizard's likely matches).
// See docs/schema.md, migration 0005.
#include "claims/Mappings.h"
#include "core/Result.h"
#include "quality/DataQuality.h"

#include <QByteArray>
#include <QStringList>

#include <vector>

namespace upstream::storage {

class PgConnection;

// 32 bytes; ErrorCode::PermissionDenied for a role that may not import for `customer`.
Result<QByteArray> readClaimKey(PgConnection &conn, qint64 customer);
Result<std::vector<claims::Mapping>> listMappings(PgConnection &conn, qint64 customer);
// Normalises and upserts each mapping in one transaction (all or none); an invalid one fails with its reason.
Status saveMappings(PgConnection &conn, qint64 customer, std::vector<claims::Mapping> mappings);
Result<QStringList> knownPayers(PgConnection &conn, qint64 customer);
Result<bool> importedBefore(PgConnection &conn, qint64 customer, const QByteArray &sha256);
// The customer's upload history relative to `importDay` (days since 1970-01-01, the validator's import day, so a
// caller can pin the date): the uploads made in the 30 days ending on it (UTC calendar days of uploaded_at; their
// total and accepted rows, and the anomalies their stored reports recorded), and the outcome mix of the claims
// decided in the 90 days ending on it (decided_date; pending claims have none). No decided claim: no mix (the
// default applies). Two statements.
Result<quality::UploadHistory> uploadHistory(PgConnection &conn, qint64 customer, std::int32_t importDay);

} // namespace upstream::storage
