#pragma once
// LanguageSwitcher: the user-interface language of the running workstation (File ▸ Settings… ▸ Language, or
// --language for one run). apply() removes the translators it installed before, installs ours
// (:/i18n/upstream_<language>.qm) and Qt's own (qtbase_<language>.qm: standard buttons and dialogs), and makes the
// language's locale the default, so every default-constructed QLocale formats dates and numbers in it. Qt then sends
// QEvent::LanguageChange to every widget, which retranslates itself from its stored state, and QEvent::LocaleChange
// gives the widgets that did not choose a locale of their own the new default. Nothing restarts.
//
// An empty code is the system's language. A catalogue that does not exist (English: the source strings are English)
// is not an error: the source strings show. The destructor removes its translators and puts back the default locale
// that was in effect when the switcher was made.
#include <QLocale>
#include <QString>

#include <memory>

class QTranslator;

namespace upstream::app {

class LanguageSwitcher {
public:
    LanguageSwitcher();
    ~LanguageSwitcher();
    LanguageSwitcher(const LanguageSwitcher &) = delete;
    LanguageSwitcher &operator=(const LanguageSwitcher &) = delete;

    // "en", "es", "es_MX" or "" (the system's language). False when that language is already in effect.
    bool apply(const QString &language);
    QString language() const { return m_language; }
    static QLocale localeFor(const QString &language);

private:
    void removeTranslators();

    std::unique_ptr<QTranslator> m_ours;
    std::unique_ptr<QTranslator> m_qtBase;
    QLocale m_previousDefault;
    QString m_language;
    bool m_applied = false;
};

} // namespace upstream::app
