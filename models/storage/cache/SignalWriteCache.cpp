#include "storage/cache/SignalWriteCache.h"

#include "engines/ClaimRecord.h"
#include "storage/cache/LocalCache.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace upstream::storage {
namespace {

using engines::Product;
using engines::Signal;

Status check(LocalCache &cache, bool ok)
{
    return ok ? Status::success() : makeError(ErrorCode::Internal, cache.db().lastError());
}

} // namespace

Result<CacheSignalsWritten> writeCacheSignals(LocalCache &cache, const std::vector<engines::Signal> &found,
                                              const std::function<QByteArray(const engines::Signal &)> &evidence,
                                              const QString &asOf, const QString &computedAt)
{
    auto &db = cache.db();
    auto exists = db.prepare(QStringLiteral("SELECT 1 FROM signals WHERE id = ?"));
    auto sig = db.prepare(QStringLiteral(
        "INSERT INTO signals(id, product, signal_type, payer, cpt_group, reason, severity, severity_score, "
        "confidence, baseline_value, current_value, delta, p_value, dollars, window_start, window_end, as_of, "
        "evidence, computed_at) VALUES (?, ?, ?, ?, NULLIF(?, ''), NULLIF(?, ''), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?) ON CONFLICT(id) DO UPDATE SET severity = excluded.severity, severity_score = excluded.severity_score, "
        "confidence = excluded.confidence, baseline_value = excluded.baseline_value, current_value = "
        "excluded.current_value, delta = excluded.delta, p_value = excluded.p_value, dollars = excluded.dollars, "
        "as_of = excluded.as_of, evidence = excluded.evidence, computed_at = excluded.computed_at"));
    if (!exists.ok() || !sig.ok())
        return check(cache, false).error();
    CacheSignalsWritten written;
    for (const Signal &s : found) {
        exists.value().reset();
        exists.value().bind(1, s.fingerprint);
        auto stored = exists.value().step();
        if (!stored.ok())
            return stored.error();
        (stored.value() ? written.updated : written.inserted)++;
        auto &st = sig.value();
        st.reset();
        int k = 1;
        for (const QVariant &v :
             {QVariant(s.fingerprint), QVariant(engines::productName(s.product)),
              QVariant(engines::signalTypeName(s.type)), QVariant(s.payer), QVariant(s.cptGroup), QVariant(s.reason),
              QVariant(engines::severityName(s.severity)), QVariant(s.severityScore), QVariant(s.confidence),
              QVariant(s.baselineValue), QVariant(s.currentValue), QVariant(s.delta), QVariant(s.pValue()),
              QVariant(s.dollars), QVariant(engines::isoDate(s.evidence.current.start)),
              QVariant(engines::isoDate(s.evidence.current.end)), QVariant(asOf),
              QVariant(QString::fromUtf8(evidence(s))), QVariant(computedAt)})
            st.bind(k++, v);
        if (Status r = st.run(); !r.ok())
            return r.error();
    }
    return written;
}

