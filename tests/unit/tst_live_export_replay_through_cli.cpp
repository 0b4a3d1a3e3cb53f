// Proves, through the `upstream` CLI on local workspaces (no server), SPEC 6's rules for live exports:
// - replay: a demo export taken on D and one taken 30 days later (the same claims in a newer state plus a month
//   of new ones), each imported into its own workspace; `compute --as-of D` on the later one gives exactly the
//   signals `compute` gives on the export cut at D (same fingerprints and figures);
// - default as-of: `compute` with no --as-of uses the export's own date (the day after its newest submitted or
//   decided date), never today;
// - SPEC 6's DelayGuard reference case as a CSV export: import accepts 256 rows, 40 of them pending, and compute
//   finds one adjudication_delay signal with O 16, E 32, Δ 8 days, 14 overdue claims, $1,400 at risk.
#include "security/SecretStore.h"
#include "storage/cache/LocalCache.h"
#include "workspace/Workspace.h"

#include "WorkspaceCli.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <map>

using namespace upstream;

namespace {

const QDate kAsOf(2026, 6, 1);

using test::CliRun;

CliRun cli(const QStringList &args, const QString &password = {})
{
    return test::runWorkspaceCli(args, password);
}

// Signals by fingerprint, without the alert bookkeeping (ids and status differ between workspaces).
std::map<QString, QJsonObject> signalsOf(const QByteArray &json)
{
    std::map<QString, QJsonObject> out;
    for (const QJsonValue v : QJsonDocument::fromJson(json).array()) {
        QJsonObject o = v.toObject();
        o.remove(QStringLiteral("alert_id"));
        out.emplace(o.value(QStringLiteral("fingerprint")).toString(), o);
    }
    return out;
}

} // namespace

class TstLiveExportReplayThroughCli : public QObject {
    Q_OBJECT
    QTemporaryDir tmp;
    const QString password = QStringLiteral("synthetic workspace password");

    QString createWorkspace(const QString &name)
    {
        const QString dir = tmp.filePath(name);
        security::SecretStore secrets;
        workspace::WorkspaceOpener opener(&secrets);
        std::optional<Result<workspace::OpenedWorkspace>> out;
        opener.create(dir, password, [&](Result<workspace::OpenedWorkspace> r) { out = std::move(r); });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 60000) || !out->ok())
            return {};
        out->value().cache->close();
        return dir;
    }

    QJsonObject importInto(const QString &csv, const QString &ws)
    {
        const CliRun r =
            cli({QStringLiteral("import"), csv, QStringLiteral("--workspace"), ws, QStringLiteral("--json")}, password);
        if (r.exitCode != 0)
            qWarning("import: %s", qPrintable(r.err));
        return QJsonDocument::fromJson(r.out).object();
    }

