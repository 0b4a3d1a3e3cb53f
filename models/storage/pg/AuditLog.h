#pragma once
// AuditLog: the append-only, hash-chained audit trail of the central database (SPEC section 8).
//
// append() calls upstream.audit_append(): the server numbers the row and computes
// hash = sha256(prev_hash || canonical row) under the customer's head-row lock, as the signed-in role, so a client
// can neither forge the chain nor write for another customer (→ PermissionDenied).
// verify() recomputes every customer's chain on this side from the stored content and names the first broken row:
// a row whose content no longer matches its hash, a row that does not chain to its predecessor, a gap in seq, or a
// chain shorter than its recorded head (a deleted tail). It reads only what the signed-in role may see (RLS).
#include "core/Result.h"
#include "storage/pg/PgConnection.h"

#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace upstream::storage {

struct AuditBreak {
    qint64 customerId = 0;
    qint64 seq = 0;
    QString reason;
};

struct AuditChainResult {
    qint64 customerId = 0;
    qint64 rows = 0;
    std::optional<AuditBreak> firstBreak;
};

struct AuditVerification {
    std::vector<AuditChainResult> chains; // ascending customer id
    bool intact() const;
    std::optional<AuditBreak> firstBreak() const;
};

class AuditLog {
public:
    // Returns the new row's seq. `workstation` empty → this machine's host name.
    static Result<qint64> append(PgConnection &conn, qint64 customerId, const QString &action,
                                 const QJsonObject &details = {}, const QString &workstation = {});
    // All customers visible to the signed-in role, or just `customerId`.
    static Result<AuditVerification> verify(PgConnection &conn, std::optional<qint64> customerId = std::nullopt);
    static Result<AuditChainResult> verifyCustomer(PgConnection &conn, qint64 customerId);
};

} // namespace upstream::storage
