// Proves: every log message passes PHI redaction before it reaches the rotating log file — SSNs, emails, phone
// numbers, MRNs, card numbers, labelled DOBs and member ids never appear in the file; ordinary text does.
#include "logging/Log.h"
#include "phi/PhiScanner.h"

#include <QTemporaryDir>
#include <QtTest>

#include <spdlog/spdlog.h>

using namespace upstream;

class TstLogRedaction : public QObject {
    Q_OBJECT
    QTemporaryDir dir;

    QByteArray logFile()
    {
        log::shutdown();
        QFile f(dir.filePath(QStringLiteral("upstream.log")));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return f.readAll();
    }

private slots:
    void initTestCase()
    {
        log::Options o;
        o.directory = dir.path();
        o.level = QStringLiteral("debug");
        QVERIFY(log::init(o).ok());
    }

    void phiNeverReachesTheFile_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("message");
        QTest::newRow("ssn") << "123-45-6789"
                             << "import row 5 had 123-45-6789 in reason text";
        QTest::newRow("bare ssn") << "987654321"
                                  << "reason: 987654321 appealed";
        QTest::newRow("email") << "pat.example@mail.test"
                               << "contact pat.example@mail.test about the claim";
        QTest::newRow("phone") << "(555) 014-2387"
                               << "call (555) 014-2387 tomorrow";
        QTest::newRow("phone dashes") << "555-014-2387"
                                      << "fax 555-014-2387";
        QTest::newRow("mrn") << "QX123456"
                             << "chart QX123456 missing";
        QTest::newRow("mrn labelled") << "A1B2C3"
                                      << "MRN: A1B2C3 denied";
        QTest::newRow("card") << "4111 1111 1111 1111"
                              << "card 4111 1111 1111 1111 on file";
        QTest::newRow("dob") << "03/14/1961"
                             << "DOB 03/14/1961 mismatch";
        QTest::newRow("member id") << "ZX99812"
                                   << "Member ID: ZX99812 not eligible";
        QTest::newRow("mbi") << "1EG4-TE5-MK73"
                             << "beneficiary 1EG4-TE5-MK73";
        QTest::newRow("address") << "742 Evergreen Terrace"
                                 << "mail to 742 Evergreen Terrace please";
        QTest::newRow("url") << "https://portal.example.test/p/12"
                             << "see https://portal.example.test/p/12";
        QTest::newRow("ip") << "10.20.30.40"
                            << "from 10.20.30.40";
    }
    void phiNeverReachesTheFile()
    {
        QFETCH(QString, secret);
        QFETCH(QString, message);
        log::warn(message);
        spdlog::default_logger()->error("direct spdlog call: {}", message.toStdString());
        const QByteArray contents = logFile();
        QVERIFY(!contents.isEmpty());
        QVERIFY2(!contents.contains(secret.toUtf8()), qPrintable(QStringLiteral("leaked %1").arg(secret)));
        QVERIFY(contents.contains("[PHI:"));
    }

    void qtWarningsAreRedactedToo()
    {
        qWarning("Qt-level warning mentioning 321-54-9876 and jo.synthetic@mail.test");
        const QByteArray contents = logFile();
        QVERIFY(contents.contains("Qt-level warning mentioning [PHI:ssn]"));
        QVERIFY(!contents.contains("321-54-9876"));
        QVERIFY(!contents.contains("jo.synthetic@mail.test"));
    }

    void ordinaryTextIsKept()
    {
        log::info(QStringLiteral("recomputed 42 signals for payer Acme Health Plan in 120 ms, CO-45 denials"));
        const QByteArray contents = logFile();
        QVERIFY(contents.contains("recomputed 42 signals for payer Acme Health Plan in 120 ms, CO-45 denials"));
    }

    void redactNamesTheTypeOnly()
    {
        QCOMPARE(log::redact(QStringLiteral("claim for 123-45-6789.")), QStringLiteral("claim for [PHI:ssn]."));
        // A labelled value is redacted together with its label.
        QCOMPARE(log::redact(QStringLiteral("SSN 123-45-6789 on file")), QStringLiteral("[PHI:ssn] on file"));
        QCOMPARE(log::redact(QStringLiteral("no phi here")), QStringLiteral("no phi here"));
    }

    void unknownLevelIsRefused()
    {
        log::Options o;
        o.directory = dir.path();
        o.level = QStringLiteral("loud");
        const Status st = log::init(o);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, ErrorCode::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TstLogRedaction)
#include "tst_log_redaction.moc"
