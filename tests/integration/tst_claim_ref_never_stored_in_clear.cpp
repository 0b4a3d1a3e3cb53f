// Proves SPEC 3's rule that claim_ref is stored only as HMAC-SHA256 under the customer's key: after a file whose
// rows carry distinctive claim_refs is imported through the `upstream` CLI into PostgreSQL (the analyst's session
// logging every statement with its parameters) and into a local workspace, and its rejected rows are exported,
// no claim_ref appears — neither as text nor as the hex of its bytes — in:
//   - any column of any table of the upstream schema (read as superuser, every row as text);
//   - the server log;
//   - the workspace's cache file and its WAL (raw bytes), nor in any column of any table of the decrypted cache;
//   - the workstation logs and every other file under the test's HOME;
//   - the import's JSON report and the rejected-rows export.
// Every scan proves it looked: each scanned file exists and is non-empty, and a positive control that the same
// scan must find is found (the stored payer name in the tables, the analyst's logged statements in the server
// log, an import line in the workstation log, the refs in the source file itself).
#include "UpstreamSchema.h"
#include "WorkspaceCli.h"

#include "importer/ImportValidation.h"
#include "security/SecretStore.h"
#include "storage/cache/LocalCache.h"
#include "workspace/Workspace.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;

namespace {

const QString kPassword = QStringLiteral("synthetic workspace password");
const QByteArray kPayer = "Sentinel Mutual Plan";
constexpr int kRefs = 40;

QByteArray refOf(int i)
{
    return "ZQREF-7731-" + QByteArray::number(100000 + i);
}

// The needles: each ref as text and as the hex of its bytes (how a bytea or blob would print).
QList<QByteArray> needles()
{
    QList<QByteArray> out;
    for (int i = 0; i < kRefs; ++i)
        out << refOf(i) << refOf(i).toHex();
    return out;
}

QStringList hits(const QByteArray &haystack, const QString &where)
{
    QStringList out;
    for (const QByteArray &n : needles())
        if (haystack.contains(n))
            out << where + QStringLiteral(": ") + QString::fromLatin1(n);
    return out;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TstClaimRefNeverStoredInClear : public QObject {
    Q_OBJECT
    QTemporaryDir tmp;
    QString csv, workspaceDir;
    std::optional<test::PgFixture> fx;
    std::unique_ptr<test::MigratedDatabase> db;
    qint64 customer = 0;
    QByteArray reports; // what the CLI printed (the JSON reports)

private slots:
    void initTestCase()
    {
        QVERIFY(tmp.isValid());
        QByteArray text = "payer,cpt,submitted_date,decided_date,outcome,denial_reason_code,claim_ref\n";
        for (int i = 0; i < kRefs; ++i) {
            const bool rejected = i % 10 == 9; // no submitted date: a rejected row that still carries a ref
            text += (i % 3 == 0 ? kPayer : QByteArray("Quiet Harbor Health")) + ",99213," +
                    (rejected ? QByteArray() : QByteArray("2026-05-") + QByteArray::number(10 + i % 15)) +
                    ",2026-05-28," + (i % 4 == 0 ? "DENIED,CO-45," : "PAID,,") + refOf(i) + "\n";
        }
        csv = tmp.filePath(QStringLiteral("claims-with-refs.csv"));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
        f.close();
        // Positive control of the scanner itself: the source file holds every ref.
        QCOMPARE(hits(readAll(csv), QStringLiteral("source")).size(), kRefs); // text form, each ref once

        fx = test::PgFixture::load();
        QVERIFY2(fx.has_value(), "the pg fixture is not running ($UPSTREAM_TEST_PG)");
        db = std::make_unique<test::MigratedDatabase>(*fx, QStringLiteral("claimrefs"));
        QVERIFY2(db->ok(), qPrintable(db->error()));
        customer = db->createCustomer(QStringLiteral("Ref Clinic")).value_or(0);
        const auto analyst = db->createUser(customer, QStringLiteral("analyst"));
        QVERIFY(analyst.has_value());
        // Everything the analyst's sessions send is logged, parameters included.
        QVERIFY(db->superuser()
                    .execScript(QStringLiteral("ALTER ROLE \"%1\" SET log_statement = 'all'").arg(analyst->login))
                    .ok());

        const test::CliRun pg = test::runWorkspaceCli({QStringLiteral("import"), csv, QStringLiteral("--json"),
                                                       QStringLiteral("--db"), db->conninfoFor(*analyst)},
                                                      analyst->password);
        QVERIFY2(pg.exitCode == 0, qPrintable(pg.err));
        workspaceDir = tmp.filePath(QStringLiteral("ws"));
        QCOMPARE(test::runWorkspaceCli({QStringLiteral("workspace"), QStringLiteral("create"), workspaceDir}, kPassword)
                     .exitCode,
                 0);
        const test::CliRun ws = test::runWorkspaceCli(
            {QStringLiteral("import"), csv, QStringLiteral("--json"), QStringLiteral("--workspace"), workspaceDir},
            kPassword);
        QVERIFY2(ws.exitCode == 0, qPrintable(ws.err));
        reports = pg.out + ws.out + pg.err.toUtf8() + ws.err.toUtf8();
        QVERIFY(reports.contains("\"claims_new\":36")); // 40 rows, 4 rejected
    }

    void notInAnyServerTableColumn()
    {
        storage::PgConnection &su = db->superuser();
        auto tables = su.exec("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE "
                              "n.nspname = 'upstream' AND c.relkind IN ('r', 'p') ORDER BY 1");
        QVERIFY(tables.ok());
        QVERIFY(tables->rows() >= 15);
        QByteArray dump;
        for (int i = 0; i < tables->rows(); ++i) {
            auto rows = su.exec(QStringLiteral("SELECT coalesce(string_agg(t::text, E'\\n'), '') FROM upstream.%1 t")
                                    .arg(tables->text(i, 0)));
            QVERIFY2(rows.ok(), qPrintable(tables->text(i, 0)));
            dump += rows->text(0, 0).toUtf8() + '\n';
        }
        QVERIFY(dump.contains(kPayer)); // control: the stored rows were read
        auto hmacs = su.exec("SELECT count(claim_ref_hmac) FROM upstream.claims WHERE customer_id = $1", {customer});
        QCOMPARE(hmacs->int64(0, 0), qint64(36)); // the identities are there, as HMACs
        const QStringList found = hits(dump, QStringLiteral("upstream schema"));
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

    void notInTheServerLog()
    {
        const QString log =
            QFileInfo(qEnvironmentVariable("UPSTREAM_TEST_PG")).dir().filePath(QStringLiteral("server.log"));
        const QByteArray text = readAll(log);
        QVERIFY2(!text.isEmpty(), qPrintable(log));
        QVERIFY(text.contains("upstream_import_staging")); // control: the analyst's import statements were logged
        const QStringList found = hits(text, log);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

    void notInTheWorkspaceCacheRawOrDecrypted()
    {
        QStringList files;
        QDirIterator it(workspaceDir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        QVERIFY(!files.isEmpty());
        bool sawCache = false;
        for (const QString &f : files) {
            const QByteArray bytes = readAll(f);
            sawCache = sawCache || (f.endsWith(QLatin1String(".db")) && bytes.size() > 4096);
            const QStringList found = hits(bytes, f);
            QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
        }
        QVERIFY2(sawCache, qPrintable(files.join(QLatin1Char(' '))));

        security::SecretStore secrets;
        workspace::WorkspaceOpener opener(&secrets);
        std::optional<Result<workspace::OpenedWorkspace>> opened;
        opener.open(workspaceDir, kPassword, [&](Result<workspace::OpenedWorkspace> r) { opened = std::move(r); });
        QVERIFY(QTest::qWaitFor([&] { return opened.has_value(); }, 60000));
        QVERIFY(opened->ok());
        storage::CipherDatabase &cdb = opened->value().cache->db();
        auto tables = cdb.prepare(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"));
        QVERIFY(tables.ok());
        QStringList names;
        QVERIFY(tables->forEachRow([&] { names << tables->text(0); }).ok());
        QVERIFY(names.contains(QStringLiteral("claims")) && names.contains(QStringLiteral("uploads")));
        QByteArray dump;
        for (const QString &t : names) {
            auto rows = cdb.prepare(QStringLiteral("SELECT * FROM \"%1\"").arg(t));
            QVERIFY(rows.ok());
            QVERIFY(rows->forEachRow([&] {
                            for (int c = 0; c < rows->columnCount(); ++c) {
                                const QVariant v = rows->value(c);
                                const QByteArray b =
                                    v.typeId() == QMetaType::QByteArray ? v.toByteArray() : v.toString().toUtf8();
                                dump += b + ' ' + b.toHex() + '\n';
                            }
                        })
                        .ok());
        }
        QVERIFY(dump.contains(kPayer)); // control: the decrypted rows were read (claim states carry the payer)
        const QStringList found = hits(dump, QStringLiteral("decrypted cache"));
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

    void notInLogsReportsOrExports()
    {
        // Every file under HOME: the workstation logs among them.
        int logs = 0;
        bool importLogged = false;
        QDirIterator it(QDir::homePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString f = it.next();
            const QByteArray bytes = readAll(f);
            if (f.contains(QLatin1String("/logs/")) && !bytes.isEmpty()) {
                ++logs;
                importLogged = importLogged || bytes.contains("import:");
            }
            const QStringList found = hits(bytes, f);
            QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
        }
        QVERIFY2(logs > 0, qPrintable(QDir::homePath()));
        QVERIFY(importLogged); // control: the imports wrote their log lines there

        QVERIFY(!reports.isEmpty());
        QVERIFY2(hits(reports, QStringLiteral("CLI output")).isEmpty(), reports.constData());

        importer::ValidationOptions o;
        o.validator.importDay = importer::daysFromCivil(2026, 6, 30);
        o.validator.claimRefKey.assign(32, 0x11);
        o.rejectedRowsCsvPath = tmp.filePath(QStringLiteral("rejected.csv"));
        auto r = importer::validateCsvFile(csv, o);
        QVERIFY(r.ok());
        QCOMPARE(r->rejected, std::uint64_t(4));
        const QByteArray rejected = readAll(o.rejectedRowsCsvPath);
        QVERIFY(rejected.count('\n') >= 5); // header + the 4 rejected rows
        QVERIFY2(hits(rejected, QStringLiteral("rejected rows")).isEmpty(), rejected.constData());
    }
};

QTEST_GUILESS_MAIN(TstClaimRefNeverStoredInClear)
#include "tst_claim_ref_never_stored_in_clear.moc"
