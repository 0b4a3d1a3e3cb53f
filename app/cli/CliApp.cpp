#include "CliApp.h"

#include "core/BuildInfo.h"
#include "diagnostics/Versions.h"
#include "logging/Log.h"
#include "storage/pg/PgTarget.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <map>

namespace upstream::cli {
namespace {

std::map<QString, CommandInfo> &registry()
{
    static std::map<QString, CommandInfo> commands;
    return commands;
}

QString helpText()
{
    QString text = QStringLiteral("Usage: upstream [--version] [--help] [--log-level LEVEL] <command> [options]\n\n"
                                  "Upstream Workstation command line: the same core as the desktop application.\n\n"
                                  "Commands:\n");
    for (const auto &[name, info] : registry())
        text += QStringLiteral("  %1 %2\n").arg(name, -14).arg(info.summary);
    text += QStringLiteral("\nRun `upstream <command> --help` for the options of a command.\n"
                           "Exit status: 0 success, 1 failed operation, 2 bad usage or unreadable input.");
    return text;
}

} // namespace

CommandRegistrar::CommandRegistrar(CommandInfo info)
{
    const QString name = info.name;
    registry().emplace(name, std::move(info));
}

void printLine(const QString &text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printError(const QString &text)
{
    const QByteArray bytes = QByteArrayLiteral("upstream: ") + log::redact(text).toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

int usageError(const QString &reason)
{
    printError(reason);
    return ExitUsage;
}

int failed(const QString &reason)
{
    printError(reason);
    return ExitFailed;
}

QCommandLineOption dbOption()
{
    return {QStringLiteral("db"), QStringLiteral("libpq connection string or URI (default: the PG* environment)."),
            QStringLiteral("CONNSTR")};
}

QCommandLineOption passwordFileOption()
{
    return {QStringLiteral("password-file"), QStringLiteral("Read the password from FILE (else $UPSTREAM_PASSWORD)."),
            QStringLiteral("FILE")};
}

QCommandLineOption workspaceOption()
{
    return {QStringLiteral("workspace"), QStringLiteral("Work on the local workspace at PATH instead of PostgreSQL."),
            QStringLiteral("PATH")};
}

int errorExit(const Error &error)
{
    return error.code == ErrorCode::InvalidInput ? usageError(error.message) : failed(storage::oneLine(error));
}

int customerFromOption(const QCommandLineParser &parser, const QCommandLineOption &option,
                       std::optional<qint64> *customerId)
{
    customerId->reset();
    if (!parser.isSet(option))
        return -1;
    bool ok = false;
    const qint64 id = parser.value(option).toLongLong(&ok);
    if (!ok || id <= 0)
        return usageError(QStringLiteral("--customer needs a positive customer id"));
    *customerId = id;
    return -1;
}

int parseOrExit(QCommandLineParser &parser, const QString &command, const QString &description, const QStringList &args)
{
    parser.setApplicationDescription(description);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help and exit."));
    parser.addOption(help);
    QStringList full = args;
    full.prepend(QStringLiteral("upstream ") + command);
    if (!parser.parse(full))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        // Qt names the program by the path it was started with; the usage line names the command instead.
        const QString program = QCoreApplication::arguments().value(0);
        printLine(parser.helpText().replace(QStringLiteral("Usage: ") + program,
                                            QStringLiteral("Usage: upstream %1").arg(command)));
        return ExitOk;
    }
    return -1;
}

int run(const QStringList &arguments)
{
    QCoreApplication::setApplicationName(QStringLiteral("upstream"));
    QCoreApplication::setOrganizationName(QString::fromLatin1(build::kOrganization));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(build::kVersion));

    QStringList args = arguments.mid(1);
    QString logLevel;
    while (!args.isEmpty() && args.first().startsWith(QLatin1Char('-'))) {
        const QString opt = args.takeFirst();
        if (opt == QLatin1String("--version") || opt == QLatin1String("-v")) {
            printLine(QStringLiteral("upstream %1").arg(QString::fromLatin1(build::kVersion)));
            printLine(versions::summary());
            return ExitOk;
        }
        if (opt == QLatin1String("--help") || opt == QLatin1String("-h")) {
            printLine(helpText());
            return ExitOk;
        }
        if (opt == QLatin1String("--log-level")) {
            if (args.isEmpty())
                return usageError(QStringLiteral("--log-level needs a value (trace, debug, info, warn, error)"));
            logLevel = args.takeFirst();
            continue;
        }
        return usageError(QStringLiteral("unknown option %1; see `upstream --help`").arg(opt));
    }
    if (args.isEmpty())
        return usageError(QStringLiteral("no command given; see `upstream --help`"));

    const QString name = args.takeFirst();
    const auto it = registry().find(name);
    if (it == registry().end())
        return usageError(QStringLiteral("unknown command '%1'; see `upstream --help`").arg(name));

    log::Options logOptions;
    logOptions.level = logLevel;
    logOptions.console = false;
    if (const Status st = log::init(logOptions); !st.ok())
        return usageError(st.error().message);
    const auto command = it->second.create();
    const int rc = command->run(args);
    log::shutdown();
    return rc;
}

} // namespace upstream::cli
