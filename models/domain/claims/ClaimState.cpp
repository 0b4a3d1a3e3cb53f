#include "claims/ClaimState.h"

#include <cstring>

namespace upstream::claims {
namespace {

constexpr unsigned char kVersion = 1;

void putInt(std::string &out, std::uint64_t v, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out += char((v >> (8 * i)) & 0xff);
}
void putText(std::string &out, const std::string &s)
{
    putInt(out, s.size(), 4);
    out += s;
}
void putAmount(std::string &out, const Amount &a)
{
    out += char(a.hasValue ? 1 : 0);
    putInt(out, std::uint64_t(a.hasValue ? a.cents : 0), 8);
}

struct Reader {
    std::string_view in;
    bool ok = true;
    std::uint64_t getInt(int bytes)
    {
        if (in.size() < std::size_t(bytes)) {
            ok = false;
            return 0;
        }
        std::uint64_t v = 0;
        for (int i = 0; i < bytes; ++i)
            v |= std::uint64_t(static_cast<unsigned char>(in[std::size_t(i)])) << (8 * i);
        in.remove_prefix(std::size_t(bytes));
        return v;
    }
    std::string getText()
    {
        const std::uint64_t n = getInt(4);
        if (!ok || in.size() < n) {
            ok = false;
            return {};
        }
        std::string s(in.substr(0, std::size_t(n)));
        in.remove_prefix(std::size_t(n));
        return s;
    }
    Amount getAmount()
    {
        Amount a;
        a.hasValue = getInt(1) != 0;
        a.cents = std::int64_t(getInt(8));
        if (!a.hasValue)
            a.cents = 0;
        return a;
    }
};

} // namespace

std::string encodeState(const ClaimRow &row)
{
    std::string out;
    out.reserve(64 + row.payer.size() + row.cpt.size() + row.cptGroup.size() + row.denialReasonCode.size() +
                row.denialReasonText.size());
    out += char(kVersion);
    putText(out, row.payer);
    putText(out, row.cpt);
    putText(out, row.cptGroup);
    putInt(out, std::uint32_t(row.submittedDate), 4);
    putInt(out, std::uint32_t(row.decidedDate), 4);
    putInt(out, std::uint32_t(row.paymentDate), 4);
    out += char(row.outcome);
    putAmount(out, row.allowed);
    putAmount(out, row.billed);
    putAmount(out, row.paid);
    putText(out, row.denialReasonCode);
    putText(out, row.denialReasonText);
    return out;
}

bool decodeState(std::string_view bytes, ClaimRow *row)
{
    Reader r{bytes};
    if (r.getInt(1) != kVersion)
        return false;
    ClaimRow c;
    c.payer = r.getText();
    c.cpt = r.getText();
    c.cptGroup = r.getText();
    c.submittedDate = std::int32_t(std::uint32_t(r.getInt(4)));
    c.decidedDate = std::int32_t(std::uint32_t(r.getInt(4)));
    c.paymentDate = std::int32_t(std::uint32_t(r.getInt(4)));
    const std::uint64_t outcome = r.getInt(1);
    c.allowed = r.getAmount();
    c.billed = r.getAmount();
    c.paid = r.getAmount();
    c.denialReasonCode = r.getText();
    c.denialReasonText = r.getText();
    if (!r.ok || !r.in.empty() || outcome > std::uint64_t(Outcome::Pending))
        return false;
    c.outcome = Outcome(outcome);
    *row = std::move(c);
    return true;
}

} // namespace upstream::claims
