#include "storage/cache/SignalCacheQueries.h"

#include "storage/cache/LocalCache.h"

namespace upstream::storage {

Result<qint64> countSignalsOfProduct(LocalCache &cache, const QString &product)
{
    return cache.db().scalar(QStringLiteral("SELECT count(*) FROM signals WHERE product = ?"), {product});
}

Status forEachSignalOfProduct(LocalCache &cache, const QString &product,
                              const std::function<void(const SignalTableRecord &)> &onRow)
{
    auto q = cache.db().prepare(QStringLiteral(
        "SELECT id, payer, COALESCE(cpt_group, reason, ''), signal_type, severity, COALESCE(severity_score, 0), "
        "confidence, COALESCE(baseline_value, 0), COALESCE(current_value, 0), COALESCE(delta, 0), "
        "COALESCE(p_value, 1), COALESCE(dollars, 0), window_start, window_end, as_of "
        "FROM signals NOT INDEXED WHERE product = ?"));
    if (!q.ok())
        return q.error();
    q->bind(1, product);
    SignalTableRecord r;
    return q->forEachRow([&] {
        r.id = q->text(0);
        r.payer = q->text(1);
        r.group = q->text(2);
        r.signalType = q->text(3);
        r.severity = q->text(4);
        r.severityScore = q->real(5);
        r.confidence = q->real(6);
        r.baseline = q->real(7);
        r.current = q->real(8);
        r.delta = q->real(9);
        r.pValue = q->real(10);
        r.dollars = q->real(11);
        r.windowStart = q->text(12);
        r.windowEnd = q->text(13);
        r.asOf = q->text(14);
        onRow(r);
    });
}

Status forEachAlertOfProduct(LocalCache &cache, const QString &product,
                             const std::function<void(const SignalAlertRecord &)> &onRow)
{
    auto a = cache.db().prepare(QStringLiteral("SELECT signal_id, id, status, suppressed, "
                                               "COALESCE(suppression_reason, '') FROM alerts NOT INDEXED "
                                               "WHERE product = ?"));
    if (!a.ok())
        return a.error();
    a->bind(1, product);
    SignalAlertRecord r;
    return a->forEachRow([&] {
        r.signalId = a->text(0);
        r.alertId = a->text(1);
        r.status = a->text(2);
        r.suppressed = a->int64(3) != 0;
        r.suppressionReason = a->text(4);
        onRow(r);
    });
}

Status readAlertStates(LocalCache &cache, const QStringList &alertIds,
                       const std::function<void(const SignalAlertRecord &)> &onFound)
{
    auto q = cache.db().prepare(QStringLiteral("SELECT status, suppressed, COALESCE(suppression_reason, '') "
                                               "FROM alerts WHERE id = ?"));
    if (!q.ok())
        return q.error();
    for (const QString &id : alertIds) {
        q->reset();
        q->bind(1, id);
        auto more = q->step();
        if (!more.ok())
            return more.error();
        if (!more.value())
            continue;
        SignalAlertRecord r;
        r.alertId = id;
        r.status = q->text(0);
        r.suppressed = q->int64(1) != 0;
        r.suppressionReason = q->text(2);
        onFound(r);
    }
    return Status::success();
}

Status forEachDelayFiguresOfProduct(LocalCache &cache, const QString &product,
                                    const std::function<void(const SignalDelayRecord &)> &onRow)
{
    auto dq = cache.db().prepare(QStringLiteral("SELECT id, COALESCE(json_extract(evidence, '$.delay.observed'), 0), "
                                                "COALESCE(json_extract(evidence, '$.delay.expected'), 0), "
                                                "COALESCE(json_extract(evidence, '$.delay.overdue_claims'), 0), "
                                                "COALESCE(json_extract(evidence, '$.delay.overdue_dollars'), 0) "
                                                "FROM signals NOT INDEXED WHERE product = ? AND json_valid(evidence)"));
    if (!dq.ok())
        return dq.error();
    dq->bind(1, product);
    SignalDelayRecord r;
    return dq->forEachRow([&] {
        r.signalId = dq->text(0);
        r.observed = dq->real(1);
        r.expected = dq->real(2);
        r.overdueClaims = dq->int64(3);
        r.overdueDollars = dq->real(4);
        onRow(r);
    });
}

// Judgments map to rows through the caller's alert-id hash, not an SQL join: a join probes the alerts and signals
// B-trees once per judgment (random pages, each decrypted by SQLCipher), which dominated the load time.
Status forEachJudgmentVerdict(LocalCache &cache, const std::function<void(const SignalVerdictRecord &)> &onRow)
{
    auto q = cache.db().prepare(QStringLiteral("SELECT alert_id, verdict, judged_at FROM judgments"));
    if (!q.ok())
        return q.error();
    SignalVerdictRecord r;
    return q->forEachRow([&] {
        r.alertId = q->text(0);
        r.verdict = q->text(1);
        r.judgedAt = q->text(2);
        onRow(r);
    });
}

Status forEachAlertRecoveredCents(LocalCache &cache,
                                  const std::function<void(const QString &alertId, qint64 recoveredCents)> &onRow)
{
    auto l = cache.db().prepare(QStringLiteral("SELECT alert_id, sum(recovered_cents) FROM ledger_entries "
                                               "WHERE alert_id IS NOT NULL GROUP BY alert_id"));
    if (!l.ok())
        return l.error();
    return l->forEachRow([&] { onRow(l->text(0), l->int64(1)); });
}

Result<std::vector<QString>> evidenceOfTopSignals(LocalCache &cache, const QString &product, const QString &metric,
                                                  int limit)
{
    auto q = cache.db().prepare(
        QStringLiteral("SELECT evidence FROM signals WHERE product = ? AND json_extract(evidence, '$.metric') = ? "
                       "ORDER BY severity_score DESC, id LIMIT ?"));
    if (!q.ok())
        return q.error();
    q->bind(1, product);
    q->bind(2, metric);
    q->bind(3, qint64(limit));
    std::vector<QString> out;
    if (Status st = q->forEachRow([&] { out.push_back(q->text(0)); }); !st.ok())
        return st.error();
    return out;
}

Result<SignalRecency> signalRecency(LocalCache &cache, const QString &product)
{
    auto q = cache.db().prepare(QStringLiteral(
        "SELECT COALESCE(MAX(as_of), ''), COALESCE(MAX(computed_at), '') FROM signals WHERE product = ?"));
    if (!q.ok())
        return q.error();
    q->bind(1, product);
    if (auto r = q->step(); !r.ok())
        return r.error();
    return SignalRecency{q->text(0), q->text(1)};
}

Result<std::vector<std::optional<QString>>> evidenceOfTypesAt(LocalCache &cache, const QString &product,
                                                              const QStringList &types, const QString &asOf)
{
    auto w = cache.db().prepare(
        QStringLiteral("SELECT evidence FROM signals WHERE product = ? AND signal_type = ? AND as_of = ? LIMIT 1"));
    if (!w.ok())
        return w.error();
    std::vector<std::optional<QString>> out;
    out.reserve(size_t(types.size()));
    for (const QString &type : types) {
        w->reset();
        w->bind(1, product);
        w->bind(2, type);
        w->bind(3, asOf);
        auto row = w->step();
        if (!row.ok())
            return row.error();
        out.push_back(row.value() ? std::optional<QString>(w->text(0)) : std::nullopt);
    }
    return out;
}

Result<std::optional<QString>> lastSyncedAt(LocalCache &cache)
{
    auto s = cache.db().prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = 'last_synced'"));
    if (!s.ok())
        return s.error();
    auto r = s->step();
    if (!r.ok())
        return r.error();
    if (!r.value())
        return std::optional<QString>();
    return std::optional<QString>(s->text(0));
}

Result<std::optional<SignalDetailRecord>> signalDetailRecord(LocalCache &cache, const QString &signalId)
{
    auto q = cache.db().prepare(QStringLiteral(
        "SELECT s.product, s.signal_type, s.payer, COALESCE(s.cpt_group, s.reason, ''), s.severity, "
        "COALESCE(s.severity_score, 0), s.confidence, COALESCE(s.baseline_value, 0), COALESCE(s.current_value, 0), "
        "COALESCE(s.delta, 0), COALESCE(s.p_value, 1), COALESCE(s.dollars, 0), s.as_of, s.evidence, "
        "COALESCE(a.id, ''), COALESCE(a.status, ''), COALESCE(a.suppressed, 0), COALESCE(a.suppression_reason, '') "
        "FROM signals s LEFT JOIN alerts a ON a.signal_id = s.id WHERE s.id = ?"));
    if (!q.ok())
        return q.error();
    q->bind(1, signalId);
    auto row = q->step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return std::optional<SignalDetailRecord>();
    SignalDetailRecord d;
    d.product = q->text(0);
    d.signalType = q->text(1);
    d.payer = q->text(2);
    d.group = q->text(3);
    d.severity = q->text(4);
    d.severityScore = q->real(5);
    d.confidence = q->real(6);
    d.baseline = q->real(7);
    d.current = q->real(8);
    d.delta = q->real(9);
    d.pValue = q->real(10);
    d.dollars = q->real(11);
    d.asOf = q->text(12);
    d.evidence = q->text(13);
    d.alertId = q->text(14);
    d.alertStatus = q->text(15);
    d.suppressed = q->int64(16) != 0;
    d.suppressionReason = q->text(17);
    return std::optional<SignalDetailRecord>(std::move(d));
}

Result<std::vector<SignalJudgmentRecord>> signalJudgments(LocalCache &cache, const QString &alertId)
{
    auto j = cache.db().prepare(
        QStringLiteral("SELECT operator, verdict, COALESCE(reason_code, ''), COALESCE(notes, ''), "
                       "judged_at, version FROM judgments WHERE alert_id = ? ORDER BY judged_at DESC"));
    if (!j.ok())
        return j.error();
    j->bind(1, alertId);
    std::vector<SignalJudgmentRecord> out;
    const Status st = j->forEachRow([&] {
        out.push_back({j->text(0), j->text(1), j->text(2), j->text(3), j->text(4), j->int64(5)});
    });
    if (!st.ok())
        return st.error();
    return out;
}

Result<std::vector<SignalLedgerRecord>> signalLedgerEntries(LocalCache &cache, const QString &signalId,
                                                            const QString &alertId)
{
    auto l =
        cache.db().prepare(QStringLiteral("SELECT id, state, COALESCE(owner, ''), expected_cents, recovered_cents, "
                                          "created_at FROM ledger_entries WHERE signal_id = ? OR (alert_id = ? AND "
                                          "alert_id <> '') ORDER BY created_at DESC"));
    if (!l.ok())
        return l.error();
    l->bind(1, signalId);
    l->bind(2, alertId);
    std::vector<SignalLedgerRecord> out;
    const Status st = l->forEachRow([&] {
        out.push_back({l->text(0), l->text(1), l->text(2), l->int64(3), l->int64(4), l->text(5)});
    });
    if (!st.ok())
        return st.error();
    return out;
}

} // namespace upstream::storage
