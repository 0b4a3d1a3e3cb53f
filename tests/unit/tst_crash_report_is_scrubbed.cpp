// Proves: a process that installed crash::install() and then dies — a real invalid write (SIGSEGV), a real integer
// division by zero (SIGFPE), abort() (SIGABRT), SIGBUS, SIGILL, or an uncaught exception whose what() holds a
// synthetic SSN — still dies of that signal (the handler re-raises with the default disposition), leaves one crash
// note in its log folder that names the signal, the program and the build version, and that note, the log file
// and stderr hold none of the PHI the process logged, received as arguments or carried in its environment; for the
// exception the note names its type and leaves its message out. Also: CLI error lines that echo an input value (a
// file name full of PHI) are redacted.
#include "core/BuildInfo.h"
#include "logging/CrashHandler.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

using namespace upstream;

namespace {

// All invented. The helper logs the first five; the test also passes some as arguments and environment.
const QStringList kPhi{QStringLiteral("219-09-9999"),
                       QStringLiteral("555-867-5309"),
                       QStringLiteral("Maria Garcia"),
                       QStringLiteral("jane.roe@example.com"),
                       QStringLiteral("QX482913"),
                       QStringLiteral("John Smith"),
                       QStringLiteral("04/12/1961"),
                       QStringLiteral("Linda Johnson"),
                       QStringLiteral("robert.brown@example.org")};

struct Death {
    bool spawned = false;
    bool signalled = false;
    int signal = 0;
    int exitCode = -1;
    QByteArray err;
};

// posix_spawn + waitpid rather than QProcess: the test needs the exact terminating signal.
Death runHelper(const QString &mode, const QString &logDir, const QString &stderrFile)
{
    Death d;
    const QByteArray program = QByteArrayLiteral(UPSTREAM_CRASH_HELPER_PATH);
    const QByteArray m = mode.toLocal8Bit(), dir = QFile::encodeName(logDir), errPath = QFile::encodeName(stderrFile);
    // PHI in the arguments and in the environment: neither may reach the note.
    QByteArray arg1 = QByteArrayLiteral("--patient=Linda Johnson"),
               arg2 = QByteArrayLiteral("robert.brown@example.org");
    char *argv[] = {const_cast<char *>(program.constData()),
                    const_cast<char *>(m.constData()),
                    const_cast<char *>(dir.constData()),
                    arg1.data(),
                    arg2.data(),
                    nullptr};
    std::vector<QByteArray> envStore;
    for (char **e = environ; *e; ++e)
        envStore.emplace_back(*e);
    envStore.emplace_back("UPSTREAM_TEST_PATIENT=John Smith 04/12/1961");
    std::vector<char *> envp;
    for (QByteArray &e : envStore)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, program.constData(), &actions, nullptr, argv, envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0)
        return d;
    d.spawned = true;
    int status = 0;
    if (waitpid(pid, &status, 0) != pid)
        return d;
    d.signalled = WIFSIGNALED(status);
    d.signal = d.signalled ? WTERMSIG(status) : 0;
    d.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    QFile err(stderrFile);
    if (err.open(QIODevice::ReadOnly))
        d.err = err.readAll();
    return d;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The PHI values found in bytes (case-insensitive), for the failure message.
QStringList phiIn(const QByteArray &bytes)
{
    QStringList found;
    const QString text = QString::fromUtf8(bytes);
    for (const QString &v : kPhi)
        if (text.contains(v, Qt::CaseInsensitive))
            found << v;
    return found;
}

} // namespace

class TstCrashReportIsScrubbed : public QObject {
    Q_OBJECT
    QTemporaryDir tmp;

private slots:
    void scanFindsPlantedPhi()
    {
        // Control: the same check reports a value that is there, so the negative results below mean something.
        QCOMPARE(phiIn(QByteArrayLiteral("note: 219-09-9999 and MARIA GARCIA")),
                 (QStringList{QStringLiteral("219-09-9999"), QStringLiteral("Maria Garcia")}));
    }

