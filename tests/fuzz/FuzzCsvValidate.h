#pragma once
// The fuzz entry shared by the libFuzzer target (fuzz_csv_validate.cpp, clang only) and the seed-corpus smoke
// test (tests/unit/tst_fuzz_seed_corpus_smoke.cpp): runs the reader and the full validator over arbitrary bytes
// with small limits (so block cuts, record and field limits are exercised on small inputs) and checks the
// invariants that must hold whatever the input. Returns false when an invariant is broken.
#include "importer/ImportValidation.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace upstream::fuzz {

inline bool csvValidateOne(const std::uint8_t *data, std::size_t size, std::string *why = nullptr)
{
    auto fail = [&](const char *reason) {
        if (why)
            *why = reason;
        return false;
    };
    importer::ValidationOptions o;
    o.validator.importDay = importer::daysFromCivil(2025, 1, 1);
    o.validator.claimRefKey.assign(32, 0x5a);
    o.validator.payerAliases = {{"aetna", "Aetna"}};
    o.threads = 1 + int(size % 2);
    o.maxIssues = 64;
    o.limits.blockBytes = 64 + size % 200;
    o.limits.maxRecordBytes = 4096;
    o.limits.maxFieldBytes = 1024;
    o.limits.maxColumns = 300;
    std::uint64_t delivered = 0, lastRow = 0;
    bool ordered = true;
    o.acceptedRows = [&](std::vector<claims::ClaimRow> &&rows) {
        for (const claims::ClaimRow &r : rows) {
            ordered = ordered && r.sourceRow > lastRow;
            lastRow = r.sourceRow;
        }
        delivered += rows.size();
    };
    const auto report = importer::validateCsvBytes(std::string(reinterpret_cast<const char *>(data), size), o);
    if (!report.ok()) {
        const QString &m = report.error().message;
        return (!m.isEmpty() && !m.contains(QLatin1Char('\n'))) || fail("error message empty or multi-line");
    }
    const importer::ValidationReport &r = report.value();
    std::uint64_t categories = 0;
    for (std::uint64_t c : r.categoryCounts)
        categories += c;
    if (r.accepted + r.rejected != r.totalRows)
        return fail("accepted + rejected != total");
    if (categories != r.rejected)
        return fail("category counts != rejected");
    if (delivered != r.accepted || !ordered)
        return fail("accepted rows not delivered in order");
    for (const importer::Issue &issue : r.issues)
        if ((issue.phiType >= 0 && !issue.value.empty()) || issue.row < 2 || issue.row > r.totalRows + 1)
            return fail("issue with a PHI value or a row out of range");
    return (r.qualityScore >= 0.0 && r.qualityScore <= 1.0) || fail("quality score out of range");
}

} // namespace upstream::fuzz
