#pragma once
// Saves QWidget::grab() as PNG under $UPSTREAM_SCREENSHOT_DIR (GUI tests only: include from tests/gui).
#include <QDir>
#include <QString>
#include <QWidget>

namespace upstream::test {

// Returns the file written, or an empty string on failure.
inline QString saveScreenshot(QWidget *widget, const QString &name)
{
    QString dir = qEnvironmentVariable("UPSTREAM_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = QDir::tempPath();
    QDir().mkpath(dir);
    const QString file = dir + QLatin1Char('/') + name + QStringLiteral(".png");
    return widget->grab().save(file, "PNG") ? file : QString();
}

} // namespace upstream::test
