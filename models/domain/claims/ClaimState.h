#pragma once
// A claim's state as a local workspace keeps it (cache table claims, one row per claim identity): every field of
// the accepted row that the engines read, in a compact binary form. Two rows with equal states describe the claim
// identically, so comparing states byte for byte tells an updated claim from an unchanged one; decoding a stored
// state gives back the row whose aggregates a re-export must take out. Pure: no Qt, no storage.
#include "claims/ClaimRow.h"

#include <string>
#include <string_view>

namespace upstream::claims {

std::string encodeState(const ClaimRow &row); // everything but claimRefHmac, hasClaimRef and sourceRow
// False for bytes that are not a state written by encodeState (truncated, unknown version).
bool decodeState(std::string_view bytes, ClaimRow *row);

} // namespace upstream::claims
