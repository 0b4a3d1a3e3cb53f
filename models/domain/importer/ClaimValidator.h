#pragma once
// ClaimValidator: the per-row rules of SPEC section 3, run in the SPEC order
//   required → PHI → outcome → dates → values
// where the first failure rejects the row (categories missing_fields, phi_detections, invalid_dates,
// invalid_values) and everything else is a warning. Built for the hot path: fields arrive as string_views into
// the reader's block, dates and amounts are parsed by hand, PHI results for repeated payer / reason values are
// cached per validator (one validator per worker thread; not thread-safe itself).
// A PHI value is never copied into an Issue: only its type and row are kept.
#include "ColumnMapping.h"
#include "claims/ClaimRow.h"
#include "phi/PhiScanner.h"

#include <QString>

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace upstream::importer {

enum class Category : std::uint8_t { MissingFields, PhiDetections, InvalidDates, InvalidValues, Warning };
inline constexpr std::size_t kRejectCategoryCount = 4;
const char *categoryName(Category category); // "missing_fields", ..., "warning"

enum class IssueCode : std::uint8_t {
    // rejections
    MissingValue,
    RowTooShort,
    RowTooLong,
    PhiInValue,
    DateUnparsable,
    DateAfterImport,
    DecidedBeforeSubmitted,
    AmountUnparsable,
    TextTooLong,
    // warnings
    CptFormat,
    OutcomeOther,
    AmountOutOfRange,
    BilledNegative,
    BilledBelowAllowed,
    PaidNegative,
    PaidAboveAllowed,
    PaymentDateInvalid,
    PaymentBeforeDecided,
    ReasonCodeFormat,
    DeniedWithoutCode,
    ReasonTextPhi,
    ReasonTextTruncated,
    PendingValueIgnored, // a decided date, payment, paid amount or denial reason on a PENDING row: not stored
    EncodingFallback,
};
inline constexpr std::size_t kIssueCodeCount = std::size_t(IssueCode::EncodingFallback) + 1;
const char *issueCodeName(IssueCode code); // stable snake_case id
Category categoryOf(IssueCode code);

struct Issue {
    std::uint64_t row = 0;   // file row, header = 1 (block-local until merged)
    std::int8_t column = -1; // Column, or -1 for the whole row
    IssueCode code = IssueCode::MissingValue;
    std::int8_t phiType = -1; // phi::PhiType for PHI issues
    std::string value;        // raw value (capped); always empty for PHI issues
};
QString issueMessage(const Issue &issue); // translated, never contains a PHI value

// Hand-written parsers (exposed for tests). Dates: YYYY-MM-DD, MM/DD/YYYY, M/D/YYYY, YYYY/MM/DD → days since
// 1970-01-01, or claims::kNoDate.
std::int32_t parseDate(std::string_view text);
std::int32_t daysFromCivil(int year, int month, int day);
enum class AmountParse : std::uint8_t { Empty, Ok, Bad };
// Strips `$`, `,` and spaces; optional sign, up to 12 integer digits, decimals rounded half up to cents.
AmountParse parseAmount(std::string_view text, std::int64_t *cents);
bool isValidCpt(std::string_view upperCode);
bool isValidReasonCode(std::string_view upperCode);
// Trimmed, case-insensitive, `_`/`-` read as spaces: PAID/APPROVED/ACCEPTED/PARTIALLY PAID/PARTIAL → Paid,
// DENIED/REJECTED/DECLINED → Denied, PENDING/SUBMITTED/IN PROCESS/OPEN/blank → Pending, anything else Other.
claims::Outcome parseOutcome(std::string_view text);

struct ValidatorConfig {
    std::int32_t importDay = 0;                                // days since epoch; later submitted dates reject
    std::unordered_map<std::string, std::string> payerAliases; // claims::payerKey(raw name) → canonical payer
    std::unordered_map<std::string, std::string> cptGroups;    // CPT/HCPCS code → group, over the default grouping
    std::vector<unsigned char> claimRefKey;                    // 32-byte HMAC key; empty: no HMAC
};

// What one row contributed, for the caller's counters.
struct RowOutcome {
    bool accepted = false;
    Category rejectCategory = Category::Warning;
    claims::Outcome outcome = claims::Outcome::Other;
    std::uint64_t dupKey = 0;                     // hash of the duplicate key of an accepted row
    bool hasClaimRef = false;                     // the row carries a claim_ref (its identity)
    std::int32_t submittedDate = claims::kNoDate; // of an accepted row, days since 1970-01-01
};

class ClaimValidator {
public:
    ClaimValidator(const ValidatorConfig &config, const ColumnPlan &plan);
    ~ClaimValidator();

    // Validates one record. Appends its issues to `issues` (row numbers as given); fills `row` when non-null
    // and the row is accepted.
    RowOutcome validate(const std::vector<std::string_view> &fields, std::uint64_t rowNumber,
                        std::vector<Issue> &issues, claims::ClaimRow *row);

private:
    struct Cache;
    const ValidatorConfig &m_config;
    const ColumnPlan &m_plan;
    std::unique_ptr<Cache> m_cache;
};

} // namespace upstream::importer
