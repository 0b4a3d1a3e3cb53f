#include "Log.h"

#include "CrashHandler.h"
#include "phi/PhiScanner.h"

#include <QDir>
#include <QStandardPaths>
#include <QtGlobal>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <mutex>

namespace upstream::log {
namespace {

// Scrubs PHI from each message, then hands it to the real sinks. Wrapping at the sink layer means nothing can
// reach a file unredacted, whatever logger call produced it.
class RedactingSink final : public spdlog::sinks::base_sink<std::mutex> {
public:
    void add(spdlog::sink_ptr sink) { m_sinks.push_back(std::move(sink)); }

protected:
    void sink_it_(const spdlog::details::log_msg &msg) override
    {
        const std::string_view payload(msg.payload.data(), msg.payload.size());
        const std::string clean = phi::redact(payload, phi::FieldKind::FreeText);
        spdlog::details::log_msg copy(msg);
        copy.payload = spdlog::string_view_t(clean.data(), clean.size());
        for (auto &sink : m_sinks)
            if (sink->should_log(copy.level))
                sink->log(copy);
    }
    void flush_() override
    {
        for (auto &sink : m_sinks)
            sink->flush();
    }

private:
    std::vector<spdlog::sink_ptr> m_sinks;
};

std::shared_ptr<spdlog::logger> g_logger;
QString g_directory;

spdlog::level::level_enum parseLevel(const QString &name, bool *ok)
{
    *ok = true;
    const QString n = name.trimmed().toLower();
    if (n.isEmpty() || n == QLatin1String("info"))
        return spdlog::level::info;
    if (n == QLatin1String("trace"))
        return spdlog::level::trace;
    if (n == QLatin1String("debug"))
        return spdlog::level::debug;
    if (n == QLatin1String("warn") || n == QLatin1String("warning"))
        return spdlog::level::warn;
    if (n == QLatin1String("error"))
        return spdlog::level::err;
    if (n == QLatin1String("off"))
        return spdlog::level::off;
    *ok = false;
    return spdlog::level::info;
}

// Before init() (early start-up, tests) messages go to stderr, redacted like everything else.
std::shared_ptr<spdlog::logger> fallbackLogger()
{
    static const std::shared_ptr<spdlog::logger> fallback = [] {
        auto redacting = std::make_shared<RedactingSink>();
        redacting->add(std::make_shared<spdlog::sinks::stderr_sink_mt>());
        auto l = std::make_shared<spdlog::logger>("upstream-early", redacting);
        l->set_level(spdlog::level::warn);
        return l;
    }();
    return fallback;
}

void write(spdlog::level::level_enum level, const QString &message)
{
    const QByteArray utf8 = message.toUtf8();
    auto l = g_logger ? g_logger : fallbackLogger();
    l->log(level, std::string_view(utf8.constData(), size_t(utf8.size())));
}

// Qt's own warnings (and qDebug/qWarning calls anywhere) go through the same redacting logger, so a message that
// quotes a value can never put PHI on stderr or in a crash report.
void qtMessageHandler(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    switch (type) {
    case QtDebugMsg: write(spdlog::level::debug, message); break;
    case QtInfoMsg: write(spdlog::level::info, message); break;
    case QtWarningMsg: write(spdlog::level::warn, message); break;
    case QtCriticalMsg:
    case QtFatalMsg: write(spdlog::level::critical, message); break;
    }
}

Error unknownLevel(const QString &name)
{
    return makeError(ErrorCode::InvalidInput,
                     QStringLiteral("unknown log level '%1' (use trace, debug, info, warn, error or off)").arg(name));
}

} // namespace

Status setLevel(const QString &level)
{
    bool ok = false;
    const auto parsed = parseLevel(level, &ok);
    if (!ok)
        return unknownLevel(level);
    if (g_logger)
        g_logger->set_level(parsed);
    return Status::success();
}

Status init(const Options &options)
{
    bool ok = false;
    const auto level = parseLevel(options.level, &ok);
    if (!ok)
        return unknownLevel(options.level);
    g_directory = options.directory.isEmpty()
                      ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/logs")
                      : options.directory;
    if (!QDir().mkpath(g_directory))
        return makeError(ErrorCode::PermissionDenied,
                         QStringLiteral("cannot create the log folder %1").arg(g_directory));
    crash::setDirectory(g_directory); // crash notes go next to the log (when crash::install() was called)
    auto redacting = std::make_shared<RedactingSink>();
    const QString file = g_directory + QStringLiteral("/upstream.log");
    try {
        redacting->add(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(file.toStdString(), options.maxFileBytes,
                                                                              options.maxFiles));
    } catch (const spdlog::spdlog_ex &e) {
        return makeError(ErrorCode::PermissionDenied,
                         QStringLiteral("cannot open the log file %1: %2").arg(file, QString::fromUtf8(e.what())));
    }
    if (options.console)
        redacting->add(std::make_shared<spdlog::sinks::stderr_sink_mt>());
    g_logger = std::make_shared<spdlog::logger>("upstream", redacting);
    g_logger->set_level(level);
    g_logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z [%l] [%t] %v");
    g_logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(g_logger);
    if (options.captureQtMessages)
        qInstallMessageHandler(qtMessageHandler);
    return Status::success();
}

void shutdown()
{
    if (g_logger)
        g_logger->flush();
}

std::shared_ptr<spdlog::logger> logger()
{
    return g_logger ? g_logger : fallbackLogger();
}

QString logDirectory()
{
    return g_directory;
}

QString redact(const QString &text)
{
    return phi::redact(text);
}

void trace(const QString &message)
{
    write(spdlog::level::trace, message);
}
void debug(const QString &message)
{
    write(spdlog::level::debug, message);
}
void info(const QString &message)
{
    write(spdlog::level::info, message);
}
void warn(const QString &message)
{
    write(spdlog::level::warn, message);
}
void error(const QString &message)
{
    write(spdlog::level::err, message);
}

} // namespace upstream::log