Result<alerts::AlertBook> loadCacheAlertHistory(LocalCache &cache)
{
    auto q = cache.db().prepare(QStringLiteral(
        "SELECT a.id, a.status, a.suppressed, COALESCE(a.suppression_reason, ''), a.created_at, s.product, "
        "s.signal_type, s.payer, COALESCE(s.cpt_group, ''), COALESCE(s.reason, ''), s.id, "
        "(SELECT json_group_array(json_object('verdict', j.verdict, 'at', j.judged_at, 'operator', j.operator)) "
        "FROM judgments j WHERE j.alert_id = a.id) FROM alerts a JOIN signals s ON s.id = a.signal_id"));
    if (!q.ok())
        return q.error();
    alerts::AlertBook book;
    qint64 id = 0;
    const Status rows = q.value().forEachRow([&] {
        auto &r = q.value();
        alerts::Alert a;
        a.id = ++id;
        a.status = alerts::statusFromName(r.text(1));
        a.suppressed = r.int64(2) != 0;
        a.suppressionBadge = r.text(3);
        a.createdAt = QDateTime::fromString(r.text(4), Qt::ISODate);
        a.signal.product = engines::productFromName(r.text(5)).value_or(Product::DriftWatch);
        a.signal.type = engines::signalTypeFromName(r.text(6)).value_or(engines::SignalType::DenialRate);
        a.signal.payer = r.text(7);
        a.signal.cptGroup = r.text(8);
        a.signal.reason = r.text(9);
        a.signal.fingerprint = r.text(10);
        for (const QJsonValue v : QJsonDocument::fromJson(r.text(11).toUtf8()).array()) {
            const QJsonObject j = v.toObject();
            alerts::Judgment jd;
            jd.operatorId = j.value(QStringLiteral("operator")).toString();
            jd.verdict = alerts::verdictFromName(j.value(QStringLiteral("verdict")).toString());
            jd.at = QDateTime::fromString(j.value(QStringLiteral("at")).toString(), Qt::ISODate);
            a.judgments.push_back(jd);
        }
        book.restore(std::move(a));
    });
    if (!rows.ok())
        return rows.error();
    return book;
}

Result<std::vector<bool>> insertCachePendingAlerts(LocalCache &cache, const std::vector<const alerts::Alert *> &created,
                                                   const QString &createdAt)
{
    auto &db = cache.db();
    auto alert = db.prepare(
        QStringLiteral("INSERT INTO alerts(id, signal_id, product, status, suppressed, suppression_reason, created_at) "
                       "VALUES (?, ?, ?, 'pending', ?, NULLIF(?, ''), ?) ON CONFLICT(id) DO NOTHING"));
    if (!alert.ok())
        return check(cache, false).error();
    std::vector<bool> written;
    for (const alerts::Alert *a : created) {
        auto &st = alert.value();
        st.reset();
        int k = 1;
        for (const QVariant &v :
             {QVariant(QStringLiteral("al-") + a->signal.fingerprint), QVariant(a->signal.fingerprint),
              QVariant(engines::productName(a->signal.product)), QVariant(qint64(a->suppressed ? 1 : 0)),
              QVariant(a->suppressionBadge), QVariant(createdAt)})
            st.bind(k++, v);
        if (Status r = st.run(); !r.ok())
            return r.error();
        if (db.changes() > 0)
            written.push_back(a->suppressed);
    }
    return written;
}

Result<QJsonArray> listCacheSignalsWithAlerts(LocalCache &cache, const QString &product)
{
    auto q = cache.db().prepare(QStringLiteral(
        "SELECT json_object('product', s.product, 'signal_type', s.signal_type, 'payer', s.payer, 'cpt_group', "
        "s.cpt_group, 'reason', s.reason, 'severity', s.severity, 'confidence', s.confidence, 'baseline_value', "
        "s.baseline_value, 'current_value', s.current_value, 'delta', s.delta, 'p_value', s.p_value, 'dollars', "
        "s.dollars, 'window_start', s.window_start, 'window_end', s.window_end, 'fingerprint', s.id, 'status', "
        "COALESCE(a.status, 'none'), 'suppressed', COALESCE(a.suppressed, 0) != 0, 'suppression_reason', "
        "a.suppression_reason, 'alert_id', a.id, 'delay', json_extract(s.evidence, '$.delay')) FROM signals s LEFT "
        "JOIN alerts a ON a.signal_id = s.id "
        "WHERE ? = '' OR s.product = ? ORDER BY s.window_end DESC, s.product, s.dollars DESC, s.id"));
    if (!q.ok())
        return q.error();
    q.value().bind(1, product);
    q.value().bind(2, product);
    QJsonArray out;
    const Status rows =
        q.value().forEachRow([&] { out.append(QJsonDocument::fromJson(q.value().text(0).toUtf8()).object()); });
    if (!rows.ok())
        return rows.error();
    return out;
}

} // namespace upstream::storage
