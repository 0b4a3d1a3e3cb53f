// `upstream validate FILE [--json]`: the import wizard's checks and quality report over a file; writes nothing.
// Exit 0 when at least one row is accepted, 1 when every row is rejected, 2 for an unreadable or malformed file.
#include "CliApp.h"

#include "importer/ImportValidation.h"
#include "logging/Log.h"

#include <QCommandLineParser>
#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace upstream::cli {
namespace {

using namespace upstream::importer;

QJsonObject categoryCounts(const ValidationReport &r)
{
    QJsonObject counts;
    for (std::size_t k = 0; k < kRejectCategoryCount; ++k)
        counts.insert(QLatin1String(categoryName(Category(k))), qint64(r.categoryCounts[k]));
    return counts;
}

QString countsLine(const ValidationReport &r)
{
    QStringList parts;
    for (std::size_t k = 0; k < kRejectCategoryCount; ++k)
        parts << QStringLiteral("%1 %2").arg(QLatin1String(categoryName(Category(k)))).arg(r.categoryCounts[k]);
    return parts.join(QStringLiteral(", "));
}

QJsonObject toJson(const ValidationReport &r)
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
    for (std::size_t i = 0; i < r.issues.size() && i < 100; ++i) {
        const Issue &is = r.issues[i];
        issues.append(QJsonObject{
            {QStringLiteral("row"), qint64(is.row)},
            {QStringLiteral("column"), is.column >= 0 ? QLatin1String(columnName(Column(is.column))) : QString()},
            {QStringLiteral("value"), QString::fromUtf8(is.value.data(), qsizetype(is.value.size()))},
            {QStringLiteral("code"), QLatin1String(issueCodeName(is.code))},
            {QStringLiteral("category"), QLatin1String(categoryName(categoryOf(is.code)))},
            {QStringLiteral("message"), issueMessage(is)}});
    }
    return QJsonObject{
        {QStringLiteral("encoding"), QLatin1String(csv::encodingName(r.encoding))},
        {QStringLiteral("encoding_fallback_rows"), qint64(r.fallbackRows)},
        {QStringLiteral("delimiter"), csv::delimiterName(r.delimiter)},
        {QStringLiteral("total_rows"), qint64(r.totalRows)},
        {QStringLiteral("accepted"), qint64(r.accepted)},
        {QStringLiteral("rejected"), qint64(r.rejected)},
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
        {QStringLiteral("issues_truncated"), r.issuesTruncated || r.issues.size() > 100}};
}

class ValidateCommand final : public Command {
public:
    int run(const QStringList &args) override
    {
        QCommandLineParser parser;
        const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
        parser.addOption(json);
        parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The claim CSV file to check."));
        if (const int rc = parseOrExit(parser, QStringLiteral("validate"),
                                       QStringLiteral("Check a claim CSV file as the import wizard does (encoding, "
                                                      "mapping, row rules, PHI, data quality). Writes nothing."),
                                       args);
            rc >= 0)
            return rc;
        if (parser.positionalArguments().size() != 1)
            return usageError(QStringLiteral("validate needs exactly one FILE; see `upstream validate --help`"));

        ValidationOptions options;
        options.validator.importDay = std::int32_t(QDate(1970, 1, 1).daysTo(QDate::currentDate()));
        const auto result = validateCsvFile(parser.positionalArguments().constFirst(), options);
        if (!result)
            return usageError(result.error().message);
        const ValidationReport &r = result.value();
        // Counts and PHI-free messages only; the log sink redacts again in any case.
        log::info(QStringLiteral("validate: %1 rows, %2 accepted, %3 rejected (%4)")
                      .arg(r.totalRows)
                      .arg(r.accepted)
                      .arg(r.rejected)
                      .arg(countsLine(r)));
        if (!r.issues.empty())
            log::info(QStringLiteral("validate: first issue row %1: %2").arg(r.issues.front().row).arg(issueMessage(r.issues.front())));
        if (parser.isSet(json)) {
            printLine(QString::fromUtf8(QJsonDocument(toJson(r)).toJson(QJsonDocument::Compact)));
        } else {
            printLine(QStringLiteral("encoding %1, delimiter %2")
                          .arg(QLatin1String(csv::encodingName(r.encoding)), csv::delimiterName(r.delimiter)));
            printLine(QStringLiteral("rows %1: accepted %2, rejected %3, warnings %4")
                          .arg(r.totalRows)
                          .arg(r.accepted)
                          .arg(r.rejected)
                          .arg(r.warnings));
            printLine(QStringLiteral("rejected by category: %1").arg(countsLine(r)));
            printLine(QStringLiteral("quality score %1 (grade %2, %3)")
                          .arg(r.qualityScore, 0, 'f', 4)
                          .arg(QString::fromStdString(r.grade),
                               r.passes ? QStringLiteral("passes") : QStringLiteral("below 0.95")));
            for (const quality::Anomaly &a : r.anomalies)
                printLine(QStringLiteral("anomaly %1 %2 %3 (%4)")
                              .arg(QString::fromStdString(a.type), QLatin1String(quality::severityName(a.severity)),
                                   QString::fromStdString(a.subject))
                              .arg(a.value, 0, 'f', 3));
            for (const DroppedColumn &d : r.plan.dropped)
                if (d.suspicious)
                    printLine(QStringLiteral("dropped suspicious column: %1").arg(safeHeaderLabel(r.header, d.index)));
        }
        if (r.accepted == 0)
            return failed(QStringLiteral("every row was rejected (%1)").arg(countsLine(r)));
        return ExitOk;
    }
};

const CommandRegistrar registrar{{QStringLiteral("validate"),
                                  QStringLiteral("Check a claim CSV file like the import wizard; writes nothing."),
                                  [] { return std::make_unique<ValidateCommand>(); }}};

} // namespace
} // namespace upstream::cli
