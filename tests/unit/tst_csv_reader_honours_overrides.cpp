// The import wizard's format overrides reach the reader: a forced delimiter replaces the sniffed one, a forced
// Windows-1252 reads a BOM-less file as Windows-1252, and a file with a BOM keeps its encoding.
#include "csv/CsvReader.h"

#include <QtTest>

using namespace upstream::csv;

class TstCsvReaderHonoursOverrides : public QObject {
    Q_OBJECT

private slots:
    void forcedDelimiterReplacesTheSniffedOne()
    {
        const std::string bytes = "a;b;c\n1;2;3\n";
        auto sniffed = CsvBlockReader::openBytes(bytes);
        QVERIFY(sniffed.ok());
        QCOMPARE(sniffed.value()->delimiter(), ';');
        QCOMPARE(sniffed.value()->header().size(), std::size_t(3));
        ReaderLimits limits;
        limits.delimiter = ',';
        auto forced = CsvBlockReader::openBytes(bytes, limits);
        QVERIFY(forced.ok());
        QCOMPARE(forced.value()->delimiter(), ',');
        QCOMPARE(forced.value()->header().size(), std::size_t(1));
    }

    void forcedWindows1252ReadsBomlessBytesAsWindows1252()
    {
        const std::string bytes = "payer,caf\xC3\xA9\n1,2\n"; // valid UTF-8
        auto detected = CsvBlockReader::openBytes(bytes);
        QVERIFY(detected.ok());
        QCOMPARE(detected.value()->encoding(), Encoding::Utf8);
        ReaderLimits limits;
        limits.forceWindows1252 = true;
        auto forced = CsvBlockReader::openBytes(bytes, limits);
        QVERIFY(forced.ok());
        QCOMPARE(forced.value()->encoding(), Encoding::Windows1252);
        QCOMPARE(forced.value()->header()[1], std::string("caf\xC3\x83\xC2\xA9")); // é read as two 1252 chars
        auto bom = CsvBlockReader::openBytes("\xEF\xBB\xBF" + bytes, limits);
        QVERIFY(bom.ok());
        QCOMPARE(bom.value()->encoding(), Encoding::Utf8Bom);
    }
};

QTEST_GUILESS_MAIN(TstCsvReaderHonoursOverrides)
#include "tst_csv_reader_honours_overrides.moc"
