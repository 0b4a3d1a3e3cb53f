#pragma once
// Real key events for tests/window: xdotool sends them through the X server to the focused window exactly as a
// keyboard does (no widget-level QTest key calls). Each call waits for xdotool while the Qt event loop keeps running,
// so the window can answer the window manager meanwhile.
#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QStringList>
#include <QWidget>

namespace upstream::test {

inline bool xdo(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("xdotool"), args);
    if (!p.waitForStarted(5000))
        return false;
    QElapsedTimer t;
    t.start();
    while (p.state() != QProcess::NotRunning && t.elapsed() < 30000) {
        QApplication::processEvents(QEventLoop::AllEvents, 20);
        p.waitForFinished(10);
    }
    QApplication::processEvents();
    return p.state() == QProcess::NotRunning && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// Raises and focuses the window through the window manager.
inline bool activate(QWidget *window)
{
    return xdo({QStringLiteral("windowactivate"), QStringLiteral("--sync"), QString::number(window->winId())});
}

inline bool typeText(const QString &text)
{
    return xdo({QStringLiteral("type"), QStringLiteral("--delay"), QStringLiteral("25"), QStringLiteral("--"), text});
}

// One chord or a sequence, in xdotool's names: "ctrl+4", "Return", "alt+F4".
inline bool key(const QString &keys)
{
    return xdo({QStringLiteral("key"), QStringLiteral("--delay"), QStringLiteral("40"), keys});
}

} // namespace upstream::test
