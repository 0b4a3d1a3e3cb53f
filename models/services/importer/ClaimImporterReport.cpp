// Report → JSON, shared by `upstream validate`, `upstream import` and the upload_reports row.
#include "importer/ClaimImporterReport.h"

#include "importer/ClaimImporter.h"

#include <QCoreApplication>

#include <algorithm>

#include <QJsonArray>
#include <QLocale>
#include <QStringList>

namespace upstream::importer {

namespace {

QJsonObject categoryCounts(const ValidationReport &r)
{
    QJsonObject counts;
    for (std::size_t k = 0; k < kRejectCategoryCount; ++k)
        counts.insert(QLatin1String(categoryName(Category(k))), qint64(r.categoryCounts[k]));
    return counts;
}

} // namespace

QString rejectionCountsLine(const ValidationReport &r)
{
    QStringList parts;
    for (std::size_t k = 0; k < kRejectCategoryCount; ++k)
        parts << QStringLiteral("%1 %2").arg(QLatin1String(categoryName(Category(k)))).arg(r.categoryCounts[k]);
    return parts.join(QStringLiteral(", "));
}

std::vector<std::pair<Category, std::uint64_t>> rejectionCauses(const ValidationReport &r)
{
    std::vector<std::pair<Category, std::uint64_t>> out;
    for (std::size_t k = 0; k < kRejectCategoryCount; ++k)
        if (r.categoryCounts[k] > 0)
            out.emplace_back(Category(k), r.categoryCounts[k]);
    std::stable_sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    return out;
}

QString rejectionCausesText(const ValidationReport &r)
{
    QStringList parts;
    for (const auto &[category, rows] : rejectionCauses(r))
        parts << (rows == 1 ? QCoreApplication::translate("ImportReport", "%1: 1 row")
                                  .arg(QLatin1String(categoryName(category)))
                            : QCoreApplication::translate("ImportReport", "%1: %2 rows")
                                  .arg(QLatin1String(categoryName(category)), QLocale().toString(qulonglong(rows))));
    return parts.join(QStringLiteral(", "));
}

QJsonObject validationReportJson(const ValidationReport &r, std::size_t maxIssues)
{
    QJsonObject mapping;
    for (std::size_t c = 0; c < kColumnCount; ++c)
        if (const int src = r.plan.mapping.source[c]; src >= 0)
            mapping.insert(QLatin1String(columnName(Column(c))), safeHeaderLabel(r.header, src));
    QJsonArray anomalies;
    for (const quality::Anomaly &a : r.anomalies)
        anomalies.append(QJsonObject{{QStringLiteral("type"), QString::fromStdString(a.type)},
                                     {QStringLiteral("severity"), QLatin1String(quality::severityName(a.severity))},
                                     {QStringLiteral("subject"), QString::fromStdString(a.subject)},
                                     {QStringLiteral("value"), a.value}});
    QJsonObject warningsByCode, phiByType;
    for (std::size_t k = 0; k < kIssueCodeCount; ++k)
        if (r.codeCounts[k] > 0 && categoryOf(IssueCode(k)) == Category::Warning)
            warningsByCode.insert(QLatin1String(issueCodeName(IssueCode(k))), qint64(r.codeCounts[k]));
    for (std::size_t k = 0; k < phi::kPhiTypeCount; ++k)
        if (r.phiCounts[k] > 0)
            phiByType.insert(QLatin1String(phi::phiTypeName(phi::PhiType(k))), qint64(r.phiCounts[k]));
    QJsonArray dropped;
    for (const DroppedColumn &d : r.plan.dropped)
        dropped.append(QJsonObject{{QStringLiteral("column"), safeHeaderLabel(r.header, d.index)},
                                   {QStringLiteral("suspicious"), d.suspicious}});
    QJsonArray issues;
    for (std::size_t i = 0; i < r.issues.size() && i < maxIssues; ++i) {
        const Issue &is = r.issues[i];
        issues.append(QJsonObject{
            {QStringLiteral("row"), qint64(is.row)},
            {QStringLiteral("column"), is.column >= 0 ? QLatin1String(columnName(Column(is.column))) : QString()},
            {QStringLiteral("value"), QString::fromUtf8(is.value.data(), qsizetype(is.value.size()))},
            {QStringLiteral("code"), QLatin1String(issueCodeName(is.code))},
            {QStringLiteral("category"), QLatin1String(categoryName(categoryOf(is.code)))},
            {QStringLiteral("message"), issueMessage(is)}});
    }
    const quality::HealthInputs &h = r.health;
    const QJsonObject health{{QStringLiteral("accepted_share_30d"), h.acceptedShare30Days},
                             {QStringLiteral("completeness"), h.completeness},
                             {QStringLiteral("validity"), h.validity},
                             {QStringLiteral("lag_days"), h.lagDays},
                             {QStringLiteral("timeliness"), quality::timeliness(h.lagDays)},
                             {QStringLiteral("open_anomalies"), h.openAnomalies},
                             {QStringLiteral("open_critical_anomalies"), h.openCriticalAnomalies},
                             {QStringLiteral("uploads_30d"), h.uploads}};
    return QJsonObject{{QStringLiteral("encoding"), QLatin1String(csv::encodingName(r.encoding))},
                       {QStringLiteral("encoding_fallback_rows"), qint64(r.fallbackRows)},
                       {QStringLiteral("delimiter"), csv::delimiterName(r.delimiter)},
                       {QStringLiteral("total_rows"), qint64(r.totalRows)},
                       {QStringLiteral("accepted"), qint64(r.accepted)},
                       {QStringLiteral("rejected"), qint64(r.rejected)},
                       {QStringLiteral("pending"), qint64(r.stats.pending)},
                       {QStringLiteral("without_claim_ref"), qint64(r.withoutClaimRef)},
                       {QStringLiteral("warnings"), qint64(r.warnings)},
                       {QStringLiteral("rows_with_warnings"), qint64(r.rowsWithWarnings)},
                       {QStringLiteral("counts"), categoryCounts(r)},
                       {QStringLiteral("warnings_by_code"), warningsByCode},
                       {QStringLiteral("phi_by_type"), phiByType},
                       {QStringLiteral("quality_score"), r.qualityScore},
                       {QStringLiteral("grade"), QString::fromStdString(r.grade)},
                       {QStringLiteral("passes"), r.passes},
                       {QStringLiteral("duplicates"), qint64(r.stats.duplicates)},
                       {QStringLiteral("anomalies"), anomalies},
                       {QStringLiteral("health_score"), r.healthScore},
                       {QStringLiteral("health_band"), QString::fromStdString(r.healthBand)},
                       {QStringLiteral("health"), health},
                       {QStringLiteral("mapping"), mapping},
                       {QStringLiteral("dropped_columns"), dropped},
                       {QStringLiteral("issues"), issues},
                       {QStringLiteral("issues_truncated"), r.issuesTruncated || r.issues.size() > maxIssues}};
}

QString noClaimRefWarning(std::uint64_t rowsWithoutRef)
{
    if (rowsWithoutRef == 0)
        return {};
    const int n = rowsWithoutRef > std::uint64_t(INT32_MAX) ? INT32_MAX : int(rowsWithoutRef);
    return QCoreApplication::translate("ImportReport",
                                       "%n row(s) have no claim_ref and were added as new claims: importing a "
                                       "later export of the same claims will count them twice.",
                                       nullptr, n);
}

QJsonObject importReportJson(const ImportResult &r)
{
    QJsonObject o = validationReportJson(r.report);
    o.insert(QStringLiteral("upload_id"), r.uploadId > 0 ? QJsonValue(r.uploadId) : QJsonValue());
    o.insert(QStringLiteral("claims_loaded"), qint64(r.claimsLoaded));
    o.insert(QStringLiteral("claims_new"), qint64(r.claimsNew));
    o.insert(QStringLiteral("claims_updated"), qint64(r.claimsUpdated));
    o.insert(QStringLiteral("claims_unchanged"), qint64(r.claimsUnchanged));
    o.insert(QStringLiteral("claims_repeated"), qint64(r.claimsRepeated));
    o.insert(QStringLiteral("duplicate_file"), r.report.duplicateFile);
    QJsonArray warnings;
    if (const QString w = noClaimRefWarning(r.claimsWithoutRef); !w.isEmpty())
        warnings.append(QJsonObject{{QStringLiteral("code"), QStringLiteral("no_claim_ref")},
                                    {QStringLiteral("rows"), qint64(r.claimsWithoutRef)},
                                    {QStringLiteral("message"), w}});
    if (r.report.duplicateFile)
        warnings.append(QJsonObject{{QStringLiteral("code"), QStringLiteral("duplicate_file")},
                                    {QStringLiteral("message"),
                                     QCoreApplication::translate("ImportReport", "This file was imported before.")}});
    o.insert(QStringLiteral("file_warnings"), warnings);
    return o;
}

} // namespace upstream::importer
