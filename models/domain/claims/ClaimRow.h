#pragma once
// ClaimRow: one accepted, normalised claim as the import validator hands it on (SPEC section 3).
// Plain data, no Qt: built on worker threads at a million rows per second. Dates are days since 1970-01-01
// (kNoDate when absent); amounts are int64 cents with a has-value flag. Text is UTF-8. The raw claim_ref is
// never kept: only its HMAC-SHA256 under the customer's key (all zero when no key was configured).
// Note: the engines define their own claim record (models/engines/); the two are to be unified later.
#include <array>
#include <cstdint>
#include <string>

namespace upstream::claims {

inline constexpr std::int32_t kNoDate = INT32_MIN;

// Pending: not yet decided (a live export's newest claims, SPEC 3): a valid row without decided_date, payment_date,
// paid amount or denial reason.
enum class Outcome : std::uint8_t { Paid, Denied, Other, Pending };
const char *outcomeName(Outcome outcome); // "PAID", "DENIED", "OTHER", "PENDING"

struct Amount {
    std::int64_t cents = 0;
    bool hasValue = false;
};

struct ClaimRow {
    std::string payer;    // normalised through the customer's payer mapping
    std::string cpt;      // upper-case, trimmed
    std::string cptGroup; // the customer's CPT group mapping, else the default grouping (CptGrouping.h)
    std::int32_t submittedDate = kNoDate;
    std::int32_t decidedDate = kNoDate; // kNoDate exactly when the outcome is Pending
    std::int32_t paymentDate = kNoDate; // kNoDate when absent or invalid (a warning was raised)
    Outcome outcome = Outcome::Other;
    Amount allowed;
    Amount billed;
    Amount paid;
    std::string denialReasonCode; // upper-case
    std::string denialReasonText; // empty when blanked for PHI
    std::array<std::uint8_t, 32> claimRefHmac{};
    bool hasClaimRef = false;
    std::uint64_t sourceRow = 0; // row number in the file (header = row 1)
};

} // namespace upstream::claims
