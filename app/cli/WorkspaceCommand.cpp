// `upstream workspace create PATH` and `upstream workspace info PATH [--json]`: a local workspace without the
// GUI, for batch and IT use. The password comes from --password-file or UPSTREAM_PASSWORD, never a flag value.
// info prints the workspace id, when it was created, the cache schema version, the claims and signals it holds and
// the last day of data (the day before the data's own as-of date).
#include "CliApp.h"

#include "engines/SignalEngines.h"
#include "storage/cache/AggregateStore.h"
#include "storage/cache/LocalCache.h"
#include "storage/cache/WorkspaceInfoStore.h"
#include "storage/pg/PgTarget.h"
#include "workspace/WorkspaceAccess.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

namespace upstream::cli {
namespace {

class WorkspaceCommand final : public Command {
public:
    int run(const QStringList &args) override
    {
        QCommandLineParser parser;
        const QCommandLineOption passwordFile = passwordFileOption();
        const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
        parser.addOptions({passwordFile, json});
        parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("create or info"));
        parser.addPositionalArgument(QStringLiteral("path"), QStringLiteral("The workspace folder."));
        if (const int rc = parseOrExit(parser, QStringLiteral("workspace"),
                                       QStringLiteral("Create a local workspace, or show what one holds."), args);
            rc >= 0)
            return rc;
        const QStringList pos = parser.positionalArguments();
        if (pos.size() != 2 || (pos[0] != QLatin1String("create") && pos[0] != QLatin1String("info")))
            return usageError(QStringLiteral("usage: upstream workspace create|info PATH"));
        const QString &path = pos[1];
        auto password = storage::commandPassword(parser.value(passwordFile), true);
        if (!password.ok())
            return usageError(password.error().message);
        std::shared_ptr<storage::LocalCache> cache;
        if (pos[0] == QLatin1String("create")) {
            auto created = workspace::createWorkspaceBlocking(path, password.value());
            if (!created.ok())
                return failed(created.error().message.section(QLatin1Char('\n'), 0, 0));
            cache = created.value().cache;
        } else {
            auto opened = workspace::openWorkspaceBlocking(path, password.value());
            if (!opened.ok())
                return errorExit(opened.error());
            cache = opened.value();
        }
        QJsonObject info = workspace::WorkspaceOpener::manifestSummary(path);
        info.insert(QStringLiteral("path"), path);
        info.insert(QStringLiteral("schema_version"), cache->schemaVersion());
        auto set = storage::loadAggregates(*cache);
        if (!set.ok())
            return failed(set.error().message);
        qint64 claims = 0;
        for (const engines::AggregateRow &r : set.value().rows())
            claims += r.kind == engines::AggregateKind::Adjudication ? r.c.claims : 0; // one such row per claim
        const QDate asOf = engines::defaultAsOf(set.value());
        info.insert(QStringLiteral("claims"), claims);
        const storage::WorkspaceInfoCounts counts = storage::countWorkspaceRows(*cache);
        info.insert(QStringLiteral("signals"), counts.signalCount);
        info.insert(QStringLiteral("alerts"), counts.alertCount);
        info.insert(QStringLiteral("data_through"),
                    asOf.isValid() ? QJsonValue(asOf.addDays(-1).toString(Qt::ISODate)) : QJsonValue());
        if (parser.isSet(json)) {
            printLine(QString::fromUtf8(QJsonDocument(info).toJson(QJsonDocument::Compact)));
        } else {
            printLine(QStringLiteral("%1 workspace %2 at %3 (schema %4): %5 claims, %6 signals, data through %7.")
                          .arg(pos[0] == QLatin1String("create") ? QStringLiteral("Created") : QStringLiteral("Local"),
                               info.value(QStringLiteral("workspace_id")).toString(), path)
                          .arg(cache->schemaVersion())
                          .arg(claims)
                          .arg(info.value(QStringLiteral("signals")).toInteger())
                          .arg(asOf.isValid() ? asOf.addDays(-1).toString(Qt::ISODate) : QStringLiteral("no data")));
        }
        cache->close();
        return ExitOk;
    }
};

const CommandRegistrar registrar{{QStringLiteral("workspace"),
                                  QStringLiteral("Create a local workspace, or show what one holds."),
                                  [] { return std::make_unique<WorkspaceCommand>(); }}};

} // namespace
} // namespace upstream::cli
