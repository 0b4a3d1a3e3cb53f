#include "SecureBytes.h"

#include <sodium.h>

#include <atomic>
#include <cstring>
#include <new>
#include <utility>

namespace upstream::security {
namespace {
void ensureSodium()
{
    static const int ok = sodium_init(); // thread-safe, idempotent
    (void)ok;
}

std::atomic<std::size_t> g_liveBytes{0};
std::atomic<SecureBytes::WipeObserver> g_wipeObserver{nullptr};
} // namespace

SecureBytes::SecureBytes(std::size_t size) : m_size(size)
{
    ensureSodium();
    if (size == 0)
        return;
    m_data = static_cast<unsigned char *>(sodium_malloc(size));
    if (!m_data)
        throw std::bad_alloc();
    sodium_memzero(m_data, size);
    g_liveBytes += size;
}

SecureBytes::~SecureBytes()
{
    wipe();
}

SecureBytes::SecureBytes(SecureBytes &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0))
{
}

SecureBytes &SecureBytes::operator=(SecureBytes &&other) noexcept
{
    if (this != &other) {
        wipe();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

void SecureBytes::wipe()
{
    if (m_data) {
        sodium_memzero(m_data, m_size);
        if (const WipeObserver observer = g_wipeObserver.load())
            observer(m_data, m_size);
        sodium_free(m_data);
        g_liveBytes -= m_size;
    }
    m_data = nullptr;
    m_size = 0;
}

QByteArray SecureBytes::toByteArray() const
{
    return m_data ? QByteArray(reinterpret_cast<const char *>(m_data), qsizetype(m_size)) : QByteArray();
}

SecureBytes SecureBytes::fromByteArray(const QByteArray &bytes)
{
    SecureBytes s(std::size_t(bytes.size()));
    if (!bytes.isEmpty())
        std::memcpy(s.m_data, bytes.constData(), std::size_t(bytes.size()));
    return s;
}

SecureBytes SecureBytes::copy() const
{
    SecureBytes s(m_size);
    if (m_size > 0)
        std::memcpy(s.m_data, m_data, m_size);
    return s;
}

std::size_t SecureBytes::liveBytes()
{
    return g_liveBytes.load();
}

void SecureBytes::setWipeObserver(WipeObserver observer)
{
    g_wipeObserver.store(observer);
}

void secureWipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        sodium_memzero(bytes.data(), std::size_t(bytes.size()));
    bytes.clear();
}

} // namespace upstream::security
