#include "UserGuide.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace upstream::help {

QString guideFileFor(const QString &role)
{
    if (role == QLatin1String("analyst"))
        return QStringLiteral("user-guide-analyst.md");
    if (role == QLatin1String("supervisor") || role == QLatin1String("admin"))
        return QStringLiteral("user-guide-supervisor.md");
    return QStringLiteral("user-guide-operator.md");
}

QStringList guideDirectories()
{
    const QString bin = QCoreApplication::applicationDirPath();
    return {QDir::cleanPath(bin + QStringLiteral("/../share/doc/upstream-workstation")), // DEB, TGZ
            QDir::cleanPath(bin + QStringLiteral("/docs")),                              // MSI
            QDir::cleanPath(bin + QStringLiteral("/../Resources/docs")),                 // DMG
            QStringLiteral(":/docs")};
}

QString findGuide(const QString &role, const QStringList &directories)
{
    const QString name = guideFileFor(role);
    for (const QString &dir : directories) {
        QString path = dir + QLatin1Char('/') + name;
        if (QFileInfo::exists(path))
            return path;
    }
    return {};
}

} // namespace upstream::help
