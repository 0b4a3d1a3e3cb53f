#pragma once
// Small allocation-free text helpers for the import hot path (internal to models/importer).
#include "phi/PhiScanner.h"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace upstream::importer::detail {

inline std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

// Fast 64-bit hash for short keys (not cryptographic; used for caches and duplicate detection only).
inline std::uint64_t mix64(std::uint64_t x)
{
    x ^= x >> 31;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 29;
    return x;
}
inline std::uint64_t hashBytes(std::string_view s, std::uint64_t seed)
{
    // One multiply-rotate per 8 bytes and a full mix at the end: keys are short (claim refs, codes).
    std::uint64_t h = seed ^ (0x9E3779B97F4A7C15ULL * (s.size() + 1));
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        h = std::rotl(h ^ (w * 0x94D049BB133111EBULL), 29) * 0xBF58476D1CE4E5B9ULL;
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, s.data() + i, s.size() - i);
    return mix64(mix64(h ^ tail) + s.size());
}
inline std::uint64_t combine(std::uint64_t h, std::uint64_t v)
{
    return mix64((h ^ v) * 0x94D049BB133111EBULL + v);
}

// Up to `max` bytes of s, cut at a UTF-8 character boundary.
inline std::string_view utf8Prefix(std::string_view s, std::size_t max)
{
    if (s.size() <= max)
        return s;
    std::size_t n = max;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80)
        --n;
    return s.substr(0, n);
}

struct CachedValue {
    std::string key;
    bool used = false;
    std::int8_t phi = -1;
    std::string normalised; // payer after the alias mapping
    std::uint64_t hash = 0; // of `normalised`
};

// Direct-mapped cache: payers, codes and reason texts repeat heavily, so the PHI scan runs once per value.
template<std::size_t N>
struct ValueCache {
    static_assert((N & (N - 1)) == 0);
    std::array<CachedValue, N> entries;
    // Cheap slot hash (length, first and last 8 bytes): a collision only costs a re-scan, never a wrong answer,
    // because the full key is compared.
    static std::size_t slotOf(std::string_view key)
    {
        std::uint64_t a = 0, b = 0;
        std::memcpy(&a, key.data(), key.size() < 8 ? key.size() : 8);
        if (key.size() > 8)
            std::memcpy(&b, key.data() + key.size() - 8, 8);
        return std::size_t(mix64(a * 0x9E3779B97F4A7C15ULL ^ (b + key.size()))) & (N - 1);
    }
    CachedValue &slot(std::string_view key, bool *hit)
    {
        CachedValue &s = entries[slotOf(key)];
        *hit = s.used && s.key == key;
        if (!*hit) {
            s.used = true;
            s.key.assign(key);
            s.phi = -1;
        }
        return s;
    }
};

} // namespace upstream::importer::detail
