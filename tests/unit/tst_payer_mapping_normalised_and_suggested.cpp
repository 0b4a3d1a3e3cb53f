// Proves SPEC 3's payer mapping rules: a raw payer name is matched case- and space-insensitively (payerKey), a
// stored mapping normalises whatever spelling the file uses on import, and the wizard's likely matches rank the
// payer a raw name means first ("AETNA INC." → "Aetna") while offering nothing for a name that shares nothing.
#include "claims/Mappings.h"
#include "claims/PayerNames.h"
#include "importer/ImportContext.h"
#include "importer/ImportValidation.h"

#include <QtTest>

using namespace upstream;

class TstPayerMappingNormalisedAndSuggested : public QObject {
    Q_OBJECT
private slots:
    void keyIgnoresCaseAndSpacing()
    {
        QCOMPARE(claims::payerKey(std::string_view("  AETNA   Inc. ")), std::string("aetna inc."));
        QCOMPARE(claims::payerKey(QStringLiteral("Aetna\tINC.")), QStringLiteral("aetna inc."));
        QVERIFY(claims::payerKey(QStringLiteral("Aetna Inc")) != claims::payerKey(QStringLiteral("Aetna Inc.")));
    }

    void storedMappingNormalisesEverySpelling()
    {
        importer::ValidationOptions o;
        o.validator.importDay = importer::daysFromCivil(2026, 6, 30);
        importer::useStoredMappings(
            o.validator, {{claims::MappingKind::Payer, QStringLiteral("AETNA INC."), QStringLiteral("Aetna"), {}, {}}});
        std::vector<std::string> payers;
        o.acceptedRows = [&](std::vector<claims::ClaimRow> &&batch) {
            for (const auto &r : batch)
                payers.push_back(r.payer);
        };
        auto r = importer::validateCsvBytes("payer,cpt,submitted_date,decided_date,outcome\n"
                                            "AETNA INC.,99213,2026-06-01,2026-06-10,PAID\n"
                                            "  aetna   inc. ,99213,2026-06-01,2026-06-10,PAID\n"
                                            "Aetna Inc,99213,2026-06-01,2026-06-10,PAID\n",
                                            o);
        QVERIFY(r.ok());
        QCOMPARE(payers, (std::vector<std::string>{"Aetna", "Aetna", "Aetna Inc"}));
    }

    void likelyMatchesPutTheMeantPayerFirst()
    {
        const QStringList known{QStringLiteral("Aetna"), QStringLiteral("Cigna"),
                                QStringLiteral("Blue Cross Blue Shield"), QStringLiteral("Humana"),
                                QStringLiteral("UnitedHealthcare")};
        auto first = [&](const char *raw) {
            const auto m = claims::likelyPayers(QString::fromUtf8(raw), known);
            return m.empty() ? QString() : m.front().payer;
        };
        QCOMPARE(first("AETNA INC."), QStringLiteral("Aetna"));
        QCOMPARE(first("Cigna Corp"), QStringLiteral("Cigna"));
        QCOMPARE(first("Blue Cross Blue Shield of TX"), QStringLiteral("Blue Cross Blue Shield"));
        QCOMPARE(first("United Healthcare"), QStringLiteral("UnitedHealthcare"));
        QCOMPARE(first("Humanna"), QStringLiteral("Humana")); // a typo
        QCOMPARE(claims::likelyPayers(QStringLiteral("AETNA INC."), known).front().score, 1.0);
        QVERIFY(claims::likelyPayers(QStringLiteral("Granite Mutual"), known).empty());
        QVERIFY(claims::likelyPayers(QStringLiteral("Aetna"), known, 1).size() == 1);
    }
};

QTEST_GUILESS_MAIN(TstPayerMappingNormalisedAndSuggested)
#include "tst_payer_mapping_normalised_and_suggested.moc"
