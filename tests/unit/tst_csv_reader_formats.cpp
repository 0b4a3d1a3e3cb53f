// Proves the streaming reader reads every supported format the same way: UTF-8 with/without BOM, UTF-16 LE/BE
// with BOM, Windows-1252 fallback (and says which), the four delimiters, RFC 4180 quoting (embedded newlines,
// doubled quotes, delimiters in quotes), CRLF/LF/CR, and records split across blocks.
#include "csv/CsvReader.h"
#include "importer/ImportValidation.h"

#include <QStringConverter>
#include <QTemporaryDir>
#include <QTest>

using namespace upstream;
using upstream::csv::Encoding;

namespace {

struct Parsed {
    Encoding encoding{};
    char delimiter = 0;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    QString error;
};

Parsed readAll(std::string bytes, csv::ReaderLimits limits = {})
{
    Parsed out;
    auto reader = csv::CsvBlockReader::openBytes(std::move(bytes), limits);
    if (!reader) {
        out.error = reader.error().message;
        return out;
    }
    out.encoding = (*reader)->encoding();
    out.delimiter = (*reader)->delimiter();
    out.header = (*reader)->header();
    csv::CsvBlock block;
    const csv::RecordParser parser((*reader)->delimiter(), limits.maxFieldBytes);
    std::vector<std::string_view> fields;
    for (;;) {
        auto more = (*reader)->next(block);
        if (!more) {
            out.error = more.error().message;
            return out;
        }
        if (!*more)
            break;
        std::vector<char> utf8;
        char *data = block.data.data();
        std::size_t size = block.size;
        if (block.windows1252) {
            csv::windows1252ToUtf8(data, size, utf8);
            data = utf8.data();
            size = utf8.size();
        }
        std::size_t pos = 0;
        while (parser.next(data, size, pos, fields) == csv::RecordParser::Step::Record)
            out.rows.emplace_back(fields.begin(), fields.end());
    }
    return out;
}

std::string utf16(const QString &text, bool littleEndian)
{
    QStringEncoder enc(littleEndian ? QStringConverter::Utf16LE : QStringConverter::Utf16BE,
                       QStringConverter::Flag::WriteBom);
    const QByteArray bytes = enc.encode(text);
    return std::string(bytes.constData(), std::size_t(bytes.size()));
}

const std::vector<std::string> kHeader = {"payer", "cpt", "note"};

} // namespace

class TestCsvReaderFormats : public QObject {
    Q_OBJECT
private slots:
    void utf8WithAndWithoutBom_data()
    {
        QTest::addColumn<bool>("bom");
        QTest::newRow("no bom") << false;
        QTest::newRow("bom") << true;
    }
    void utf8WithAndWithoutBom()
    {
        QFETCH(bool, bom);
        const std::string body = "payer,cpt,note\nCaf\xC3\xA9 Health,99213,x\n";
        const Parsed p = readAll((bom ? std::string("\xEF\xBB\xBF") : std::string()) + body);
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        QCOMPARE(p.encoding, bom ? Encoding::Utf8Bom : Encoding::Utf8);
        QCOMPARE(p.header, kHeader); // the BOM is not part of the first header
        QCOMPARE(p.rows.size(), std::size_t(1));
        QCOMPARE(p.rows[0][0], std::string("Caf\xC3\xA9 Health"));
    }

    void utf16WithBom_data()
    {
        QTest::addColumn<bool>("littleEndian");
        QTest::newRow("le") << true;
        QTest::newRow("be") << false;
    }
    void utf16WithBom()
    {
        QFETCH(bool, littleEndian);
        QString text = QStringLiteral("payer;cpt;note\r\n");
        for (int i = 0; i < 3000; ++i) // larger than the 64 KiB sample: decoding continues across reads
            text += QStringLiteral("Caf\u00e9 Sant\u00e9 %1;99213;\"a;b\"\r\n").arg(i);
        const Parsed p = readAll(utf16(text, littleEndian));
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        QCOMPARE(p.encoding, littleEndian ? Encoding::Utf16Le : Encoding::Utf16Be);
        QCOMPARE(p.delimiter, ';');
        QCOMPARE(p.header, kHeader);
        QCOMPARE(p.rows.size(), std::size_t(3000));
        QCOMPARE(p.rows[2999][0], std::string("Caf\xC3\xA9 Sant\xC3\xA9 2999"));
        QCOMPARE(p.rows[2999][2], std::string("a;b"));
    }

    void invalidUtf8FallsBackToWindows1252()
    {
        // 0xE9 = é and 0x80 = € in Windows-1252; invalid as UTF-8.
        const Parsed p = readAll("payer,cpt,note\nCaf\xE9 \x80,99213,x\n");
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        QCOMPARE(p.encoding, Encoding::Windows1252);
        QCOMPARE(p.rows.at(0).at(0), std::string("Caf\xC3\xA9 \xE2\x82\xAC"));
        QCOMPARE(QString::fromLatin1(csv::encodingName(p.encoding)), QStringLiteral("windows-1252"));
    }

