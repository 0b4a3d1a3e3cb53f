#include "compute/SignalStore.h"

#include "alerts/AlertBook.h"
#include "compute/EvidenceJson.h"
#include "engines/AggregateSql.h"
#include "engines/SignalEngines.h"
#include "storage/pg/AuditLog.h"
#include "storage/pg/PgConnection.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTimeZone>

namespace upstream::compute {
namespace {

using engines::Product;
using engines::Signal;

double seconds(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

void say(const ComputeOptions &o, const ComputeStep &step, const QString &text)
{
    if (o.step)
        o.step(step);
    if (o.progress)
        o.progress(text);
}

QString iso(engines::EpochDay d)
{
    return engines::fromEpochDay(d).toString(Qt::ISODate);
}

// Rows for jsonb_to_recordset: one statement writes every signal (one round trip however many there are).
QJsonArray signalRows(const std::vector<Signal> &found, const engines::AggregateSet &set)
{
    QJsonArray rows;
    for (const Signal &s : found)
        rows.append(QJsonObject{
            {QStringLiteral("product"), engines::productName(s.product)},
            {QStringLiteral("signal_type"), engines::signalTypeName(s.type)},
            {QStringLiteral("payer"), s.payer},
            {QStringLiteral("cpt_group"), s.cptGroup.isEmpty() ? QJsonValue() : QJsonValue(s.cptGroup)},
            {QStringLiteral("reason"), s.reason.isEmpty() ? QJsonValue() : QJsonValue(s.reason)},
            {QStringLiteral("window_start"), iso(s.evidence.current.start)},
            {QStringLiteral("window_end"), iso(s.evidence.current.end)},
            {QStringLiteral("baseline_start"), iso(s.evidence.baseline.start)},
            {QStringLiteral("baseline_end"), iso(s.evidence.baseline.end)},
            {QStringLiteral("severity"), engines::severityName(s.severity)},
            {QStringLiteral("confidence"), s.confidence},
            {QStringLiteral("baseline_value"), s.baselineValue},
            {QStringLiteral("current_value"), s.currentValue},
            {QStringLiteral("delta"), s.delta},
            {QStringLiteral("p_value"), s.pValue()},
            {QStringLiteral("dollars"), qRound64(s.dollars * 100.0) / 100.0},
            {QStringLiteral("fingerprint"), s.fingerprint},
            {QStringLiteral("evidence"), evidenceJson(s, &set)},
        });
    return rows;
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

// Alert history the rules look at: every alert of the last 30 days (noise memory ⊇ cooldown) and any alert of
// the fingerprints being written (one alert per fingerprint, however old).
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

QDateTime fromEpochSeconds(double s)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(s * 1000.0), Qt::UTC);
}

Result<alerts::AlertBook> loadHistory(storage::PgConnection &conn, qint64 customerId, const std::vector<Signal> &found)
{
    QStringList fps;
    for (const Signal &s : found)
        fps << s.fingerprint; // hex: safe inside an array literal
    auto res = conn.exec(kAlertHistory,
                         {customerId, QString(QLatin1Char('{') + fps.join(QLatin1Char(',')) + QLatin1Char('}'))});
    if (!res.ok())
        return res.error();
    alerts::AlertBook book;
    const auto &r = res.value();
    for (int i = 0; i < r.rows(); ++i) {
        alerts::Alert a;
        a.id = r.int64(i, 0);
        a.customerId = QString::number(customerId);
        const QString status = r.text(i, 1);
        a.status = status == QLatin1String("acknowledged") ? alerts::AlertStatus::Acknowledged
                   : status == QLatin1String("resolved")   ? alerts::AlertStatus::Resolved
                                                           : alerts::AlertStatus::Pending;
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
            const QString verdict = j.value(QStringLiteral("verdict")).toString();
            alerts::Judgment jd;
            jd.operatorId = j.value(QStringLiteral("operator")).toString();
            jd.verdict = verdict == QLatin1String("real")    ? alerts::Verdict::Real
                         : verdict == QLatin1String("noise") ? alerts::Verdict::Noise
                                                             : alerts::Verdict::NeedsFollowup;
            jd.at = fromEpochSeconds(j.value(QStringLiteral("at")).toDouble());
            a.judgments.push_back(jd);
        }
        book.restore(std::move(a));
    }
    return book;
}

Status persistCentral(storage::PgConnection &conn, qint64 customerId, const engines::AggregateSet &set,
                      const ComputeOptions &options, ComputeReport &report)
{
    auto upsert = conn.exec(
        kUpsertSignals,
        {customerId, QString::fromUtf8(QJsonDocument(signalRows(report.found, set)).toJson(QJsonDocument::Compact))});
    if (!upsert.ok())
        return upsert.error();
    QHash<QString, qint64> signalIds;
    for (int i = 0; i < upsert.value().rows(); ++i) {
        signalIds.insert(upsert.value().text(i, 1), upsert.value().int64(i, 0));
        (upsert.value().boolean(i, 2) ? report.signalsInserted : report.signalsUpdated)++;
    }
    auto book = loadHistory(conn, customerId, report.found);
    if (!book.ok())
        return book.error();
    auto now = conn.exec("SELECT extract(epoch FROM now())::float8");
    if (!now.ok())
        return now.error();
    const QDateTime at = fromEpochSeconds(now.value().real(0, 0));
    QJsonArray alertRows;
    for (const qint64 id : book.value().ingest(QString::number(customerId), report.found, at)) {
        const alerts::Alert *a = book.value().find(id);
        alertRows.append(QJsonObject{
            {QStringLiteral("signal_id"), signalIds.value(a->signal.fingerprint)},
            {QStringLiteral("suppressed"), a->suppressed},
            {QStringLiteral("suppression_reason"), a->suppressed ? QJsonValue(a->suppressionBadge) : QJsonValue()}});
    }
    if (Status st = checkCancelled(options); !st.ok())
        return st;
    say(options, {ComputeStage::WritingAlerts}, QStringLiteral("writing alerts"));
    auto inserted = conn.exec(kInsertAlerts,
                              {customerId, QString::fromUtf8(QJsonDocument(alertRows).toJson(QJsonDocument::Compact))});
    if (!inserted.ok())
        return inserted.error();
    for (int i = 0; i < inserted.value().rows(); ++i) {
        ++report.alertsCreated;
        if (inserted.value().boolean(i, 1))
            ++report.alertsSuppressed;
    }
    QJsonObject details = report.toJson();
    details.remove(QStringLiteral("seconds"));
    QJsonArray products;
    for (Product p : options.products)
        products.append(engines::productName(p));
    details.insert(QStringLiteral("products"), products);
    auto audit = storage::AuditLog::append(conn, customerId, QStringLiteral("signals.compute"), details);
    if (!audit.ok())
        return audit.error();
    return Status::success();
}

} // namespace

