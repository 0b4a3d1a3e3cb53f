#pragma once
// A PostgreSQL cluster of the test's own (tests/fixtures/pg_cluster.sh), for tests that stop and restart the
// server — the shared fixture cluster must stay up for the tests running beside them.
#include "TestPg.h"

#include <QTemporaryDir>

#include <optional>

namespace upstream::test {

class PrivateCluster {
public:
    PrivateCluster();
    ~PrivateCluster(); // stops the server and deletes its files

    bool ok() const { return m_fixture.has_value(); }
    QString error() const { return m_error; }
    const PgFixture &fixture() const { return *m_fixture; }
    bool pause();  // server down, data kept
    bool resume(); // same port again

private:
    bool run(const QString &command);
    QTemporaryDir m_dir;
    QString m_clusterDir;
    std::optional<PgFixture> m_fixture;
    QString m_error;
};

} // namespace upstream::test
