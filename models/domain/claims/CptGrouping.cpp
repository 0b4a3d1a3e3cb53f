#include "claims/CptGrouping.h"

namespace upstream::claims {
namespace {

bool allDigits(std::string_view s)
{
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return !s.empty();
}

int number(std::string_view digits)
{
    int n = 0;
    for (char c : digits)
        n = n * 10 + (c - '0');
    return n;
}

} // namespace

const char *defaultCptGroup(std::string_view code)
{
    if (code.size() != 5)
        return "OTHER";
    if (allDigits(code)) {
        const int n = number(code);
        if (n >= 100 && n <= 1999)
            return "ANESTHESIA";
        if (n >= 10004 && n <= 69990)
            return "SURGERY";
        if (n >= 70010 && n <= 79999)
            return "RADIOLOGY";
        if (n >= 80047 && n <= 89398)
            return "LAB";
        if (n >= 99202 && n <= 99499) // inside the MEDICINE range: tested first
            return "E&M";
        if ((n >= 90281 && n <= 99199) || (n >= 99500 && n <= 99607))
            return "MEDICINE";
        return "OTHER";
    }
    const std::string_view head = code.substr(0, 4), tail = code.substr(1);
    if (allDigits(head) && code[4] == 'F')
        return "QUALITY";
    if (allDigits(head) && code[4] == 'T')
        return "EMERGING";
    if (code[0] >= 'A' && code[0] <= 'Z' && allDigits(tail))
        return code[0] == 'J' ? "DRUGS" : "HCPCS";
    return "OTHER";
}

std::string cptGroupOf(std::string_view code, const std::unordered_map<std::string, std::string> &overrides)
{
    if (!overrides.empty()) {
        if (const auto it = overrides.find(std::string(code)); it != overrides.end())
            return it->second;
    }
    return defaultCptGroup(code);
}

} // namespace upstream::claims
