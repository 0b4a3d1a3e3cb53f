// Proves: every machine-policy location IT is told to use names a real, policy-lockable setting of the registry in
// models/settings/Settings.h, with the key spelling Qt expects on that OS: the MSI's registry values
// (installer/wix/policy.wxi), the macOS configuration profile example, and the Linux INI example and policy-key
// table of docs/it-deployment.md. The INI example, loaded as policy, locks the settings it names to its values;
// and on Linux, Qt's system scope for ("Upstream", "Workstation") is the file the guide names.
#include "settings/Settings.h"

#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace upstream;
namespace keys = settings::keys;

namespace {

struct Known {
    const char *path;
    bool lockable;
};

// The registry's settings (Settings.h). A setting added there and meant for policy belongs in the guide too.
const Known kSettings[] = {{keys::ServerHost.path, keys::ServerHost.policyLockable},
                           {keys::ServerPort.path, keys::ServerPort.policyLockable},
                           {keys::ServerDatabase.path, keys::ServerDatabase.policyLockable},
                           {keys::SslMode.path, keys::SslMode.policyLockable},
                           {keys::SslRootCert.path, keys::SslRootCert.policyLockable},
                           {keys::UserName.path, keys::UserName.policyLockable},
                           {keys::RememberPassword.path, keys::RememberPassword.policyLockable},
                           {keys::AllowRememberPassword.path, keys::AllowRememberPassword.policyLockable},
                           {keys::AllowWeakTls.path, keys::AllowWeakTls.policyLockable},
                           {keys::IdleLockMinutes.path, keys::IdleLockMinutes.policyLockable},
                           {keys::CacheMemorySecurity.path, keys::CacheMemorySecurity.policyLockable},
                           {keys::LogLevel.path, keys::LogLevel.policyLockable},
                           {keys::Language.path, keys::Language.policyLockable},
                           {keys::WorkspacePath.path, keys::WorkspacePath.policyLockable},
                           {keys::ImportQualityGate.path, keys::ImportQualityGate.policyLockable}};

bool isLockableSetting(const QString &path)
{
    for (const Known &k : kSettings)
        if (path == QLatin1String(k.path))
            return k.lockable;
    return false;
}

QString source(const char *relative)
{
    return QStringLiteral(UPSTREAM_SOURCE_DIR "/") + QLatin1String(relative);
}

QByteArray readAll(const QString &file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString guide()
{
    return QString::fromUtf8(readAll(source("docs/it-deployment.md")));
}

} // namespace

class TstPolicyFilesMatchSettingsRegistry : public QObject {
    Q_OBJECT

private slots:
    void msiWritesRegistryValuesWhereQtReadsPolicy()
    {
        // QSettings on Windows: HKLM\Software\<organization>\<application>\<group>, value name = last key part.
        const QString prefix = QStringLiteral("Software\\Upstream\\Workstation\\");
        QXmlStreamReader r(readAll(source("installer/wix/policy.wxi")));
        QStringList paths;
        while (!r.atEnd()) {
            if (r.readNext() == QXmlStreamReader::StartElement && r.name() == QLatin1String("RegistryValue")) {
                const auto a = r.attributes();
                QCOMPARE(a.value(QLatin1String("Root")).toString(), QStringLiteral("HKLM"));
                const QString key = a.value(QLatin1String("Key")).toString();
                QVERIFY2(key.startsWith(prefix), qPrintable(key));
                paths << key.mid(prefix.size()).replace(QLatin1Char('\\'), QLatin1Char('/')) + QLatin1Char('/') +
                             a.value(QLatin1String("Name")).toString();
            }
        }
        QVERIFY2(!r.hasError(), qPrintable(r.errorString()));
        QCOMPARE(paths.size(), 6);
        for (const QString &p : paths)
            QVERIFY2(isLockableSetting(p), qPrintable(p + QStringLiteral(" is not a policy-lockable setting")));
        for (const char *required :
             {"server/host", "server/port", "server/database", "server/sslmode", "security/idle_lock_minutes"})
            QVERIFY2(paths.contains(QLatin1String(required)), required);
    }

