// `upstream version`: the same information as `upstream --version`, also as JSON.
#include "CliApp.h"

#include "logging/CrashHandler.h"

#include "diagnostics/Versions.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

namespace upstream::cli {
namespace {

class VersionCommand final : public Command {
public:
    int run(const QStringList &args) override
    {
        QCommandLineParser parser;
        const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
        parser.addOption(json);
        if (const int rc = parseOrExit(parser, QStringLiteral("version"),
                                       QStringLiteral("Print the versions of the program and its libraries."), args);
            rc >= 0)
            return rc;
        if (parser.isSet(json)) {
            const QJsonObject o{{QStringLiteral("version"), versions::app()},
                                {QStringLiteral("qt"), versions::qt()},
                                {QStringLiteral("libpq"), versions::libpq()},
                                {QStringLiteral("sqlcipher"), versions::sqlcipher()},
                                {QStringLiteral("core_dumps"), crash::coreDumpsPossible()}};
            printLine(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
        } else {
            printLine(versions::summary());
        }
        return ExitOk;
    }
};

const CommandRegistrar registrar{{QStringLiteral("version"), QStringLiteral("Print the program and library versions."),
                                  [] { return std::make_unique<VersionCommand>(); }}};

} // namespace
} // namespace upstream::cli
