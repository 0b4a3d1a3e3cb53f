#include "storage/pg/SignalWritePg.h"

#include "engines/Signal.h"
#include "storage/pg/PgConnection.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace upstream::storage {
namespace {

using engines::Product;

QString compact(const QJsonArray &rows)
{
    return QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact));
}

QDateTime fromEpochSeconds(double s)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(s * 1000.0), Qt::UTC);
}

constexpr const char *kUpsertSignals = R"sql(
INSERT INTO upstream.signals AS s (customer_id, product, signal_type, payer, cpt_group, reason, window_start,
       window_end, baseline_start, baseline_end, severity, confidence, baseline_value, current_value, delta, p_value,
       dollars, fingerprint, evidence, computed_at)
SELECT $1, r.product, r.signal_type, r.payer, r.cpt_group, r.reason, r.window_start, r.window_end, r.baseline_start,
       r.baseline_end, r.severity, r.confidence, r.baseline_value, r.current_value, r.delta, r.p_value, r.dollars,
       r.fingerprint, r.evidence, now()
  FROM jsonb_to_recordset($2::jsonb) AS r(product text, signal_type text, payer text, cpt_group text, reason text,
       window_start date, window_end date, baseline_start date, baseline_end date, severity text,
       confidence double precision, baseline_value double precision, current_value double precision,
       delta double precision, p_value double precision, dollars numeric, fingerprint text, evidence jsonb)
ON CONFLICT (customer_id, fingerprint) DO UPDATE
   SET severity = EXCLUDED.severity, confidence = EXCLUDED.confidence, baseline_value = EXCLUDED.baseline_value,
       current_value = EXCLUDED.current_value, delta = EXCLUDED.delta, p_value = EXCLUDED.p_value,
       dollars = EXCLUDED.dollars, evidence = EXCLUDED.evidence, computed_at = EXCLUDED.computed_at
RETURNING signal_id, fingerprint, (xmax = 0) AS inserted
)sql";

constexpr const char *kAlertHistory = R"sql(
SELECT a.alert_id, a.status, a.suppressed, COALESCE(a.suppression_reason, ''),
       extract(epoch FROM a.created_at)::float8, s.product, s.signal_type, COALESCE(s.payer, ''),
       COALESCE(s.cpt_group, ''), COALESCE(s.reason, ''), s.fingerprint,
       COALESCE((SELECT json_agg(json_build_object('operator', j.operator, 'verdict', j.verdict,
                                                  'at', extract(epoch FROM j.updated_at)::float8))
                   FROM upstream.judgments j
                  WHERE j.customer_id = a.customer_id AND j.alert_id = a.alert_id), '[]')
  FROM upstream.alerts a
  JOIN upstream.signals s ON s.customer_id = a.customer_id AND s.signal_id = a.signal_id
 WHERE a.customer_id = $1
   AND (a.created_at > now() - interval '30 days' OR s.fingerprint = ANY ($2::text[]))
)sql";

constexpr const char *kInsertAlerts = R"sql(
INSERT INTO upstream.alerts (customer_id, signal_id, status, suppressed, suppression_reason, created_at)
SELECT $1, r.signal_id, 'pending', r.suppressed, r.suppression_reason, now()
  FROM jsonb_to_recordset($2::jsonb) AS r(signal_id bigint, suppressed boolean, suppression_reason text)
ON CONFLICT (customer_id, signal_id) DO NOTHING
RETURNING alert_id, suppressed
)sql";

} // namespace

Result<std::vector<UpsertedSignal>> upsertSignals(PgConnection &conn, qint64 customerId, const QJsonArray &rows)
{
    auto upsert = conn.exec(kUpsertSignals, {customerId, compact(rows)});
    if (!upsert.ok())
        return upsert.error();
    std::vector<UpsertedSignal> out;
    out.reserve(std::size_t(upsert.value().rows()));
    for (int i = 0; i < upsert.value().rows(); ++i)
        out.push_back({upsert.value().int64(i, 0), upsert.value().text(i, 1), upsert.value().boolean(i, 2)});
    return out;
}