    void macProfileKeysAreDottedSettingPaths()
    {
        // Qt on macOS stores "server/host" as the preference key "server.host".
        QXmlStreamReader r(readAll(source("installer/macos/com.upstream.Workstation.mobileconfig")));
        QStringList keysFound;
        int depthInSettings = -1;
        int depth = 0;
        bool nextDictIsSettings = false;
        while (!r.atEnd()) {
            r.readNext();
            if (r.isStartElement()) {
                ++depth;
                if (r.name() == QLatin1String("dict") && nextDictIsSettings) {
                    depthInSettings = depth;
                    nextDictIsSettings = false;
                } else if (r.name() == QLatin1String("key")) {
                    const QString k = r.readElementText();
                    --depth; // readElementText consumed the end element
                    if (k == QLatin1String("mcx_preference_settings"))
                        nextDictIsSettings = true;
                    else if (depthInSettings > 0 && depth == depthInSettings)
                        keysFound << k;
                }
            } else if (r.isEndElement()) {
                if (depth == depthInSettings)
                    depthInSettings = -1;
                --depth;
            }
        }
        QVERIFY2(!r.hasError(), qPrintable(r.errorString()));
        QVERIFY(keysFound.size() >= 5);
        for (QString k : std::as_const(keysFound)) {
            QVERIFY2(!k.contains(QLatin1Char('/')), qPrintable(k));
            QVERIFY2(isLockableSetting(k.replace(QLatin1Char('.'), QLatin1Char('/'))), qPrintable(k));
        }
    }

    void guideTableNamesOnlyRealSettings()
    {
        // The policy-key table's Linux column: `[group] key`.
        static const QRegularExpression cell(QStringLiteral("`\\[(\\w+)\\] (\\w+)`"));
        QStringList documented;
        for (auto it = cell.globalMatch(guide()); it.hasNext();) {
            const auto m = it.next();
            documented << m.captured(1) + QLatin1Char('/') + m.captured(2);
        }
        QVERIFY(documented.size() >= 10);
        for (const QString &p : std::as_const(documented))
            QVERIFY2(isLockableSetting(p), qPrintable(p + QStringLiteral(" is documented but not lockable/known")));
        for (const Known &k : kSettings)
            if (k.lockable)
                QVERIFY2(documented.contains(QLatin1String(k.path)), k.path);
    }

    void guideIniExampleLocksItsValues()
    {
        const QString text = guide();
        const int section = text.indexOf(QStringLiteral("### Policy on Linux"));
        QVERIFY(section > 0);
        const int start = text.indexOf(QStringLiteral("```ini\n"), section);
        const int end = text.indexOf(QStringLiteral("```"), start + 7);
        QVERIFY(start > 0 && end > start);
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("Workstation.conf"));
        QFile f(ini);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text.mid(start + 7, end - start - 7).toUtf8());
        f.close();

        settings::Settings s(
            std::make_unique<QSettings>(dir.filePath(QStringLiteral("user.ini")), QSettings::IniFormat),
            std::make_unique<QSettings>(ini, QSettings::IniFormat));
        QVERIFY(s.isLocked(keys::ServerHost));
        QCOMPARE(s.value(keys::ServerHost), QStringLiteral("db.example.org"));
        QCOMPARE(s.value(keys::ServerPort), 5432);
        QCOMPARE(s.value(keys::ServerDatabase), QStringLiteral("upstream"));
        QCOMPARE(s.value(keys::SslMode), QStringLiteral("verify-full"));
        QVERIFY(s.isLocked(keys::SslRootCert));
        QVERIFY(s.isLocked(keys::IdleLockMinutes));
        QCOMPARE(s.idleLockMinutes(), 15);
        QVERIFY(!s.isLocked(keys::Language));
        QVERIFY(s.isLocked(keys::ImportQualityGate));
        QVERIFY(s.importQualityGateBlocks());
    }

    void linuxSystemScopeIsTheDocumentedFile()
    {
#if defined(Q_OS_LINUX)
        const QSettings system(QSettings::SystemScope, QStringLiteral("Upstream"), QStringLiteral("Workstation"));
        QCOMPARE(system.fileName(), QStringLiteral("/etc/xdg/Upstream/Workstation.conf"));
        QVERIFY(guide().contains(system.fileName()));
#else
        QSKIP("Linux only");
#endif
    }
};

QTEST_GUILESS_MAIN(TstPolicyFilesMatchSettingsRegistry)
#include "tst_policy_files_match_settings_registry.moc"
