// Proves issue 16 item 8: in a release build both programs turn core dumps off as they start, so a crash can leave
// no core file with claims, PHI or keys in it. Seen from outside (/proc/<pid>/limits: "Max core file size" 0) for
// the CLI blocked reading a FIFO and for the workstation running offscreen, after the test raised its own limit
// (which children inherit); the control is an ordinary child (sleep), which keeps the raised limit. `upstream
// version --json` reports core_dumps false.
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/resource.h>
#include <sys/stat.h>

namespace {

// The soft "Max core file size" of a running process, as the kernel reports it ("unlimited" → -1).
qint64 coreLimitOf(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/limits").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -2;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (!line.startsWith("Max core file size"))
            continue;
        const QList<QByteArray> parts = line.mid(18).simplified().split(' ');
        return parts.value(0) == "unlimited" ? -1 : parts.value(0).toLongLong();
    }
    return -3;
}

qint64 limitWhileRunning(QProcess &p)
{
    if (!p.waitForStarted(10000))
        return -4;
    QTest::qWait(1500); // past main()'s first lines
    const qint64 limit = p.state() == QProcess::Running ? coreLimitOf(p.processId()) : -5;
    p.kill();
    p.waitForFinished(10000);
    return limit;
}

} // namespace

class TstReleaseBuildsLeaveNoCoreDump : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
#ifndef NDEBUG
        QSKIP("a debug build keeps core dumps for developers");
#endif
        rlimit raised{};
        QVERIFY(getrlimit(RLIMIT_CORE, &raised) == 0);
        raised.rlim_cur = raised.rlim_max == RLIM_INFINITY ? rlim_t(1) << 30 : raised.rlim_max;
        QVERIFY(setrlimit(RLIMIT_CORE, &raised) == 0);
        QVERIFY(raised.rlim_cur > 0);
    }

    void ordinaryChildKeepsTheRaisedLimit()
    {
        QProcess sleep;
        sleep.start(QStringLiteral("sleep"), {QStringLiteral("10")});
        QVERIFY(limitWhileRunning(sleep) != 0);
    }

    void cliTurnsCoreDumpsOff()
    {
        QTemporaryDir dir;
        const QByteArray fifo = dir.filePath(QStringLiteral("claims.csv")).toLocal8Bit();
        QCOMPARE(mkfifo(fifo.constData(), 0600), 0);
        QProcess cli;
        cli.start(QStringLiteral(UPSTREAM_CLI_PATH), {QStringLiteral("validate"), QString::fromLocal8Bit(fifo)});
        QCOMPARE(limitWhileRunning(cli), qint64(0));

        QProcess version;
        version.start(QStringLiteral(UPSTREAM_CLI_PATH), {QStringLiteral("version"), QStringLiteral("--json")});
        QVERIFY(version.waitForFinished(30000));
        const QJsonObject o = QJsonDocument::fromJson(version.readAllStandardOutput()).object();
        QVERIFY(o.contains(QStringLiteral("core_dumps")));
        QCOMPARE(o.value(QStringLiteral("core_dumps")).toBool(), false);
    }

    void workstationTurnsCoreDumpsOff()
    {
        QProcess gui;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        gui.setProcessEnvironment(env);
        gui.start(QStringLiteral(UPSTREAM_GUI_PATH), {});
        QCOMPARE(limitWhileRunning(gui), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TstReleaseBuildsLeaveNoCoreDump)
#include "tst_release_builds_leave_no_core_dump.moc"
