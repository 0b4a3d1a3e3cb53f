#include "PhiScanner.h"

#include "FirstNames.h"

#include <algorithm>
#include <array>

namespace upstream::phi {
namespace {

constexpr bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
constexpr bool isUpper(char c)
{
    return c >= 'A' && c <= 'Z';
}
constexpr bool isLower(char c)
{
    return c >= 'a' && c <= 'z';
}
constexpr bool isAlpha(char c)
{
    return isUpper(c) || isLower(c);
}
constexpr bool isAlnum(char c)
{
    return isAlpha(c) || isDigit(c);
}
constexpr char lower(char c)
{
    return isUpper(c) ? char(c - 'A' + 'a') : c;
}

struct Text {
    std::string_view s;
    char at(size_t i) const { return i < s.size() ? s[i] : '\0'; }
    bool boundaryBefore(size_t i) const { return i == 0 || !isAlnum(s[i - 1]); }
    bool boundaryAfter(size_t i) const { return i >= s.size() || !isAlnum(s[i]); }
    bool digitBoundaryAfter(size_t i) const { return i >= s.size() || !isDigit(s[i]); }
    // Case-insensitive literal match at i.
    bool startsWithNoCase(size_t i, std::string_view lit) const
    {
        if (i + lit.size() > s.size())
            return false;
        for (size_t k = 0; k < lit.size(); ++k)
            if (lower(s[i + k]) != lit[k])
                return false;
        return true;
    }
    size_t digitsAt(size_t i) const
    {
        size_t n = 0;
        while (i + n < s.size() && isDigit(s[i + n]))
            ++n;
        return n;
    }
};

// Length of "ddd-dd-dddd" at i, or 0.
size_t matchSsn(const Text &t, size_t i)
{
    if (t.digitsAt(i) != 3 || t.at(i + 3) != '-' || t.digitsAt(i + 4) != 2 || t.at(i + 6) != '-' ||
        t.digitsAt(i + 7) != 4)
        return 0;
    return 11;
}

// (ddd) ddd-dddd, ddd-ddd-dddd, ddd.ddd.dddd, ddd ddd dddd, optional +1 / 1 prefix.
size_t matchPhone(const Text &t, size_t i)
{
    size_t p = i;
    if (t.at(p) == '+' && t.at(p + 1) == '1') {
        p += 2;
        if (t.at(p) == ' ' || t.at(p) == '-' || t.at(p) == '.')
            ++p;
    } else if (t.at(p) == '1' && (t.at(p + 1) == '-' || t.at(p + 1) == ' ' || t.at(p + 1) == '.') &&
               (isDigit(t.at(p + 2)) || t.at(p + 2) == '(')) {
        p += 2;
    }
    bool paren = false;
    if (t.at(p) == '(') {
        paren = true;
        ++p;
    }
    if (t.digitsAt(p) != 3)
        return 0;
    p += 3;
    if (paren) {
        if (t.at(p) != ')')
            return 0;
        ++p;
        if (t.at(p) == ' ' || t.at(p) == '-')
            ++p;
    } else {
        const char sep = t.at(p);
        if (sep != '-' && sep != '.' && sep != ' ')
            return 0;
        ++p;
        if (t.digitsAt(p) != 3)
            return 0;
        p += 3;
        if (t.at(p) != sep)
            return 0;
        ++p;
        if (t.digitsAt(p) != 4)
            return 0;
        return p + 4 - i;
    }
    if (t.digitsAt(p) != 3)
        return 0;
    p += 3;
    if (t.at(p) == '-' || t.at(p) == '.' || t.at(p) == ' ')
        ++p;
    if (t.digitsAt(p) != 4)
        return 0;
    return p + 4 - i;
}

// 16 digits, bare or in four groups of four separated by one space or dash.
size_t matchCard(const Text &t, size_t i)
{
    if (t.digitsAt(i) == 16)
        return 16;
    size_t p = i;
    for (int g = 0; g < 4; ++g) {
        if (t.digitsAt(p) != 4)
            return 0;
        p += 4;
        if (g < 3) {
            if (t.at(p) != ' ' && t.at(p) != '-')
                return 0;
            ++p;
        }
    }
    return p - i;
}

size_t matchIpv4(const Text &t, size_t i)
{
    size_t p = i;
    for (int part = 0; part < 4; ++part) {
        const size_t n = t.digitsAt(p);
        if (n < 1 || n > 3)
            return 0;
        p += n;
        if (part < 3) {
            if (t.at(p) != '.')
                return 0;
            ++p;
        }
    }
    return p - i;
}

// Medicare Beneficiary Identifier: C A AN N A AN N A A N N (A excludes S L O I B Z), dashes allowed after 4 and 7.
size_t matchMbi(const Text &t, size_t i)
{
    auto isMbiAlpha = [](char c) {
        return isUpper(c) && c != 'S' && c != 'L' && c != 'O' && c != 'I' && c != 'B' && c != 'Z';
    };
    static constexpr std::array<char, 11> shape = {'C', 'A', 'X', 'N', 'A', 'X', 'N', 'A', 'A', 'N', 'N'};
    size_t p = i;
    for (size_t k = 0; k < shape.size(); ++k) {
        if ((k == 4 || k == 7) && t.at(p) == '-')
            ++p;
        const char c = t.at(p);
        bool ok = false;
        switch (shape[k]) {
        case 'C': ok = c >= '1' && c <= '9'; break;
        case 'A': ok = isMbiAlpha(c); break;
        case 'N': ok = isDigit(c); break;
        default: ok = isDigit(c) || isMbiAlpha(c); break;
        }
        if (!ok)
            return 0;
        ++p;
    }
    return p - i;
}

constexpr std::array<std::string_view, 24> kStreetSuffixes = {
    "avenue", "ave", "boulevard", "blvd", "circle", "cir", "court", "ct", "drive",  "dr", "highway", "hwy",
    "lane",   "ln",  "parkway",   "pkwy", "place",  "pl",  "road",  "rd", "street", "st", "terrace", "way"};

// "123 Main Street": 1–6 digits, then 1–4 alphabetic words, the last a street suffix.
size_t matchStreet(const Text &t, size_t i)
{
    const size_t n = t.digitsAt(i);
    if (n < 1 || n > 6 || t.at(i + n) != ' ')
        return 0;
    size_t p = i + n + 1;
    for (int word = 0; word < 5; ++word) {
        const size_t start = p;
        while (p < t.s.size() && isAlpha(t.s[p]))
            ++p;
        if (p == start)
            return 0;
        if (word > 0) {
            std::string buf;
            for (size_t k = start; k < p; ++k)
                buf.push_back(lower(t.s[k]));
            if (std::find(kStreetSuffixes.begin(), kStreetSuffixes.end(), buf) != kStreetSuffixes.end() &&
                t.boundaryAfter(p + (t.at(p) == '.' ? 1 : 0)))
                return p + (t.at(p) == '.' ? 1 : 0) - i;
        }
        if (t.at(p) != ' ')
            return 0;
        ++p;
    }
    return 0;
}

// After a label: skip ":", "#", ".", "-", "=" and spaces; return the end of the following identifier if it contains a
// digit (ids, dates), else 0. The identifier may hold single separators between alphanumerics ("123-45-6789",
// "03/14/1961", "1EG4-TE5-MK73"); dates may also be written with spaces ("14 03 1961").
size_t labelledValueEnd(const Text &t, size_t p, bool allowSpaces)
{
    size_t skipped = 0;
    while (p < t.s.size() && skipped < 4 &&
           (t.s[p] == ' ' || t.s[p] == ':' || t.s[p] == '#' || t.s[p] == '.' || t.s[p] == '-' || t.s[p] == '=')) {
        ++p;
        ++skipped;
    }
    const size_t start = p;
    bool digit = false;
    while (p < t.s.size()) {
        const char c = t.s[p];
        if (isAlnum(c)) {
            digit = digit || isDigit(c);
            ++p;
            continue;
        }
        const bool separator = c == '-' || c == '/' || c == '.' || (allowSpaces && c == ' ');
        if (separator && p > start && isAlnum(t.at(p + 1)) && (c != ' ' || isDigit(t.at(p + 1)))) {
            ++p;
            continue;
        }
        break;
    }
    return (p > start && digit) ? p : 0;
}

struct Label {
    std::string_view text;
    PhiType type;
    bool dateValue;
};
constexpr std::array<Label, 22> kLabels = {{
    {"date of birth", PhiType::DateOfBirth, true},
    {"birth date", PhiType::DateOfBirth, true},
    {"birthdate", PhiType::DateOfBirth, true},
    {"d.o.b", PhiType::DateOfBirth, true},
    {"dob", PhiType::DateOfBirth, true},
    {"born", PhiType::DateOfBirth, true},
    {"medical record number", PhiType::Mrn, false},
    {"medical record no", PhiType::Mrn, false},
    {"medical record", PhiType::Mrn, false},
    {"mrn", PhiType::Mrn, false},
    {"mr#", PhiType::Mrn, false},
    {"member id", PhiType::MemberId, false},
    {"member number", PhiType::MemberId, false},
    {"member no", PhiType::MemberId, false},
    {"member", PhiType::MemberId, false},
    {"subscriber id", PhiType::MemberId, false},
    {"subscriber", PhiType::MemberId, false},
    {"beneficiary id", PhiType::MemberId, false},
    {"beneficiary", PhiType::MemberId, false},
    {"ssn", PhiType::Ssn, false},
    {"social security number", PhiType::Ssn, false},
    {"social security", PhiType::Ssn, false},
}};

size_t matchLabel(const Text &t, size_t i, PhiType *type)
{
    for (const Label &label : kLabels) {
        if (!t.startsWithNoCase(i, label.text))
            continue;
        const size_t after = i + label.text.size();
        if (label.text.back() != '#' && !t.boundaryAfter(after))
            continue;
        if (const size_t end = labelledValueEnd(t, after, label.dateValue)) {
            *type = label.type;
            return end - i;
        }
    }
    return 0;
}

size_t matchUrl(const Text &t, size_t i)
{
    size_t p = i;
    if (t.startsWithNoCase(i, "https://"))
        p += 8;
    else if (t.startsWithNoCase(i, "http://"))
        p += 7;
    else if (t.startsWithNoCase(i, "www."))
        p += 4;
    else
        return 0;
    const size_t start = p;
    while (p < t.s.size() && t.s[p] != ' ' && t.s[p] != '\t' && t.s[p] != '"' && t.s[p] != ',')
        ++p;
    return p > start ? p - i : 0;
}

// Email around an '@' at position at: returns [begin, end) or begin == end when not an email.
std::pair<size_t, size_t> matchEmail(const Text &t, size_t at)
{
    auto localChar = [](char c) { return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; };
    size_t b = at;
    while (b > 0 && localChar(t.s[b - 1]))
        --b;
    if (b == at)
        return {at, at};
    size_t e = at + 1;
    size_t lastDot = 0;
    while (e < t.s.size() && (isAlnum(t.s[e]) || t.s[e] == '.' || t.s[e] == '-')) {
        if (t.s[e] == '.')
            lastDot = e;
        ++e;
    }
    while (e > at + 1 && t.s[e - 1] == '.') // trailing full stop of a sentence
        --e;
    if (lastDot == 0 || lastDot <= at + 1 || e - lastDot < 3)
        return {at, at};
    return {b, e};
}

bool isFirstName(std::string_view word)
{
    if (word.size() < 2 || word.size() > 15)
        return false;
    std::array<char, 16> buf{};
    for (size_t k = 0; k < word.size(); ++k)
        buf[k] = lower(word[k]);
    const std::string_view w(buf.data(), word.size());
    return std::binary_search(kCommonFirstNames.begin(), kCommonFirstNames.end(), w);
}

// Words that make a "first name + word" value an organisation rather than a person. Lower-case, sorted.
constexpr std::array<std::string_view, 40> kOrganisationWords = {
    "administrators", "alliance", "assurance", "benefit",   "benefits", "blue",    "care",       "choice",
    "community",      "cross",    "family",    "first",     "group",    "health",  "healthcare", "hmo",
    "insurance",      "life",     "medicaid",  "medical",   "medicare", "mutual",  "national",   "network",
    "options",        "partners", "plan",      "plans",     "ppo",      "premier", "providence", "select",
    "senior",         "services", "shield",    "solutions", "trust",    "union",   "united",     "wellness"};

bool isOrganisationWord(std::string_view word)
{
    if (word.size() > 15)
        return false;
    std::array<char, 16> buf{};
    for (size_t k = 0; k < word.size(); ++k)
        buf[k] = lower(word[k]);
    const std::string_view w(buf.data(), word.size());
    return std::binary_search(kOrganisationWords.begin(), kOrganisationWords.end(), w);
}

// The whole (trimmed) value is 2–3 Title-Case words and the first is a common first name. A middle word may be
// an initial ("John Q. Public").
bool looksLikePatientName(std::string_view v)
{
    while (!v.empty() && v.front() == ' ')
        v.remove_prefix(1);
    while (!v.empty() && v.back() == ' ')
        v.remove_suffix(1);
    std::array<std::string_view, 4> words{};
    size_t count = 0;
    size_t p = 0;
    while (p < v.size()) {
        const size_t start = p;
        while (p < v.size() && v[p] != ' ')
            ++p;
        if (count == words.size())
            return false;
        words[count++] = v.substr(start, p - start);
        while (p < v.size() && v[p] == ' ')
            ++p;
    }
    if (count < 2 || count > 3)
        return false;
    for (size_t k = 0; k < count; ++k) {
        std::string_view w = words[k];
        if (w.empty() || !isUpper(w[0]))
            return false;
        const bool initial = k == 1 && count == 3 && (w.size() == 1 || (w.size() == 2 && w[1] == '.'));
        if (initial)
            continue;
        if (w.size() < 2)
            return false;
        for (size_t c = 1; c < w.size(); ++c)
            if (!isLower(w[c]) && w[c] != '\'' && w[c] != '-')
                return false;
    }
    if (!isFirstName(words[0]))
        return false;
    // "Grace Health Plan", "Christian Care": a first name followed by an organisation word is a payer.
    for (size_t k = 1; k < count; ++k)
        if (isOrganisationWord(words[k]))
            return false;
    return true;
}

// Walks the text once; calls onMatch(type, begin, end) for each non-overlapping match; onMatch returns false to
// stop early.
template<typename F>
void walk(std::string_view s, FieldKind kind, F &&onMatch)
{
    const Text t{s};
    if (kind == FieldKind::Payer && looksLikePatientName(s)) {
        if (!onMatch(PhiType::PatientName, size_t(0), s.size()))
            return;
    }
    size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (c == '@') {
            const auto [b, e] = matchEmail(t, i);
            if (e > b) {
                if (!onMatch(PhiType::Email, b, e))
                    return;
                i = e;
                continue;
            }
            ++i;
            continue;
        }
        if (!t.boundaryBefore(i) || !(isAlnum(c) || c == '(' || c == '+')) {
            ++i;
            continue;
        }
        PhiType type{};
        size_t len = 0;
        if (isDigit(c) || c == '(' || c == '+') {
            if ((len = matchSsn(t, i)) && t.boundaryAfter(i + len))
                type = PhiType::Ssn;
            else if ((len = matchCard(t, i)) && t.digitBoundaryAfter(i + len))
                type = PhiType::CardNumber;
            else if ((len = matchPhone(t, i)) && t.digitBoundaryAfter(i + len))
                type = PhiType::Phone;
            else if ((len = matchIpv4(t, i)) && t.digitBoundaryAfter(i + len))
                type = PhiType::UrlOrIp;
            else if ((len = matchMbi(t, i)) && t.boundaryAfter(i + len))
                type = PhiType::MemberId;
            else if ((len = matchStreet(t, i)))
                type = PhiType::StreetAddress;
            else if (kind == FieldKind::FreeText && t.digitsAt(i) == 9 && t.boundaryAfter(i + 9)) {
                len = 9;
                type = PhiType::Ssn;
            } else
                len = 0;
        } else {
            if ((len = matchUrl(t, i)))
                type = PhiType::UrlOrIp;
            else if ((len = matchLabel(t, i, &type))) {
            } else if (isUpper(c) && isUpper(t.at(i + 1)) && t.digitsAt(i + 2) == 6 && t.boundaryAfter(i + 8)) {
                len = 8;
                type = PhiType::Mrn;
            }
        }
        if (len > 0) {
            if (!onMatch(type, i, i + len))
                return;
            i += len;
            continue;
        }
        // Skip the rest of this token: patterns only start at token starts.
        ++i;
        while (i < s.size() && isAlnum(s[i]))
            ++i;
    }
}

constexpr std::array<const char *, kPhiTypeCount> kTypeNames = {
    "patient_name",   "ssn",         "mrn",       "phone",    "email", "date_of_birth",
    "street_address", "card_number", "url_or_ip", "member_id"};

} // namespace

