#pragma once
// Application logging on spdlog: a rotating file in the user's data directory (and optionally stderr), with
// every message passed through PHI redaction (SPEC section 5) before any sink sees it.
//
// Use log::info(...) etc. with Qt strings; the redaction happens in the sink layer, so even a message
// formatted elsewhere and handed to spdlog directly is scrubbed.
#include "core/Result.h"

#include <QString>

#include <memory>

namespace spdlog {
class logger;
}

namespace upstream::log {

struct Options {
    QString level;                 // trace|debug|info|warn|error|off; empty = settings/default ("info")
    QString directory;             // empty = <AppDataLocation>/logs
    bool console = false;          // also write to stderr
    bool captureQtMessages = true; // route qDebug/qWarning/... through the redacting logger
    std::size_t maxFileBytes = 5 * 1024 * 1024;
    std::size_t maxFiles = 5;
};

Status init(const Options &options);
// Changes the level of the running logger (the settings dialog); InvalidInput for an unknown name.
Status setLevel(const QString &level);
void shutdown();
std::shared_ptr<spdlog::logger> logger();
QString logDirectory();

// The redaction every log message passes (also used for CLI error lines and crash messages).
QString redact(const QString &text);

void trace(const QString &message);
void debug(const QString &message);
void info(const QString &message);
void warn(const QString &message);
void error(const QString &message);

} // namespace upstream::log
