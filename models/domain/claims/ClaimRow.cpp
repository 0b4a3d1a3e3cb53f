#include "claims/ClaimRow.h"

namespace upstream::claims {

const char *outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Paid: return "PAID";
    case Outcome::Denied: return "DENIED";
    case Outcome::Pending: return "PENDING";
    case Outcome::Other: break;
    }
    return "OTHER";
}

} // namespace upstream::claims
