// Report → JSON, shared by `upstream validate`, `upstream import` and the upload_reports row.
#include "importer/ClaimImporterReport.h"

#include <QJsonArray>
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
    return QJsonObject{{QStringLiteral("encoding"), QLatin1String(csv::encodingName(r.encoding))},
                       {QStringLiteral("encoding_fallback_rows"), qint64(r.fallbackRows)},
                       {QStringLiteral("delimiter"), csv::delimiterName(r.delimiter)},
                       {QStringLiteral("total_rows"), qint64(r.totalRows)},
                       {QStringLiteral("accepted"), qint64(r.accepted)},
                       {QStringLiteral("rejected"), qint64(r.rejected)},
                       {QStringLiteral("pending"), qint64(r.stats.pending)},
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
                       {QStringLiteral("mapping"), mapping},
                       {QStringLiteral("dropped_columns"), dropped},
                       {QStringLiteral("issues"), issues},
                       {QStringLiteral("issues_truncated"), r.issuesTruncated || r.issues.size() > maxIssues}};
}

} // namespace upstream::importer
