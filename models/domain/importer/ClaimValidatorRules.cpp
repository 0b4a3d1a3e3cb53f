// ClaimValidator::validate: the row rules in SPEC order (required → PHI → outcome → dates → values).
#include "ClaimValidator.h"

#include "FastText.h"
#include "claims/CptGrouping.h"
#include "claims/PayerNames.h"

#include <sodium.h>

#include <algorithm>

namespace upstream::importer {
namespace {

using namespace detail;
using claims::kNoDate;
using claims::Outcome;

constexpr std::int64_t kMaxAllowedCents = 100'000'000; // $1,000,000
constexpr std::size_t kMaxPayer = 255, kMaxCpt = 10, kMaxReasonCode = 50, kMaxReasonText = 500;
constexpr std::size_t kMaxKeptValue = 64;

// The value kept in an issue: capped, and dropped entirely when it looks like PHI (columns that SPEC does not
// scan could still carry it, and the report must never show it). The whole value is scanned before the cut: a
// cut through an SSN or a phone number would no longer match, and the report would keep most of its digits.
std::string keptValue(std::string_view v)
{
    if (phi::containsPhi(v, phi::FieldKind::Payer) || phi::containsPhi(v, phi::FieldKind::FreeText))
        return {};
    return std::string(utf8Prefix(v, kMaxKeptValue));
}

std::int8_t phiOf(std::string_view v, phi::FieldKind kind)
{
    phi::PhiType type{};
    return phi::firstPhi(v, kind, &type) ? std::int8_t(type) : std::int8_t(-1);
}

void upperInto(std::string_view s, std::string &out)
{
    out.resize(s.size());
    for (std::size_t i = 0; i < s.size(); ++i)
        out[i] = (s[i] >= 'a' && s[i] <= 'z') ? char(s[i] - 'a' + 'A') : s[i];
}

} // namespace

struct ClaimValidator::Cache {
    ValueCache<1024> payers;
    ValueCache<256> codes;
    ValueCache<1024> texts;
    crypto_auth_hmacsha256_state hmac{};
    bool hasKey = false;
    std::string cpt, code; // scratch
};

ClaimValidator::ClaimValidator(const ValidatorConfig &config, const ColumnPlan &plan)
    : m_config(config), m_plan(plan), m_cache(std::make_unique<Cache>())
{
    if (config.claimRefKey.size() == crypto_auth_hmacsha256_KEYBYTES && sodium_init() >= 0) {
        crypto_auth_hmacsha256_init(&m_cache->hmac, config.claimRefKey.data(), config.claimRefKey.size());
        m_cache->hasKey = true;
    }
}

ClaimValidator::~ClaimValidator()
{
    sodium_memzero(&m_cache->hmac, sizeof m_cache->hmac); // keyed state: derived from the claim key
}

RowOutcome ClaimValidator::validate(const std::vector<std::string_view> &fields, std::uint64_t rowNumber,
                                    std::vector<Issue> &issues, claims::ClaimRow *row)
{
    RowOutcome out;
    const std::size_t firstIssue = issues.size();
    const ColumnMapping &map = m_plan.mapping;
    auto field = [&](Column c) -> std::string_view {
        const int i = map[c];
        return (i >= 0 && std::size_t(i) < fields.size()) ? trim(fields[std::size_t(i)]) : std::string_view();
    };
    auto reject = [&](IssueCode code, int column, std::string value, std::int8_t phiType = -1) {
        issues.resize(firstIssue); // warnings of a rejected row are dropped with it
        issues.push_back({rowNumber, std::int8_t(column), code, phiType, std::move(value)});
        out.accepted = false;
        out.rejectCategory = categoryOf(code);
        return out;
    };
    auto warn = [&](IssueCode code, int column, std::string value, std::int8_t phiType = -1) {
        issues.push_back({rowNumber, std::int8_t(column), code, phiType, std::move(value)});
    };

    // Classified up front (the caller's completeness counters need it even for rejected rows); the warning for
    // OTHER is still raised at the outcome stage.
    const std::string_view outcomeText = field(Column::Outcome);
    const Outcome outcome = parseOutcome(outcomeText);
    out.outcome = outcome;
    // A pending claim is undecided: no decided date is required, and decision fields it carries are ignored.
    const bool pending = outcome == Outcome::Pending;

    // Structure: a row with fewer fields than the header lacks columns; extra non-empty fields mean misaligned
    // quoting or delimiters, and then no value can be trusted.
    if (fields.size() < m_plan.headerColumns)
        return reject(IssueCode::RowTooShort, -1, std::to_string(fields.size()));
    for (std::size_t i = m_plan.headerColumns; i < fields.size(); ++i)
        if (!trim(fields[i]).empty())
            return reject(IssueCode::RowTooLong, -1, std::to_string(fields.size()));

    // 1. required (a blank outcome is PENDING, not missing; a pending row has no decided_date)
    const std::string_view payer = field(Column::Payer), cpt = field(Column::Cpt),
                           submitted = field(Column::SubmittedDate), decided = field(Column::DecidedDate);
    static constexpr Column kRequired[] = {Column::Payer, Column::Cpt, Column::SubmittedDate, Column::DecidedDate};
    const std::string_view required[] = {payer, cpt, submitted, decided};
    for (int k = 0; k < 4; ++k)
        if (required[k].empty() && !(pending && kRequired[k] == Column::DecidedDate))
            return reject(IssueCode::MissingValue, int(kRequired[k]), {});

    // 2. PHI: payer (names + patterns) and reason code reject; reason text is blanked with a warning.
    bool hit = false;
    CachedValue &payerInfo = m_cache->payers.slot(payer, &hit);
    if (!hit) {
        payerInfo.phi = phiOf(payer, phi::FieldKind::Payer);
        const auto alias = m_config.payerAliases.empty() ? m_config.payerAliases.end()
                                                         : m_config.payerAliases.find(claims::payerKey(payer));
        payerInfo.normalised = alias != m_config.payerAliases.end() ? alias->second : std::string(payer);
        payerInfo.hash = hashBytes(payerInfo.normalised, 11);
    }
    if (payerInfo.phi >= 0)
        return reject(IssueCode::PhiInValue, int(Column::Payer), {}, payerInfo.phi);
    const std::string_view code = field(Column::DenialReasonCode);
    if (!code.empty()) {
        CachedValue &c = m_cache->codes.slot(code, &hit);
        if (!hit)
            c.phi = phiOf(code, phi::FieldKind::ReasonCode);
        if (c.phi >= 0)
            return reject(IssueCode::PhiInValue, int(Column::DenialReasonCode), {}, c.phi);
    }
    std::string_view text = field(Column::DenialReasonText);
    if (!text.empty()) {
        CachedValue &t = m_cache->texts.slot(text, &hit);
        if (!hit)
            t.phi = phiOf(text, phi::FieldKind::FreeText);
        if (t.phi >= 0) {
            warn(IssueCode::ReasonTextPhi, int(Column::DenialReasonText), {}, t.phi);
            text = {};
        }
    }

    // 3. outcome
    switch (outcome) {
    case Outcome::Other: warn(IssueCode::OutcomeOther, int(Column::Outcome), keptValue(outcomeText)); break;
    case Outcome::Paid:
    case Outcome::Denied:
    case Outcome::Pending: break;
    }

    // 4. dates
    const std::int32_t sub = parseDate(submitted);
    if (sub == kNoDate)
        return reject(IssueCode::DateUnparsable, int(Column::SubmittedDate), keptValue(submitted));
    if (sub > m_config.importDay)
        return reject(IssueCode::DateAfterImport, int(Column::SubmittedDate), keptValue(submitted));
    std::int32_t dec = kNoDate;
    if (pending) {
        if (!decided.empty())
            warn(IssueCode::PendingValueIgnored, int(Column::DecidedDate), keptValue(decided));
    } else {
        dec = parseDate(decided);
        if (dec == kNoDate)
            return reject(IssueCode::DateUnparsable, int(Column::DecidedDate), keptValue(decided));
        if (dec < sub)
            return reject(IssueCode::DecidedBeforeSubmitted, int(Column::DecidedDate), keptValue(decided));
    }
    std::int32_t pay = kNoDate;
    if (const std::string_view p = field(Column::PaymentDate); !p.empty() && pending) {
        warn(IssueCode::PendingValueIgnored, int(Column::PaymentDate), keptValue(p));
    } else if (!p.empty()) {
        pay = parseDate(p);
        if (pay == kNoDate) {
            warn(IssueCode::PaymentDateInvalid, int(Column::PaymentDate), keptValue(p));
        } else if (pay < dec) {
            warn(IssueCode::PaymentBeforeDecided, int(Column::PaymentDate), keptValue(p));
            pay = kNoDate;
        }
    }

    // 5. values
    if (payer.size() > kMaxPayer)
        return reject(IssueCode::TextTooLong, int(Column::Payer), {});
    if (cpt.size() > kMaxCpt)
        return reject(IssueCode::TextTooLong, int(Column::Cpt), keptValue(cpt));
    claims::Amount amounts[3];
    static constexpr Column kAmountColumns[] = {Column::AllowedAmount, Column::BilledAmount, Column::PaidAmount};
    for (int k = 0; k < 3; ++k) {
        const std::string_view v = field(kAmountColumns[k]);
        const AmountParse r = parseAmount(v, &amounts[k].cents);
        if (pending && kAmountColumns[k] == Column::PaidAmount) {
            // Nothing is paid on an undecided claim: the value is not stored. Billing systems often write 0.00
            // there, which is no news; anything else (a sum or garbage) is worth a warning, not a rejection.
            if (r == AmountParse::Bad || (r == AmountParse::Ok && amounts[k].cents != 0))
                warn(IssueCode::PendingValueIgnored, int(Column::PaidAmount), keptValue(v));
            amounts[k] = {};
            continue;
        }
        if (r == AmountParse::Bad)
            return reject(IssueCode::AmountUnparsable, int(kAmountColumns[k]), keptValue(v));
        amounts[k].hasValue = r == AmountParse::Ok;
    }
    const claims::Amount &allowed = amounts[0], &billed = amounts[1], &paid = amounts[2];
    if (allowed.hasValue && (allowed.cents < 0 || allowed.cents > kMaxAllowedCents))
        warn(IssueCode::AmountOutOfRange, int(Column::AllowedAmount), keptValue(field(Column::AllowedAmount)));
    if (billed.hasValue && billed.cents < 0)
        warn(IssueCode::BilledNegative, int(Column::BilledAmount), keptValue(field(Column::BilledAmount)));
    else if (billed.hasValue && allowed.hasValue && billed.cents < allowed.cents)
        warn(IssueCode::BilledBelowAllowed, int(Column::BilledAmount), keptValue(field(Column::BilledAmount)));
    if (paid.hasValue && paid.cents < 0)
        warn(IssueCode::PaidNegative, int(Column::PaidAmount), keptValue(field(Column::PaidAmount)));
    else if (paid.hasValue && allowed.hasValue && paid.cents > allowed.cents)
        warn(IssueCode::PaidAboveAllowed, int(Column::PaidAmount), keptValue(field(Column::PaidAmount)));

    std::string &cptUpper = m_cache->cpt;
    upperInto(cpt, cptUpper);
    if (!isValidCpt(cptUpper))
        warn(IssueCode::CptFormat, int(Column::Cpt), keptValue(cpt));
    std::string &codeUpper = m_cache->code;
    if (pending) {
        // A pending claim has no denial reason yet (PHI in them was already handled in step 2).
        if (!code.empty())
            warn(IssueCode::PendingValueIgnored, int(Column::DenialReasonCode), keptValue(code));
        if (!text.empty())
            warn(IssueCode::PendingValueIgnored, int(Column::DenialReasonText), keptValue(text));
        codeUpper.clear();
        text = {};
    } else {
        upperInto(utf8Prefix(code, kMaxReasonCode), codeUpper);
        if (!code.empty() && (code.size() > kMaxReasonCode || !isValidReasonCode(codeUpper)))
            warn(IssueCode::ReasonCodeFormat, int(Column::DenialReasonCode), keptValue(code));
    }
    if (outcome == Outcome::Denied && code.empty())
        warn(IssueCode::DeniedWithoutCode, int(Column::DenialReasonCode), {});
    if (text.size() > kMaxReasonText) {
        warn(IssueCode::ReasonTextTruncated, int(Column::DenialReasonText), {});
        text = utf8Prefix(text, kMaxReasonText);
    }

    out.accepted = true;
    const std::string_view ref = field(Column::ClaimRef);
    out.hasClaimRef = !ref.empty();
    out.submittedDate = sub;
    out.dupKey = !ref.empty() ? hashBytes(ref, 3)
                              : combine(combine(combine(combine(combine(payerInfo.hash, hashBytes(cptUpper, 5)),
                                                                std::uint64_t(std::uint32_t(sub))),
                                                        std::uint64_t(std::uint32_t(dec))),
                                                std::uint64_t(outcome)),
                                        std::uint64_t(allowed.hasValue ? allowed.cents : -1));
    if (row) {
        row->payer = payerInfo.normalised;
        row->cpt = cptUpper;
        row->cptGroup = claims::cptGroupOf(cptUpper, m_config.cptGroups);
        row->submittedDate = sub;
        row->decidedDate = dec;
        row->paymentDate = pay;
        row->outcome = outcome;
        row->allowed = allowed;
        row->billed = billed;
        row->paid = paid;
        row->denialReasonCode = codeUpper;
        row->denialReasonText.assign(text);
        row->hasClaimRef = !ref.empty() && m_cache->hasKey;
        row->claimRefHmac.fill(0);
        if (row->hasClaimRef) {
            crypto_auth_hmacsha256_state st = m_cache->hmac; // keyed state copied: no re-keying per row
            crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char *>(ref.data()), ref.size());
            crypto_auth_hmacsha256_final(&st, row->claimRefHmac.data());
        }
        row->sourceRow = rowNumber;
    }
    return out;
}

} // namespace upstream::importer
