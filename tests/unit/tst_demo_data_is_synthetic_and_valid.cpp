// The demo data contains nothing the import would reject or flag: payer names and reason texts pass the PHI
// scanner, CPT and reason codes have SPEC section 3 shapes, every CPT maps to its group; the truth file lists
// at least 40 planted changes with product and group, and as many decoys.
#include "demo/DemoCatalog.h"
#include "demo/DemoDataGenerator.h"
#include "phi/PhiScanner.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace upstream;

class DemoDataTest : public QObject {
    Q_OBJECT
private slots:
    void catalogPassesImportRules()
    {
        const QStringList payers = demo::demoPayerNames(120);
        QCOMPARE(QSet<QString>(payers.begin(), payers.end()).size(), 120);
        for (const QString &p : payers)
            QVERIFY2(!phi::containsPhi(p.toStdString(), phi::FieldKind::Payer), qPrintable(p));
        const QRegularExpression cpt(QStringLiteral("^(\\d{5}|[A-Z]\\d{4}|\\d{4}[FTU])$"));
        for (const auto &g : demo::demoCptGroups())
            for (const QString &code : g.codes) {
                QVERIFY2(cpt.match(code).hasMatch(), qPrintable(code));
                QCOMPARE(demo::demoCptGroupOf(code), g.name);
            }
        QCOMPARE(demo::demoCptGroupOf(QStringLiteral("12345")), QStringLiteral("OTHER"));
        const QRegularExpression carc(QStringLiteral("^(CO|PR|OA|PI|CR)-?[A-Z0-9]{1,4}$"));
        QSet<QString> common;
        for (const auto *list : {&demo::demoCommonReasons(), &demo::demoNewReasons()})
            for (const auto &r : *list) {
                QVERIFY2(carc.match(r.code).hasMatch(), qPrintable(r.code));
                QVERIFY(!phi::containsPhi(r.text.toStdString(), phi::FieldKind::FreeText));
                QVERIFY(!phi::containsPhi(r.code.toStdString(), phi::FieldKind::ReasonCode));
            }
        for (const auto &r : demo::demoCommonReasons())
            common.insert(r.code);
        for (const auto &r : demo::demoNewReasons())
            QVERIFY2(!common.contains(r.code), "a new reason must not be used at baseline");
        for (const QString &t : demo::demoFreeTextReasons())
            QVERIFY(!phi::containsPhi(t.toStdString(), phi::FieldKind::FreeText));
    }

    void truthListsPlantedChangesAndDecoys()
    {
        demo::DemoConfig config;
        config.rows = 1000;
        config.seed = 3;
        config.asOf = QDate(2026, 6, 1);
        const demo::DemoDataGenerator gen(config);
        const QJsonObject truth = gen.truth().toJson();
        QVERIFY(truth.value(QStringLiteral("planted")).toInt() >= 40);
        QCOMPARE(truth.value(QStringLiteral("decoys")).toInt(), truth.value(QStringLiteral("planted")).toInt());
        int count = 0;
        for (const auto &v : truth.value(QStringLiteral("changes")).toArray()) {
            const QJsonObject c = v.toObject();
            const QString product = c.value(QStringLiteral("product")).toString();
            QVERIFY(!c.value(QStringLiteral("payer")).toString().isEmpty());
            if (product == QLatin1String("driftwatch"))
                QVERIFY(!c.value(QStringLiteral("cpt_group")).toString().isEmpty());
            else if (product == QLatin1String("denialscope"))
                QVERIFY(!c.value(QStringLiteral("reason")).toString().isEmpty());
            else
                QCOMPARE(product, QStringLiteral("delayguard"));
            ++count;
        }
        QCOMPARE(count, int(gen.truth().changes.size()));
        std::int64_t rows = 0;
        gen.generate([&](const demo::DemoClaim &c) {
            ++rows;
            QVERIFY(c.submitted < engines::toEpochDay(config.asOf));
            QVERIFY(c.decided > c.submitted);
        });
        QCOMPARE(rows, std::int64_t(1000));
    }
};

QTEST_GUILESS_MAIN(DemoDataTest)
#include "tst_demo_data_is_synthetic_and_valid.moc"
