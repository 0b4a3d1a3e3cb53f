#include "CrashHandler.h"

#include "core/BuildInfo.h"

#include <QDir>
#include <QFile>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>
#include <typeinfo>

#if defined(__unix__) || defined(__APPLE__)
#define UPSTREAM_CRASH_POSIX 1
#include <cxxabi.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
#endif
#ifdef __linux__
#include <sys/prctl.h>
#endif

namespace upstream::crash {
namespace {

constexpr std::size_t kPathCapacity = 4096;
constexpr std::size_t kTextCapacity = 256;

// Everything the signal path reads is formatted here beforehand. The path is double-buffered: setDirectory() fills
// the inactive slot and then publishes its index, so a crash during a change still reads a complete path.
char g_paths[2][kPathCapacity] = {};
std::atomic<int> g_activePath{-1};
char g_program[kTextCapacity] = "upstream";
char g_version[kTextCapacity] = {};
volatile std::sig_atomic_t g_inHandler = 0;

constexpr int kSignals[] = {SIGSEGV, SIGABRT, SIGFPE, SIGILL
#ifdef SIGBUS
                            ,
                            SIGBUS
#endif
};

void copyText(char *to, std::size_t capacity, const char *from)
{
    std::size_t n = std::strlen(from);
    if (n >= capacity)
        n = capacity - 1;
    std::memcpy(to, from, n);
    to[n] = '\0';
}

#ifdef UPSTREAM_CRASH_POSIX

static_assert(std::atomic<int>::is_always_lock_free, "the signal path needs a lock-free atomic");

const char *signalName(int sig)
{
    switch (sig) {
    case SIGSEGV: return "SIGSEGV";
    case SIGABRT: return "SIGABRT";
    case SIGFPE: return "SIGFPE";
    case SIGILL: return "SIGILL";
#ifdef SIGBUS
    case SIGBUS: return "SIGBUS";
#endif
    default: return "signal";
    }
}

// A fixed-size line builder without allocation, locale or stdio: safe inside a signal handler.
struct NoteBuffer {
    char data[1024]{};
    std::size_t size = 0;
    void add(const char *text)
    {
        while (*text && size < sizeof data)
            data[size++] = *text++;
    }
    void addNumber(long long value, int minDigits = 1)
    {
        char digits[24];
        int n = 0;
        const bool negative = value < 0;
        unsigned long long v = negative ? 0ULL - static_cast<unsigned long long>(value) : value;
        do {
            digits[n++] = char('0' + v % 10);
            v /= 10;
        } while (v != 0 || n < minDigits);
        if (negative)
            add("-");
        while (n > 0 && size < sizeof data)
            data[size++] = digits[--n];
    }
};

// UTC "YYYY-MM-DDTHH:MM:SSZ" from the epoch by integer arithmetic (gmtime is not async-signal-safe).
void addUtcTime(NoteBuffer &b)
{
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    const long long secs = now.tv_sec;
    long long days = secs / 86400;
    const long long rest = secs % 86400;
    days += 719468;
    const long long era = (days >= 0 ? days : days - 146096) / 146097;
    const long long doe = days - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    const long long day = doy - (153 * mp + 2) / 5 + 1;
    const long long month = mp < 10 ? mp + 3 : mp - 9;
    const long long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    b.addNumber(year, 4);
    b.add("-");
    b.addNumber(month, 2);
    b.add("-");
    b.addNumber(day, 2);
    b.add("T");
    b.addNumber(rest / 3600, 2);
    b.add(":");
    b.addNumber(rest / 60 % 60, 2);
    b.add(":");
    b.addNumber(rest % 60, 2);
    b.add("Z");
}

void writeAll(int fd, const char *data, std::size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n <= 0)
            return;
        data += n;
        size -= std::size_t(n);
    }
}

