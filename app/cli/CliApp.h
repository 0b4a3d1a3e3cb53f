#pragma once
// The `upstream` command line: a registry of subcommands, each in its own file under app/cli/.
// Contract (SPEC section 9): every command has --help and --json; exit 0 on success, 1 on a failed operation,
// 2 on bad usage or unreadable input, with a one-line reason on stderr.
#include "core/Result.h"

#include <QCommandLineOption>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QCommandLineParser;

namespace upstream::cli {

enum ExitCode : int { ExitOk = 0, ExitFailed = 1, ExitUsage = 2 };

class Command {
public:
    virtual ~Command() = default;
    // args excludes the program and the command name.
    virtual int run(const QStringList &args) = 0;
};

struct CommandInfo {
    QString name;    // e.g. "validate" or "admin"
    QString summary; // one line for `upstream --help`
    std::function<std::unique_ptr<Command>()> create;
};

// Registers a command at static-initialisation time: `static const CommandRegistrar r{{...}};` in its .cpp.
struct CommandRegistrar {
    explicit CommandRegistrar(CommandInfo info);
};

int run(const QStringList &arguments);

// Shared helpers for commands.
void printLine(const QString &text);   // stdout, with newline
void printError(const QString &text);  // stderr, one line, prefixed with "upstream: "
int usageError(const QString &reason); // printError + ExitUsage
int failed(const QString &reason);     // printError + ExitFailed
// A failed step: bad input (ErrorCode::InvalidInput: a bad --db, an unreadable password file, an ambiguous
// customer) is a usage error; anything else a failed operation, reported as one line.
int errorExit(const Error &error);
// --customer ID: a positive id, or none when the option is absent. Returns -1 to continue, or the exit code.
int customerFromOption(const QCommandLineParser &parser, const QCommandLineOption &option,
                       std::optional<qint64> *customerId);
// Parses args with `parser` (which must already carry the command's options); handles --help.
// Returns -1 to continue, or an exit code to return immediately.
// The options that say where a command works (SPEC 9), declared once for every command that takes them.
QCommandLineOption dbOption();           // --db CONNSTR
QCommandLineOption passwordFileOption(); // --password-file FILE
QCommandLineOption workspaceOption();    // --workspace PATH

int parseOrExit(QCommandLineParser &parser, const QString &command, const QString &description,
                const QStringList &args);

} // namespace upstream::cli
