// `upstream import FILE [--json] [--db CONNSTR | --workspace PATH] [--customer ID]`: validates the file like
// `validate` and loads the accepted rows, all or nothing (models/importer/ClaimImporter.h).
// Exit 0 loaded; 1 failed (every row rejected, the database refused, cancelled); 2 bad usage or unreadable file.
#include "CliApp.h"

#include "workspace/WorkspaceAccess.h"

#include "importer/ClaimImporter.h"
#include "importer/ClaimImporterReport.h"
#include "storage/pg/PgTarget.h"

#include <QCommandLineParser>
#include <QDate>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>

namespace upstream::cli {
namespace {

using namespace upstream::importer;

// InvalidInput is an unreadable or malformed file (exit 2) unless validation finished: then the file was read and
// every row was rejected, a failed import (exit 1).
int reportFailure(const Error &error, bool validated = false)
{
    if (error.code == ErrorCode::InvalidInput && !validated)
        return usageError(storage::oneLine(error));
    return failed(storage::oneLine(error));
}

class ImportCommand final : public Command {
public:
    int run(const QStringList &args) override
    {
        QCommandLineParser parser;
        const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
        const QCommandLineOption db = dbOption();
        const QCommandLineOption ws = workspaceOption();
        const QCommandLineOption passwordFile = passwordFileOption();
        const QCommandLineOption customer(
            QStringLiteral("customer"),
            QStringLiteral("Customer to import into (default: the signed-in user's only customer)."),
            QStringLiteral("ID"));
        parser.addOptions({json, db, ws, passwordFile, customer});
        parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The claim CSV file to import."));
        if (const int rc = parseOrExit(parser, QStringLiteral("import"),
                                       QStringLiteral("Validate a claim CSV file and load its accepted rows into "
                                                      "PostgreSQL (--db / PG*) or a local workspace, all or nothing."),
                                       args);
            rc >= 0)
            return rc;
        if (parser.positionalArguments().size() != 1)
            return usageError(QStringLiteral("import needs exactly one FILE; see `upstream import --help`"));
        if (parser.isSet(db) && parser.isSet(ws))
            return usageError(QStringLiteral("--db and --workspace exclude each other"));
        const QString file = parser.positionalArguments().constFirst();

        ImportOptions options;
        options.validation.validator.importDay = std::int32_t(QDate(1970, 1, 1).daysTo(QDate::currentDate()));
        options.workstation = QSysInfo::machineHostName();
        std::optional<qint64> customerId;
        if (const int rc = customerFromOption(parser, customer, &customerId); rc >= 0)
            return rc;
        options.customerId = customerId.value_or(0);

        Result<ImportResult> result = makeError(ErrorCode::Internal, QString());
        ValidationReport partial;
        // SPEC 9: --workspace, else --db or PG* → the central database, else the default workspace.
        if (const auto target = workspace::localWorkspaceTarget(parser.isSet(db), parser.value(ws))) {
            auto password = storage::commandPassword(parser.value(passwordFile), true);
            if (!password.ok())
                return reportFailure(password.error());
            auto cache = workspace::openWorkspaceBlocking(*target, password.value());
            if (!cache.ok())
                return reportFailure(cache.error());
            result = ClaimImporter::importToCache(*cache.value(), file, options, &partial);
        } else {
            auto conn = storage::connectPgTarget(parser.value(db), parser.value(passwordFile));
            if (!conn.ok())
                return errorExit(conn.error());
            if (options.customerId == 0) {
                auto only = storage::soleCustomer(conn.value());
                if (!only.ok())
                    return errorExit(only.error());
                options.customerId = only.value();
            }
            result = ClaimImporter::importToPostgres(conn.value(), file, options, &partial);
        }
        if (!result.ok()) {
            // Validation finished (e.g. every row rejected): the report is still worth printing with --json.
            if (parser.isSet(json) && partial.totalRows > 0) {
                QJsonObject o = validationReportJson(partial);
                o.insert(QStringLiteral("upload_id"), QJsonValue::Null);
                o.insert(QStringLiteral("claims_loaded"), 0);
                printLine(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
            }
            return reportFailure(result.error(), partial.totalRows > 0);
        }
        const ImportResult &r = result.value();
        const ValidationReport &rep = r.report;
        // Warnings go to stdout with the report, or to stderr when stdout is one JSON object.
        const auto warn = [&](const QString &text) {
            parser.isSet(json) ? printError(QStringLiteral("warning: ") + text)
                               : printLine(QStringLiteral("warning: ") + text);
        };
        if (rep.duplicateFile)
            warn(QStringLiteral("this file was imported before (same SHA-256); its claims with a claim_ref were "
                                "matched, not added twice"));
        if (const QString w = noClaimRefWarning(r.claimsWithoutRef); !w.isEmpty())
            warn(w);
        if (parser.isSet(json)) {
            printLine(QString::fromUtf8(QJsonDocument(importReportJson(r)).toJson(QJsonDocument::Compact)));
        } else {
            printLine(QStringLiteral("encoding %1, delimiter %2")
                          .arg(QLatin1String(csv::encodingName(rep.encoding)), csv::delimiterName(rep.delimiter)));
            printLine(QStringLiteral("rows %1: accepted %2, rejected %3, warnings %4")
                          .arg(rep.totalRows)
                          .arg(rep.accepted)
                          .arg(rep.rejected)
                          .arg(rep.warnings));
            if (rep.stats.pending > 0)
                printLine(QStringLiteral("pending %1: not yet decided, accepted").arg(rep.stats.pending));
            printLine(QStringLiteral("rejected by category: %1").arg(rejectionCountsLine(rep)));
            printLine(QStringLiteral("quality score %1 (grade %2)")
                          .arg(rep.qualityScore, 0, 'f', 4)
                          .arg(QString::fromStdString(rep.grade)));
            printLine(QStringLiteral("health score %1 (%2)")
                          .arg(rep.healthScore, 0, 'f', 1)
                          .arg(QString::fromStdString(rep.healthBand)));
            printLine(QStringLiteral("upload %1: %2 claims loaded: %3 new, %4 updated, %5 unchanged")
                          .arg(r.uploadId)
                          .arg(r.claimsLoaded)
                          .arg(r.claimsNew)
                          .arg(r.claimsUpdated)
                          .arg(r.claimsUnchanged));
            if (r.aggregateRows > 0)
                printLine(QStringLiteral("%1 claims aggregated into %2 daily rows of the workspace")
                              .arg(r.claimsNew + r.claimsUpdated)
                              .arg(r.aggregateRows));
        }
        return ExitOk;
    }
};

const CommandRegistrar registrar{{QStringLiteral("import"),
                                  QStringLiteral("Import a claim CSV file into PostgreSQL or a local workspace."),
                                  [] { return std::make_unique<ImportCommand>(); }}};

} // namespace
} // namespace upstream::cli
