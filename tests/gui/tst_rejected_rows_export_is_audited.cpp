// Proves that the import wizard's rejected-rows export is audited (SPEC 8, issue 17) on a real local workspace
// (SQLCipher, created through the keychain): the wizard imports a claim file with four rejected rows through the
// real importer, the summary page's export writes them (formula-leading values neutralised), and the export hook —
// the models entry point importer::auditRejectedRowsExport that WorkstationSession::exportAudit() calls with the
// session's cache and user — queues exactly one audit event: action "export", details {"kind": "rejected_rows",
// "rows": 4}, the user, and no raw value of the file, no file name and no folder. When the audit event cannot be
// queued (the workspace was locked), the export file is removed and the analyst is told why.
#include "DialogSeam.h"
#include "import/ImportWizard.h"
#include "importer/ClaimImporter.h"
#include "storage/cache/LocalCache.h"
#include "workspace/WorkspaceAccess.h"

#include <QApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;
using views::ImportWizard;

namespace {

const QString kUser = QStringLiteral("ana.lyst");

// 300 clean claims and four rows rejected for their submitted date, each holding a formula-looking value.
const QStringList kRejectedValues = {QStringLiteral("=HYPERLINK(\"x\")"), QStringLiteral("+1"),
                                     QStringLiteral("@SUM(A1)"), QStringLiteral("-2+3")};

void writeClaims(const QString &path)
{
    QByteArray csv = "claim_ref,payer,cpt,submitted_date,decided_date,outcome,allowed_amount,billed_amount,"
                     "paid_amount,payment_date,denial_reason_code,denial_reason_text\n";
    const char *payers[] = {"Cedar Mutual", "Granite Health Plan", "Harbor Care"};
    for (int i = 0; i < 300; ++i) {
        const bool denied = i % 6 == 5;
        csv += "CLM-" + QByteArray::number(500000 + i) + ',' + payers[i % 3] + ",99213,2024-04-" +
               QByteArray::number(10 + i % 9) + ",2024-05-0" + QByteArray::number(1 + i % 8) +
               (denied ? ",DENIED,120.00,150.00,0,,CO-16,Missing information\n"
                       : ",PAID,120.00,150.00,110.00,2024-05-20,,\n");
    }
    int n = 0;
    for (const QString &v : kRejectedValues) {
        QByteArray quoted = v.toUtf8();
        quoted.replace('"', "\"\"");
        csv += "CLM-9" + QByteArray::number(n++) + ",Cedar Mutual,99213,\"" + quoted +
               "\",2024-05-02,PAID,120.00,150.00,110.00,2024-05-20,,\n";
    }
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(csv);
}

struct AuditRow {
    QString who, action, details;
};

std::vector<AuditRow> auditRows(storage::LocalCache &cache)
{
    std::vector<AuditRow> out;
    auto q = cache.db().prepare(QStringLiteral("SELECT who, action, details FROM audit_queue ORDER BY at"));
    if (q.ok())
        (void)q->forEachRow([&] { out.push_back({q->text(0), q->text(1), q->text(2)}); });
    return out;
}

} // namespace

