// `upstream validate FILE [--json]`: the import wizard's checks and quality report over a file; writes nothing.
// Exit 0 when at least one row is accepted, 1 when every row is rejected, 2 for an unreadable or malformed file.
#include "CliApp.h"

#include "importer/ClaimImporterReport.h"
#include "logging/Log.h"

#include <QCommandLineParser>
#include <QDate>
#include <QJsonDocument>

namespace upstream::cli {
namespace {

using namespace upstream::importer;

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
                      .arg(rejectionCountsLine(r)));
        if (!r.issues.empty())
            log::info(QStringLiteral("validate: first issue row %1: %2")
                          .arg(r.issues.front().row)
                          .arg(issueMessage(r.issues.front())));
        if (parser.isSet(json)) {
            printLine(QString::fromUtf8(QJsonDocument(validationReportJson(r)).toJson(QJsonDocument::Compact)));
        } else {
            printLine(QStringLiteral("encoding %1, delimiter %2")
                          .arg(QLatin1String(csv::encodingName(r.encoding)), csv::delimiterName(r.delimiter)));
            printLine(QStringLiteral("rows %1: accepted %2, rejected %3, warnings %4")
                          .arg(r.totalRows)
                          .arg(r.accepted)
                          .arg(r.rejected)
                          .arg(r.warnings));
            if (r.stats.pending > 0)
                printLine(QStringLiteral("pending %1: not yet decided, accepted").arg(r.stats.pending));
            printLine(QStringLiteral("rejected by category: %1").arg(rejectionCountsLine(r)));
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
            return failed(QStringLiteral("every row was rejected (%1)").arg(rejectionCountsLine(r)));
        return ExitOk;
    }
};

const CommandRegistrar registrar{{QStringLiteral("validate"),
                                  QStringLiteral("Check a claim CSV file like the import wizard; writes nothing."),
                                  [] { return std::make_unique<ValidateCommand>(); }}};

} // namespace
} // namespace upstream::cli
