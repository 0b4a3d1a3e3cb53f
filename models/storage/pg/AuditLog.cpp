#include "AuditLog.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSysInfo>

namespace upstream::storage {
namespace {

constexpr int kPageRows = 5000; // memory stays bounded on long chains

QByteArray hexColumn(const PgResult &r, int row, int column)
{
    return QByteArray::fromHex(r.bytes(row, column));
}

} // namespace

bool AuditVerification::intact() const
{
    return !firstBreak().has_value();
}

std::optional<AuditBreak> AuditVerification::firstBreak() const
{
    for (const AuditChainResult &c : chains)
        if (c.firstBreak)
            return c.firstBreak;
    return std::nullopt;
}

Result<qint64> AuditLog::append(PgConnection &conn, qint64 customerId, const QString &action,
                                const QJsonObject &details, const QString &workstation)
{
    const QString where = workstation.isEmpty() ? QSysInfo::machineHostName() : workstation;
    const QString json = QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
    auto r = conn.exec("SELECT upstream.audit_append($1::bigint, $2::text, $3::jsonb, $4::text)",
                       {customerId, action, json, where});
    if (!r.ok())
        return r.error();
    return r->int64(0, 0);
}

Result<AuditChainResult> AuditLog::verifyCustomer(PgConnection &conn, qint64 customerId)
{
    AuditChainResult chain;
    chain.customerId = customerId;
    QByteArray expectedPrev(32, '\0');
    qint64 expectedSeq = 1;
    auto broken = [&](qint64 seq, const QString &why) {
        chain.firstBreak = AuditBreak{customerId, seq, why};
        return chain;
    };
    for (;;) {
        auto page = conn.exec(
            "SELECT seq, encode(prev_hash, 'hex'), encode(hash, 'hex'), "
            "encode(upstream.audit_canonical(customer_id, seq, at, actor, action, workstation, details), 'hex') "
            "FROM upstream.audit_log WHERE customer_id = $1 AND seq >= $2 ORDER BY seq LIMIT $3",
            {customerId, expectedSeq, kPageRows});
        if (!page.ok())
            return page.error();
        for (int i = 0; i < page->rows(); ++i) {
            const qint64 seq = page->int64(i, 0);
            const QByteArray prev = hexColumn(*page, i, 1);
            const QByteArray stored = hexColumn(*page, i, 2);
            const QByteArray canonical = hexColumn(*page, i, 3);
            if (seq != expectedSeq)
                return broken(seq, QStringLiteral("rows %1 to %2 are missing before it").arg(expectedSeq).arg(seq - 1));
            if (prev != expectedPrev)
                return broken(seq, QStringLiteral("it does not chain to the row before it"));
            if (QCryptographicHash::hash(prev + canonical, QCryptographicHash::Sha256) != stored)
                return broken(seq, QStringLiteral("its content does not match its hash (the row was altered)"));
            expectedPrev = stored;
            ++expectedSeq;
            ++chain.rows;
        }
        if (page->rows() < kPageRows)
            break;
    }
    auto head = conn.exec("SELECT last_seq, encode(last_hash, 'hex') FROM upstream.audit_heads WHERE customer_id = $1",
                          {customerId});
    if (!head.ok())
        return head.error();
    const qint64 headSeq = head->rows() == 1 ? head->int64(0, 0) : 0;
    if (headSeq != chain.rows)
        return broken(chain.rows + 1, QStringLiteral("the chain ends at row %1 but its head records row %2 (rows were "
                                                     "deleted from the end)")
                                          .arg(chain.rows)
                                          .arg(headSeq));
    if (headSeq > 0 && hexColumn(*head, 0, 1) != expectedPrev)
        return broken(headSeq, QStringLiteral("the last row does not match the recorded head of the chain"));
    return chain;
}

Result<AuditVerification> AuditLog::verify(PgConnection &conn, std::optional<qint64> customerId)
{
    AuditVerification result;
    std::vector<qint64> ids;
    if (customerId) {
        ids.push_back(*customerId);
    } else {
        auto list = conn.exec("SELECT customer_id FROM upstream.audit_heads UNION "
                              "SELECT DISTINCT customer_id FROM upstream.audit_log ORDER BY 1");
        if (!list.ok())
            return list.error();
        for (int i = 0; i < list->rows(); ++i)
            ids.push_back(list->int64(i, 0));
    }
    for (qint64 id : ids) {
        auto chain = verifyCustomer(conn, id);
        if (!chain.ok())
            return chain.error();
        result.chains.push_back(chain.value());
    }
    return result;
}

} // namespace upstream::storage
