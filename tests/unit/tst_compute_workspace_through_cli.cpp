// Proves, through the `upstream` CLI on a local workspace (no server): `compute --workspace` recomputes from the
// workspace's stored daily aggregates and, for the same as-of date as the demo fill, finds the same signals
// (all updated in place, none new, no second alert); `signals --workspace --json` lists them with the SPEC 9
// fields; a wrong workspace password fails with exit 1 and one line; no password source is bad usage (exit 2).
#include "compute/ComputeSignals.h"
#include "security/SecretStore.h"
#include "storage/cache/LocalCache.h"
#include "workspace/DemoWorkspace.h"
#include "workspace/Workspace.h"

#include "WorkspaceCli.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;

namespace {

using test::CliRun;

CliRun cli(const QStringList &args, const QString &password)
{
    return test::runWorkspaceCli(args, password);
}

} // namespace

class TstComputeWorkspaceThroughCli : public QObject {
    Q_OBJECT
    QTemporaryDir tmp;
    QString dir;
    const QString password = QStringLiteral("synthetic workspace password");
    int demoSignals = 0, demoAlerts = 0;

private slots:
    void initTestCase()
    {
        dir = tmp.filePath(QStringLiteral("ws"));
        // The CLI opens workspaces through the default keychain service, so the workspace is created with it.
        security::SecretStore secrets;
        workspace::WorkspaceOpener opener(&secrets);
        std::optional<Result<workspace::OpenedWorkspace>> out;
        opener.create(dir, password, [&](Result<workspace::OpenedWorkspace> r) { out = std::move(r); });
        QVERIFY(QTest::qWaitFor([&] { return out.has_value(); }, 60000));
        QVERIFY(out->ok());
        auto cache = out->value().cache;
        const Status st = workspace::populateDemoWorkspace(*cache);
        if (!st.ok())
            QFAIL(qPrintable(st.error().message));
        auto list = compute::listLocalSignals(*cache, {});
        QVERIFY(list.ok());
        demoSignals = int(list.value().size());
        for (const QJsonValue v : list.value())
            demoAlerts += v.toObject().value(QStringLiteral("status")).toString() != QLatin1String("none") ? 1 : 0;
        QVERIFY(demoSignals > 0 && demoAlerts > 0);
        cache->close();
    }

    void recomputeFromStoredAggregatesIsIdempotent()
    {
        const CliRun r = cli({QStringLiteral("compute"), QStringLiteral("--workspace"), dir, QStringLiteral("--as-of"),
                              QDate::currentDate().toString(Qt::ISODate), QStringLiteral("--json")},
                             password);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("signals")).toInt(), demoSignals);
        QCOMPARE(o.value(QStringLiteral("signals_inserted")).toInt(), 0);
        QCOMPARE(o.value(QStringLiteral("signals_updated")).toInt(), demoSignals);
        QCOMPARE(o.value(QStringLiteral("alerts_created")).toInt(), 0);
    }

    void signalsJsonFromWorkspace()
    {
        const CliRun r =
            cli({QStringLiteral("signals"), QStringLiteral("--workspace"), dir, QStringLiteral("--json")}, password);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray list = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(int(list.size()), demoSignals);
        int alerted = 0;
        for (const QJsonValue v : list) {
            const QJsonObject o = v.toObject();
            for (const char *key :
                 {"product", "signal_type", "payer", "cpt_group", "reason", "severity", "confidence", "baseline_value",
                  "current_value", "delta", "p_value", "dollars", "window_start", "window_end", "status"})
                QVERIFY2(o.contains(QLatin1String(key)), key);
            alerted += o.value(QStringLiteral("status")).toString() != QLatin1String("none") ? 1 : 0;
        }
        QCOMPARE(alerted, demoAlerts);
    }

    void wrongPasswordAndMissingPassword()
    {
        const CliRun wrong =
            cli({QStringLiteral("compute"), QStringLiteral("--workspace"), dir}, QStringLiteral("not the password"));
        QCOMPARE(wrong.exitCode, 1);
        QCOMPARE(wrong.err.trimmed().count(QLatin1Char('\n')), 0);
        QCOMPARE(cli({QStringLiteral("signals"), QStringLiteral("--workspace"), dir}, {}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TstComputeWorkspaceThroughCli)
#include "tst_compute_workspace_through_cli.moc"
