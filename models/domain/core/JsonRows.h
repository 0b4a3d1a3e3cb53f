#pragma once
// JsonRows: the JSON text of an array of flat objects, written straight into one UTF-8 buffer — the input of a
// set-based server statement (json_to_recordset), without a QJsonObject per row and a QJsonDocument round trip
// (those were a fifth of a pushed batch's time on the workstation, measured with bench_sync).
// Values are strings (escaped as RFC 8259 asks: quote, backslash and control characters), integers, decimals
// given as text, null, or an already-serialised JSON value. Keys are ASCII literals and are not escaped.
#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QLocale>
#include <QString>

#include <algorithm>
#include <cmath>

namespace upstream {

class JsonRows {
public:
    void beginRow()
    {
        m_out += m_rows++ ? ",{" : "{";
        m_firstField = true;
    }
    void endRow() { m_out += '}'; }

    void string(const char *key, const QString &value)
    {
        name(key);
        quoted(value.toUtf8());
    }
    // A string, or null when empty.
    void stringOrNull(const char *key, const QString &value)
    {
        if (value.isEmpty())
            null(key);
        else
            string(key, value);
    }
    void integer(const char *key, qint64 value)
    {
        name(key);
        m_out += QByteArray::number(value);
    }
    // A number written as given (e.g. an exact decimal "12.34"): the caller vouches that it is a JSON number.
    void number(const char *key, const QByteArray &digits)
    {
        name(key);
        m_out += digits;
    }
    void null(const char *key)
    {
        name(key);
        m_out += "null";
    }
    // A value as it stands in a parsed payload: strings (empty = null), numbers, booleans, null; objects and
    // arrays serialised compactly.
    void value(const char *key, const QJsonValue &v)
    {
        switch (v.type()) {
        case QJsonValue::String: stringOrNull(key, v.toString()); break;
        case QJsonValue::Double: {
            const double d = v.toDouble();
            if (!std::isfinite(d)) {
                null(key); // as QJsonDocument writes it
                break;
            }
            name(key);
            if (d == std::trunc(d) && std::fabs(d) < 9007199254740992.0) // 2^53: exactly an integer
                m_out += QByteArray::number(qint64(d));
            else
                m_out += QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
            break;
        }
        case QJsonValue::Bool:
            name(key);
            m_out += v.toBool() ? "true" : "false";
            break;
        case QJsonValue::Object:
            name(key);
            m_out += QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
            break;
        case QJsonValue::Array:
            name(key);
            m_out += QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
            break;
        case QJsonValue::Null:
        case QJsonValue::Undefined: null(key); break;
        }
    }

    bool isEmpty() const { return m_rows == 0; }
    int rows() const { return m_rows; }
    QByteArray text() const { return '[' + m_out + ']'; }

private:
    void name(const char *key)
    {
        if (!m_firstField)
            m_out += ',';
        m_firstField = false;
        m_out += '"';
        m_out += key;
        m_out += "\":";
    }
    void quoted(const QByteArray &utf8)
    {
        m_out += '"';
        const bool plain = std::none_of(utf8.begin(), utf8.end(), [](char ch) {
            const auto c = static_cast<unsigned char>(ch);
            return c == '"' || c == '\\' || c < 0x20;
        });
        if (plain) { // the usual case: copied whole
            m_out += utf8;
            m_out += '"';
            return;
        }
        for (const char ch : utf8) {
            const auto c = static_cast<unsigned char>(ch);
            if (c == '"' || c == '\\') {
                m_out += '\\';
                m_out += ch;
            } else if (c < 0x20) {
                static constexpr char hex[] = "0123456789abcdef";
                m_out += "\\u00";
                m_out += hex[c >> 4];
                m_out += hex[c & 0xf];
            } else {
                m_out += ch;
            }
        }
        m_out += '"';
    }

    QByteArray m_out;
    int m_rows = 0;
    bool m_firstField = true;
};

} // namespace upstream
