#pragma once
// The workstation's Spanish translation installed for one scope of a test (as --language es does at start).
#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace upstream::test {

class ScopedSpanish {
public:
    ScopedSpanish()
    {
        m_installed = m_translator.load(QLocale(QStringLiteral("es")), QStringLiteral("upstream"), QStringLiteral("_"),
                                        QStringLiteral(":/i18n")) &&
                      QCoreApplication::installTranslator(&m_translator);
    }
    ~ScopedSpanish()
    {
        if (m_installed)
            QCoreApplication::removeTranslator(&m_translator);
    }
    ScopedSpanish(const ScopedSpanish &) = delete;
    ScopedSpanish &operator=(const ScopedSpanish &) = delete;
    bool installed() const { return m_installed; } // QVERIFY it: a missing translation must fail the test

private:
    QTranslator m_translator;
    bool m_installed = false;
};

} // namespace upstream::test
