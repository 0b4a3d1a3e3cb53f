#pragma once
// Runs the real `upstream` CLI for tests on local workspaces: UPSTREAM_PASSWORD set to `password` (removed when
// empty, so a test can check the "no password source" path), the rest of the environment inherited.
#include <QProcess>
#include <QStringList>

namespace upstream::test {

struct CliRun {
    int exitCode = -1; // -1: crashed or timed out
    QByteArray out;
    QString err;
};

inline CliRun runWorkspaceCli(const QStringList &args, const QString &password, int timeoutMs = 300000)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("UPSTREAM_PASSWORD"));
    if (!password.isEmpty())
        env.insert(QStringLiteral("UPSTREAM_PASSWORD"), password);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(UPSTREAM_CLI_PATH), args);
    p.waitForFinished(timeoutMs);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace upstream::test
