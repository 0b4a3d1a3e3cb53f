#include "claims/Mappings.h"

#include "claims/PayerNames.h"

#include <QCoreApplication>

namespace upstream::claims {

QString mappingKindName(MappingKind kind)
{
    return kind == MappingKind::Payer ? QStringLiteral("payer") : QStringLiteral("cpt-group");
}

std::optional<MappingKind> mappingKindFromName(const QString &name)
{
    if (name == QLatin1String("payer"))
        return MappingKind::Payer;
    if (name == QLatin1String("cpt-group"))
        return MappingKind::CptGroup;
    return std::nullopt;
}

QString normaliseMapping(Mapping &m)
{
    m.to = m.to.trimmed();
    if (m.kind == MappingKind::Payer) {
        m.from = payerKey(m.from);
        if (m.from.isEmpty() || m.to.isEmpty())
            return QCoreApplication::translate("Mappings", "a payer mapping needs a raw name and a payer");
        if (m.from.size() > 255 || m.to.size() > 255)
            return QCoreApplication::translate("Mappings", "payer names are at most 255 characters");
    } else {
        m.from = m.from.trimmed().toUpper();
        if (m.from.isEmpty() || m.to.isEmpty())
            return QCoreApplication::translate("Mappings", "a CPT-group mapping needs a code and a group");
        if (m.from.size() > 10)
            return QCoreApplication::translate("Mappings", "a CPT/HCPCS code is at most 10 characters");
        if (m.to.size() > 100)
            return QCoreApplication::translate("Mappings", "a CPT group name is at most 100 characters");
    }
    return {};
}

MappingTables mappingTables(const std::vector<Mapping> &mappings)
{
    MappingTables t;
    for (Mapping m : mappings) {
        if (!normaliseMapping(m).isEmpty())
            continue;
        (m.kind == MappingKind::Payer ? t.payers : t.cptGroups)[m.from.toStdString()] = m.to.toStdString();
    }
    return t;
}

} // namespace upstream::claims
