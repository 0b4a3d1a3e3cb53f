#include "InactivityTimer.h"

#include <QCoreApplication>
#include <QEvent>

#include <algorithm>

namespace upstream::security {

InactivityTimer::InactivityTimer(std::chrono::milliseconds timeout, QObject *parent)
    : QObject(parent), m_timeout(timeout)
{
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
    m_timer.start(m_timeout);
}

void InactivityTimer::stop()
{
    if (m_active && QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
    m_active = false;
    m_timer.stop();
}

void InactivityTimer::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
    if (m_active)
        m_timer.start(m_timeout);
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
            m_timer.start(m_timeout);
        break;
    default: break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace upstream::security