private slots:
    void laterExportReplayedAtDGivesTheSignalsOfTheExportCutAtD()
    {
        QVERIFY(tmp.isValid());
        const QString cut = tmp.filePath(QStringLiteral("cut.csv")), later = tmp.filePath(QStringLiteral("later.csv"));
        const QStringList common{QStringLiteral("demo-data"), QStringLiteral("--rows"),  QStringLiteral("300000"),
                                 QStringLiteral("--seed"),    QStringLiteral("9"),       QStringLiteral("--payers"),
                                 QStringLiteral("32"),        QStringLiteral("--as-of"), kAsOf.toString(Qt::ISODate)};
        QCOMPARE(cli(common + QStringList{QStringLiteral("--out"), cut}).exitCode, 0);
        QCOMPARE(cli(common + QStringList{QStringLiteral("--exported-on"), kAsOf.addDays(30).toString(Qt::ISODate),
                                          QStringLiteral("--out"), later})
                     .exitCode,
                 0);
        QVERIFY(QFileInfo(later).size() > QFileInfo(cut).size());

        const QString wsCut = createWorkspace(QStringLiteral("cut")),
                      wsLater = createWorkspace(QStringLiteral("later"));
        QVERIFY(!wsCut.isEmpty() && !wsLater.isEmpty());
        const QJsonObject a = importInto(cut, wsCut), b = importInto(later, wsLater);
        // A live export: its pending claims are accepted rows, counted, never rejected.
        QVERIFY2(a.value(QStringLiteral("pending")).toInteger() > 1000, QJsonDocument(a).toJson().constData());
        QCOMPARE(a.value(QStringLiteral("rejected")).toInteger(), 0);
        QVERIFY(b.value(QStringLiteral("pending")).toInteger() > 1000);
        QVERIFY(b.value(QStringLiteral("accepted")).toInteger() > a.value(QStringLiteral("accepted")).toInteger());

        // No --as-of: the cut export's own date, D.
        const CliRun ca =
            cli({QStringLiteral("compute"), QStringLiteral("--workspace"), wsCut, QStringLiteral("--json")}, password);
        QVERIFY2(ca.exitCode == 0, qPrintable(ca.err));
        QCOMPARE(QJsonDocument::fromJson(ca.out).object().value(QStringLiteral("as_of")).toString(),
                 kAsOf.toString(Qt::ISODate));
        // The later export's own date is later; replayed at D it must show what was known on D.
        const CliRun cbDefault = cli(
            {QStringLiteral("compute"), QStringLiteral("--workspace"), wsLater, QStringLiteral("--json")}, password);
        QVERIFY2(cbDefault.exitCode == 0, qPrintable(cbDefault.err));
        QCOMPARE(QJsonDocument::fromJson(cbDefault.out).object().value(QStringLiteral("as_of")).toString(),
                 kAsOf.addDays(30).toString(Qt::ISODate));
        const QString wsReplay = createWorkspace(QStringLiteral("replay"));
        QVERIFY(!wsReplay.isEmpty());
        importInto(later, wsReplay);
        const CliRun cb = cli({QStringLiteral("compute"), QStringLiteral("--workspace"), wsReplay,
                               QStringLiteral("--as-of"), kAsOf.toString(Qt::ISODate), QStringLiteral("--json")},
                              password);
        QVERIFY2(cb.exitCode == 0, qPrintable(cb.err));

        const CliRun la =
            cli({QStringLiteral("signals"), QStringLiteral("--workspace"), wsCut, QStringLiteral("--json")}, password);
        const CliRun lb = cli(
            {QStringLiteral("signals"), QStringLiteral("--workspace"), wsReplay, QStringLiteral("--json")}, password);
        QCOMPARE(la.exitCode, 0);
        QCOMPARE(lb.exitCode, 0);
        const auto sa = signalsOf(la.out), sb = signalsOf(lb.out);
        int products = 0;
        for (const char *p : {"driftwatch", "denialscope", "delayguard"})
            products +=
                std::any_of(sa.begin(), sa.end(),
                            [&](const auto &kv) {
                                return kv.second.value(QStringLiteral("product")).toString() == QLatin1String(p);
                            })
                    ? 1
                    : 0;
        QCOMPARE(products, 3);
        qInfo("export cut at %s: %zu signals; export taken 30 days later, replayed at %s: %zu signals",
              qPrintable(kAsOf.toString(Qt::ISODate)), sa.size(), qPrintable(kAsOf.toString(Qt::ISODate)), sb.size());
        QCOMPARE(sb.size(), sa.size());
        for (const auto &[fp, o] : sa) {
            const auto it = sb.find(fp);
            QVERIFY2(it != sb.end(), QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
            QCOMPARE(it->second, o);
        }
    }

    void delayGuardReferenceCaseThroughImport()
    {
        // SPEC 6: 200 reference claims submitted over [T−118, T−28) with lags 10–14 days, 2 a day over [T−28, T)
        // with lags 18–22; a claim not decided before T is a PENDING row; no payment dates; billed $100 each.
        const QString csv = tmp.filePath(QStringLiteral("delayguard-reference.csv"));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Payer Name,CPT Code,Date Submitted,decided_date,Claim Status,billed_amount,claim_ref\n");
        int ref = 0;
        auto row = [&](QDate submitted, int lag) {
            const QDate decided = submitted.addDays(lag);
            const bool pending = decided >= kAsOf;
            f.write(QStringLiteral("Harborview Mutual,99213,%1,%2,%3,100.00,R%4\n")
                        .arg(submitted.toString(Qt::ISODate), pending ? QString() : decided.toString(Qt::ISODate),
                             pending ? QStringLiteral("Pending") : QStringLiteral("Paid"))
                        .arg(++ref)
                        .toUtf8());
        };
        for (int i = 0; i < 200; ++i)
            row(kAsOf.addDays(-118 + (90 * i) / 200), 10 + i % 5);
        for (int i = 0; i < 56; ++i)
            row(kAsOf.addDays(-28 + i / 2), 18 + i % 5);
        f.close();

        const QString ws = createWorkspace(QStringLiteral("reference"));
        QVERIFY(!ws.isEmpty());
        const QJsonObject imported = importInto(csv, ws);
        QCOMPARE(imported.value(QStringLiteral("accepted")).toInteger(), 256);
        QCOMPARE(imported.value(QStringLiteral("pending")).toInteger(), 40);
        QCOMPARE(imported.value(QStringLiteral("rejected")).toInteger(), 0);
        const CliRun c =
            cli({QStringLiteral("compute"), QStringLiteral("--workspace"), ws, QStringLiteral("--json")}, password);
        QVERIFY2(c.exitCode == 0, qPrintable(c.err));
        QCOMPARE(QJsonDocument::fromJson(c.out).object().value(QStringLiteral("as_of")).toString(),
                 kAsOf.toString(Qt::ISODate));
        const CliRun s =
            cli({QStringLiteral("signals"), QStringLiteral("--workspace"), ws, QStringLiteral("--json")}, password);
        QCOMPARE(s.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(s.out).array();
        QCOMPARE(list.size(), 1);
        const QJsonObject o = list.at(0).toObject();
        QCOMPARE(o.value(QStringLiteral("product")).toString(), QStringLiteral("delayguard"));
        QCOMPARE(o.value(QStringLiteral("signal_type")).toString(), QStringLiteral("adjudication_delay"));
        QCOMPARE(o.value(QStringLiteral("observed")).toDouble(), 16.0);
        QVERIFY(std::abs(o.value(QStringLiteral("expected")).toDouble() - 32.0) < 1e-9);
        QCOMPARE(o.value(QStringLiteral("delta")).toDouble(), 8.0);
        QCOMPARE(o.value(QStringLiteral("baseline_value")).toDouble(), 12.0);
        QCOMPARE(o.value(QStringLiteral("current_value")).toDouble(), 20.0);
        QCOMPARE(o.value(QStringLiteral("severity")).toString(), QStringLiteral("high"));
        QVERIFY(std::abs(o.value(QStringLiteral("confidence")).toDouble() - 0.86) < 1e-9);
        QCOMPARE(o.value(QStringLiteral("overdue_claims")).toInteger(), 14);
        QCOMPARE(o.value(QStringLiteral("overdue_dollars")).toDouble(), 1400.0);
        QCOMPARE(o.value(QStringLiteral("dollars")).toDouble(), 1400.0);
        QCOMPARE(o.value(QStringLiteral("window_start")).toString(), kAsOf.addDays(-28).toString(Qt::ISODate));
        QCOMPARE(o.value(QStringLiteral("window_end")).toString(), kAsOf.toString(Qt::ISODate));
    }
};

QTEST_GUILESS_MAIN(TstLiveExportReplayThroughCli)
#include "tst_live_export_replay_through_cli.moc"