QJsonObject withDelayFields(QJsonObject row)
{
    const QJsonValue delay = row.take(QStringLiteral("delay"));
    if (row.value(QStringLiteral("product")).toString() != engines::productName(Product::DelayGuard))
        return row;
    const QJsonObject d =
        delay.isString() ? QJsonDocument::fromJson(delay.toString().toUtf8()).object() : delay.toObject();
    for (const char *key : {"observed", "expected", "overdue_claims", "overdue_dollars"})
        row.insert(QLatin1String(key), d.value(QLatin1String(key)));
    return row;
}

QJsonObject ComputeReport::toJson() const
{
    return QJsonObject{
        {QStringLiteral("as_of"), asOf.toString(Qt::ISODate)},
        {QStringLiteral("aggregate_rows"), qint64(aggregateRows)},
        {QStringLiteral("signals"), qint64(found.size())},
        {QStringLiteral("signals_inserted"), signalsInserted},
        {QStringLiteral("signals_updated"), signalsUpdated},
        {QStringLiteral("alerts_created"), alertsCreated},
        {QStringLiteral("alerts_suppressed"), alertsSuppressed},
        {QStringLiteral("seconds"), QJsonObject{{QStringLiteral("aggregate"), aggregateSeconds},
                                                {QStringLiteral("engines"), engineSeconds},
                                                {QStringLiteral("persist"), persistSeconds}}},
    };
}

