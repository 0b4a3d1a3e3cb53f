#pragma once
// Payer names as a customer's payer mapping reads them (SPEC 3: normalised through the mapping, case- and
// space-insensitive), and the likely matches the import wizard offers for a raw name that has no mapping yet.
//
// payerKey: trimmed, ASCII letters lower-cased, every run of white space one blank. "  AETNA   Inc. " and
// "aetna inc." have the same key; the mapping tables store keys, so a name maps however it is spelled.
// likelyPayers: known payers ranked by how probably `raw` means them — the same name once punctuation and legal
// suffixes (Inc, LLC, Corp, Co, Company, Ltd, The …) are dropped, then one name's words starting the other's, then
// word overlap, then spelling distance. "AETNA INC." → "Aetna"; "Blue Cross Blue Shield of TX" →
// "Blue Cross Blue Shield". Names that share nothing are never offered.
#include <QString>
#include <QStringList>

#include <string>
#include <string_view>
#include <vector>

namespace upstream::claims {

std::string payerKey(std::string_view raw);
QString payerKey(const QString &raw);

struct PayerMatch {
    QString payer;
    double score = 0; // 0 < score ≤ 1; 1 = the same name apart from case, punctuation and legal suffixes
};
// At most `limit` matches, best first (ties: the shorter, then alphabetical name first).
std::vector<PayerMatch> likelyPayers(const QString &raw, const QStringList &known, int limit = 3);

} // namespace upstream::claims
