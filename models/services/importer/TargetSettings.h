#pragma once
// How an import, to PostgreSQL or to a workspace, takes on its target's settings (see ClaimImporter.h, "Identity"
// and "History"): one definition for both targets, each passing the readers of its own storage.
#include "core/Result.h"
#include "importer/ImportContext.h"
#include "importer/ImportValidation.h"

#include <QByteArray>

#include <utility>

namespace upstream::importer {

// The caller gave an upload history (the wizard passes the one it validated with); otherwise the importer reads
// the target's.
inline bool historyGiven(const ValidationOptions &vo)
{
    return !vo.history.rowCountsLast30Days.empty() || vo.history.trailing90DayMix;
}

// The target's claim key, stored mappings and, when `historyFromTarget`, upload history (relative to the
// validator's import day), put into `vo`; returns their fingerprint (targetSettingsFingerprint). The readers run in
// that order inside the caller's transaction and return Result<QByteArray>, Result<std::vector<claims::Mapping>>
// and Result<quality::UploadHistory>: readHistory(importDay) is storage::uploadHistory, the one definition of the
// history, shared with the wizard. The first reader that fails fails the call, and `vo` is then left untouched.
template<typename ReadKey, typename ReadMappings, typename ReadHistory>
Result<QByteArray> useTargetSettings(ValidationOptions &vo, bool historyFromTarget, ReadKey readKey,
                                     ReadMappings readMappings, ReadHistory readHistory)
{
    auto key = readKey();
    if (!key.ok())
        return key.error();
    auto mappings = readMappings();
    if (!mappings.ok())
        return mappings.error();
    if (historyFromTarget) {
        auto history = readHistory(vo.validator.importDay);
        if (!history.ok())
            return history.error();
        vo.history = std::move(history.value());
    }
    const QByteArray fingerprint =
        targetSettingsFingerprint(key.value(), mappings.value(), historyFromTarget ? &vo.history : nullptr);
    useClaimKey(vo.validator, key.value());
    useStoredMappings(vo.validator, mappings.value());
    return fingerprint;
}

} // namespace upstream::importer
