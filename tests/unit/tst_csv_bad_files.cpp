// Proves every kind of bad file ends in a clean, one-line reason (or, for ragged rows, in per-row rejections),
// never a crash or a hang: empty file, BOM only, header only, binary data, unterminated quote, a 10 MB single
// field, a 2 MB field, ragged rows, duplicate headers, missing required columns, UTF-16 without BOM,
// 200,000 columns.
#include "importer/ImportValidation.h"

#include <QTest>

using namespace upstream;
using namespace upstream::importer;

namespace {

const std::string kHeader = "payer,cpt,submitted_date,decided_date,outcome\n";
const std::string kRow = "Aetna,99213,2024-01-02,2024-01-05,PAID\n";

ValidationOptions options()
{
    ValidationOptions o;
    o.validator.importDay = daysFromCivil(2025, 6, 1);
    return o;
}

} // namespace

class TestCsvBadFiles : public QObject {
    Q_OBJECT
private slots:
    void badFileGivesOneLineReason_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reasonContains");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("bom only") << QByteArray("\xEF\xBB\xBF") << QStringLiteral("empty");
        QTest::newRow("blank lines") << QByteArray("\n\r\n\n") << QStringLiteral("empty");
        QTest::newRow("header only") << QByteArray::fromStdString(kHeader) << QStringLiteral("no data rows");
        QTest::newRow("header only, trailing newlines")
            << QByteArray::fromStdString(kHeader + "\r\n\n") << QStringLiteral("no data rows");
        QByteArray binary("\x89PNG\r\n\x1a\n", 8);
        for (int i = 0; i < 4000; ++i)
            binary.append(char((i * 7919) % 256));
        QTest::newRow("binary") << binary << QStringLiteral("binary");
        QTest::newRow("unterminated quote")
            << QByteArray::fromStdString(kHeader + kRow + "\"Aetna,99213,2024-01-02,2024-01-05,PAID\n" + kRow)
            << QStringLiteral("row 3 has an unterminated quote");
        QTest::newRow("duplicate headers")
            << QByteArray::fromStdString("payer,cpt,submitted_date,decided_date,outcome,Payer\n" + kRow)
            << QStringLiteral("duplicate header");
        QTest::newRow("duplicate multi-line headers")
            << QByteArray::fromStdString("payer,cpt,submitted_date,decided_date,outcome,\"a\nb\",\"A\nB\"\n" + kRow)
            << QStringLiteral("duplicate header 'a b' in columns 6 and 7");
        QTest::newRow("two synonyms for one column")
            << QByteArray::fromStdString(std::string("payer,cpt,submitted_date,decided_date,outcome,insurance\n") +
                                         "Aetna,99213,2024-01-02,2024-01-05,PAID,x\n")
            << QString(); // not an error: the first wins, the other is dropped
        QTest::newRow("missing required columns")
            << QByteArray("payer,submitted_date,outcome\nAetna,2024-01-02,PAID\n")
            << QStringLiteral("missing required columns: cpt, decided_date");
        QByteArray u16;
        for (char c : kHeader + kRow) {
            u16.append(c);
            u16.append('\0');
        }
        QTest::newRow("utf-16 without bom") << u16 << QStringLiteral("UTF-16 without a byte-order mark");
        std::string wide;
        for (int i = 0; i < 200000; ++i)
            wide += "c" + std::to_string(i) + ",";
        wide.back() = '\n';
        QTest::newRow("200,000 columns") << QByteArray::fromStdString(wide + kRow)
                                         << QStringLiteral("200000 columns");
        QTest::newRow("10 MB single field")
            << QByteArray::fromStdString(kHeader + kRow + std::string(10 << 20, 'x') + ",99213,2024-01-02,2024-01-05,PAID\n")
            << QStringLiteral("fields are limited to 1 MiB");
        QTest::newRow("10 MB quoted field")
            << QByteArray::fromStdString(kHeader + "\"" + std::string(10 << 20, 'x') + "\"," + kRow)
            << QStringLiteral("longer than 8 MiB");
        QTest::newRow("2 MB field")
            << QByteArray::fromStdString(kHeader + kRow + std::string(2 << 20, 'x') + ",99213,2024-01-02,2024-01-05,PAID\n")
            << QStringLiteral("row 3 has a field longer than 1 MiB");
    }
    void badFileGivesOneLineReason()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reasonContains);
        const auto report = validateCsvBytes(bytes.toStdString(), options());
        if (reasonContains.isEmpty()) {
            QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
            return;
        }
        QVERIFY(!report.ok());
        const QString message = report.error().message;
        QCOMPARE(report.error().code, ErrorCode::InvalidInput);
        QVERIFY2(message.contains(reasonContains), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1Char('\n')) && !message.contains(QLatin1Char('\r')), qPrintable(message));
        QVERIFY(message.size() < 300);
    }

    void raggedRowsAreRejectedPerRow()
    {
        const std::string bytes = kHeader + kRow + "Aetna,99213,2024-01-02\n" + // short
                                  "Aetna,99213,2024-01-02,2024-01-05,PAID,extra,more\n" + // long
                                  "Aetna,99213,2024-01-02,2024-01-05,PAID,,\n" + // empty extras are tolerated
                                  kRow;
        const auto report = validateCsvBytes(bytes, options());
        QVERIFY(report.ok());
        QCOMPARE(report->totalRows, std::uint64_t(5));
        QCOMPARE(report->accepted, std::uint64_t(3));
        QCOMPARE(report->codeCounts[std::size_t(IssueCode::RowTooShort)], std::uint64_t(1));
        QCOMPARE(report->codeCounts[std::size_t(IssueCode::RowTooLong)], std::uint64_t(1));
        QCOMPARE(report->categoryCounts[std::size_t(Category::MissingFields)], std::uint64_t(1));
        QCOMPARE(report->categoryCounts[std::size_t(Category::InvalidValues)], std::uint64_t(1));
        QCOMPARE(report->issues.at(0).row, std::uint64_t(3));
        QVERIFY(issueMessage(report->issues.at(0)).contains(QStringLiteral("3 fields")));
    }

    void everyRowRaggedStillReportsCounts()
    {
        const auto report = validateCsvBytes(kHeader + "a,b\nc,d\n", options());
        QVERIFY(report.ok());
        QCOMPARE(report->accepted, std::uint64_t(0));
        QCOMPARE(report->rejected, std::uint64_t(2));
        QCOMPARE(report->grade, std::string("F"));
    }

    void truncatedFilesNeverCrash()
    {
        // Every prefix of a small tricky file: whatever the cut, a report or a clean error.
        const std::string full = "\xEF\xBB\xBFpayer;cpt;submitted_date;decided_date;outcome;denial_reason_text\r\n"
                                 "\"A\"\"B\";99213;2024-01-02;2024-01-05;DENIED;\"x\r\ny\"\r\nC;1;2;3;4;5\r\n";
        for (std::size_t n = 0; n <= full.size(); ++n) {
            const auto report = validateCsvBytes(full.substr(0, n), options());
            if (!report.ok())
                QVERIFY(!report.error().message.isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestCsvBadFiles)
#include "tst_csv_bad_files.moc"
