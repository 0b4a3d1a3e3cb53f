#pragma once
// FailureBackoff: after `freeAttempts` failures in a row, each further attempt must wait out a delay that doubles
// with every failure (capped). Used by sign-in and unlock so that guessing a password is slow. Uses the steady
// clock; tests shorten the base delay.
#include <chrono>

namespace upstream::security {

class FailureBackoff {
public:
    using Clock = std::chrono::steady_clock;

    explicit FailureBackoff(int freeAttempts = 5, std::chrono::milliseconds baseDelay = std::chrono::seconds(5))
        : m_free(freeAttempts), m_base(baseDelay)
    {
    }

    void setBaseDelay(std::chrono::milliseconds delay) { m_base = delay; }
    // Zero when an attempt may be made now, else how long to wait.
    std::chrono::milliseconds remaining(Clock::time_point now = Clock::now()) const
    {
        return now >= m_notBefore ? std::chrono::milliseconds(0)
                                  : std::chrono::ceil<std::chrono::milliseconds>(m_notBefore - now);
    }
    void recordFailure(Clock::time_point now = Clock::now())
    {
        ++m_failures;
        if (m_failures >= m_free) {
            const int doublings = m_failures - m_free < 6 ? m_failures - m_free : 6;
            m_notBefore = now + m_base * (1 << doublings);
        }
    }
    void recordSuccess()
    {
        m_failures = 0;
        m_notBefore = {};
    }
    int consecutiveFailures() const { return m_failures; }

private:
    int m_free;
    std::chrono::milliseconds m_base;
    int m_failures = 0;
    Clock::time_point m_notBefore{};
};

} // namespace upstream::security
