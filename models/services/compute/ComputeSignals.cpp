#include "compute/ComputeSignals.h"

#include "alerts/AlertBook.h"
#include "compute/EvidenceJson.h"
#include "engines/ClaimRecord.h"
#include "engines/SignalEngines.h"
#include "storage/pg/AggregateSql.h"
#include "storage/pg/AuditLog.h"
#include "storage/pg/PgConnection.h"
#include "storage/pg/SignalWritePg.h"

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
            {QStringLiteral("window_start"), engines::isoDate(s.evidence.current.start)},
            {QStringLiteral("window_end"), engines::isoDate(s.evidence.current.end)},
            {QStringLiteral("baseline_start"), engines::isoDate(s.evidence.baseline.start)},
            {QStringLiteral("baseline_end"), engines::isoDate(s.evidence.baseline.end)},
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

Status persistCentral(storage::PgConnection &conn, qint64 customerId, const engines::AggregateSet &set,
                      const ComputeOptions &options, ComputeReport &report)
{
    auto upsert = storage::upsertSignals(conn, customerId, signalRows(report.found, set));
    if (!upsert.ok())
        return upsert.error();
    QHash<QString, qint64> signalIds;
    for (const storage::UpsertedSignal &u : upsert.value()) {
        signalIds.insert(u.fingerprint, u.signalId);
        (u.inserted ? report.signalsInserted : report.signalsUpdated)++;
    }
    QStringList fingerprints;
    for (const Signal &s : report.found)
        fingerprints << s.fingerprint;
    auto book = storage::loadAlertHistory(conn, customerId, fingerprints);
    if (!book.ok())
        return book.error();
    auto at = storage::serverNow(conn);
    if (!at.ok())
        return at.error();
    QJsonArray alertRows;
    for (const qint64 id : book.value().ingest(QString::number(customerId), report.found, at.value())) {
        const alerts::Alert *a = book.value().find(id);
        alertRows.append(QJsonObject{
            {QStringLiteral("signal_id"), signalIds.value(a->signal.fingerprint)},
            {QStringLiteral("suppressed"), a->suppressed},
            {QStringLiteral("suppression_reason"), a->suppressed ? QJsonValue(a->suppressionBadge) : QJsonValue()}});
    }
    if (Status st = checkCancelled(options); !st.ok())
        return st;
    say(options, {ComputeStage::WritingAlerts}, QStringLiteral("writing alerts"));
    auto inserted = storage::insertPendingAlerts(conn, customerId, alertRows);
    if (!inserted.ok())
        return inserted.error();
    for (const bool suppressed : inserted.value()) {
        ++report.alertsCreated;
        if (suppressed)
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

namespace {

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

} // namespace

Result<QJsonArray> withDelayFields(const Result<QJsonArray> &rows)
{
    if (!rows.ok())
        return rows.error();
    QJsonArray out;
    for (const QJsonValue row : rows.value())
        out.append(withDelayFields(row.toObject()));
    return out;
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
    if (Status st = conn.begin(); !st.ok())
        return st.error();
    Status persisted = persistCentral(conn, customerId, set, options, report);
    if (persisted.ok())
        persisted = checkCancelled(options); // the last chance: after it, the run is committed
    if (!persisted.ok()) {
        (void)conn.rollback();
        return persisted.error();
    }
    if (Status st = conn.commit(); !st.ok())
        return st.error();
    report.persistSeconds = seconds(t);
    return report;
}

Result<QJsonArray> listCentralSignals(storage::PgConnection &conn, std::optional<qint64> customerId,
                                      const QString &product)
{
    return withDelayFields(storage::listSignalsWithAlerts(conn, customerId, product));
}

} // namespace upstream::compute