// Appends one note; `cause` and `detail` must already be PHI-free. Async-signal-safe.
void writeNote(const char *cause, const char *detail)
{
    NoteBuffer b;
    b.add("crash: ");
    b.add(cause);
    b.add("\nprogram: ");
    b.add(g_program);
    b.add("\nversion: ");
    b.add(g_version);
    b.add("\npid: ");
    b.addNumber(static_cast<long long>(getpid()));
    b.add("\ntime: ");
    addUtcTime(b);
    if (detail && *detail) {
        b.add("\n");
        b.add(detail);
    }
    b.add("\n\n");
    const int slot = g_activePath.load();
    bool written = false;
    if (slot >= 0) {
        const int fd = ::open(g_paths[slot], O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        if (fd >= 0) {
            writeAll(fd, b.data, b.size);
            ::close(fd);
            written = true;
        }
    }
    NoteBuffer line;
    line.add(g_program);
    line.add(": crashed (");
    line.add(cause);
    line.add(")");
    if (written) {
        line.add("; a crash note was written to ");
        line.add(g_paths[slot]);
    }
    line.add("\n");
    writeAll(STDERR_FILENO, line.data, line.size);
}

void resetToDefault(int sig)
{
    struct sigaction dfl {};
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, nullptr);
}

void onSignal(int sig)
{
    if (!g_inHandler) {
        g_inHandler = 1;
        writeNote(signalName(sig), nullptr);
    }
    // Default disposition, then the same signal again: the process ends exactly as it would have without us.
    resetToDefault(sig);
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, sig);
    sigprocmask(SIG_UNBLOCK, &unblock, nullptr);
    raise(sig);
}

std::string currentExceptionType()
{
    const std::type_info *type = abi::__cxa_current_exception_type();
    if (!type)
        return {};
    int status = 0;
    char *demangled = abi::__cxa_demangle(type->name(), nullptr, nullptr, &status);
    std::string name = status == 0 && demangled ? demangled : type->name();
    std::free(demangled);
    return name;
}

#endif // UPSTREAM_CRASH_POSIX

// Uncaught exception (or an explicit std::terminate): not a signal context, so allocation is fine here. The note
// names the exception's type only: its what() text can quote a data value, and PHI redaction cannot promise to
// catch everything in free text (a person's name, for one), so the message is left out entirely.
[[noreturn]] void onTerminate()
{
#ifdef UPSTREAM_CRASH_POSIX
    const std::string type = currentExceptionType();
    const std::string detail =
        type.empty() ? std::string() : "exception: " + type + " (message not recorded: it may quote data)";
    g_inHandler = 1; // the SIGABRT below must not write a second note
    writeNote("std::terminate", detail.c_str());
    resetToDefault(SIGABRT);
#endif
    std::abort();
}

} // namespace

void install(const char *program)
{
#if defined(UPSTREAM_CRASH_POSIX) && defined(NDEBUG)
    // Release builds never leave a core file: it would hold claims, PHI from a file being read and the keys in
    // memory. RLIMIT_CORE 0 for this process and its children; on Linux also "not dumpable" (no core whatever the
    // limit, no ptrace attach by other processes of the user).
    const rlimit none{0, 0};
    (void)setrlimit(RLIMIT_CORE, &none);
#ifdef __linux__
    (void)prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
#endif
    copyText(g_program, sizeof g_program, program);
    copyText(g_version, sizeof g_version, build::kVersion);
    std::set_terminate(onTerminate);
#ifdef UPSTREAM_CRASH_POSIX
    // An alternate stack so that a stack overflow (SIGSEGV with no stack left) still runs the handler.
    static char altStack[64 * 1024];
    stack_t ss{};
    ss.ss_sp = altStack;
    ss.ss_size = sizeof altStack;
    sigaltstack(&ss, nullptr);
    for (const int sig : kSignals) {
        struct sigaction sa {};
        sa.sa_handler = onSignal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_ONSTACK;
        sigaction(sig, &sa, nullptr);
    }
#else
    (void)kSignals;
#endif
}

bool coreDumpsPossible()
{
#ifdef UPSTREAM_CRASH_POSIX
    rlimit limit{};
    if (getrlimit(RLIMIT_CORE, &limit) == 0 && limit.rlim_cur == 0)
        return false;
#ifdef __linux__
    if (prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0)
        return false;
#endif
    return true;
#else
    return false; // Windows: no core files; Windows Error Reporting is the IT department's policy
#endif
}

void setDirectory(const QString &directory)
{
    const QByteArray path = QFile::encodeName(QDir::toNativeSeparators(noteFile(directory)));
    if (path.isEmpty() || std::size_t(path.size()) >= kPathCapacity)
        return;
    const int next = g_activePath.load() == 0 ? 1 : 0;
    copyText(g_paths[next], kPathCapacity, path.constData());
    g_activePath.store(next);
}

QString noteFile(const QString &directory)
{
    return QDir(directory).filePath(QStringLiteral("crash.log"));
}

} // namespace upstream::crash
