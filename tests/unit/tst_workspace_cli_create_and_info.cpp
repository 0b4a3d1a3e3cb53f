// Proves, through the `upstream` CLI alone (no GUI): `workspace create PATH` makes a local workspace with the
// password from UPSTREAM_PASSWORD; `workspace info PATH --json` reports its id, creation time, schema version and
// what it holds (claims, signals, the last day of data) before and after an import and a compute; creating over
// an existing workspace fails (exit 1); no password source is bad usage (exit 2); importing into a path with no
// workspace says which command creates one.
#include "storage/cache/LocalCache.h"

#include "WorkspaceCli.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;

class TstWorkspaceCliCreateAndInfo : public QObject {
    Q_OBJECT
    QTemporaryDir tmp;
    const QString password = QStringLiteral("synthetic workspace password");

private slots:
    void createImportComputeInfo()
    {
        QVERIFY(tmp.isValid());
        const QString ws = tmp.filePath(QStringLiteral("batch-ws"));
        const QString csv = tmp.filePath(QStringLiteral("claims.csv"));

        // Before it exists: import names the command that creates one.
        QCOMPARE(test::runWorkspaceCli({QStringLiteral("demo-data"), QStringLiteral("--rows"), QStringLiteral("60000"),
                                        QStringLiteral("--payers"), QStringLiteral("32"), QStringLiteral("--as-of"),
                                        QStringLiteral("2026-06-01"), QStringLiteral("--out"), csv},
                                       {})
                     .exitCode,
                 0);
        const test::CliRun missing =
            test::runWorkspaceCli({QStringLiteral("import"), csv, QStringLiteral("--workspace"), ws}, password);
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(QLatin1String("upstream workspace create")), qPrintable(missing.err));

        QCOMPARE(test::runWorkspaceCli({QStringLiteral("workspace"), QStringLiteral("create"), ws}, {}).exitCode, 2);
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        const test::CliRun created = test::runWorkspaceCli(
            {QStringLiteral("workspace"), QStringLiteral("create"), ws, QStringLiteral("--json")}, password);
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        const QJsonObject c = QJsonDocument::fromJson(created.out).object();
        QVERIFY(!c.value(QStringLiteral("workspace_id")).toString().isEmpty());
        const QDateTime at = QDateTime::fromString(c.value(QStringLiteral("created")).toString(), Qt::ISODate);
        QVERIFY(at.isValid() && at >= before);
        QCOMPARE(c.value(QStringLiteral("schema_version")).toInt(), storage::LocalCache::kSchemaVersion);
        QCOMPARE(c.value(QStringLiteral("claims")).toInteger(), 0);
        QCOMPARE(c.value(QStringLiteral("signals")).toInteger(), 0);
        QVERIFY(c.value(QStringLiteral("data_through")).isNull());
        QVERIFY(!created.out.contains("\"key\"")); // the wrapped key is never printed

        const test::CliRun again =
            test::runWorkspaceCli({QStringLiteral("workspace"), QStringLiteral("create"), ws}, password);
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains(QLatin1String("already exists")));

        const test::CliRun imported = test::runWorkspaceCli(
            {QStringLiteral("import"), csv, QStringLiteral("--workspace"), ws, QStringLiteral("--json")}, password);
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        const qint64 accepted =
            QJsonDocument::fromJson(imported.out).object().value(QStringLiteral("accepted")).toInteger();
        QVERIFY(accepted > 50000);
        const test::CliRun computed =
            test::runWorkspaceCli({QStringLiteral("compute"), QStringLiteral("--workspace"), ws}, password);
        QVERIFY2(computed.exitCode == 0, qPrintable(computed.err));

        const test::CliRun info = test::runWorkspaceCli(
            {QStringLiteral("workspace"), QStringLiteral("info"), ws, QStringLiteral("--json")}, password);
        QVERIFY2(info.exitCode == 0, qPrintable(info.err));
        const QJsonObject i = QJsonDocument::fromJson(info.out).object();
        QCOMPARE(i.value(QStringLiteral("workspace_id")), c.value(QStringLiteral("workspace_id")));
        QCOMPARE(i.value(QStringLiteral("created")), c.value(QStringLiteral("created")));
        QCOMPARE(i.value(QStringLiteral("claims")).toInteger(), accepted);
        QVERIFY(i.value(QStringLiteral("signals")).toInteger() > 0);
        QCOMPARE(i.value(QStringLiteral("data_through")).toString(), QStringLiteral("2026-05-31"));

        QCOMPARE(
            test::runWorkspaceCli({QStringLiteral("workspace"), QStringLiteral("info"), ws}, QStringLiteral("wrong"))
                .exitCode,
            1);
        QCOMPARE(test::runWorkspaceCli({QStringLiteral("workspace"), QStringLiteral("rename"), ws}, password).exitCode,
                 2);
    }
};

QTEST_GUILESS_MAIN(TstWorkspaceCliCreateAndInfo)
#include "tst_workspace_cli_create_and_info.moc"
