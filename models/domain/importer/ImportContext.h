#pragma once
// How an import takes on its target's identity settings (SPEC 3): the stored payer / CPT-group mappings under the
// caller's own (the caller's win), and the target's claim key, whose copies are wiped when the import is done.
#include "claims/Mappings.h"
#include "importer/ClaimValidator.h"
#include "quality/DataQuality.h"

#include <QByteArray>

#include <vector>

namespace upstream::importer {

// The file's base name as an upload row keeps it, or empty when it looks like it carries PHI (a patient's name in
// a file name is not rare).
QString safeFileName(const QString &path);

void useStoredMappings(ValidatorConfig &config, const std::vector<claims::Mapping> &stored);
// Moves `key` (32 bytes) into the config and wipes `key`.
void useClaimKey(ValidatorConfig &config, QByteArray &key);
void wipeClaimKey(ValidatorConfig &config);

// What the target contributed to a validation besides the file: its claim key, its stored mappings and, when the
// importer read it (`history` non-null), its upload history — as one SHA-256. A staged import (the wizard's
// preview) compares it with the target's current one before merging: different, the staged rows are stale (another
// workstation saved a mapping, the key was replaced) and the file must be read again. Nothing of the key can be
// recovered from it.
QByteArray targetSettingsFingerprint(const QByteArray &claimKey, const std::vector<claims::Mapping> &stored,
                                     const quality::UploadHistory *history);

// Wipes the config's claim key when it goes out of scope (every return path of an import).
class ClaimKeyGuard {
public:
    explicit ClaimKeyGuard(ValidatorConfig &config) : m_config(config) {}
    ~ClaimKeyGuard() { wipeClaimKey(m_config); }
    ClaimKeyGuard(const ClaimKeyGuard &) = delete;
    ClaimKeyGuard &operator=(const ClaimKeyGuard &) = delete;

private:
    ValidatorConfig &m_config;
};

} // namespace upstream::importer
