#include "ClaimValidator.h"

#include "FastText.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstring>

namespace upstream::importer {
namespace {

constexpr bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
constexpr bool isUpper(char c)
{
    return c >= 'A' && c <= 'Z';
}
constexpr char upper(char c)
{
    return c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c;
}
using detail::trim;

} // namespace

const char *categoryName(Category category)
{
    switch (category) {
    case Category::MissingFields: return "missing_fields";
    case Category::PhiDetections: return "phi_detections";
    case Category::InvalidDates: return "invalid_dates";
    case Category::InvalidValues: return "invalid_values";
    case Category::Warning: return "warning";
    }
    return "warning";
}

const char *issueCodeName(IssueCode code)
{
    static constexpr std::array<const char *, kIssueCodeCount> names = {"missing_value",
                                                                        "row_too_short",
                                                                        "row_too_long",
                                                                        "phi_detected",
                                                                        "date_unparsable",
                                                                        "date_after_import",
                                                                        "decided_before_submitted",
                                                                        "amount_unparsable",
                                                                        "text_too_long",
                                                                        "cpt_format",
                                                                        "outcome_other",
                                                                        "amount_out_of_range",
                                                                        "billed_negative",
                                                                        "billed_below_allowed",
                                                                        "paid_negative",
                                                                        "paid_above_allowed",
                                                                        "payment_date_invalid",
                                                                        "payment_before_decided",
                                                                        "reason_code_format",
                                                                        "denied_without_code",
                                                                        "reason_text_phi",
                                                                        "reason_text_truncated",
                                                                        "pending_value_ignored",
                                                                        "encoding_fallback"};
    return names[std::size_t(code)];
}

Category categoryOf(IssueCode code)
{
    switch (code) {
    case IssueCode::MissingValue:
    case IssueCode::RowTooShort: return Category::MissingFields;
    case IssueCode::PhiInValue: return Category::PhiDetections;
    case IssueCode::DateUnparsable:
    case IssueCode::DateAfterImport:
    case IssueCode::DecidedBeforeSubmitted: return Category::InvalidDates;
    case IssueCode::RowTooLong:
    case IssueCode::AmountUnparsable:
    case IssueCode::TextTooLong: return Category::InvalidValues;
    default: return Category::Warning;
    }
}

QString issueMessage(const Issue &issue)
{
    const QString column = issue.column >= 0 ? QLatin1String(columnName(Column(issue.column))) : QString();
    const QString value = QString::fromUtf8(issue.value.data(), qsizetype(issue.value.size()));
    switch (issue.code) {
    case IssueCode::MissingValue:
        return QCoreApplication::translate("upstream::importer::ClaimValidator", "required value %1 is empty")
            .arg(column);
    case IssueCode::RowTooShort:
        return QCoreApplication::translate("upstream::importer::ClaimValidator",
                                           "the row has %1 fields, fewer than the header")
            .arg(value);
    case IssueCode::RowTooLong:
        return QCoreApplication::translate("upstream::importer::ClaimValidator",
                                           "the row has %1 fields, more than the header")
            .arg(value);
    case IssueCode::PhiInValue:
        return QCoreApplication::translate("upstream::importer::ClaimValidator",
                                           "%1 contains protected health information (%2); the value is not kept")
            .arg(column, QLatin1String(issue.phiType >= 0 ? phi::phiTypeName(phi::PhiType(issue.phiType)) : "phi"));
    case IssueCode::DateUnparsable:
        return QCoreApplication::translate("upstream::importer::ClaimValidator",
                                           "%1 is not a date (use YYYY-MM-DD or MM/DD/YYYY)")
            .arg(column);
    case IssueCode::DateAfterImport:
        return QCoreApplication::translate("upstream::importer::ClaimValidator", "%1 is after the import date")
            .arg(column);
    case IssueCode::DecidedBeforeSubmitted:
        return QCoreApplication::translate("upstream::importer::ClaimValidator",
                                           "decided_date is before submitted_date");
    case IssueCode::AmountUnparsable:
        return QCoreApplication::translate("upstream::importer::ClaimValidator", "%1 is not an amount").arg(column);
    case IssueCode::TextTooLong:
        return QCoreApplication::translate("upstream::importer::ClaimValidator", "%1 is too long").arg(column);
    case IssueCode::CptFormat:
        return QCoreApplication::translate("upstream::importer::ClaimValidator",
                                           "cpt is not a CPT, HCPCS or Category II/III code");
    case IssueCode::OutcomeOther:
        return QCoreApplication::translate("upstream::importer::ClaimValidator",
                                           "outcome is neither paid nor denied; stored as OTHER");
    case IssueCode::AmountOutOfRange:
        return QCoreApplication::translate("upstream::importer::ClaimValidator", "%1 is outside 0 to 1,000,000")
            .arg(column);
    case IssueCode::BilledNegative:
        return QCoreApplication::translate("upstream::importer::ClaimValidator", "billed_amount is negative");
    case IssueCode::BilledBelowAllowed:
        return QCoreApplication::translate("upstream::importer::ClaimValidator",
                                           "billed_amount is less than allowed_amount");
    case IssueCode::PaidNegative:
        return QCoreApplication::translate("upstream::importer::ClaimValidator", "paid_amount is negative");
    case IssueCode::PaidAboveAllowed:
        return QCoreApplication::translate("upstream::importer::ClaimValidator",
                                           "paid_amount is more than allowed_amount");
    case IssueCode::PaymentDateInvalid:
        return QCoreApplication::translate("upstream::importer::ClaimValidator",
                                           "payment_date is not a date; stored empty");
    case IssueCode::PaymentBeforeDecided:
        return QCoreApplication::translate("upstream::importer::ClaimValidator",
                                           "payment_date is before decided_date; stored empty");
    case IssueCode::ReasonCodeFormat:
        return QCoreApplication::translate("upstream::importer::ClaimValidator",
                                           "denial_reason_code is not a CARC/group code");
    case IssueCode::DeniedWithoutCode:
        return QCoreApplication::translate("upstream::importer::ClaimValidator",
                                           "denied claim without a denial_reason_code");
    case IssueCode::ReasonTextPhi:
        return QCoreApplication::translate(
                   "upstream::importer::ClaimValidator",
                   "denial_reason_text contains protected health information (%1); the text was blanked")
            .arg(QLatin1String(issue.phiType >= 0 ? phi::phiTypeName(phi::PhiType(issue.phiType)) : "phi"));
    case IssueCode::ReasonTextTruncated:
        return QCoreApplication::translate("upstream::importer::ClaimValidator",
                                           "denial_reason_text is longer than 500 characters; truncated");
    case IssueCode::PendingValueIgnored:
        return QCoreApplication::translate("upstream::importer::ClaimValidator",
                                           "%1 is set on a pending (not yet decided) claim; ignored")
            .arg(column);
    case IssueCode::EncodingFallback:
        return QCoreApplication::translate("upstream::importer::ClaimValidator", "invalid UTF-8; read as Windows-1252");
    }
    return {};
}

std::int32_t daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = unsigned((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + int(doe) - 719468;
}

std::int32_t parseDate(std::string_view s)
{
    s = trim(s);
    auto num = [&](std::size_t &p, std::size_t minDigits, std::size_t maxDigits, int *out) {
        std::size_t k = 0;
        int v = 0;
        while (p < s.size() && k < maxDigits && isDigit(s[p])) {
            v = v * 10 + (s[p] - '0');
            ++p;
            ++k;
        }
        *out = v;
        return k >= minDigits && (p >= s.size() || !isDigit(s[p]));
    };
    int y = 0, m = 0, d = 0;
    std::size_t p = 0;
    if (s.size() >= 8 && s.size() <= 10 && isDigit(s[0]) && isDigit(s[1]) && isDigit(s[2]) && isDigit(s[3]) &&
        (s[4] == '-' || s[4] == '/')) {
        const char sep = s[4];
        if (!num(p, 4, 4, &y) || s[p++] != sep || !num(p, 1, 2, &m) || p >= s.size() || s[p++] != sep ||
            !num(p, 1, 2, &d) || p != s.size())
            return claims::kNoDate;
    } else if (s.size() >= 8 && s.size() <= 10) {
        if (!num(p, 1, 2, &m) || p >= s.size() || s[p++] != '/' || !num(p, 1, 2, &d) || p >= s.size() ||
            s[p++] != '/' || !num(p, 4, 4, &y) || p != s.size())
            return claims::kNoDate;
    } else {
        return claims::kNoDate;
    }
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1)
        return claims::kNoDate;
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > kDays[m - 1] + (m == 2 && leap ? 1 : 0))
        return claims::kNoDate;
    return daysFromCivil(y, m, d);
}

