#include "InactivityTimer.h"

#include <QCoreApplication>
#include <QEvent>

#include <QDateTime>

#include <algorithm>

#if defined(Q_OS_LINUX)
#include <time.h>
#endif

namespace upstream::security {
namespace {

qint64 sleepAwareNowMs()
{
#if defined(Q_OS_LINUX)
    timespec ts{};
    if (clock_gettime(CLOCK_BOOTTIME, &ts) == 0)
        return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
#endif
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

InactivityTimer::InactivityTimer(std::chrono::milliseconds timeout, QObject *parent)
    : QObject(parent), m_timeout(timeout), m_clock(sleepAwareNowMs)
{
    connect(&m_watchdog, &QTimer::timeout, this, &InactivityTimer::checkSleptPastTimeout);
    m_timer.setSingleShot(true);
    // A coarse timer may fire up to 5% early; the lock must never come before the configured idle time.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        // Fire once per idle period; the next input re-arms the timer.
        emit inactivityDetected();
    });
}

InactivityTimer::~InactivityTimer()
{
    stop();
}

std::chrono::milliseconds InactivityTimer::clampToPolicy(std::chrono::milliseconds requested)
{
    using namespace std::chrono;
    return std::clamp<milliseconds>(requested, minutes(1), duration_cast<milliseconds>(kMaximum));
}

void InactivityTimer::start()
{
    if (!m_active && QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
    m_active = true;
    rearm();
}

void InactivityTimer::stop()
{
    if (m_active && QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
    m_active = false;
    m_timer.stop();
    m_watchdog.stop();
}

void InactivityTimer::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
    if (m_active)
        rearm();
}

void InactivityTimer::setSleepAwareClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
    m_lastInput = m_clock();
}

void InactivityTimer::rearm()
{
    using namespace std::chrono;
    m_lastInput = m_clock();
    m_timer.start(m_timeout);
    const milliseconds tick = std::clamp<milliseconds>(m_timeout / 4, milliseconds(50), seconds(5));
    if (!m_watchdog.isActive() || m_watchdog.intervalAsDuration() != tick)
        m_watchdog.start(tick);
}

void InactivityTimer::checkSleptPastTimeout()
{
    if (m_active && m_timer.isActive() && m_clock() - m_lastInput >= m_timeout.count()) {
        m_timer.stop();
        emit inactivityDetected();
    }
}

bool InactivityTimer::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TabletPress:
    case QEvent::TabletMove:
    case QEvent::InputMethod:
        if (m_active)
            rearm();
        break;
    default: break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace upstream::security
