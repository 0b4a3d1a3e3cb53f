// Recompute is idempotent (SPEC section 6): the same data and as-of date give the same signals with the same
// fingerprints, whatever order the claims are aggregated in and however they are chunked; alerts are not
// raised twice for the same fingerprint; the demo generator is deterministic for a seed, down to the CSV bytes.
#include "alerts/AlertBook.h"
#include "demo/DemoDataGenerator.h"
#include "engines/DailyAggregate.h"
#include "engines/SignalEngines.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace upstream;
using namespace upstream::engines;

namespace {

const QDate kAsOf(2026, 6, 1);

demo::DemoConfig config(quint64 seed, qint64 rows)
{
    demo::DemoConfig c;
    c.rows = rows;
    c.seed = seed;
    c.asOf = kAsOf;
    return c;
}

std::vector<ClaimRecord> records(const demo::DemoDataGenerator &g)
{
    std::vector<ClaimRecord> out;
    g.generate([&](const demo::DemoClaim &c) { out.push_back(g.toRecord(c)); });
    return out;
}

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result();
}

} // namespace

class RecomputeIdempotentTest : public QObject {
    Q_OBJECT
private slots:
    void sameDataSameSignals()
    {
        const demo::DemoDataGenerator gen(config(99, 600'000));
        const auto rows = records(gen);
        ClaimAggregator forward;
        for (const auto &r : rows)
            forward.add(r);
        const auto first = runAll(forward.aggregates(), kAsOf);
        const auto second = runAll(forward.aggregates(), kAsOf);
        QVERIFY(!first.empty());
        QVERIFY(first == second);

        // Reverse order, in two chunks merged the way the SQL path adds rows: identical aggregates and signals.
        ClaimAggregator a, b;
        for (std::size_t i = rows.size(); i-- > 0;)
            (i % 2 ? a : b).add(rows[i]);
        AggregateSet merged = a.take();
        const AggregateSet &other = b.aggregates();
        merged.merge(other);
        QVERIFY(merged.sameContent(forward.aggregates()));
        // The batch entry point (prefetching, used for parser batches) adds exactly the same numbers.
        ClaimAggregator batched;
        for (std::size_t i = 0; i < rows.size(); i += 1000)
            batched.add(rows.data() + i, std::min<std::size_t>(1000, rows.size() - i));
        QVERIFY(batched.aggregates().sameContent(forward.aggregates()));
        QVERIFY(runAll(merged, kAsOf) == first);

        // Fingerprints identify (product, type, group, window): unique within one run, and they move with as-of.
        QSet<QString> fingerprints;
        for (const Signal &s : first) {
            QCOMPARE(s.fingerprint, fingerprintOf(s));
            fingerprints.insert(s.fingerprint);
        }
        QCOMPARE(std::size_t(fingerprints.size()), first.size());
        const auto nextDay = runAll(forward.aggregates(), kAsOf.addDays(1));
        for (const Signal &s : nextDay)
            QVERIFY(!fingerprints.contains(s.fingerprint));

        // A changed aggregate changes the result: the comparison above is not vacuous.
        AggregateSet changed = forward.take();
        DayCounters extra;
        extra.claims = extra.denied = 500;
        changed.addRow(AggregateKind::Decided, first.front().payer, changed.groups().back(), QStringLiteral("CO-50"),
                       toEpochDay(kAsOf) - 1, 0, extra);
        QVERIFY(!changed.sameContent(merged));
        QVERIFY(runAll(changed, kAsOf) != first);
    }

    void alertsAreNotRaisedTwice()
    {
        const demo::DemoDataGenerator gen(config(5, 300'000));
        ClaimAggregator agg;
        gen.generate([&](const demo::DemoClaim &c) { agg.add(gen.toRecord(c)); });
        const auto found = runAll(agg.aggregates(), kAsOf);
        alerts::AlertBook book;
        const QDateTime now(kAsOf, QTime(6, 0), Qt::UTC);
        const auto created = book.ingest(QStringLiteral("c1"), found, now);
        QVERIFY(!created.empty());
        QVERIFY(book.ingest(QStringLiteral("c1"), runAll(agg.aggregates(), kAsOf), now.addSecs(3600)).empty());
        QCOMPARE(book.alerts().size(), created.size());
    }

    void generatorIsDeterministicForASeed()
    {
        const demo::DemoDataGenerator a(config(11, 50'000)), b(config(11, 50'000)), c(config(12, 50'000));
        const auto ra = records(a), rb = records(b), rc = records(c);
        QCOMPARE(ra.size(), std::size_t(50'000));
        QCOMPARE(rc.size(), std::size_t(50'000));
        auto same = [](const std::vector<ClaimRecord> &x, const std::vector<ClaimRecord> &y) {
            for (std::size_t i = 0; i < x.size(); ++i)
                if (x[i].payer != y[i].payer || x[i].submittedDay != y[i].submittedDay ||
                    x[i].decidedDay != y[i].decidedDay || x[i].paymentDay != y[i].paymentDay ||
                    x[i].outcome != y[i].outcome || x[i].allowedCents != y[i].allowedCents ||
                    x[i].denialReasonCode != y[i].denialReasonCode)
                    return false;
            return x.size() == y.size();
        };
        QVERIFY(same(ra, rb));
        QVERIFY(!same(ra, rc));
        QCOMPARE(a.truth().toJson(), b.truth().toJson());

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString f1 = dir.filePath(QStringLiteral("a.csv")), f2 = dir.filePath(QStringLiteral("b.csv"));
        QVERIFY(a.writeCsv(f1, dir.filePath(QStringLiteral("a.json"))).ok());
        QVERIFY(b.writeCsv(f2).ok());
        QVERIFY(!fileHash(f1).isEmpty());
        QCOMPARE(fileHash(f1), fileHash(f2));
        QFile csv(f1);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readLine().trimmed(),
                 QByteArray("payer,cpt,submitted_date,decided_date,outcome,allowed_amount,billed_amount,paid_amount,"
                            "payment_date,denial_reason_code,denial_reason_text,claim_ref"));
        int lines = 0;
        while (!csv.readLine().isEmpty())
            ++lines;
        QCOMPARE(lines, 50'000);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("a.json"))));
    }
};

QTEST_GUILESS_MAIN(RecomputeIdempotentTest)
#include "tst_recompute_idempotent.moc"
