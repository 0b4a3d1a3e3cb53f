// Proves: both executables print their version with --version and list their commands/options with --help, and the
// CLI follows the exit-code contract (2 for bad usage, with a one-line reason on stderr).
#include "core/BuildInfo.h"

#include <QProcess>
#include <QtTest>

class TstCliVersionAndHelp : public QObject {
    Q_OBJECT

    struct Run {
        int code;
        QString out;
        QString err;
    };
    static Run run(const QString &program, const QStringList &args)
    {
        QProcess p;
        p.start(program, args);
        if (!p.waitForFinished(60000))
            return {-1, {}, QStringLiteral("timeout")};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

private slots:
    void cliVersion()
    {
        const Run r = run(QStringLiteral(UPSTREAM_CLI_PATH), {QStringLiteral("--version")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("upstream %1").arg(QLatin1String(upstream::build::kVersion))));
        QVERIFY(r.out.contains(QLatin1String("SQLCipher 4.")));
    }
    void cliHelpListsCommands()
    {
        const Run r = run(QStringLiteral(UPSTREAM_CLI_PATH), {QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("Commands:")));
        QVERIFY(r.out.contains(QLatin1String("version")));
    }
    void cliBadUsageExitsTwo()
    {
        const Run r = run(QStringLiteral(UPSTREAM_CLI_PATH), {QStringLiteral("no-such-command")});
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
        QVERIFY(r.err.contains(QLatin1String("no-such-command")));
        const Run none = run(QStringLiteral(UPSTREAM_CLI_PATH), {});
        QCOMPARE(none.code, 2);
    }
    void commandHelpAndJson()
    {
        const Run help = run(QStringLiteral(UPSTREAM_CLI_PATH), {QStringLiteral("version"), QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains(QLatin1String("--json")));
        QVERIFY2(help.out.startsWith(QLatin1String("Usage: upstream version")), qPrintable(help.out)); // not the path
        const Run json = run(QStringLiteral(UPSTREAM_CLI_PATH), {QStringLiteral("version"), QStringLiteral("--json")});
        QCOMPARE(json.code, 0);
        QVERIFY(json.out.contains(QLatin1String("\"sqlcipher\":\"4.")));
    }
    void workstationVersionAndHelp()
    {
        const Run v = run(QStringLiteral(UPSTREAM_GUI_PATH), {QStringLiteral("--version")});
        QCOMPARE(v.code, 0);
        QCOMPARE(v.out.trimmed(),
                 QStringLiteral("upstream-workstation %1").arg(QLatin1String(upstream::build::kVersion)));
        const Run h = run(QStringLiteral(UPSTREAM_GUI_PATH), {QStringLiteral("--help")});
        QCOMPARE(h.code, 0);
        QVERIFY(h.out.contains(QLatin1String("--screenshot")));
        QVERIFY(h.out.contains(QLatin1String("--demo")));
    }
};

QTEST_GUILESS_MAIN(TstCliVersionAndHelp)
#include "tst_cli_version_and_help.moc"
