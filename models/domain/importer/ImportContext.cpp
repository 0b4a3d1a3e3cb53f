#include "importer/ImportContext.h"

#include "phi/PhiScanner.h"

#include <QFileInfo>

#include <sodium.h>

namespace upstream::importer {

QString safeFileName(const QString &path)
{
    const QByteArray name = QFileInfo(path).fileName().toUtf8();
    if (name.isEmpty() ||
        phi::containsPhi(std::string_view(name.constData(), std::size_t(name.size())), phi::FieldKind::FreeText))
        return {};
    return QString::fromUtf8(name);
}

void useStoredMappings(ValidatorConfig &config, const std::vector<claims::Mapping> &stored)
{
    claims::MappingTables tables = claims::mappingTables(stored);
    for (auto &[from, to] : config.payerAliases)
        tables.payers[from] = to;
    for (auto &[code, group] : config.cptGroups)
        tables.cptGroups[code] = group;
    config.payerAliases = std::move(tables.payers);
    config.cptGroups = std::move(tables.cptGroups);
}

void useClaimKey(ValidatorConfig &config, QByteArray &key)
{
    wipeClaimKey(config);
    config.claimRefKey.assign(key.cbegin(), key.cend());
    sodium_memzero(key.data(), std::size_t(key.size()));
    key.clear();
}

void wipeClaimKey(ValidatorConfig &config)
{
    if (!config.claimRefKey.empty())
        sodium_memzero(config.claimRefKey.data(), config.claimRefKey.size());
    config.claimRefKey.clear();
}

} // namespace upstream::importer
