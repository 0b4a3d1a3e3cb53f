// Proves SPEC section 5: every PHI type is detected in the columns that are scanned (payer, denial reason code
// and text, header names), clean payer names are not flagged, and a matched value never appears in an issue,
// a message, the rejected-rows export, the CLI output (text or JSON) or a log line.
#include "importer/ImportValidation.h"
#include "logging/Log.h"
#include "phi/PhiScanner.h"

#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace upstream;
using namespace upstream::importer;
using phi::FieldKind;
using phi::PhiType;

Q_DECLARE_METATYPE(PhiType)
Q_DECLARE_METATYPE(FieldKind)

namespace {

// Synthetic PHI-shaped values (no real person). Each must never leave the validator.
const char *const kPhiValues[] = {"John Smith", "Mary Q. Johnson", "123-45-6789", "987654321", "jane.doe@example.com",
                                  "(555) 201-7788", "555.201.9911", "4111 1111 1111 1111", "123 Main Street",
                                  "AB123456", "1EG4-TE5-MK73", "10.20.30.40"};

std::string phiFile()
{
    return "Payer Name,CPT Code,Date Submitted,decided_date,outcome,denial_reason_code,denial_reason_text,"
           "123-45-6789\n"
           "John Smith,99213,2024-01-02,2024-01-09,DENIED,CO-16,Missing info,x\n"
           "Mary Q. Johnson,99213,2024-01-02,2024-01-09,DENIED,CO-16,Missing info,x\n"
           "Aetna Better Health,99213,2024-01-02,2024-01-09,DENIED,CO-16,\"SSN 123-45-6789, also 987654321\",x\n"
           "Aetna Better Health,99213,2024-01-02,2024-01-09,DENIED,CO-16,mail jane.doe@example.com,x\n"
           "Aetna Better Health,99213,2024-01-02,2024-01-09,DENIED,CO-16,call (555) 201-7788 or 555.201.9911,x\n"
           "Aetna Better Health,99213,2024-01-02,2024-01-09,DENIED,AB123456,card 4111 1111 1111 1111,x\n"
           "Aetna Better Health,99213,2024-01-02,2024-01-09,DENIED,CO-16,lives at 123 Main Street,x\n"
           "Aetna Better Health,99213,2024-01-02,2024-01-09,DENIED,CO-16,MBI 1EG4-TE5-MK73 from 10.20.30.40,x\n"
           "Aetna Better Health,99213,2024-01-02,2024-01-09,PAID,,,x\n";
}

void verifyNoPhi(const QByteArray &text, const char *where)
{
    for (const char *v : kPhiValues)
        QVERIFY2(!text.contains(v), qPrintable(QStringLiteral("%1 leaks a PHI value").arg(QLatin1String(where))));
    QVERIFY2(!text.contains("Smith") && !text.contains("Johnson") && !text.contains("7788"), where);
}

} // namespace

