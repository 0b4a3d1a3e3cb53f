#include "storage/cache/DemoLedgerStore.h"

#include "storage/cache/LocalCache.h"

namespace upstream::storage {

Result<std::vector<DemoLedgerAlert>> largestDemoAlerts(LocalCache &cache, qint64 limit)
{
    auto &db = cache.db();
    auto top =
        db.prepare(QStringLiteral("SELECT a.id, s.id, s.product, s.payer, s.dollars FROM alerts a JOIN signals s "
                                  "ON s.id = a.signal_id WHERE a.suppressed = 0 AND s.dollars > 0 "
                                  "ORDER BY s.dollars DESC, s.id LIMIT ?"));
    if (!top.ok())
        return makeError(ErrorCode::Internal, db.lastError());
    top.value().bind(1, limit);
    std::vector<DemoLedgerAlert> out;
    const Status rows = top.value().forEachRow([&] {
        auto &r = top.value();
        out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.real(4)});
    });
    if (!rows.ok())
        return rows.error();
    return out;
}

Status insertDemoLedgerEntries(LocalCache &cache, const std::vector<DemoLedgerEntry> &entries)
{
    auto &db = cache.db();
    auto insert = db.prepare(
        QStringLiteral("INSERT OR IGNORE INTO ledger_entries(id, alert_id, signal_id, product, payer, expected_cents, "
                       "recovered_cents, recovered_date, state, owner, notes, created_at, updated_at, recovered_by) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, NULLIF(?, ''), ?, 'demo.analyst', ?, ?, ?, NULLIF(?, ''))"));
    if (!insert.ok())
        return makeError(ErrorCode::Internal, db.lastError());
    for (const DemoLedgerEntry &e : entries) {
        auto &st = insert.value();
        st.reset();
        int k = 1;
        for (const QVariant &v :
             {QVariant(e.id), QVariant(e.alert.alertId), QVariant(e.alert.signalId), QVariant(e.alert.product),
              QVariant(e.alert.payer), QVariant(e.expectedCents), QVariant(e.recoveredCents), QVariant(e.recoveredDate),
              QVariant(e.state), QVariant(e.notes), QVariant(e.at), QVariant(e.at), QVariant(e.recoveredBy)})
            st.bind(k++, v);
        if (Status s = st.run(); !s.ok())
            return s;
    }
    return Status::success();
}

} // namespace upstream::storage
