// Proves SPEC 3's identity rule on live exports, through the `upstream` CLI, on PostgreSQL and on a local
// workspace: a demo export taken on D is imported, then an overlapping export taken on D+7 (the same claims in a
// newer state, pending ones decided, unpaid ones paid, plus a week of new claims). Afterwards the target holds
// each claim once, and `compute` + `signals --json` give exactly the signals of a target that only ever imported
// the D+7 export. The second import's report counts claims_new / claims_updated / claims_unchanged exactly as an
// independent reading of the two CSV files says (claim_ref → row, compared as text). Importing the D+7 export a
// second time changes nothing: every claim unchanged, and the file is flagged as imported before.
#include "UpstreamSchema.h"
#include "WorkspaceCli.h"

#include "security/SecretStore.h"
#include "workspace/Workspace.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <map>

using namespace upstream;

namespace {

const QDate kExportDay(2026, 6, 1);
const QString kPassword = QStringLiteral("synthetic workspace password");

struct Expected {
    qint64 rowsD = 0, rowsLater = 0, created = 0, updated = 0, unchanged = 0;
};

// claim_ref (the last column) → the rest of the row, as text.
std::map<QByteArray, QByteArray> rowsByRef(const QString &path)
{
    std::map<QByteArray, QByteArray> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    f.readLine(); // header
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        const qsizetype cut = line.lastIndexOf(',');
        out.emplace(line.mid(cut + 1), line.left(cut));
    }
    return out;
}

Expected expectedCounts(const QString &d, const QString &later)
{
    const auto a = rowsByRef(d), b = rowsByRef(later);
    Expected e;
    e.rowsD = qint64(a.size());
    e.rowsLater = qint64(b.size());
    for (const auto &[ref, row] : b) {
        const auto it = a.find(ref);
        if (it == a.end())
            ++e.created;
        else if (it->second == row)
            ++e.unchanged;
        else
            ++e.updated;
    }
    return e;
}

// Signals by fingerprint, without the per-target bookkeeping of alerts.
std::map<QString, QJsonObject> signalsOf(const QByteArray &json)
{
    std::map<QString, QJsonObject> out;
    for (const QJsonValue v : QJsonDocument::fromJson(json).array()) {
        QJsonObject o = v.toObject();
        for (const char *k : {"alert_id", "alert_status", "status", "signal_id", "computed_at", "customer_id"})
            o.remove(QLatin1String(k));
        out.emplace(o.value(QStringLiteral("fingerprint")).toString(), o);
    }
    return out;
}

} // namespace

class TstReexportUpdatesClaims : public QObject {
    Q_OBJECT
    QTemporaryDir tmp;
    QString exportD, exportLater;
    Expected expected;
    std::optional<test::PgFixture> fx;
    std::unique_ptr<test::MigratedDatabase> db;

    // A target: the arguments that select it and the password the CLI reads.
    struct Target {
        QStringList args;
        QString password;
    };

    QJsonObject importInto(const QString &csv, const Target &t)
    {
        const test::CliRun r = test::runWorkspaceCli(
            QStringList{QStringLiteral("import"), csv, QStringLiteral("--json")} + t.args, t.password);
        if (r.exitCode != 0)
            qWarning("import: %s", qPrintable(r.err));
        return QJsonDocument::fromJson(r.out).object();
    }

    std::map<QString, QJsonObject> computeAndList(const Target &t)
    {
        const test::CliRun c = test::runWorkspaceCli(
            QStringList{QStringLiteral("compute"), QStringLiteral("--json")} + t.args, t.password);
        if (c.exitCode != 0)
            qWarning("compute: %s", qPrintable(c.err));
        const test::CliRun s = test::runWorkspaceCli(
            QStringList{QStringLiteral("signals"), QStringLiteral("--json")} + t.args, t.password);
        if (s.exitCode != 0)
            qWarning("signals: %s", qPrintable(s.err));
        return signalsOf(s.out);
    }

    Target workspace(const QString &name)
    {
        const QString dir = tmp.filePath(name);
        const test::CliRun r =
            test::runWorkspaceCli({QStringLiteral("workspace"), QStringLiteral("create"), dir}, kPassword);
        if (r.exitCode != 0)
            qWarning("workspace create: %s", qPrintable(r.err));
        return {{QStringLiteral("--workspace"), dir}, kPassword};
    }

    Target server(const QString &customerName)
    {
        const qint64 customer = db->createCustomer(customerName).value_or(0);
        const auto analyst = db->createUser(customer, QStringLiteral("analyst"));
        if (!analyst)
            return {};
        return {{QStringLiteral("--db"), db->conninfoFor(*analyst)}, analyst->password};
    }

