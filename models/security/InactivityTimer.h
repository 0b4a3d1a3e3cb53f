#pragma once
// InactivityTimer: emits inactivityDetected() once no user input (keys, mouse, wheel, touch, tablet) has reached
// the application for `timeout`. An application-wide event filter restarts one single-shot timer; the class knows
// nothing of the UI (the lock controller listens). Like KeePassXC's InactivityTimer, except nobody can veto the
// lock.
//
// The timeout is a std::chrono duration so tests run it in milliseconds; clampToPolicy() applies SPEC section 8
// (never above 30 minutes).
#include <QObject>
#include <QTimer>

#include <chrono>

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

signals:
    void inactivityDetected();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTimer m_timer;
    std::chrono::milliseconds m_timeout;
    bool m_active = false;
};

} // namespace upstream::security