AmountParse parseAmount(std::string_view s, std::int64_t *cents)
{
    s = trim(s);
    if (s.empty())
        return AmountParse::Empty;
    std::size_t p = 0;
    bool negative = false;
    if (s[p] == '-') {
        negative = true;
        ++p;
    }
    if (p < s.size() && s[p] == '$')
        ++p;
    if (!negative && p < s.size() && s[p] == '-') {
        negative = true;
        ++p;
    }
    std::int64_t whole = 0;
    int digits = 0;
    for (; p < s.size() && s[p] != '.'; ++p) {
        if (s[p] == ',')
            continue;
        if (!isDigit(s[p]) || digits >= 10)
            return AmountParse::Bad;
        whole = whole * 10 + (s[p] - '0');
        ++digits;
    }
    std::int64_t frac = 0;
    int fracDigits = 0;
    if (p < s.size()) { // '.'
        ++p;
        for (; p < s.size(); ++p) {
            if (!isDigit(s[p]))
                return AmountParse::Bad;
            if (fracDigits < 2)
                frac = frac * 10 + (s[p] - '0');
            else if (fracDigits == 2 && s[p] >= '5')
                ++frac; // round half up on the third decimal
            ++fracDigits;
        }
    }
    if (digits == 0 && fracDigits == 0)
        return AmountParse::Bad;
    if (fracDigits == 1)
        frac *= 10;
    const std::int64_t v = whole * 100 + frac;
    *cents = negative ? -v : v;
    return AmountParse::Ok;
}

