#include "compute/SignalPreview.h"

#include "engines/SignalEngines.h"
#include "storage/cache/AggregateStore.h"
#include "storage/cache/LocalCache.h"

#include <QHash>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace upstream::compute {
namespace {

QString groupKeyOf(const QJsonObject &row)
{
    const QChar sep(0x1f); // as Signal::groupKey
    return row.value(QLatin1String("product")).toString() + sep + row.value(QLatin1String("signal_type")).toString() +
           sep + row.value(QLatin1String("payer")).toString() + sep + row.value(QLatin1String("cpt_group")).toString() +
           sep + row.value(QLatin1String("reason")).toString();
}

// Deltas are stored as float8 / REAL: equal to the engine's value up to rounding in the last digits.
bool sameDelta(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max({1.0, std::abs(a), std::abs(b)});
}

} // namespace

int SignalPreview::count(engines::Product product, PreviewRow::Change change) const
{
    return int(std::count_if(rows.begin(), rows.end(),
                             [&](const PreviewRow &r) { return r.signal.product == product && r.change == change; }));
}

SignalPreview comparePreview(std::vector<engines::Signal> found, const QJsonArray &stored, QDate asOf)
{
    // The newest stored signal per group (stored rows may span several recomputes and as-of dates).
    QHash<QString, QJsonObject> newest;
    for (const QJsonValue v : stored) {
        const QJsonObject row = v.toObject();
        const QString key = groupKeyOf(row);
        const auto it = newest.constFind(key);
        if (it == newest.constEnd() ||
            it->value(QLatin1String("window_end")).toString() < row.value(QLatin1String("window_end")).toString())
            newest.insert(key, row);
    }
    SignalPreview preview;
    preview.asOf = asOf;
    preview.rows.reserve(found.size());
    for (engines::Signal &s : found) {
        PreviewRow row;
        const auto it = newest.constFind(s.groupKey());
        if (it != newest.constEnd()) {
            row.severityBefore = it->value(QLatin1String("severity")).toString();
            row.deltaBefore = it->value(QLatin1String("delta")).toDouble();
            const bool same =
                row.severityBefore == engines::severityName(s.severity) && sameDelta(row.deltaBefore, s.delta);
            row.change = same ? PreviewRow::Change::Same : PreviewRow::Change::Changed;
        }
        row.signal = std::move(s);
        preview.rows.push_back(std::move(row));
    }
    std::stable_sort(preview.rows.begin(), preview.rows.end(), [](const PreviewRow &a, const PreviewRow &b) {
        if (a.signal.product != b.signal.product)
            return a.signal.product < b.signal.product;
        if (a.change != b.change)
            return a.change < b.change;
        return a.signal.dollars > b.signal.dollars;
    });
    return preview;
}

namespace {

// What the dashboards would show, read on the connection of the dry run inside its transaction.
std::function<Status()> inspectLocal(storage::LocalCache &cache, std::optional<SignalPreview> &preview)
{
    return [&cache, &preview]() -> Status {
        auto set = storage::loadAggregates(cache);
        if (!set.ok())
            return set.error();
        const QDate asOf = engines::defaultAsOf(set.value());
        auto stored = listLocalSignals(cache, QString());
        if (!stored.ok())
            return stored.error();
        auto found = runProducts(set.value(), ComputeOptions{}, asOf);
        if (!found.ok())
            return found.error();
        preview = comparePreview(std::move(found.value()), stored.value(), asOf);
        return Status::success();
    };
}

std::function<Status()> inspectCentral(storage::PgConnection &conn, qint64 customer,
                                       std::optional<SignalPreview> &preview)
{
    return [&conn, customer, &preview]() -> Status {
        auto evaluated = evaluateCentral(conn, customer, ComputeOptions{});
        if (!evaluated.ok())
            return evaluated.error();
        auto stored = listCentralSignals(conn, customer, QString());
        if (!stored.ok())
            return stored.error();
        preview = comparePreview(std::move(evaluated.value().found), stored.value(), evaluated.value().asOf);
        return Status::success();
    };
}

Result<SignalPreview> withImport(Result<importer::ImportResult> imported, std::optional<SignalPreview> &preview)
{
    if (!imported.ok())
        return imported.error();
    if (!preview)
        return makeError(ErrorCode::Internal, QStringLiteral("the dry run did not reach the inspection"));
    preview->import = std::move(imported.value());
    return std::move(*preview);
}

} // namespace

Result<SignalPreview> previewLocal(storage::LocalCache &cache, const QString &path,
                                   const importer::ImportOptions &options)
{
    std::optional<SignalPreview> preview;
    importer::ImportOptions dry = options;
    dry.inspectThenRollBack = inspectLocal(cache, preview);
    return withImport(importer::ClaimImporter::importToCache(cache, path, dry), preview);
}

Result<SignalPreview> previewCentral(storage::PgConnection &conn, const QString &path,
                                     const importer::ImportOptions &options)
{
    std::optional<SignalPreview> preview;
    importer::ImportOptions dry = options;
    dry.inspectThenRollBack = inspectCentral(conn, options.customerId, preview);
    return withImport(importer::ClaimImporter::importToPostgres(conn, path, dry), preview);
}

Result<SignalPreview> previewStaged(importer::StagedImport &stage, const importer::ImportOptions &options)
{
    std::optional<SignalPreview> preview;
    importer::ImportOptions dry = options;
    if (storage::PgConnection *conn = stage.postgres())
        dry.inspectThenRollBack = inspectCentral(*conn, options.customerId, preview);
    else if (storage::LocalCache *cache = stage.workspace())
        dry.inspectThenRollBack = inspectLocal(*cache, preview);
    else
        return makeError(ErrorCode::Internal, QStringLiteral("the staged file has no target"));
    return withImport(stage.merge(dry), preview);
}

void PreviewRunner::start(PreviewFunction function, importer::ImportRequest request)
{
    if (!function) {
        emit failed(tr("this workspace cannot preview signals"));
        return;
    }
    JobRunner::start<SignalPreview>(
        [function = std::move(function), request = std::move(request)](const importer::ImportProgressFn &progress) {
            return function(request, progress);
        },
        [this](SignalPreview &&preview) {
            if (auto stage = std::move(preview.staged))
                emit staged(std::move(stage));
            emit finished(std::make_shared<const SignalPreview>(std::move(preview)));
        });
}

} // namespace upstream::compute
