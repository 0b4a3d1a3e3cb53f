// The demo data contains nothing the import would reject or flag: payer names and reason texts pass the PHI
// scanner, CPT and reason codes have SPEC section 3 shapes, every CPT maps to its group; the truth file lists
// at least 40 planted changes with product and group (both DelayGuard kinds among them), and as many decoys; the
// claims are a live export as of its export day (pending and unpaid claims, no date on or after that day), and a
// later export holds the same claims before as-of in a newer state.
#include "claims/CptGrouping.h"
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
                // The demo's groups are the shipped default grouping: an import of the demo file (no customer
                // mapping) puts every claim where the generator's truth says it is.
                QCOMPARE(QString::fromLatin1(claims::defaultCptGroup(code.toStdString())), g.name);
            }
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
        QSet<QString> kinds;
        for (const auto &c : gen.truth().changes)
            kinds.insert(c.kind);
        QVERIFY(kinds.contains(QStringLiteral("adjudication_slowdown")));
        QVERIFY(kinds.contains(QStringLiteral("payment_slowdown")));
        QVERIFY(truth.value(QStringLiteral("quiet_payers")).toArray().size() >= 60);

        const engines::EpochDay exportDay = engines::toEpochDay(config.asOf);
        std::int64_t rows = 0, pending = 0, unpaid = 0;
        gen.generate([&](const demo::DemoClaim &c) {
            ++rows;
            QVERIFY(c.submitted < exportDay);
            if (c.outcome == engines::Outcome::Pending) {
                ++pending;
                QCOMPARE(c.decided, engines::kNoDay);
                QCOMPARE(c.payment, engines::kNoDay);
                QCOMPARE(c.reason, -1);
                return;
            }
            QVERIFY(c.decided > c.submitted);
            QVERIFY(c.decided < exportDay);
            QVERIFY(c.payment == engines::kNoDay || (c.payment > c.decided && c.payment < exportDay));
            unpaid += c.outcome == engines::Outcome::Paid && c.payment == engines::kNoDay ? 1 : 0;
        });
        QCOMPARE(rows, std::int64_t(1000));
        QVERIFY(pending > 0);
        QVERIFY(unpaid > 0);
    }

    void denialsAreDecidedFasterThanPaymentsArrive()
    {
        demo::DemoConfig config;
        config.rows = 50000;
        config.seed = 8;
        config.asOf = QDate(2026, 6, 1);
        double deniedLag = 0, paidLag = 0, paymentLag = 0;
        std::int64_t denied = 0, paid = 0, payments = 0;
        demo::DemoDataGenerator(config).generate([&](const demo::DemoClaim &c) {
            if (c.outcome == engines::Outcome::Denied) {
                deniedLag += c.decided - c.submitted;
                ++denied;
            } else if (c.outcome == engines::Outcome::Paid) {
                paidLag += c.decided - c.submitted;
                ++paid;
                if (c.payment != engines::kNoDay) {
                    paymentLag += c.payment - c.submitted;
                    ++payments;
                }
            }
        });
        QVERIFY(denied > 1000 && paid > 10000 && payments > 10000);
        const double d = deniedLag / double(denied), p = paidLag / double(paid), m = paymentLag / double(payments);
        qInfo("mean days from submission: denial %.1f, decision of paid claims %.1f, payment %.1f", d, p, m);
        QVERIFY(d < 0.8 * p);
        QVERIFY(p < m);
    }

    void laterExportRepeatsTheClaimsInANewerState()
    {
        demo::DemoConfig config;
        config.rows = 20000;
        config.seed = 5;
        config.asOf = QDate(2026, 6, 1);
        std::vector<demo::DemoClaim> cut;
        demo::DemoDataGenerator(config).generate([&](const demo::DemoClaim &c) { cut.push_back(c); });
        config.exportedOn = config.asOf.addDays(30);
        std::vector<demo::DemoClaim> later;
        demo::DemoDataGenerator(config).generate([&](const demo::DemoClaim &c) { later.push_back(c); });
        QVERIFY(later.size() > cut.size()); // a month more of submissions
        const engines::EpochDay asOf = engines::toEpochDay(config.asOf);
        std::int64_t decidedSince = 0;
        for (std::size_t i = 0; i < cut.size(); ++i) {
            const demo::DemoClaim &a = cut[i], &b = later[i];
            QCOMPARE(b.ref, a.ref); // the same claim
            QCOMPARE(b.submitted, a.submitted);
            if (a.outcome == engines::Outcome::Pending) {
                decidedSince += b.outcome != engines::Outcome::Pending ? 1 : 0;
                QVERIFY(b.decided == engines::kNoDay || b.decided >= asOf);
                continue;
            }
            QCOMPARE(b.outcome, a.outcome);
            QCOMPARE(b.decided, a.decided);
            QVERIFY(a.payment == b.payment || (a.payment == engines::kNoDay && b.payment >= asOf));
        }
        QVERIFY(decidedSince > 0);
    }
};

QTEST_GUILESS_MAIN(DemoDataTest)
#include "tst_demo_data_is_synthetic_and_valid.moc"
