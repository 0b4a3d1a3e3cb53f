#include "LanguageSwitcher.h"

#include "logging/Log.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLibraryInfo>
#include <QTranslator>

namespace upstream::app {
namespace {

std::unique_ptr<QTranslator> install(const QLocale &locale, const QString &name, const QString &directory)
{
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(locale, name, QStringLiteral("_"), directory) ||
        !QCoreApplication::installTranslator(translator.get()))
        return nullptr;
    return translator;
}

} // namespace

LanguageSwitcher::LanguageSwitcher() : m_previousDefault(QLocale()) {}

LanguageSwitcher::~LanguageSwitcher()
{
    removeTranslators();
    if (m_applied)
        QLocale::setDefault(m_previousDefault);
}

QLocale LanguageSwitcher::localeFor(const QString &language)
{
    const QString code = language.trimmed();
    return code.isEmpty() ? QLocale::system() : QLocale(code);
}

bool LanguageSwitcher::apply(const QString &language)
{
    const QString code = language.trimmed();
    if (m_applied && code == m_language)
        return false;
    const QLocale locale = localeFor(code);
    removeTranslators();
    // First the locale, then the translators: the LanguageChange handlers that installing them triggers format the
    // dates and numbers they recompute with QLocale(), which must already be the new language's.
    QLocale::setDefault(locale);
    m_ours = install(locale, QStringLiteral("upstream"), QStringLiteral(":/i18n"));
    m_qtBase = install(locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    // A widget resolves its locale when it is made: existing ones (date editors, spin boxes) take the new default
    // only when told. QApplication hands LocaleChange on to every top-level window and its children.
    if (QCoreApplication *app = QCoreApplication::instance()) {
        QEvent changed(QEvent::LocaleChange);
        QCoreApplication::sendEvent(app, &changed);
    }
    m_language = code;
    m_applied = true;
    log::info(QStringLiteral("user-interface language: %1 (%2)")
                  .arg(code.isEmpty() ? QStringLiteral("system") : code, locale.name()));
    return true;
}

void LanguageSwitcher::removeTranslators()
{
    for (std::unique_ptr<QTranslator> *t : {&m_ours, &m_qtBase}) {
        if (*t)
            QCoreApplication::removeTranslator(t->get());
        t->reset();
    }
}

} // namespace upstream::app
