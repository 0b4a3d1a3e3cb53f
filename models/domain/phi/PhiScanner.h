#pragma once
// PhiScanner: finds protected health information in a value (SPEC section 5) without regular expressions,
// in one pass over UTF-8 bytes, so that it can run on every field of a million-row import.
//
// Contract: a match reports only its type and byte span. Callers must never store, log, show or send the
// matched bytes; redact() replaces each match with "[PHI:<type>]". The same scanner serves the import
// validator and the log redaction sink, so a value that would be rejected on import can never reach a log.
#include <QString>

#include <cstdint>
#include <string_view>
#include <vector>

namespace upstream::phi {

enum class PhiType : std::uint8_t {
    PatientName,
    Ssn,
    Mrn,
    Phone,
    Email,
    DateOfBirth,
    StreetAddress,
    CardNumber,
    UrlOrIp,
    MemberId,
};
inline constexpr int kPhiTypeCount = 10;

// What kind of value is being scanned decides which detectors run (names only in payer values, etc.).
enum class FieldKind : std::uint8_t {
    Payer,      // payer column: names, plus every structured pattern
    ReasonCode, // denial_reason_code: structured patterns only
    FreeText,   // denial_reason_text, log messages: structured patterns + bare 9-digit SSNs
};

struct PhiMatch {
    PhiType type;
    std::uint32_t begin; // byte offsets into the scanned UTF-8 text
    std::uint32_t end;
};

const char *phiTypeName(PhiType type); // stable snake_case id: "ssn", "patient_name", ...

// True when the value contains PHI of any kind. Fast path: allocation-free.
bool containsPhi(std::string_view utf8, FieldKind kind);
// First match type, for reporting "row 12: ssn". Returns false when clean.
bool firstPhi(std::string_view utf8, FieldKind kind, PhiType *type);
// All non-overlapping matches, in order.
std::vector<PhiMatch> scan(std::string_view utf8, FieldKind kind);
// The text with every match replaced by "[PHI:<type>]".
std::string redact(std::string_view utf8, FieldKind kind = FieldKind::FreeText);
QString redact(const QString &text);

// Column headers that announce patient data (patient, dob, ssn, member, address, ...). A header that the
// import mapping recognises as a canonical claim column is checked by the caller before this.
bool isSuspiciousHeader(const QString &header);

} // namespace upstream::phi
