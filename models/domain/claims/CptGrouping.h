#pragma once
// The shipped default CPT grouping (SPEC 3): CPT sections by code range, Category II / III by their suffix letter,
// HCPCS Level II by its first letter. A customer's own CPT-group mapping overrides it (cptGroupOf). Pure: no Qt.
//
//   00100–01999 ANESTHESIA · 10004–69990 SURGERY · 70010–79999 RADIOLOGY · 80047–89398 LAB · 99202–99499 E&M ·
//   90281–99199 and 99500–99607 MEDICINE · dddd F QUALITY · dddd T EMERGING · J.... DRUGS, other letters HCPCS ·
//   anything else OTHER.
#include <string>
#include <string_view>
#include <unordered_map>

namespace upstream::claims {

// `upperCode`: the trimmed, upper-case code as the validator keeps it. Returns one of the names above.
const char *defaultCptGroup(std::string_view upperCode);

// The customer's mapping (code → group) when it has the code, else the default grouping.
std::string cptGroupOf(std::string_view upperCode, const std::unordered_map<std::string, std::string> &overrides);

} // namespace upstream::claims