    void crashNotesNameTheSignalAndHoldNoPhi_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("signal");
        QTest::addColumn<QString>("cause");
        QTest::newRow("invalid write") << QStringLiteral("segv") << int(SIGSEGV) << QStringLiteral("SIGSEGV");
        QTest::newRow("division by zero") << QStringLiteral("fpe") << int(SIGFPE) << QStringLiteral("SIGFPE");
        QTest::newRow("abort") << QStringLiteral("abort") << int(SIGABRT) << QStringLiteral("SIGABRT");
        QTest::newRow("bus error") << QStringLiteral("bus") << int(SIGBUS) << QStringLiteral("SIGBUS");
        QTest::newRow("illegal instruction") << QStringLiteral("ill") << int(SIGILL) << QStringLiteral("SIGILL");
        QTest::newRow("uncaught exception")
            << QStringLiteral("throw") << int(SIGABRT) << QStringLiteral("std::terminate");
    }

    void crashNotesNameTheSignalAndHoldNoPhi()
    {
        QFETCH(QString, mode);
        QFETCH(int, signal);
        QFETCH(QString, cause);
#ifdef UPSTREAM_SANITIZED
        if (mode == QLatin1String("segv") || mode == QLatin1String("fpe"))
            QSKIP("AddressSanitizer/UBSan report a real invalid write or division themselves, before any signal");
#endif
        const QString logDir = tmp.filePath(mode + QStringLiteral("-logs"));
        const Death d = runHelper(mode, logDir, tmp.filePath(mode + QStringLiteral("-stderr.txt")));
        QVERIFY2(d.spawned, UPSTREAM_CRASH_HELPER_PATH);
        QVERIFY2(d.signalled,
                 qPrintable(QStringLiteral("exited with %1 instead of dying of a signal").arg(d.exitCode)));
        QCOMPARE(d.signal, signal);

        const QByteArray note = readFile(crash::noteFile(logDir));
        QVERIFY2(!note.isEmpty(), "no crash note in the log folder");
        QVERIFY2(note.startsWith(QByteArrayLiteral("crash: ") + cause.toUtf8() + '\n'), note.constData());
        QCOMPARE(note.count("crash: "), 1); // one note per crash (terminate does not add a SIGABRT note)
        QVERIFY(note.contains("program: crash_helper\n"));
        QVERIFY(note.contains(QByteArrayLiteral("version: ") + build::kVersion + '\n'));
        QVERIFY(note.contains("\ntime: 20"));
        QVERIFY2(phiIn(note).isEmpty(), qPrintable(phiIn(note).join(u',')));
        QVERIFY2(!note.contains("--patient"), "an argument reached the note");
        QVERIFY2(!note.contains("UPSTREAM_TEST_PATIENT"), "the environment reached the note");
        if (mode == QLatin1String("throw")) {
            QVERIFY2(note.contains("exception: std::runtime_error"), note.constData());
            // The message quotes a row: it is left out altogether, redacted parts and all.
            QVERIFY2(!note.contains("cannot parse") && !note.contains("[PHI:"), note.constData());
        }

        // The log the helper wrote before crashing proves it did carry PHI through the redacting logger.
        const QByteArray log = readFile(logDir + QStringLiteral("/upstream.log"));
        QVERIFY2(log.contains("[PHI:"), log.constData());
        QVERIFY2(phiIn(log).isEmpty(), qPrintable(phiIn(log).join(u',')));
        QVERIFY2(d.err.contains("crash_helper: crashed (" + cause.toUtf8() + ")"), d.err.constData());
        QVERIFY2(phiIn(d.err).isEmpty(), qPrintable(phiIn(d.err).join(u',')));
    }

    void normalExitWritesNoNote()
    {
        const QString logDir = tmp.filePath(QStringLiteral("exit-logs"));
        const Death d = runHelper(QStringLiteral("exit"), logDir, tmp.filePath(QStringLiteral("exit-stderr.txt")));
        QVERIFY(d.spawned);
        QVERIFY(!d.signalled);
        QCOMPARE(d.exitCode, 0);
        QVERIFY(!QFile::exists(crash::noteFile(logDir)));
    }

    void cliErrorLinesAreRedacted()
    {
        // Input values echoed in error lines: an unknown command, and a file that does not exist.
        const QString typed = QStringLiteral("John Smith 219-09-9999 jane.roe@example.com");
        const QString missing = tmp.filePath(QStringLiteral("claims 219-09-9999 jane.roe@example.com.csv"));
        for (const QStringList &args : {QStringList{typed}, QStringList{QStringLiteral("validate"), missing}}) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("XDG_DATA_HOME"), tmp.filePath(QStringLiteral("cli-data")));
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(UPSTREAM_CLI_PATH), args);
            QVERIFY(p.waitForFinished(60000));
            QCOMPARE(p.exitStatus(), QProcess::NormalExit);
            QCOMPARE(p.exitCode(), 2);
            const QByteArray err = p.readAllStandardError();
            QVERIFY2(err.startsWith("upstream: "), err.constData());
            QCOMPARE(err.count('\n'), 1);
            if (args.size() == 1) // the unknown command is quoted back, redacted
                QVERIFY2(err.contains("[PHI:ssn]") && err.contains("[PHI:email]"), err.constData());
            // Names are matched only as a whole payer value, not inside free text, so only the structured values are
            // required to be gone here.
            for (const char *v : {"219-09-9999", "jane.roe@example.com"})
                QVERIFY2(!err.contains(v), err.constData());
        }
    }
};

QTEST_GUILESS_MAIN(TstCrashReportIsScrubbed)
#include "tst_crash_report_is_scrubbed.moc"
