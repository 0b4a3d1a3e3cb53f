#pragma once
// The fixed vocabulary of the synthetic demo data: invented payer names (organisations, never people), CPT
// groups with their codes and allowed-amount ranges, and CARC-style denial reasons. Fixed lists (not seeded),
// so the same names appear in every demo workspace; the seed decides volumes, rates and planted changes.
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace upstream::demo {

struct DemoCptGroup {
    QString name;      // cpt_group, e.g. "RADIOLOGY"
    QStringList codes; // CPT/HCPCS codes that map to it
    double weight;     // share of claim volume
    std::int64_t minAllowedCents, maxAllowedCents;
};

struct DemoReason {
    QString code; // "CO-50"
    QString text; // "Not deemed medically necessary"
};

// At least `count` distinct invented payer names ("Cedar Mutual", "Granite Health Plan", ...).
QStringList demoPayerNames(int count);
const std::vector<DemoCptGroup> &demoCptGroups();
// Reasons payers use in ordinary months.
const std::vector<DemoReason> &demoCommonReasons();
// Reasons no payer uses at baseline: planted "new reason" changes draw from these.
const std::vector<DemoReason> &demoNewReasons();
// Free-text-only denial reasons (no code), as some exports carry them.
const QStringList &demoFreeTextReasons();

} // namespace upstream::demo
