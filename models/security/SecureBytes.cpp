#include "SecureBytes.h"

#include <sodium.h>

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
    if (m_data)
        sodium_free(m_data); // zeroes before freeing
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

void secureWipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        sodium_memzero(bytes.data(), std::size_t(bytes.size()));
    bytes.clear();
}

} // namespace upstream::security