class TestPhiDetection : public QObject {
    Q_OBJECT
private slots:
    void eachPhiTypeIsDetected_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<FieldKind>("kind");
        QTest::addColumn<PhiType>("type");
        QTest::newRow("patient name") << QStringLiteral("John Smith") << FieldKind::Payer << PhiType::PatientName;
        QTest::newRow("name with initial") << QStringLiteral("Mary Q. Johnson") << FieldKind::Payer << PhiType::PatientName;
        QTest::newRow("ssn") << QStringLiteral("ref 123-45-6789") << FieldKind::FreeText << PhiType::Ssn;
        QTest::newRow("bare ssn in free text") << QStringLiteral("id 987654321 ok") << FieldKind::FreeText << PhiType::Ssn;
        QTest::newRow("mrn shape") << QStringLiteral("AB123456") << FieldKind::ReasonCode << PhiType::Mrn;
        QTest::newRow("mrn labelled") << QStringLiteral("see MRN: 0044817") << FieldKind::FreeText << PhiType::Mrn;
        QTest::newRow("phone") << QStringLiteral("call (555) 201-7788") << FieldKind::FreeText << PhiType::Phone;
        QTest::newRow("phone dotted") << QStringLiteral("fax 555.201.9911") << FieldKind::FreeText << PhiType::Phone;
        QTest::newRow("email") << QStringLiteral("jane.doe@example.com") << FieldKind::FreeText << PhiType::Email;
        QTest::newRow("dob") << QStringLiteral("DOB: 01/02/1980") << FieldKind::FreeText << PhiType::DateOfBirth;
        QTest::newRow("date of birth") << QStringLiteral("date of birth 1980-01-02") << FieldKind::FreeText
                                       << PhiType::DateOfBirth;
        QTest::newRow("street") << QStringLiteral("4500 N Oak Ave") << FieldKind::FreeText << PhiType::StreetAddress;
        QTest::newRow("card") << QStringLiteral("4111111111111111") << FieldKind::FreeText << PhiType::CardNumber;
        QTest::newRow("card groups") << QStringLiteral("4111-1111-1111-1111") << FieldKind::Payer << PhiType::CardNumber;
        QTest::newRow("url") << QStringLiteral("see https://portal.example.org/p/1") << FieldKind::FreeText
                             << PhiType::UrlOrIp;
        QTest::newRow("ipv4") << QStringLiteral("from 10.20.30.40") << FieldKind::FreeText << PhiType::UrlOrIp;
        QTest::newRow("member id") << QStringLiteral("Member ID: XJ99812") << FieldKind::FreeText << PhiType::MemberId;
        QTest::newRow("mbi") << QStringLiteral("1EG4-TE5-MK73") << FieldKind::ReasonCode << PhiType::MemberId;
    }
    void eachPhiTypeIsDetected()
    {
        QFETCH(QString, value);
        QFETCH(FieldKind, kind);
        QFETCH(PhiType, type);
        const QByteArray utf8 = value.toUtf8();
        PhiType found{};
        QVERIFY(phi::firstPhi(std::string_view(utf8.constData(), std::size_t(utf8.size())), kind, &found));
        QCOMPARE(QLatin1String(phi::phiTypeName(found)), QLatin1String(phi::phiTypeName(type)));
        const std::string redacted = phi::redact(std::string_view(utf8.constData(), std::size_t(utf8.size())), kind);
        QVERIFY(redacted.find("[PHI:") != std::string::npos);
    }

    void cleanPayerNamesAreNotFlagged_data()
    {
        QTest::addColumn<QString>("payer");
        for (const char *p : {"Aetna Better Health", "Blue Cross Blue Shield of Texas", "UnitedHealthcare",
                              "Humana Gold Plus", "Medicare Part B", "Grace Health Plan", "Christian Care Ministry",
                              "Kaiser Permanente", "Cigna", "Molina Healthcare", "AARP Medicare Advantage",
                              "Anthem Blue Cross", "Tricare East", "WellCare of Georgia", "Harvard Pilgrim"})
            QTest::newRow(p) << QString::fromLatin1(p);
    }
    void cleanPayerNamesAreNotFlagged()
    {
        QFETCH(QString, payer);
        const QByteArray utf8 = payer.toUtf8();
        QVERIFY(!phi::containsPhi(std::string_view(utf8.constData(), std::size_t(utf8.size())), FieldKind::Payer));
    }

    void cleanReasonTextsAreNotFlagged()
    {
        for (const char *t : {"Charge exceeds fee schedule", "CO-45 contractual adjustment 2024-01-05",
                              "Claim lacks information needed for adjudication", "Paid 80% of allowed $1,234.56"})
            QVERIFY2(!phi::containsPhi(t, FieldKind::FreeText), t);
    }

    void phiRowsAreRejectedOrBlankedAndNeverKept()
    {
        QTemporaryDir dir;
        ValidationOptions o;
        o.validator.importDay = daysFromCivil(2025, 1, 1);
        o.rejectedRowsCsvPath = dir.filePath(QStringLiteral("rejected.csv"));
        std::vector<claims::ClaimRow> rows;
        o.acceptedRows = [&](std::vector<claims::ClaimRow> &&b) { rows.insert(rows.end(), b.begin(), b.end()); };
        const auto report = validateCsvBytes(phiFile(), o);
        QVERIFY(report.ok());
        // Names in payer and an MRN-shaped reason code reject; PHI in the reason text blanks it with a warning.
        QCOMPARE(report->categoryCounts[std::size_t(Category::PhiDetections)], std::uint64_t(3));
        QCOMPARE(report->phiCounts[std::size_t(PhiType::PatientName)], std::uint64_t(2));
        QCOMPARE(report->codeCounts[std::size_t(IssueCode::ReasonTextPhi)], std::uint64_t(5));
        QCOMPARE(report->accepted, std::uint64_t(6));
        QByteArray everything;
        for (const claims::ClaimRow &r : rows)
            everything += QByteArray::fromStdString(r.payer + "|" + r.denialReasonCode + "|" + r.denialReasonText + "\n");
        for (const Issue &i : report->issues)
            everything += QByteArray::fromStdString(i.value) + issueMessage(i).toUtf8() + "\n";
        QFile f(o.rejectedRowsCsvPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        everything += f.readAll();
        // The header "123-45-6789" is dropped, flagged, and only ever shown as "column 8".
        QCOMPARE(report->plan.dropped.size(), std::size_t(1));
        QVERIFY(report->plan.dropped[0].phiInName && report->plan.dropped[0].suspicious);
        QCOMPARE(safeHeaderLabel(report->header, 7), QStringLiteral("column 8"));
        verifyNoPhi(everything, "report, rows or export");
    }

    void cliOutputNeverEchoesPhi()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("phi.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(phiFile()));
        f.close();
        for (const QStringList &args : {QStringList{QStringLiteral("validate"), path},
                                        QStringList{QStringLiteral("validate"), QStringLiteral("--json"), path}}) {
            QProcess p;
            p.start(QStringLiteral(UPSTREAM_CLI_PATH), args);
            QVERIFY(p.waitForFinished(60000));
            QCOMPARE(p.exitCode(), 0);
            const QByteArray out = p.readAllStandardOutput() + p.readAllStandardError();
            QVERIFY(out.contains("phi"));
            verifyNoPhi(out, "CLI output");
        }
        // The CLI's log files live under the (test-isolated) home directory.
        int logFiles = 0;
        for (QDirIterator it(QDir::homePath(), {QStringLiteral("*.log*")}, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
             it.hasNext();) {
            QFile log(it.next());
            QVERIFY(log.open(QIODevice::ReadOnly));
            verifyNoPhi(log.readAll(), "log file");
            ++logFiles;
        }
        QVERIFY(logFiles > 0); // the CLI did log (counts and messages), and none of it is PHI
    }

    void logRedactionUsesTheSameScanner()
    {
        const QString line = log::redact(QStringLiteral("row 4: SSN 123-45-6789, mail jane.doe@example.com"));
        verifyNoPhi(line.toUtf8(), "log line");
        QVERIFY(line.contains(QStringLiteral("[PHI:ssn]")));
    }

    void suspiciousHeadersAreFlagged()
    {
        const auto plan = planColumns({"payer", "cpt", "submitted_date", "decided_date", "outcome", "Patient DOB",
                                       "Subscriber ID", "Notes"});
        QVERIFY(plan.ok());
        QCOMPARE(plan->dropped.size(), std::size_t(3));
        QVERIFY(plan->dropped[0].suspicious && plan->dropped[1].suspicious);
        QVERIFY(!plan->dropped[2].suspicious);
    }
};

QTEST_GUILESS_MAIN(TestPhiDetection)
#include "tst_phi_detection.moc"
