// The statistics behind every signal: two-proportion z, Welch's t (through our own regularized incomplete beta
// and Student t CDF) and the exact Poisson-rate comparison, against values computed independently with
// 30-digit arithmetic (mpmath).
#include "engines/Stats.h"

#include <QTest>

#include <cmath>

using namespace upstream::engines::stats;

namespace {
bool relClose(double actual, double expected, double rel)
{
    return std::fabs(actual - expected) <= rel * std::fabs(expected);
}
} // namespace

class StatsFunctionsTest : public QObject {
    Q_OBJECT
private slots:
    void normalTails()
    {
        QVERIFY(relClose(normalTwoSided(1.96), 0.0499957902964409, 1e-9));
        QVERIFY(relClose(normalTwoSided(-1.96), 0.0499957902964409, 1e-9));
        QCOMPARE(normalTwoSided(0.0), 1.0);
    }

    void incompleteBeta()
    {
        QVERIFY(relClose(regularizedIncompleteBeta(2, 3, 0.5), 0.6875, 1e-12));
        QVERIFY(relClose(regularizedIncompleteBeta(5, 2.5, 0.3), 0.0185363793368631, 1e-10));
        QVERIFY(relClose(regularizedIncompleteBeta(0.5, 40, 0.9), 1.0, 1e-12));
        QCOMPARE(regularizedIncompleteBeta(2, 3, 0.0), 0.0);
        QCOMPARE(regularizedIncompleteBeta(2, 3, 1.0), 1.0);
    }

    void studentT()
    {
        QVERIFY(relClose(studentTTwoSided(2.228139, 10), 0.0499999874528826, 1e-8));
        QVERIFY(relClose(studentTTwoSided(2.0, 7.5), 0.0828969952981663, 1e-9));
        QVERIFY(relClose(studentTTwoSided(-0.5, 3), 0.651447964848151, 1e-9));
        QVERIFY(relClose(studentTTwoSided(6.0, 200), 9.11512034881034e-09, 1e-6));
    }

    void twoProportion()
    {
        const TestResult ref = twoProportionZ(36, 360, 28, 56);
        QVERIFY(relClose(ref.statistic, 7.71774814072320, 1e-10));
        QVERIFY(relClose(ref.pValue, 1.18402867680149e-14, 1e-6));
        const TestResult r = twoProportionZ(45, 500, 60, 480);
        QVERIFY(relClose(r.statistic, 1.77087548969429, 1e-10));
        QVERIFY(relClose(r.pValue, 0.0765814090356700, 1e-9));
        // Degenerate: identical all-zero samples are no evidence.
        QCOMPARE(twoProportionZ(0, 50, 0, 50).pValue, 1.0);
        QCOMPARE(twoProportionZ(0, 0, 3, 10).pValue, 1.0);
    }

    void welch()
    {
        const TestResult r = welchT(10.0, 4.0, 12, 12.5, 9.0, 20);
        QVERIFY(relClose(r.statistic, 2.82466341433016, 1e-10));
        QVERIFY(relClose(r.df, 29.5589346308983, 1e-10));
        QVERIFY(relClose(r.pValue, 0.00839465418798433, 1e-8));
        // The DelayGuard reference case: 15 claims at 20/21/22 days against 15 at 35/36/37.
        const double var = 10.0 / 14.0;
        const TestResult ref = welchT(21.0, var, 15, 36.0, var, 15);
        QVERIFY(relClose(ref.statistic, 48.6055552380590, 1e-10));
        QVERIFY(relClose(ref.df, 28.0, 1e-12));
        QVERIFY(ref.pValue < 1e-20);
        QCOMPARE(welchT(5, 0, 10, 5, 0, 10).pValue, 1.0);
        QCOMPARE(welchT(5, 0, 10, 6, 0, 10).pValue, 0.0);
        QCOMPARE(welchT(5, 1, 1, 9, 1, 10).pValue, 1.0); // n < 2
    }

    void binomialAndPoisson()
    {
        QVERIFY(relClose(binomialUpperTail(8, 10, 0.5), 0.0546875, 1e-12));
        QVERIFY(relClose(binomialUpperTail(900, 2000, 0.4), 3.15445692407435e-06, 1e-7));
        QVERIFY(relClose(poissonRateTest(10, 21, 20, 7).pValue, 3.64128672366085e-06, 1e-7));
        QVERIFY(relClose(poissonRateTest(300, 21, 60, 7).pValue, 0.000185923102403730, 1e-7));
        QCOMPARE(poissonRateTest(60, 21, 20, 7).pValue, 1.0); // doubled tail capped
        QCOMPARE(poissonRateTest(0, 21, 0, 7).pValue, 1.0);
    }

    void momentsAreExact()
    {
        // 5×20, 5×21, 5×22: mean 21, sample variance 10/14.
        const Moments m = momentsFromSums(15, 5 * (20 + 21 + 22), 5 * (400 + 441 + 484));
        QCOMPARE(m.mean, 21.0);
        QVERIFY(relClose(m.variance, 10.0 / 14.0, 1e-14));
    }
};

QTEST_GUILESS_MAIN(StatsFunctionsTest)
#include "tst_stats_functions.moc"
