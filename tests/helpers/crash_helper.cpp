// crash_helper MODE LOGDIR [ARG...]: installs the crash handler the way the entry points do, logs messages that
// carry synthetic PHI, then dies in the way MODE names (segv: a real invalid write; fpe: a real integer division
// by zero; abort; bus and ill: raised; throw: an uncaught exception whose what() holds a synthetic SSN; exit: no
// crash). Extra arguments are ignored on purpose: the test passes PHI there to prove arguments never reach a note.
// Used by tests/unit/tst_crash_report_is_scrubbed.
#include "logging/CrashHandler.h"
#include "logging/Log.h"

#include <QCoreApplication>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <sys/resource.h>

namespace {

int *volatile g_nowhere = nullptr;
volatile int g_zero = 0;
volatile int g_dividend = 7;

} // namespace

int main(int argc, char *argv[])
{
    upstream::crash::install("crash_helper");
    if (argc < 3) {
        std::fputs("usage: crash_helper segv|fpe|abort|bus|ill|throw|exit LOGDIR [ARG...]\n", stderr);
        return 2;
    }
    // No core files left behind by the test; the exit status still reports the signal.
    const rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);

    QCoreApplication app(argc, argv);
    upstream::log::Options options;
    options.level = QStringLiteral("trace");
    options.directory = QString::fromLocal8Bit(argv[2]);
    if (!upstream::log::init(options).ok())
        return 3;
    upstream::log::info(QStringLiteral("claim for member SSN 219-09-9999, phone 555-867-5309"));
    qWarning("patient email jane.roe@example.com, MRN QX482913");
    upstream::log::shutdown();

    const char *mode = argv[1];
    if (std::strcmp(mode, "segv") == 0)
        *g_nowhere = 42;
    else if (std::strcmp(mode, "fpe") == 0)
        std::printf("%d\n", g_dividend / g_zero);
    else if (std::strcmp(mode, "abort") == 0)
        std::abort();
    else if (std::strcmp(mode, "bus") == 0)
        std::raise(SIGBUS);
    else if (std::strcmp(mode, "ill") == 0)
        std::raise(SIGILL);
    else if (std::strcmp(mode, "throw") == 0)
        throw std::runtime_error("cannot parse row for John Smith, SSN 219-09-9999, DOB: 04/12/1961");
    return 0;
}
