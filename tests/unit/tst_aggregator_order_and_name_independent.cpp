// The in-process aggregator's result depends only on the claims, never on their order, on how they are handed
// over (one by one or in batches), or on which names share a slot of its name caches. Names built to collide
// in the direct-mapped caches (same length, same first, middle and last character) must keep distinct ids;
// take() must start a clean set whose ids do not leak from the previous one.
#include "engines/DailyAggregate.h"

#include <QTest>

#include <algorithm>
#include <random>

using namespace upstream::engines;

namespace {

// "PAYER-aa-Z" … : length 10, first 'P', middle (index 5) '-', last 'Z' — every name lands in one cache slot.
QString collidingName(const QString &prefix, int i)
{
    const QChar a = QChar(u'a' + i % 26), b = QChar(u'a' + (i / 26) % 26);
    return prefix + QStringLiteral("-") + a + b + QStringLiteral("-Z");
}

std::vector<ClaimRecord> makeClaims(int count, unsigned seed)
{
    std::mt19937 rng(seed);
    std::vector<ClaimRecord> out;
    out.reserve(std::size_t(count));
    for (int i = 0; i < count; ++i) {
        ClaimRecord c;
        c.payer = collidingName(QStringLiteral("PAYER"), int(rng() % 60));
        c.cpt = QStringLiteral("99213");
        c.cptGroup = collidingName(QStringLiteral("GRP"), int(rng() % 12));
        c.submittedDay = EpochDay(20000 + rng() % 90);
        const unsigned o = rng() % 4;
        c.outcome = o == 0 ? Outcome::Paid : o == 1 ? Outcome::Denied : o == 2 ? Outcome::Other : Outcome::Pending;
        c.decidedDay = c.outcome == Outcome::Pending ? kNoDay : c.submittedDay + EpochDay(rng() % 40);
        c.paymentDay = c.outcome == Outcome::Paid && rng() % 5 != 0 ? c.decidedDay + EpochDay(rng() % 50) : kNoDay;
        c.billedCents = rng() % 3 == 0 ? kNoAmount : std::int64_t(rng() % 900000);
        c.allowedCents = rng() % 7 == 0 ? kNoAmount : std::int64_t(rng() % 500000);
        if (c.outcome == Outcome::Denied) {
            const unsigned r = rng() % 4;
            if (r == 0)
                c.denialReasonCode = collidingName(QStringLiteral("CO"), int(rng() % 30));
            else if (r == 1)
                c.denialReasonText = collidingName(QStringLiteral("TEXT"), int(rng() % 30));
            // r >= 2: no reason at all → UNSPECIFIED
        }
        out.push_back(std::move(c));
    }
    return out;
}

// Claims grouped by key and summed the slow, obvious way, for comparison.
AggregateSet reference(const std::vector<ClaimRecord> &claims)
{
    ClaimAggregator one;
    AggregateSet set;
    for (const ClaimRecord &c : claims) {
        one.add(c);
        AggregateSet single = one.take();
        for (const AggregateRow &r : single.rows())
            set.addRow(r.kind, single.payers()[int(r.payer)], single.groups()[int(r.group)],
                       single.reasons()[int(r.reason)], r.day, r.lag, r.c);
    }
    return set;
}

} // namespace

class AggregatorOrderTest : public QObject {
    Q_OBJECT
private slots:
    void sameResultWhateverTheOrderAndHandOver()
    {
        std::vector<ClaimRecord> claims = makeClaims(20000, 7);
        const AggregateSet expected = reference(claims);
        QVERIFY(expected.rows().size() > 1000);
        QCOMPARE(expected.payers().size(), 60);
        QCOMPARE(expected.groups().size(), 13); // 12 CPT groups and "" (the lag rows')
        for (const AggregateKind kind : {AggregateKind::Decided, AggregateKind::Adjudication, AggregateKind::Payment})
            QVERIFY(std::any_of(expected.rows().begin(), expected.rows().end(),
                                [&](const AggregateRow &r) { return r.kind == kind; }));

        ClaimAggregator rowByRow;
        for (const ClaimRecord &c : claims)
            rowByRow.add(c);
        QVERIFY(rowByRow.aggregates().sameContent(expected));

        std::mt19937 rng(11);
        std::shuffle(claims.begin(), claims.end(), rng);
        ClaimAggregator batched;
        for (std::size_t i = 0; i < claims.size(); i += 333)
            batched.add(claims.data() + i, std::min<std::size_t>(333, claims.size() - i));
        QVERIFY(batched.aggregates().sameContent(expected));
        QCOMPARE(batched.aggregates().payers().size(), 60);
        QCOMPARE(batched.aggregates().reasons().size(), expected.reasons().size());

        // A changed count in one row must be noticed (the comparison is not vacuous).
        ClaimAggregator oneLess;
        oneLess.add(claims.data(), claims.size() - 1);
        QVERIFY(!oneLess.aggregates().sameContent(expected));
    }

    void takeStartsAFreshSet()
    {
        const std::vector<ClaimRecord> first = makeClaims(3000, 1);
        const std::vector<ClaimRecord> second = makeClaims(3000, 2);
        ClaimAggregator agg;
        agg.add(first.data(), first.size());
        const AggregateSet a = agg.take();
        QVERIFY(a.sameContent(reference(first)));
        agg.add(second.data(), second.size());
        const AggregateSet b = agg.take();
        QVERIFY(b.sameContent(reference(second)));
        QVERIFY(agg.aggregates().rows().empty());
    }
};

QTEST_GUILESS_MAIN(AggregatorOrderTest)
#include "tst_aggregator_order_and_name_independent.moc"
