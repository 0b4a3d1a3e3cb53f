#include "demo/DemoCatalog.h"

#include <QHash>

namespace upstream::demo {

QStringList demoPayerNames(int count)
{
    // Place-and-nature words crossed with plan suffixes: clearly organisations, and no first word is a common
    // first name (the PHI scanner's patient-name rule must never fire on demo payers).
    static const char *const kPrefixes[] = {
        "Cedar",      "Granite",    "Bluewater",   "Keystone",  "Harborview", "Prairie",    "Meridian",   "Evergreen",
        "Lakeshore",  "Silverline", "Redwood",     "Northgate", "Ironbridge", "Sunvale",    "Clearpoint", "Westbrook",
        "Stonefield", "Riverbend",  "Oakcrest",    "Pinecrest", "Brightpath", "Tidewater",  "Copperline", "Amberfield",
        "Longview",   "Highplain",  "Foxglove",    "Saltmarsh", "Driftwood",  "Quarryside", "Thornbury",  "Willowmere",
        "Ashgrove",   "Larkspur",   "Bramblewood", "Cobaltbay", "Mistvale",   "Suncrest",   "Hollowpine", "Gullrock",
    };
    static const char *const kSuffixes[] = {"Health Plan",    "Mutual",          "Care Alliance",
                                            "Benefits Group", "Health Partners", "Assurance"};
    QStringList out;
    const int prefixes = int(std::size(kPrefixes)), suffixes = int(std::size(kSuffixes));
    for (int i = 0; i < count && i < prefixes * suffixes; ++i) {
        const int p = i % prefixes, s = (i / prefixes + i) % suffixes;
        out << QString::fromLatin1(kPrefixes[p]) + QLatin1Char(' ') + QString::fromLatin1(kSuffixes[s]);
    }
    return out;
}

const std::vector<DemoCptGroup> &demoCptGroups()
{
    static const std::vector<DemoCptGroup> groups = [] {
        auto codes = [](const char *list) { return QString::fromLatin1(list).split(QLatin1Char(' ')); };
        return std::vector<DemoCptGroup>{
            {QStringLiteral("E&M"), codes("99202 99203 99213 99214 99215 99285"), 1.6, 7000, 25000},
            {QStringLiteral("RADIOLOGY"), codes("70450 71046 72148 73721 74177"), 1.0, 9000, 90000},
            {QStringLiteral("LAB"), codes("80053 85025 83036 87086 84443"), 1.4, 1000, 6000},
            {QStringLiteral("SURGERY"), codes("29881 47562 66984 27447"), 0.6, 90000, 600000},
            {QStringLiteral("ANESTHESIA"), codes("00142 00790 01402"), 0.5, 30000, 150000},
            {QStringLiteral("MEDICINE"), codes("97110 97140 97530 93000 93306"), 0.9, 3000, 60000},
            {QStringLiteral("HCPCS"), codes("E0601 E0114 K0001 L3908"), 0.5, 5000, 90000},
            {QStringLiteral("DRUGS"), codes("J1885 J0696 J2270 J3301"), 0.8, 2500, 180000},
        };
    }();
    return groups;
}

const std::vector<DemoReason> &demoCommonReasons()
{
    static const std::vector<DemoReason> reasons{
        {QStringLiteral("CO-45"), QStringLiteral("Charges exceed the contracted fee schedule")},
        {QStringLiteral("CO-97"), QStringLiteral("Payment included in another service")},
        {QStringLiteral("CO-16"), QStringLiteral("Claim lacks information needed for adjudication")},
        {QStringLiteral("CO-50"), QStringLiteral("Not deemed medically necessary")},
        {QStringLiteral("CO-197"), QStringLiteral("Precertification or authorization absent")},
        {QStringLiteral("CO-4"), QStringLiteral("Procedure code inconsistent with the modifier")},
        {QStringLiteral("CO-18"), QStringLiteral("Exact duplicate claim or service")},
        {QStringLiteral("CO-29"), QStringLiteral("Time limit for filing has expired")},
        {QStringLiteral("CO-109"), QStringLiteral("Claim not covered by this payer")},
        {QStringLiteral("PR-1"), QStringLiteral("Deductible amount")},
        {QStringLiteral("PR-2"), QStringLiteral("Coinsurance amount")},
        {QStringLiteral("CO-11"), QStringLiteral("Diagnosis inconsistent with the procedure")},
    };
    return reasons;
}

const std::vector<DemoReason> &demoNewReasons()
{
    static const std::vector<DemoReason> reasons{
        {QStringLiteral("CO-B7"), QStringLiteral("Provider not certified for this procedure")},
        {QStringLiteral("CO-242"), QStringLiteral("Services not provided by network providers")},
        {QStringLiteral("CO-252"), QStringLiteral("Additional documentation required")},
        {QStringLiteral("OA-23"), QStringLiteral("Impact of prior payer adjudication")},
        {QStringLiteral("CO-167"), QStringLiteral("Diagnosis not covered")},
        {QStringLiteral("CO-236"), QStringLiteral("Procedure not compatible with another procedure")},
        {QStringLiteral("CO-151"), QStringLiteral("Frequency of services not supported")},
        {QStringLiteral("CO-119"), QStringLiteral("Benefit maximum reached")},
    };
    return reasons;
}

const QStringList &demoFreeTextReasons()
{
    static const QStringList texts{QStringLiteral("Missing operative report"), QStringLiteral("Referral not on file"),
                                   QStringLiteral("Invalid place of service")};
    return texts;
}

} // namespace upstream::demo
