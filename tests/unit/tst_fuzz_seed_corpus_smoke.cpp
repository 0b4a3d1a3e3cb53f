// Proves the fuzz entry (tests/fuzz/FuzzCsvValidate.h) holds its invariants on the seed corpus and on
// deterministic mutations of it (every truncation point, byte flips), as a normal unit test without clang.
#include "../fuzz/FuzzCsvValidate.h"

#include <QDir>
#include <QFile>
#include <QTest>

class TestFuzzSeedCorpusSmoke : public QObject {
    Q_OBJECT
private slots:
    void seedCorpusAndMutationsHoldInvariants()
    {
        const QDir corpus(QStringLiteral(UPSTREAM_SOURCE_DIR "/tests/fuzz/corpus"));
        const QStringList files = corpus.entryList(QDir::Files);
        QVERIFY(files.size() >= 10);
        int runs = 0;
        for (const QString &name : files) {
            QFile f(corpus.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            auto check = [&](const QByteArray &input) {
                ++runs;
                std::string why;
                QVERIFY2(upstream::fuzz::csvValidateOne(reinterpret_cast<const std::uint8_t *>(input.constData()),
                                                        std::size_t(input.size()), &why),
                         qPrintable(name + QStringLiteral(" (length %1): ").arg(input.size()) +
                                    QString::fromStdString(why)));
            };
            check(bytes);
            for (qsizetype n = 0; n < bytes.size(); ++n)
                check(bytes.left(n));
            const char replacements[] = {'"', ',', '\n', '\r', '\0', ';', '\xff'};
            for (qsizetype i = 0; i < bytes.size(); i += 3) {
                QByteArray m = bytes;
                m[i] = replacements[i % qsizetype(sizeof replacements)];
                check(m);
            }
        }
        qInfo("%d inputs checked", runs);
    }
};

QTEST_GUILESS_MAIN(TestFuzzSeedCorpusSmoke)
#include "tst_fuzz_seed_corpus_smoke.moc"