bool isValidCpt(std::string_view c)
{
    if (c.size() != 5)
        return false;
    const bool tailDigits = isDigit(c[1]) && isDigit(c[2]) && isDigit(c[3]);
    if (!tailDigits)
        return false;
    if (isDigit(c[0]) && isDigit(c[4]))
        return true; // CPT
    if (isUpper(c[0]) && isDigit(c[4]))
        return true;                                                     // HCPCS level II
    return isDigit(c[0]) && (c[4] == 'F' || c[4] == 'T' || c[4] == 'U'); // Category II/III
}

bool isValidReasonCode(std::string_view c)
{
    auto isAlnumUpper = [](char ch) { return isDigit(ch) || isUpper(ch); };
    if (c.size() >= 3) {
        const std::string_view g = c.substr(0, 2);
        if (g == "CO" || g == "PR" || g == "OA" || g == "PI" || g == "CR") {
            std::size_t p = 2 + (c[2] == '-' ? 1 : 0);
            const std::size_t n = c.size() - p;
            if (n >= 1 && n <= 4 && std::all_of(c.begin() + std::ptrdiff_t(p), c.end(), isAlnumUpper))
                return true;
        }
    }
    std::size_t p = (!c.empty() && isUpper(c[0])) ? 1 : 0;
    const std::size_t n = c.size() - p;
    return n >= 1 && n <= 3 && std::all_of(c.begin() + std::ptrdiff_t(p), c.end(), isDigit);
}

claims::Outcome parseOutcome(std::string_view s)
{
    s = trim(s);
    if (s.empty())
        return claims::Outcome::Pending; // SPEC 3: a blank outcome is an unfinished claim
    char buf[16];
    std::size_t n = 0;
    for (char c : s) {
        c = (c == '_' || c == '-' || c == '\t') ? ' ' : upper(c);
        if (c == ' ' && n > 0 && buf[n - 1] == ' ')
            continue; // "IN  PROCESS" reads as "IN PROCESS"
        if (n == sizeof buf)
            return claims::Outcome::Other; // longer than every known value
        buf[n++] = c;
    }
    const std::string_view u(buf, n);
    if (u == "PAID" || u == "APPROVED" || u == "ACCEPTED" || u == "PARTIALLY PAID" || u == "PARTIAL")
        return claims::Outcome::Paid;
    if (u == "DENIED" || u == "REJECTED" || u == "DECLINED")
        return claims::Outcome::Denied;
    if (u == "PENDING" || u == "SUBMITTED" || u == "IN PROCESS" || u == "OPEN")
        return claims::Outcome::Pending;
    return claims::Outcome::Other;
}

} // namespace upstream::importer
