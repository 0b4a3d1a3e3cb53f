// Proves: every tr() string in models/, views/, widgets/ and app/ has a finished, non-empty Spanish translation in
// translations/upstream_es.ts that keeps the source's %N placeholders and its keyboard accelerator. lupdate is run
// on the current sources into a temporary copy of the .ts, so a new string nobody translated yet (lupdate adds it
// as unfinished) fails the test just like an entry someone left unfinished.
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

struct TsMessage {
    QString context;
    QString source;
    QStringList translations; // one per numerus form, or one
    QString type;             // "", "unfinished", "vanished", "obsolete"
};

QList<TsMessage> parseTs(const QByteArray &xml, QString *error)
{
    QList<TsMessage> out;
    QXmlStreamReader r(xml);
    QString context;
    TsMessage current;
    bool inMessage = false;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            const auto name = r.name();
            if (name == QLatin1String("name") && !inMessage) {
                context = r.readElementText();
            } else if (name == QLatin1String("message")) {
                current = TsMessage{context, {}, {}, {}};
                inMessage = true;
            } else if (inMessage && name == QLatin1String("source")) {
                current.source = r.readElementText();
            } else if (inMessage && name == QLatin1String("translation")) {
                current.type = r.attributes().value(QLatin1String("type")).toString();
                // Plural messages carry <numerusform> children; plain ones carry the text directly.
                QString text;
                while (!(r.isEndElement() && r.name() == QLatin1String("translation")) && !r.atEnd()) {
                    r.readNext();
                    if (r.isStartElement() && r.name() == QLatin1String("numerusform"))
                        current.translations << r.readElementText();
                    else if (r.isCharacters())
                        text += r.text();
                }
                if (current.translations.isEmpty())
                    current.translations << text;
            }
        } else if (r.isEndElement() && r.name() == QLatin1String("message")) {
            out << current;
            inMessage = false;
        }
    }
    if (r.hasError() && error)
        *error = r.errorString();
    return out;
}

QSet<QString> placeholders(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("%L?\\d+"));
    QSet<QString> found;
    for (auto it = re.globalMatch(s); it.hasNext();)
        found.insert(it.next().captured().remove(QLatin1Char('L')));
    return found;
}

bool hasAccelerator(const QString &s)
{
    // "&&" is a literal ampersand, not an accelerator.
    QString t = s;
    t.remove(QStringLiteral("&&"));
    // An HTML entity in rich text (&nbsp;) is not an accelerator either.
    static const QRegularExpression re(QStringLiteral("&(?![A-Za-z]+;|#\\d+;)[^\\s&]"));
    return re.match(t).hasMatch();
}

// Returns one line per problem; empty when the translation is complete.
QStringList problems(const QList<TsMessage> &messages)
{
    QStringList out;
    for (const TsMessage &m : messages) {
        const QString where = m.context + QStringLiteral(": \"") + m.source + QLatin1Char('"');
        if (m.type == QLatin1String("unfinished")) {
            out << where + QStringLiteral(" is unfinished or new (run the update_translations target, translate it)");
            continue;
        }
        if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete"))
            continue; // not shown by the application; -no-obsolete drops them on the next update
        for (const QString &t : m.translations) {
            if (t.trimmed().isEmpty()) {
                out << where + QStringLiteral(" has an empty translation");
            } else if (placeholders(t) != placeholders(m.source)) {
                out << where + QStringLiteral(" translation does not keep the %N placeholders");
            } else if (hasAccelerator(m.source) != hasAccelerator(t)) {
                out << where + QStringLiteral(" translation does not keep the & keyboard accelerator");
            }
        }
    }
    return out;
}

QString lupdatePath()
{
    const QString besideQt = QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate");
    if (QFile::exists(besideQt))
        return besideQt;
    return QStandardPaths::findExecutable(QStringLiteral("lupdate"));
}

} // namespace

class TstSpanishTranslationComplete : public QObject {
    Q_OBJECT

private slots:
    void checkerRejectsUnfinishedEmptyAndBrokenEntries()
    {
        const QByteArray ts = R"(<?xml version="1.0" encoding="utf-8"?>
<TS version="2.1" language="es_ES">
<context><name>C</name>
<message><source>Ok</source><translation>Aceptar</translation></message>
<message><source>New</source><translation type="unfinished"></translation></message>
<message><source>Empty</source><translation></translation></message>
<message><source>Row %1 of %2</source><translation>Fila %1</translation></message>
<message><source>&amp;File</source><translation>Archivo</translation></message>
<message numerus="yes"><source>%n rows</source><translation><numerusform>%n fila</numerusform><numerusform></numerusform></translation></message>
</context></TS>)";
        QString error;
        const auto messages = parseTs(ts, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(messages.size(), 6);
        const QStringList p = problems(messages);
        QCOMPARE(p.size(), 5);
        QVERIFY(p.at(0).contains(QLatin1String("\"New\" is unfinished")));
        QVERIFY(p.at(1).contains(QLatin1String("\"Empty\" has an empty")));
        QVERIFY(p.at(2).contains(QLatin1String("placeholders")));
        QVERIFY(p.at(3).contains(QLatin1String("accelerator")));
        QVERIFY(p.at(4).contains(QLatin1String("%n rows")));
    }

    void everySourceStringHasASpanishTranslation()
    {
        const QString lupdate = lupdatePath();
        QVERIFY2(!lupdate.isEmpty(), "lupdate not found (package qt6-l10n-tools)");
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString src = QStringLiteral(UPSTREAM_SOURCE_DIR);
        const QString ts = tmp.filePath(QStringLiteral("upstream_es.ts"));
        QVERIFY(QFile::copy(src + QStringLiteral("/translations/upstream_es.ts"), ts));
        QFile::setPermissions(ts, QFile::ReadOwner | QFile::WriteOwner);

        // The same inputs and options as the update_translations target (translations/CMakeLists.txt).
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        QStringList args;
        for (const char *dir : {"models", "views", "widgets", "app"})
            args << src + QLatin1Char('/') + QLatin1String(dir);
        args << QStringLiteral("-extensions") << QStringLiteral("cpp,h") << QStringLiteral("-no-obsolete")
             << QStringLiteral("-locations") << QStringLiteral("none") << QStringLiteral("-ts") << ts;
        p.start(lupdate, args);
        QVERIFY(p.waitForFinished(120000));
        const QByteArray log = p.readAll();
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, log.constData());

        QFile f(ts);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString error;
        const auto messages = parseTs(f.readAll(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // The shell alone has dozens of strings: an empty scan means lupdate looked in the wrong place.
        QVERIFY2(messages.size() >= 30, log.constData());
        const QStringList p2 = problems(messages);
        QVERIFY2(p2.isEmpty(), qPrintable(QStringLiteral("%1 Spanish entries need work:\n").arg(p2.size()) +
                                          p2.join(QLatin1Char('\n'))));
        qInfo("%lld messages, all translated", qlonglong(messages.size()));
    }
};

QTEST_GUILESS_MAIN(TstSpanishTranslationComplete)
#include "tst_spanish_translation_complete.moc"
