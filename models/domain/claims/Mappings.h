#pragma once
// A customer's (or a workspace's) mappings, as the import applies them (SPEC 3): payer mappings take a raw payer
// name (matched by claims::payerKey, so case and spacing do not matter) to the payer it means; CPT-group mappings
// take a CPT/HCPCS code (upper-case) to a group and override the default grouping (CptGrouping.h). Pure data and
// rules; storage/MappingStore.h keeps them in PostgreSQL and in the workspace cache.
#include <QString>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace upstream::claims {

enum class MappingKind { Payer, CptGroup };
QString mappingKindName(MappingKind kind); // "payer", "cpt-group" (the CLI's --kind values)
std::optional<MappingKind> mappingKindFromName(const QString &name);

struct Mapping {
    MappingKind kind = MappingKind::Payer;
    QString from;                 // the raw payer name's key, or the CPT code
    QString to;                   // the payer, or the CPT group
    QString updatedBy, updatedAt; // as stored (may be empty)
};

// The stored form of a mapping: `from` normalised (payerKey / trimmed upper-case code), `to` trimmed. Empty when
// valid, else a one-line reason (empty value, too long: payer and raw name ≤ 255, code ≤ 10, group ≤ 100).
QString normaliseMapping(Mapping &mapping);

struct MappingTables {
    std::unordered_map<std::string, std::string> payers;    // payerKey(raw) → payer
    std::unordered_map<std::string, std::string> cptGroups; // code → group
};
MappingTables mappingTables(const std::vector<Mapping> &mappings);

} // namespace upstream::claims
