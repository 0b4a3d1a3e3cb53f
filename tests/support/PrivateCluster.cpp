#include "PrivateCluster.h"

#include <QFile>
#include <QProcess>

namespace upstream::test {

PrivateCluster::PrivateCluster()
{
    m_clusterDir = m_dir.filePath(QStringLiteral("cluster"));
    // The server runs as the postgres user (as root, pg_cluster.sh drops to it): it must reach the cluster folder.
    QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                                            QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    if (run(QStringLiteral("start")))
        m_fixture = PgFixture::loadFrom(m_clusterDir + QStringLiteral("/conninfo"));
}

PrivateCluster::~PrivateCluster()
{
    run(QStringLiteral("stop"));
}

bool PrivateCluster::pause()
{
    return run(QStringLiteral("pause"));
}
bool PrivateCluster::resume()
{
    return run(QStringLiteral("resume"));
}

bool PrivateCluster::run(const QString &command)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(UPSTREAM_SOURCE_DIR "/tests/fixtures/pg_cluster.sh"), {command, m_clusterDir});
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        m_error = QStringLiteral("pg_cluster.sh %1 failed: %2").arg(command, QString::fromUtf8(p.readAll()));
        return false;
    }
    return true;
}

} // namespace upstream::test
