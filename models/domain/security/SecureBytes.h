#pragma once
// SecureBytes: a fixed-size buffer for key material, allocated with sodium_malloc (guard pages, mlock'ed, never
// swapped where the OS allows) and wiped on destruction or wipe(). Move-only.
#include <QByteArray>

#include <cstddef>

namespace upstream::security {

class SecureBytes {
public:
    SecureBytes() = default;
    explicit SecureBytes(std::size_t size);
    ~SecureBytes();
    SecureBytes(SecureBytes &&other) noexcept;
    SecureBytes &operator=(SecureBytes &&other) noexcept;
    SecureBytes(const SecureBytes &) = delete;
    SecureBytes &operator=(const SecureBytes &) = delete;

    unsigned char *data() { return m_data; }
    const unsigned char *data() const { return m_data; }
    std::size_t size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    void wipe(); // zero and free now

    // A copy as QByteArray for APIs that need one; wipe it after use with secureWipe(). Prefer copy(): it stays
    // in locked, guarded memory.
    QByteArray toByteArray() const;
    static SecureBytes fromByteArray(const QByteArray &bytes);
    SecureBytes copy() const;

    // Bytes held by all SecureBytes of the process right now: 0 once every key and password copy is wiped (a lock
    // releases them all; tests assert it).
    static std::size_t liveBytes();
    // Tests only: called with each buffer after it is zeroed and before it is freed, so a test can check the
    // bytes themselves. nullptr removes it. Not thread-safe to change while buffers are being wiped.
    using WipeObserver = void (*)(const unsigned char *data, std::size_t size);
    static void setWipeObserver(WipeObserver observer);

private:
    unsigned char *m_data = nullptr;
    std::size_t m_size = 0;
};

// Overwrites a QByteArray's bytes with zeros (for temporary copies of key material).
void secureWipe(QByteArray &bytes);

} // namespace upstream::security