QDate firstDayNeeded(const std::vector<engines::Product> &products, QDate asOf)
{
    engines::EpochDay first = engines::toEpochDay(asOf);
    for (Product p : products)
        first = std::min(first, engines::windowsFor(p, asOf).baseline.start);
    return engines::fromEpochDay(first);
}

Status checkCancelled(const ComputeOptions &options)
{
    if (options.cancelRequested && options.cancelRequested())
        return makeError(ErrorCode::Cancelled, QStringLiteral("the computation was cancelled; nothing was written"));
    return Status::success();
}

Result<std::vector<engines::Signal>> runProducts(const engines::AggregateSet &set, const ComputeOptions &options,
                                                 QDate asOf)
{
    std::vector<Signal> out;
    for (Product p : options.products) {
        say(options, {ComputeStage::RunningProduct, p}, QStringLiteral("running %1").arg(engines::productName(p)));
        auto found = engines::run(set, p, asOf);
        out.insert(out.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
        if (Status st = checkCancelled(options); !st.ok())
            return st.error();
    }
    return out;
}

Result<ComputeReport> evaluateCentral(storage::PgConnection &conn, qint64 customerId, const ComputeOptions &options,
                                      engines::AggregateSet *aggregates)
{
    ComputeReport report;
    report.asOf = options.asOf;
    QElapsedTimer t;
    t.start();
    if (!report.asOf.isValid()) {
        auto newest = engines::newestClaimDate(conn, QString::number(customerId));
        if (!newest.ok())
            return newest.error();
        if (!newest.value().isValid())
            return makeError(ErrorCode::NotFound, QStringLiteral("the customer has no claims yet: import a claim "
                                                                 "export first, or give --as-of"));
        report.asOf = newest.value().addDays(1);
    }
    if (Status st = checkCancelled(options); !st.ok())
        return st.error();
    say(options, {ComputeStage::Aggregating}, QStringLiteral("aggregating claims"));
    auto set = engines::loadDailyAggregates(conn, QString::number(customerId),
                                            firstDayNeeded(options.products, report.asOf), report.asOf);
    if (!set.ok())
        return set.error();
    report.aggregateSeconds = seconds(t);
    report.aggregateRows = qint64(set.value().rows().size());
    if (Status st = checkCancelled(options); !st.ok())
        return st.error();
    t.restart();
    auto found = runProducts(set.value(), options, report.asOf);
    if (!found.ok())
        return found.error();
    report.found = std::move(found.value());
    report.engineSeconds = seconds(t);
    if (aggregates)
        *aggregates = std::move(set.value());
    return report;
}

Result<ComputeReport> computeCentral(storage::PgConnection &conn, qint64 customerId, const ComputeOptions &options)
{
    engines::AggregateSet set;
    auto evaluated = evaluateCentral(conn, customerId, options, &set);
    if (!evaluated.ok())
        return evaluated.error();
    ComputeReport &report = evaluated.value();
    QElapsedTimer t;
    t.start();
    say(options, {ComputeStage::WritingSignals, Product::DriftWatch, report.found.size()},
        QStringLiteral("writing %1 signals").arg(report.found.size()));
    if (Status st = conn.execScript(QStringLiteral("BEGIN")); !st.ok())
        return st.error();
    Status persisted = persistCentral(conn, customerId, set, options, report);
    if (persisted.ok())
        persisted = checkCancelled(options); // the last chance: after it, the run is committed
    if (!persisted.ok()) {
        (void)conn.execScript(QStringLiteral("ROLLBACK"));
        return persisted.error();
    }
    if (Status st = conn.execScript(QStringLiteral("COMMIT")); !st.ok())
        return st.error();
    report.persistSeconds = seconds(t);
    return report;
}

Result<QJsonArray> listCentralSignals(storage::PgConnection &conn, std::optional<qint64> customerId,
                                      const QString &product)
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
        out.append(withDelayFields(QJsonDocument::fromJson(res.value().bytes(i, 0)).object()));
    return out;
}

} // namespace upstream::compute