    void checkReexport(const Target &twice, const Target &once)
    {
        const QJsonObject first = importInto(exportD, twice);
        QCOMPARE(first.value(QStringLiteral("claims_new")).toInteger(), expected.rowsD);
        QCOMPARE(first.value(QStringLiteral("claims_updated")).toInteger(), 0);
        QCOMPARE(first.value(QStringLiteral("claims_unchanged")).toInteger(), 0);

        const QJsonObject second = importInto(exportLater, twice);
        QCOMPARE(second.value(QStringLiteral("accepted")).toInteger(), expected.rowsLater);
        QCOMPARE(second.value(QStringLiteral("claims_new")).toInteger(), expected.created);
        QCOMPARE(second.value(QStringLiteral("claims_updated")).toInteger(), expected.updated);
        QCOMPARE(second.value(QStringLiteral("claims_unchanged")).toInteger(), expected.unchanged);
        QCOMPARE(second.value(QStringLiteral("claims_loaded")).toInteger(), expected.rowsLater);
        QVERIFY(!second.value(QStringLiteral("duplicate_file")).toBool());
        QVERIFY(second.value(QStringLiteral("file_warnings")).toArray().isEmpty()); // every row has a claim_ref

        const QJsonObject onlyLater = importInto(exportLater, once);
        QCOMPARE(onlyLater.value(QStringLiteral("claims_new")).toInteger(), expected.rowsLater);

        const auto a = computeAndList(twice), b = computeAndList(once);
        int products = 0;
        for (const char *p : {"driftwatch", "denialscope", "delayguard"})
            products += std::any_of(a.begin(), a.end(), [&](const auto &kv) {
                return kv.second.value(QStringLiteral("product")).toString() == QLatin1String(p);
            });
        QCOMPARE(products, 3); // the comparison covers every product
        qInfo("D then D+7: %zu signals; only D+7: %zu signals", a.size(), b.size());
        QCOMPARE(a.size(), b.size());
        for (const auto &[fp, o] : b) {
            const auto it = a.find(fp);
            QVERIFY2(it != a.end(), QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
            QCOMPARE(it->second, o);
        }

        // The same export again: nothing changes, and the analyst is told it was imported before.
        const QJsonObject again = importInto(exportLater, twice);
        QCOMPARE(again.value(QStringLiteral("claims_unchanged")).toInteger(), expected.rowsLater);
        QCOMPARE(again.value(QStringLiteral("claims_new")).toInteger() +
                     again.value(QStringLiteral("claims_updated")).toInteger(),
                 0);
        QVERIFY(again.value(QStringLiteral("duplicate_file")).toBool());
        const auto c = computeAndList(twice);
        QCOMPARE(c.size(), b.size());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(tmp.isValid());
        exportD = tmp.filePath(QStringLiteral("export-d.csv"));
        exportLater = tmp.filePath(QStringLiteral("export-d7.csv"));
        const QStringList common{
            QStringLiteral("demo-data"), QStringLiteral("--rows"),  QStringLiteral("200000"),
            QStringLiteral("--seed"),    QStringLiteral("14"),      QStringLiteral("--payers"),
            QStringLiteral("24"),        QStringLiteral("--as-of"), kExportDay.toString(Qt::ISODate)};
        QCOMPARE(test::runWorkspaceCli(common + QStringList{QStringLiteral("--out"), exportD}, {}).exitCode, 0);
        QCOMPARE(test::runWorkspaceCli(common + QStringList{QStringLiteral("--exported-on"),
                                                            kExportDay.addDays(7).toString(Qt::ISODate),
                                                            QStringLiteral("--out"), exportLater},
                                       {})
                     .exitCode,
                 0);
        expected = expectedCounts(exportD, exportLater);
        qInfo("export D: %lld claims; D+7: %lld claims (%lld new, %lld changed, %lld as they were)", expected.rowsD,
              expected.rowsLater, expected.created, expected.updated, expected.unchanged);
        // A live re-export: most of D's claims are in it, many in a newer state, and there are new ones.
        QVERIFY(expected.rowsD > 100000);
        QCOMPARE(expected.created + expected.updated + expected.unchanged, expected.rowsLater);
        QCOMPARE(expected.updated + expected.unchanged, expected.rowsD);
        QVERIFY(expected.updated > expected.rowsD / 50);
        QVERIFY(expected.created > 0 && expected.unchanged > 0);
    }

    void workspaceReexportEqualsTheLaterExportAlone()
    {
        checkReexport(workspace(QStringLiteral("twice")), workspace(QStringLiteral("once")));
    }

    void postgresReexportEqualsTheLaterExportAlone()
    {
        fx = test::PgFixture::load();
        QVERIFY2(fx.has_value(), "the pg fixture is not running ($UPSTREAM_TEST_PG)");
        db = std::make_unique<test::MigratedDatabase>(*fx, QStringLiteral("reexport"));
        QVERIFY2(db->ok(), qPrintable(db->error()));
        const Target twice = server(QStringLiteral("Re-export Clinic")), once = server(QStringLiteral("Later Clinic"));
        QVERIFY(!twice.args.isEmpty() && !once.args.isEmpty());
        checkReexport(twice, once);
        // Each claim is stored once: the identity index holds, whatever the number of exports.
        auto dup = db->superuser().exec("SELECT count(*) - count(DISTINCT (customer_id, claim_ref_hmac)) FROM "
                                        "upstream.claims WHERE claim_ref_hmac IS NOT NULL");
        QVERIFY(dup.ok());
        QCOMPARE(dup->int64(0, 0), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TstReexportUpdatesClaims)
#include "tst_reexport_updates_claims.moc"
