// Proves `upstream mappings list|set|import` on PostgreSQL and on a local workspace: mappings set and imported
// there are listed back (--json, kinds filtered), and the next claim import applies them — a payer spelled in any
// case and spacing lands as the mapped payer, a mapped CPT code in the customer's group, an unmapped one in its
// default group. A mapping file with one bad row saves nothing and names the row (exit 2); an unknown kind is bad
// usage (exit 2); a viewer's change is refused by the database (exit 1).
#include "UpstreamSchema.h"
#include "WorkspaceCli.h"

#include "security/SecretStore.h"
#include "storage/cache/LocalCache.h"
#include "workspace/Workspace.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;

namespace {

const QString kPassword = QStringLiteral("synthetic workspace password");
const char kClaims[] = "payer,cpt,submitted_date,decided_date,outcome,claim_ref\n"
                       "AETNA INC.,97110,2026-06-01,2026-06-10,PAID,M-1\n"
                       "  aetna   inc. ,97140,2026-06-01,2026-06-10,DENIED,M-2\n"
                       "Cigna,99213,2026-06-02,2026-06-11,PAID,M-3\n";

} // namespace

class TstMappingsCli : public QObject {
    Q_OBJECT
    QTemporaryDir tmp;
    std::optional<test::PgFixture> fx;
    std::unique_ptr<test::MigratedDatabase> db;

    QString write(const QString &name, const QByteArray &text)
    {
        const QString path = tmp.filePath(name);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(text);
        return path;
    }

    // Sets, imports and lists mappings on one target; returns the listed JSON.
    void mapOnTarget(const QStringList &target, const QString &password)
    {
        auto run = [&](QStringList args) {
            return test::runWorkspaceCli(QStringList{QStringLiteral("mappings")} + args + target, password);
        };
        const test::CliRun set = run({QStringLiteral("set"), QStringLiteral("AETNA INC."), QStringLiteral("Aetna")});
        QVERIFY2(set.exitCode == 0, qPrintable(set.err));
        const QString groups = write(QStringLiteral("groups.csv"), "cpt,cpt_group\n97110,THERAPY\n97530,THERAPY\n");
        const test::CliRun imp = run({QStringLiteral("import"), groups, QStringLiteral("--kind"),
                                      QStringLiteral("cpt-group"), QStringLiteral("--json")});
        QVERIFY2(imp.exitCode == 0, qPrintable(imp.err));
        QCOMPARE(QJsonDocument::fromJson(imp.out).object().value(QStringLiteral("saved")).toInteger(), 2);

        const QString bad = write(QStringLiteral("bad.csv"), "97161,THERAPY\n97150,\n");
        const test::CliRun refused =
            run({QStringLiteral("import"), bad, QStringLiteral("--kind"), QStringLiteral("cpt-group")});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QLatin1String("row 2")), qPrintable(refused.err));
        QCOMPARE(run({QStringLiteral("list"), QStringLiteral("--kind"), QStringLiteral("cpt")}).exitCode, 2);

        const test::CliRun all = run({QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(all.exitCode == 0, qPrintable(all.err));
        const QJsonArray rows = QJsonDocument::fromJson(all.out).array();
        QStringList seen;
        for (const QJsonValue v : rows)
            seen << v[QStringLiteral("kind")].toString() + QLatin1Char(' ') + v[QStringLiteral("from")].toString() +
                        QStringLiteral("→") + v[QStringLiteral("to")].toString();
        QCOMPARE(seen, (QStringList{QStringLiteral("payer aetna inc.→Aetna"), QStringLiteral("cpt-group 97110→THERAPY"),
                                    QStringLiteral("cpt-group 97530→THERAPY")}));
        const test::CliRun payersOnly =
            run({QStringLiteral("list"), QStringLiteral("--kind"), QStringLiteral("payer"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(payersOnly.out).array().size(), 1);

        const test::CliRun claims = test::runWorkspaceCli(
            QStringList{QStringLiteral("import"), write(QStringLiteral("claims.csv"), kClaims)} + target, password);
        QVERIFY2(claims.exitCode == 0, qPrintable(claims.err));
    }

private slots:
    void workspaceMappingsApplyOnImport()
    {
        QVERIFY(tmp.isValid());
        const QString dir = tmp.filePath(QStringLiteral("ws"));
        QCOMPARE(
            test::runWorkspaceCli({QStringLiteral("workspace"), QStringLiteral("create"), dir}, kPassword).exitCode, 0);
        mapOnTarget({QStringLiteral("--workspace"), dir}, kPassword);
        if (QTest::currentTestFailed())
            return;
        security::SecretStore secrets;
        workspace::WorkspaceOpener opener(&secrets);
        std::optional<Result<workspace::OpenedWorkspace>> opened;
        opener.open(dir, kPassword, [&](Result<workspace::OpenedWorkspace> r) { opened = std::move(r); });
        QVERIFY(QTest::qWaitFor([&] { return opened.has_value(); }, 60000));
        QVERIFY(opened->ok());
        auto q = opened->value().cache->db().prepare(QStringLiteral(
            "SELECT group_concat(payer || '/' || cpt_group, ';') FROM (SELECT DISTINCT payer, cpt_group FROM "
            "daily_aggregates WHERE kind = 'decided' ORDER BY 1, 2)"));
        QVERIFY(q.ok());
        QVERIFY(q->step().value());
        QCOMPARE(q->text(0), QStringLiteral("Aetna/MEDICINE;Aetna/THERAPY;Cigna/E&M"));
    }

    void postgresMappingsApplyOnImport()
    {
        fx = test::PgFixture::load();
        QVERIFY2(fx.has_value(), "the pg fixture is not running ($UPSTREAM_TEST_PG)");
        db = std::make_unique<test::MigratedDatabase>(*fx, QStringLiteral("mappingscli"));
        QVERIFY2(db->ok(), qPrintable(db->error()));
        const qint64 customer = db->createCustomer(QStringLiteral("Mapping Clinic")).value_or(0);
        const auto analyst = db->createUser(customer, QStringLiteral("analyst"));
        const auto viewer = db->createUser(customer, QStringLiteral("viewer"));
        QVERIFY(analyst && viewer);
        mapOnTarget({QStringLiteral("--db"), db->conninfoFor(*analyst)}, analyst->password);
        if (QTest::currentTestFailed())
            return;
        auto r = db->superuser().exec("SELECT string_agg(payer || '/' || cpt || '/' || cpt_group, ';' ORDER BY cpt) "
                                      "FROM upstream.claims WHERE customer_id = $1",
                                      {customer});
        QVERIFY(r.ok());
        QCOMPARE(r->text(0, 0), QStringLiteral("Aetna/97110/THERAPY;Aetna/97140/MEDICINE;Cigna/99213/E&M"));

        const test::CliRun refused =
            test::runWorkspaceCli({QStringLiteral("mappings"), QStringLiteral("set"), QStringLiteral("CIGNA CORP"),
                                   QStringLiteral("Cigna"), QStringLiteral("--db"), db->conninfoFor(*viewer)},
                                  viewer->password);
        QCOMPARE(refused.exitCode, 1);
        auto count =
            db->superuser().exec("SELECT count(*) FROM upstream.payer_mappings WHERE customer_id = $1", {customer});
        QCOMPARE(count->int64(0, 0), qint64(1));
    }
};

QTEST_GUILESS_MAIN(TstMappingsCli)
#include "tst_mappings_cli.moc"