class TstRejectedRowsExportIsAudited : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    std::shared_ptr<storage::LocalCache> cache;

    // As WorkstationSession::importFunction() on a local workspace (the session is part of the executable).
    importer::ImportFunction importFunction()
    {
        return [this](const importer::ImportRequest &request,
                      const importer::ImportProgressFn &progress) -> Result<importer::ImportCounts> {
            importer::ImportOptions options;
            options.validation = request.options;
            options.validation.progress = [progress, total = request.expectedRows](std::uint64_t, std::uint64_t,
                                                                                   std::uint64_t rows) {
                return progress(rows, total);
            };
            auto result = importer::ClaimImporter::importToCache(*cache, request.path, options);
            if (!result.ok())
                return result.error();
            importer::ImportCounts counts{result->report.accepted, result->report.rejected, result->report.warnings};
            counts.claimsNew = result->claimsNew;
            return counts;
        };
    }

    // WorkstationSession::exportAudit(): the session's cache and user, refused while the workspace is locked.
    importer::ExportAuditFunction sessionExportAudit()
    {
        return [this](std::uint64_t rows) -> Status {
            if (!cache || !cache->isOpen())
                return makeError(ErrorCode::InvalidInput, QStringLiteral("Open a workspace first."));
            return importer::auditRejectedRowsExport(*cache, kUser, rows);
        };
    }

    // Drives the wizard from the file page to the summary page (Next whenever it is enabled).
    void importThroughWizard(ImportWizard &w, const QString &csv)
    {
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTest::keyClicks(w.findChild<QLineEdit *>(QStringLiteral("filePathEdit")), csv);
        for (int guard = 0; guard < 12 && w.currentId() != ImportWizard::SummaryPageId; ++guard) {
            QTRY_VERIFY_WITH_TIMEOUT(w.button(QWizard::NextButton)->isEnabled(), 30000);
            QTest::mouseClick(w.button(QWizard::NextButton), Qt::LeftButton);
        }
        QTRY_COMPARE(w.currentId(), int(ImportWizard::SummaryPageId));
        QCOMPARE(w.importCounts.accepted, std::uint64_t(300));
        QCOMPARE(w.importCounts.rejected, std::uint64_t(kRejectedValues.size()));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        auto ws = workspace::createWorkspaceBlocking(dir.filePath(QStringLiteral("workspace")),
                                                     QStringLiteral("correct horse battery staple"));
        QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().message));
        cache = ws.value().cache;
    }

    void exportQueuesOneAuditEventWithTheRowCountOnly()
    {
        const QString csv = dir.filePath(QStringLiteral("claims-april.csv"));
        writeClaims(csv);
        ImportWizard w;
        w.setImportFunction(importFunction());
        w.setExportAudit(sessionExportAudit());
        importThroughWizard(w, csv);
        const std::size_t auditsBefore = auditRows(*cache).size();

        const QString exportPath = dir.filePath(QStringLiteral("claims-april-rejected.csv"));
        widgets::FileDialog::setNextFileName(exportPath);
        QTest::mouseClick(w.findChild<QPushButton *>(QStringLiteral("exportRejected")), Qt::LeftButton);
        auto *status = w.findChild<QLabel *>(QStringLiteral("summaryStatus"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QLatin1String("exported")), 30000);

        // The file: header + the four rows, each formula-looking value behind a single quote.
        QFile exported(exportPath);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(exported.readAll());
        QCOMPARE(text.count(QLatin1Char('\n')), 1 + int(kRejectedValues.size()));
        QVERIFY2(text.contains(QLatin1String(",'+1,")) && text.contains(QLatin1String(",'@SUM(A1),")) &&
                     text.contains(QLatin1String(",'-2+3,")) && text.contains(QLatin1String(",\"'=HYPERLINK(")),
                 qPrintable(text));

        // The audit queue: exactly one new event, the export, with the row count and nothing of the file.
        const std::vector<AuditRow> rows = auditRows(*cache);
        QCOMPARE(rows.size(), auditsBefore + 1);
        int exports = 0;
        for (const AuditRow &r : rows)
            exports += r.action == QLatin1String("export") ? 1 : 0;
        QCOMPARE(exports, 1);
        const AuditRow &event = rows.back();
        QCOMPARE(event.action, QStringLiteral("export"));
        QCOMPARE(event.who, kUser);
        const QJsonObject details = QJsonDocument::fromJson(event.details.toUtf8()).object();
        QCOMPARE(details.keys(), QStringList({QStringLiteral("kind"), QStringLiteral("rows")}));
        QCOMPARE(details.value(QStringLiteral("kind")).toString(), QStringLiteral("rejected_rows"));
        QCOMPARE(details.value(QStringLiteral("rows")).toInteger(), qint64(kRejectedValues.size()));
        for (const QString &raw : kRejectedValues + QStringList{QStringLiteral("Cedar Mutual"), QStringLiteral("CLM-9"),
                                                                QStringLiteral("claims-april"), dir.path()})
            QVERIFY2(!event.details.contains(raw), qPrintable(raw));
    }

    void anExportThatCannotBeAuditedIsRemoved()
    {
        const QString csv = dir.filePath(QStringLiteral("claims-may.csv"));
        writeClaims(csv);
        ImportWizard w;
        w.setImportFunction(importFunction());
        w.setExportAudit(sessionExportAudit());
        importThroughWizard(w, csv);
        const std::size_t auditsBefore = auditRows(*cache).size();

        cache->close(); // the workspace is locked while the export runs: the event cannot be queued
        const QString exportPath = dir.filePath(QStringLiteral("claims-may-rejected.csv"));
        widgets::FileDialog::setNextFileName(exportPath);
        QTest::mouseClick(w.findChild<QPushButton *>(QStringLiteral("exportRejected")), Qt::LeftButton);
        auto *status = w.findChild<QLabel *>(QStringLiteral("summaryStatus"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QLatin1String("audit log")), 30000);
        QVERIFY(!QFile::exists(exportPath));

        auto reopened = workspace::openWorkspaceBlocking(dir.filePath(QStringLiteral("workspace")),
                                                         QStringLiteral("correct horse battery staple"));
        QVERIFY(reopened.ok());
        QCOMPARE(auditRows(*reopened.value()).size(), auditsBefore);
    }
};

QTEST_MAIN(TstRejectedRowsExportIsAudited)
#include "tst_rejected_rows_export_is_audited.moc"
