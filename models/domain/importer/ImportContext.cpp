#include "importer/ImportContext.h"

#include "phi/PhiScanner.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QStringList>

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

QByteArray targetSettingsFingerprint(const QByteArray &claimKey, const std::vector<claims::Mapping> &stored,
                                     const quality::UploadHistory *history)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(claimKey);
    const auto addText = [&hash](const QString &text) {
        const QByteArray utf8 = text.toUtf8();
        hash.addData(QByteArray::number(utf8.size()) + ':');
        hash.addData(utf8);
    };
    for (const claims::Mapping &m : stored) {
        addText(QString::number(int(m.kind)));
        addText(m.from);
        addText(m.to);
    }
    if (history) {
        QStringList parts;
        for (std::uint64_t n : history->rowCountsLast30Days)
            parts << QString::number(n);
        if (const auto &mix = history->trailing90DayMix)
            parts << QString::number(mix->paid, 'g', 17) << QString::number(mix->denied, 'g', 17)
                  << QString::number(mix->other, 'g', 17);
        parts << (history->acceptedRowsLast30Days ? QString::number(*history->acceptedRowsLast30Days) : QString())
              << QString::number(history->anomaliesLast30Days) << QString::number(history->criticalAnomaliesLast30Days);
        addText(parts.join(QLatin1Char('/')));
    }
    return hash.result();
}

} // namespace upstream::importer
