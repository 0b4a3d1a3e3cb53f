#include "alerts/AlertLabels.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace upstream::alerts {
namespace {
constexpr const char *kNoiseSuppressed =
    QT_TRANSLATE_NOOP("AlertLabels", "Suppressed: marked noise %1 times in the last 30 days");
constexpr const char *kCooldownSuppressed =
    QT_TRANSLATE_NOOP("AlertLabels", "Suppressed: a similar alert was raised %1 min ago (4 h cooldown)");

// The stored (English) form of a source text with one number, as a pattern that captures the number.
QRegularExpression storedPattern(const char *source)
{
    const QStringList parts = QString::fromLatin1(source).split(QStringLiteral("%1"));
    QStringList escaped;
    for (const QString &part : parts)
        escaped << QRegularExpression::escape(part);
    return QRegularExpression(QLatin1Char('^') + escaped.join(QStringLiteral("(\\d+)")) + QLatin1Char('$'));
}
} // namespace

QString noiseSuppression(int noiseVerdicts)
{
    return QString::fromLatin1(kNoiseSuppressed).arg(noiseVerdicts);
}

QString cooldownSuppression(qint64 minutesAgo)
{
    return QString::fromLatin1(kCooldownSuppressed).arg(minutesAgo);
}

QString suppressionLabel(const QString &stored)
{
    if (stored.isEmpty())
        return stored;
    static const QRegularExpression noise = storedPattern(kNoiseSuppressed);
    static const QRegularExpression cooldown = storedPattern(kCooldownSuppressed);
    for (const auto &[pattern, source] :
         {std::pair{&noise, kNoiseSuppressed}, std::pair{&cooldown, kCooldownSuppressed}})
        if (const auto m = pattern->match(stored); m.hasMatch())
            return QCoreApplication::translate("AlertLabels", source).arg(m.captured(1));
    return stored;
}

QString verdictLabel(const QString &id)
{
    if (id == QLatin1String("real"))
        return QCoreApplication::translate("AlertLabels", "Real");
    if (id == QLatin1String("noise"))
        return QCoreApplication::translate("AlertLabels", "Noise");
    if (id == QLatin1String("needs_followup"))
        return QCoreApplication::translate("AlertLabels", "Needs follow-up");
    return id;
}

QString reasonLabel(const QString &code)
{
    if (code == QLatin1String("false_positive"))
        return QCoreApplication::translate("AlertLabels", "False positive");
    if (code == QLatin1String("data_entry_error"))
        return QCoreApplication::translate("AlertLabels", "Data entry error");
    if (code == QLatin1String("payer_policy_change"))
        return QCoreApplication::translate("AlertLabels", "Payer policy change");
    if (code == QLatin1String("coding_issue"))
        return QCoreApplication::translate("AlertLabels", "Coding issue");
    if (code == QLatin1String("expected_seasonal"))
        return QCoreApplication::translate("AlertLabels", "Expected / seasonal");
    if (code == QLatin1String("other"))
        return QCoreApplication::translate("AlertLabels", "Other");
    return code;
}

} // namespace upstream::alerts
