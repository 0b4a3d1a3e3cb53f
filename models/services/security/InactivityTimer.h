#pragma once
// InactivityTimer: emits inactivityDetected() once no user input (keys, mouse, wheel, touch, tablet) has reached
// the application for `timeout`. An application-wide event filter restarts one single-shot timer; the class knows
// nothing of the UI (the lock controller listens). Like KeePassXC's InactivityTimer, except nobody can veto the
// lock.
//
// The timeout is a std::chrono duration so tests run it in milliseconds; clampToPolicy() applies SPEC section 8
// (never above 30 minutes).
//
// Time asleep counts: Qt's timers run on the monotonic clock, which stops while the computer sleeps, so a laptop
// closed for an hour would otherwise wake up unlocked and give the remaining minutes to whoever opens it. A
// watchdog tick (a quarter of the timeout, at most 5 s) compares the time since the last input on a clock that
// keeps running in sleep (CLOCK_BOOTTIME on Linux, else the wall clock) and locks at the first tick after waking.
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

namespace upstream::security {

class InactivityTimer : public QObject {
    Q_OBJECT
public:
    explicit InactivityTimer(std::chrono::milliseconds timeout, QObject *parent = nullptr);
    ~InactivityTimer() override;

    static constexpr std::chrono::minutes kMaximum{30};
    // Lowers an over-long timeout to 30 minutes and a zero/negative one to 1 minute.
    static std::chrono::milliseconds clampToPolicy(std::chrono::milliseconds requested);

    void start(); // installs the filter and arms the timer
    void stop();
    bool isActive() const { return m_active; }
    std::chrono::milliseconds timeout() const { return m_timeout; }
    void setTimeout(std::chrono::milliseconds timeout);
    // Tests only: the clock that keeps running while the computer sleeps (milliseconds, any origin).
    void setSleepAwareClock(std::function<qint64()> clock);

signals:
    void inactivityDetected();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rearm();
    void checkSleptPastTimeout();
    QTimer m_timer;
    QTimer m_watchdog;
    std::chrono::milliseconds m_timeout;
    std::function<qint64()> m_clock;
    qint64 m_lastInput = 0; // on m_clock
    bool m_active = false;
};

} // namespace upstream::security