const char *phiTypeName(PhiType type)
{
    return kTypeNames[size_t(type)];
}

bool firstPhi(std::string_view utf8, FieldKind kind, PhiType *type)
{
    bool found = false;
    walk(utf8, kind, [&](PhiType t, size_t, size_t) {
        found = true;
        if (type)
            *type = t;
        return false;
    });
    return found;
}

bool containsPhi(std::string_view utf8, FieldKind kind)
{
    return firstPhi(utf8, kind, nullptr);
}

std::vector<PhiMatch> scan(std::string_view utf8, FieldKind kind)
{
    std::vector<PhiMatch> matches;
    walk(utf8, kind, [&](PhiType t, size_t b, size_t e) {
        matches.push_back({t, std::uint32_t(b), std::uint32_t(e)});
        return true;
    });
    return matches;
}

std::string redact(std::string_view utf8, FieldKind kind)
{
    const std::vector<PhiMatch> matches = scan(utf8, kind);
    if (matches.empty())
        return std::string(utf8);
    std::string out;
    out.reserve(utf8.size());
    size_t pos = 0;
    for (const PhiMatch &m : matches) {
        out.append(utf8.substr(pos, m.begin - pos));
        out.append("[PHI:").append(phiTypeName(m.type)).append("]");
        pos = m.end;
    }
    out.append(utf8.substr(pos));
    return out;
}

QString redact(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    const std::string out = redact(std::string_view(utf8.constData(), size_t(utf8.size())), FieldKind::FreeText);
    return QString::fromUtf8(out.data(), qsizetype(out.size()));
}

bool isSuspiciousHeader(const QString &header)
{
    static const std::array<QLatin1String, 18> words = {
        QLatin1String("patient"),     QLatin1String("name"),          QLatin1String("dob"),    QLatin1String("birth"),
        QLatin1String("ssn"),         QLatin1String("social"),        QLatin1String("mrn"),    QLatin1String("member"),
        QLatin1String("subscriber"),  QLatin1String("address"),       QLatin1String("street"), QLatin1String("zip"),
        QLatin1String("postal"),      QLatin1String("phone"),         QLatin1String("fax"),    QLatin1String("email"),
        QLatin1String("beneficiary"), QLatin1String("medical record")};
    const QString h = header.trimmed().toLower();
    return std::any_of(words.begin(), words.end(), [&](QLatin1String w) { return h.contains(w); });
}

} // namespace upstream::phi