    void invalidUtf8AfterTheSampleIsReportedPerRow()
    {
        std::string bytes = "payer,cpt,submitted_date,decided_date,outcome\n";
        for (int i = 0; i < 4000; ++i)
            bytes += "Aetna,99213,2024-01-02,2024-01-05,PAID\n";
        bytes += "Caf\xE9,99213,2024-01-02,2024-01-05,PAID\n"; // beyond the 64 KiB sniffing sample
        importer::ValidationOptions options;
        options.validator.importDay = importer::daysFromCivil(2025, 1, 1);
        options.limits.blockBytes = 4096;
        const auto report = importer::validateCsvBytes(bytes, options);
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
        QCOMPARE(report->encoding, Encoding::Utf8);
        QVERIFY(report->fallbackRows >= 1);
        QVERIFY(report->fallbackRows < 200); // only the block with the bad byte
        QCOMPARE(report->accepted, std::uint64_t(4001));
    }

    void delimiterIsSniffed_data()
    {
        QTest::addColumn<char>("delimiter");
        QTest::newRow("comma") << ',';
        QTest::newRow("semicolon") << ';';
        QTest::newRow("tab") << '\t';
        QTest::newRow("pipe") << '|';
    }
    void delimiterIsSniffed()
    {
        QFETCH(char, delimiter);
        const std::string d(1, delimiter);
        // Other candidates appear inside quotes and in one value, and must not win.
        const std::string bytes = "payer" + d + "cpt" + d + "note\n" + "\"A, B; C|D\"" + d + "99213" + d + "x,y\n" +
                                  "Cigna" + d + "99214" + d + "z\n";
        const Parsed p = readAll(bytes);
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        QCOMPARE(p.delimiter, delimiter);
        QCOMPARE(p.header, kHeader);
        QCOMPARE(p.rows.size(), std::size_t(2));
        QCOMPARE(p.rows[0][0], std::string("A, B; C|D"));
    }

    void rfc4180Quoting()
    {
        const Parsed p = readAll("payer,cpt,note\n"
                                 "\"Line1\nLine2\",\"99\"\"213\",\"a,b\"\n"
                                 "\"\",plain,\"ends with quote\"\"\"\n"
                                 "x,,\n");
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        QCOMPARE(p.rows.size(), std::size_t(3));
        QCOMPARE(p.rows[0], (std::vector<std::string>{"Line1\nLine2", "99\"213", "a,b"}));
        QCOMPARE(p.rows[1], (std::vector<std::string>{"", "plain", "ends with quote\""}));
        QCOMPARE(p.rows[2], (std::vector<std::string>{"x", "", ""}));
    }

    void lineEndings_data()
    {
        QTest::addColumn<QByteArray>("eol");
        QTest::newRow("LF") << QByteArray("\n");
        QTest::newRow("CRLF") << QByteArray("\r\n");
        QTest::newRow("CR") << QByteArray("\r");
    }
    void lineEndings()
    {
        QFETCH(QByteArray, eol);
        const std::string e = eol.toStdString();
        const Parsed p = readAll("payer,cpt,note" + e + "A,1,\"q" + e + "r\"" + e + "B,2,s" + e);
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        QCOMPARE(p.rows.size(), std::size_t(2));
        QCOMPARE(p.rows[0][2], "q" + e + "r"); // a quoted line ending is data
        QCOMPARE(p.rows[1], (std::vector<std::string>{"B", "2", "s"}));
    }

    void recordsSplitAcrossBlocksAreIdentical()
    {
        std::string bytes = "payer,cpt,note\r\n";
        for (int i = 0; i < 20000; ++i)
            bytes += "P" + std::to_string(i) + ",\"multi\r\nline \"\"" + std::to_string(i) + "\"\"\",n\r\n";
        csv::ReaderLimits small;
        small.blockBytes = 1000; // many blocks, cuts land everywhere, including between CR and LF
        const Parsed a = readAll(bytes), b = readAll(bytes, small);
        QVERIFY(a.error.isEmpty() && b.error.isEmpty());
        QCOMPARE(a.rows.size(), std::size_t(20000));
        QCOMPARE(b.rows, a.rows);
        QCOMPARE(b.rows[12345][1], std::string("multi\r\nline \"12345\""));
    }

    void streamsAFileFromDisk()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("c.csv")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("payer|cpt|note\nA|1|x\n");
        f.close();
        auto reader = csv::CsvBlockReader::open(f.fileName());
        QVERIFY(reader.ok());
        QCOMPARE((*reader)->delimiter(), '|');
        QCOMPARE(csv::delimiterName('\t'), QStringLiteral("tab"));
        auto missing = csv::CsvBlockReader::open(dir.filePath(QStringLiteral("nope.csv")));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, ErrorCode::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestCsvReaderFormats)
#include "tst_csv_reader_formats.moc"
