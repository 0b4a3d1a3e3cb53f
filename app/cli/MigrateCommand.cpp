// `upstream migrate`: bring the central PostgreSQL schema to this program's version (storage/pg/Migrator).
#include "CliApp.h"

#include "storage/pg/Migrator.h"
#include "storage/pg/PgTarget.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace upstream::cli {
namespace {

QJsonArray toJson(const std::vector<int> &v)
{
    QJsonArray a;
    for (int x : v)
        a.append(x);
    return a;
}

class MigrateCommand final : public Command {
public:
    int run(const QStringList &args) override
    {
        QCommandLineParser parser;
        const QCommandLineOption db = dbOption();
        const QCommandLineOption passwordFile = passwordFileOption();
        const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
        parser.addOptions({db, passwordFile, json});
        if (const int rc = parseOrExit(parser, QStringLiteral("migrate"),
                                       QStringLiteral("Create or upgrade the Upstream schema in a PostgreSQL database. "
                                                      "Each migration runs in its own transaction; running again is "
                                                      "a no-op; a database newer than this program is refused."),
                                       args);
            rc >= 0)
            return rc;
        if (!parser.positionalArguments().isEmpty())
            return usageError(QStringLiteral("migrate takes no arguments; see `upstream migrate --help`"));

        auto conn = storage::connectPgTarget(parser.value(db), parser.value(passwordFile));
        if (!conn.ok())
            return errorExit(conn.error());
        const storage::Migrator migrator;
        auto report = migrator.migrate(conn.value());
        if (!report.ok())
            return failed(storage::oneLine(report.error()));
        const auto &r = report.value();
        if (parser.isSet(json)) {
            const QJsonObject o{{QStringLiteral("from_version"), r.fromVersion},
                                {QStringLiteral("to_version"), r.toVersion},
                                {QStringLiteral("latest_version"), migrator.latestVersion()},
                                {QStringLiteral("applied"), toJson(r.applied)},
                                {QStringLiteral("checksum_mismatch"), toJson(r.checksumMismatch)}};
            printLine(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
        } else if (r.applied.empty()) {
            printLine(QStringLiteral("The schema is at version %1; nothing to do.").arg(r.toVersion));
        } else {
            printLine(QStringLiteral("Migrated the schema from version %1 to %2 (%3 migration(s) applied).")
                          .arg(r.fromVersion)
                          .arg(r.toVersion)
                          .arg(r.applied.size()));
        }
        for (int v : r.checksumMismatch)
            printError(QStringLiteral("warning: migration %1 was applied from a different text than this program "
                                      "carries")
                           .arg(v));
        return ExitOk;
    }
};

const CommandRegistrar registrar{{QStringLiteral("migrate"),
                                  QStringLiteral("Create or upgrade the central PostgreSQL schema."),
                                  [] { return std::make_unique<MigrateCommand>(); }}};

} // namespace
} // namespace upstream::cli
