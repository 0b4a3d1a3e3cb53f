// Proves that batch and IT use of a local workspace needs no GUI (issue 17): on a fresh HOME (the test's sealed
// environment: nothing of the workstation exists yet), `upstream workspace create` → `import` → `compute` →
// `signals --json` runs end to end with the password from UPSTREAM_PASSWORD. The signals carry every field SPEC 9
// names (DelayGuard rows the delay figures too) for all three products, `workspace info` counts the imported claims
// and the computed signals, and a second import of the same export changes no claim (claim_ref identity).
#include "WorkspaceCli.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;

class TstHeadlessWorkspaceRoundTrip : public QObject {
    Q_OBJECT
    const QString password = QStringLiteral("synthetic batch password");

private slots:
    void createImportComputeSignals()
    {
        // A fresh HOME: no settings, no data directory of the workstation yet.
        const QDir home = QDir::home();
        QVERIFY2(!home.exists(QStringLiteral(".config/Upstream")) &&
                     !home.exists(QStringLiteral(".local/share/Upstream")),
                 qPrintable(home.path()));
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString ws = tmp.filePath(QStringLiteral("batch")), csv = tmp.filePath(QStringLiteral("export.csv"));
        QCOMPARE(test::runWorkspaceCli({QStringLiteral("demo-data"), QStringLiteral("--rows"), QStringLiteral("200000"),
                                        QStringLiteral("--payers"), QStringLiteral("24"), QStringLiteral("--seed"),
                                        QStringLiteral("14"), QStringLiteral("--as-of"), QStringLiteral("2026-06-01"),
                                        QStringLiteral("--out"), csv},
                                       {})
                     .exitCode,
                 0);

        auto run = [&](const QStringList &args) {
            const test::CliRun r = test::runWorkspaceCli(args, password);
            if (r.exitCode != 0)
                qWarning("%s: %s", qPrintable(args.join(QLatin1Char(' '))), qPrintable(r.err));
            return r;
        };
        QCOMPARE(run({QStringLiteral("workspace"), QStringLiteral("create"), ws}).exitCode, 0);
        const test::CliRun imported =
            run({QStringLiteral("import"), csv, QStringLiteral("--workspace"), ws, QStringLiteral("--json")});
        QCOMPARE(imported.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(imported.out).object();
        const qint64 claims = report.value(QStringLiteral("claims_new")).toInteger();
        QCOMPARE(claims, report.value(QStringLiteral("accepted")).toInteger());
        QVERIFY(claims > 190000);

        const test::CliRun computed =
            run({QStringLiteral("compute"), QStringLiteral("--workspace"), ws, QStringLiteral("--json")});
        QCOMPARE(computed.exitCode, 0);
        const QString asOf = QJsonDocument::fromJson(computed.out).object().value(QStringLiteral("as_of")).toString();
        QCOMPARE(asOf, QStringLiteral("2026-06-01")); // the export's own date, never today

        const test::CliRun listed =
            run({QStringLiteral("signals"), QStringLiteral("--workspace"), ws, QStringLiteral("--json")});
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray signalRows = QJsonDocument::fromJson(listed.out).array();
        QVERIFY(signalRows.size() >= 10);
        QSet<QString> products;
        for (const QJsonValue v : signalRows) {
            const QJsonObject o = v.toObject();
            products.insert(o.value(QStringLiteral("product")).toString());
            for (const char *field :
                 {"product", "signal_type", "payer", "cpt_group", "reason", "severity", "confidence", "baseline_value",
                  "current_value", "delta", "p_value", "dollars", "window_start", "window_end", "status"})
                QVERIFY2(o.contains(QLatin1String(field)), field);
            if (o.value(QStringLiteral("product")) == QLatin1String("delayguard"))
                for (const char *field : {"observed", "expected", "overdue_claims", "overdue_dollars"})
                    QVERIFY2(o.contains(QLatin1String(field)), field);
            if (o.value(QStringLiteral("product")) == QLatin1String("driftwatch"))
                QVERIFY(o.value(QStringLiteral("cpt_group")).toString() != QLatin1String("OTHER"));
        }
        QCOMPARE(products, (QSet<QString>{QStringLiteral("driftwatch"), QStringLiteral("denialscope"),
                                          QStringLiteral("delayguard")}));

        const test::CliRun info =
            run({QStringLiteral("workspace"), QStringLiteral("info"), ws, QStringLiteral("--json")});
        QCOMPARE(info.exitCode, 0);
        const QJsonObject infoJson = QJsonDocument::fromJson(info.out).object();
        QCOMPARE(infoJson.value(QStringLiteral("claims")).toInteger(), claims);
        QCOMPARE(infoJson.value(QStringLiteral("signals")).toInteger(), qint64(signalRows.size()));

        const test::CliRun again =
            run({QStringLiteral("import"), csv, QStringLiteral("--workspace"), ws, QStringLiteral("--json")});
        QCOMPARE(again.exitCode, 0);
        const QJsonObject second = QJsonDocument::fromJson(again.out).object();
        QCOMPARE(second.value(QStringLiteral("claims_unchanged")).toInteger(), claims);
        QVERIFY(second.value(QStringLiteral("duplicate_file")).toBool());
        QCOMPARE(QJsonDocument::fromJson(
                     run({QStringLiteral("workspace"), QStringLiteral("info"), ws, QStringLiteral("--json")}).out)
                     .object()
                     .value(QStringLiteral("claims"))
                     .toInteger(),
                 claims);
    }
};

QTEST_GUILESS_MAIN(TstHeadlessWorkspaceRoundTrip)
#include "tst_headless_workspace_round_trip.moc"
