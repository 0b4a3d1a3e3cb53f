// JsonRows writes the push's input JSON by hand (core/JsonRows.h). Whatever it writes must parse back, with Qt's
// own JSON parser, to exactly the values it was given: strings with quotes, backslashes, control characters and
// non-ASCII text, integers, fractions, decimals as text, null, empty strings (null), booleans, nested objects and
// arrays — and a broken writer (an unescaped quote) must be caught by the same check.
#include "core/JsonRows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace upstream;

namespace {

QJsonArray parsed(const QByteArray &text)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return {};
    return doc.array();
}

} // namespace

class TstJsonRows : public QObject {
    Q_OBJECT
private slots:
    void stringsSurviveEscaping()
    {
        const QStringList values{QStringLiteral("plain"), QStringLiteral("quote \" and backslash \\ and slash /"),
                                 QStringLiteral("tab\tnewline\ncarriage\rbell\x07 nul-free"),
                                 QString::fromUtf8("Señora Núñez — 請求 💶"), QStringLiteral("trailing backslash \\")};
        JsonRows rows;
        for (const QString &v : values) {
            rows.beginRow();
            rows.string("s", v);
            rows.endRow();
        }
        const QJsonArray back = parsed(rows.text());
        QCOMPARE(back.size(), values.size());
        for (qsizetype i = 0; i < values.size(); ++i)
            QCOMPARE(back.at(i).toObject().value(QStringLiteral("s")).toString(), values.at(i));
    }

    void valuesKeepTheirTypes()
    {
        const QJsonObject nested{{QStringLiteral("who"), QStringLiteral("a\"b")}, {QStringLiteral("n"), 3}};
        JsonRows rows;
        rows.beginRow();
        rows.integer("int", -9007199254740991LL);
        rows.number("decimal", "12.34");
        rows.value("double", QJsonValue(0.1));
        rows.value("whole", QJsonValue(42.0));
        rows.value("empty", QJsonValue(QString()));
        rows.value("missing", QJsonValue(QJsonValue::Undefined));
        rows.value("null", QJsonValue(QJsonValue::Null));
        rows.value("yes", QJsonValue(true));
        rows.value("object", nested);
        rows.value("array", QJsonArray{1, QStringLiteral("x")});
        rows.stringOrNull("none", QString());
        rows.endRow();
        QCOMPARE(rows.rows(), 1);
        const QJsonObject o = parsed(rows.text()).at(0).toObject();
        QCOMPARE(o.value(QStringLiteral("int")).toInteger(), -9007199254740991LL);
        QCOMPARE(o.value(QStringLiteral("decimal")).toDouble(), 12.34);
        QCOMPARE(o.value(QStringLiteral("double")).toDouble(), 0.1); // shortest form, read back exactly
        QCOMPARE(o.value(QStringLiteral("whole")).toInteger(), 42);
        for (const char *key : {"empty", "missing", "null", "none"}) {
            QVERIFY2(o.contains(QLatin1String(key)), key);
            QVERIFY2(o.value(QLatin1String(key)).isNull(), key);
        }
        QCOMPARE(o.value(QStringLiteral("yes")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("object")).toObject(), nested);
        QCOMPARE(o.value(QStringLiteral("array")).toArray(), (QJsonArray{1, QStringLiteral("x")}));
    }

    void noRowsIsAnEmptyArray()
    {
        const JsonRows rows;
        QVERIFY(rows.isEmpty());
        QCOMPARE(rows.text(), QByteArray("[]"));
    }

    void theCheckCatchesAnUnescapedQuote()
    {
        // Positive control: the text a writer without escaping would produce does not parse back.
        const QByteArray broken = "[{\"s\":\"quote \" inside\"}]";
        const QByteArray escaped = "[{\"s\":\"quote \\\" inside\"}]";
        QVERIFY(parsed(broken).isEmpty());
        QCOMPARE(parsed(escaped).at(0).toObject().value(QStringLiteral("s")).toString(),
                 QStringLiteral("quote \" inside"));
    }
};

QTEST_GUILESS_MAIN(TstJsonRows)
#include "tst_json_rows_parse_back_to_their_values.moc"