Result<alerts::AlertBook> loadAlertHistory(PgConnection &conn, qint64 customerId, const QStringList &fingerprints)
{
    // Fingerprints are hex: safe inside an array literal.
    auto res =
        conn.exec(kAlertHistory,
                  {customerId, QString(QLatin1Char('{') + fingerprints.join(QLatin1Char(',')) + QLatin1Char('}'))});
    if (!res.ok())
        return res.error();
    alerts::AlertBook book;
    const auto &r = res.value();
    for (int i = 0; i < r.rows(); ++i) {
        alerts::Alert a;
        a.id = r.int64(i, 0);
        a.customerId = QString::number(customerId);
        a.status = alerts::statusFromName(r.text(i, 1));
        a.suppressed = r.boolean(i, 2);
        a.suppressionBadge = r.text(i, 3);
        a.createdAt = fromEpochSeconds(r.real(i, 4));
        a.signal.product = engines::productFromName(r.text(i, 5)).value_or(Product::DriftWatch);
        a.signal.type = engines::signalTypeFromName(r.text(i, 6)).value_or(engines::SignalType::DenialRate);
        a.signal.payer = r.text(i, 7);
        a.signal.cptGroup = r.text(i, 8);
        a.signal.reason = r.text(i, 9);
        a.signal.fingerprint = r.text(i, 10);
        for (const QJsonValue v : QJsonDocument::fromJson(r.bytes(i, 11)).array()) {
            const QJsonObject j = v.toObject();
            alerts::Judgment jd;
            jd.operatorId = j.value(QStringLiteral("operator")).toString();
            jd.verdict = alerts::verdictFromName(j.value(QStringLiteral("verdict")).toString());
            jd.at = fromEpochSeconds(j.value(QStringLiteral("at")).toDouble());
            a.judgments.push_back(jd);
        }
        book.restore(std::move(a));
    }
    return book;
}

Result<QDateTime> serverNow(PgConnection &conn)
{
    auto now = conn.exec("SELECT extract(epoch FROM now())::float8");
    if (!now.ok())
        return now.error();
    return fromEpochSeconds(now.value().real(0, 0));
}

Result<std::vector<bool>> insertPendingAlerts(PgConnection &conn, qint64 customerId, const QJsonArray &rows)
{
    auto inserted = conn.exec(kInsertAlerts, {customerId, compact(rows)});
    if (!inserted.ok())
        return inserted.error();
    std::vector<bool> suppressed;
    suppressed.reserve(std::size_t(inserted.value().rows()));
    for (int i = 0; i < inserted.value().rows(); ++i)
        suppressed.push_back(inserted.value().boolean(i, 1));
    return suppressed;
}

Result<QJsonArray> listSignalsWithAlerts(PgConnection &conn, std::optional<qint64> customerId, const QString &product)
{
    auto res = conn.exec(
        "SELECT json_build_object('customer_id', s.customer_id, 'signal_id', s.signal_id, 'product', s.product, "
        "'signal_type', s.signal_type, 'payer', s.payer, 'cpt_group', s.cpt_group, 'reason', s.reason, "
        "'severity', s.severity, 'confidence', s.confidence, 'baseline_value', s.baseline_value, "
        "'current_value', s.current_value, 'delta', s.delta, 'p_value', s.p_value, 'dollars', s.dollars::float8, "
        "'window_start', s.window_start, 'window_end', s.window_end, 'fingerprint', s.fingerprint, "
        "'status', COALESCE(a.status, 'none'), 'suppressed', COALESCE(a.suppressed, false), "
        "'suppression_reason', a.suppression_reason, 'alert_id', a.alert_id, 'delay', s.evidence->'delay')::text "
        "FROM upstream.signals s LEFT JOIN upstream.alerts a "
        "ON a.customer_id = s.customer_id AND a.signal_id = s.signal_id "
        "WHERE ($1::bigint IS NULL OR s.customer_id = $1) AND ($2 = '' OR s.product = $2) "
        "ORDER BY s.window_end DESC, s.product, s.dollars DESC NULLS LAST, s.fingerprint",
        {customerId ? QVariant(*customerId) : QVariant(), product});
    if (!res.ok())
        return res.error();
    QJsonArray out;
    for (int i = 0; i < res.value().rows(); ++i)
        out.append(QJsonDocument::fromJson(res.value().bytes(i, 0)).object());
    return out;
}

} // namespace upstream::storage
