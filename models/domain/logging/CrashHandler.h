#pragma once
// CrashHandler: a short crash note in the log folder when the process dies of SIGSEGV, SIGBUS, SIGFPE, SIGILL or
// SIGABRT, or through std::terminate (an uncaught exception), for the GUI and CLI entry points.
//
// Contract: the note holds the signal (or "std::terminate" with the exception's type), the program, the build
// version, the process id and the UTC time — never argument values, environment, log messages, exception messages
// (what() can quote data; redaction cannot promise to catch a name in free text) or memory contents, so it can be
// attached to a support request as it is. Notes are
// appended to <log folder>/crash.log; stderr gets one line saying where. The signal path only uses
// async-signal-safe calls (open/write/close, clock_gettime, sigaction, raise): the file path and the version are
// formatted at install()/setDirectory() time. After the note the signal is re-raised with the default
// disposition, so the exit status and core dumps are those of the original crash.
// Failure modes: an unwritable log folder, or a crash before setDirectory(), loses the note, not the re-raise.
#include <QString>

namespace upstream::crash {

// Installs the signal handlers (on an alternate stack, so a stack overflow still gets its note) and the
// std::terminate handler. program: "upstream" or "upstream-workstation". Call once, early in main(). In release
// builds it also turns core dumps off (RLIMIT_CORE 0, and not dumpable on Linux).
void install(const char *program);
// False when this process can leave no core file (the limit is 0 or it is not dumpable).
bool coreDumpsPossible();

// Where notes go (log::init calls it with the log folder). May be called again; safe against a concurrent crash.
void setDirectory(const QString &directory);

// The crash note file for a log folder.
QString noteFile(const QString &directory);

} // namespace upstream::crash
