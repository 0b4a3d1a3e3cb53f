#include "engines/Stats.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace upstream::engines::stats {

__extension__ typedef __int128 Int128; // GCC/Clang; __extension__ keeps -Wpedantic quiet

double normalCdf(double z)
{
    return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

double normalTwoSided(double z)
{
    return std::min(1.0, std::erfc(std::fabs(z) / std::sqrt(2.0)));
}

namespace {

// Continued fraction for I_x(a,b) (modified Lentz); converges fast for x < (a+1)/(a+b+2).
double betaContinuedFraction(double a, double b, double x)
{
    constexpr int kMaxIterations = 300;
    constexpr double kEps = 1e-15;
    constexpr double kTiny = 1e-300;
    const double qab = a + b, qap = a + 1.0, qam = a - 1.0;
    double c = 1.0;
    double d = 1.0 - qab * x / qap;
    if (std::fabs(d) < kTiny)
        d = kTiny;
    d = 1.0 / d;
    double h = d;
    // One Lentz step for the coefficient aa: updates c and d, returns the factor h is multiplied by.
    auto lentzStep = [&c, &d](double aa) {
        d = 1.0 + aa * d;
        if (std::fabs(d) < kTiny)
            d = kTiny;
        c = 1.0 + aa / c;
        if (std::fabs(c) < kTiny)
            c = kTiny;
        d = 1.0 / d;
        return d * c;
    };
    for (int m = 1; m <= kMaxIterations; ++m) {
        const double m2 = 2.0 * m;
        h *= lentzStep(m * (b - m) * x / ((qam + m2) * (a + m2)));                        // the even term
        const double del = lentzStep(-(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))); // the odd term
        h *= del;
        if (std::fabs(del - 1.0) < kEps)
            break;
    }
    return h;
}

double logBinomialPmf(std::int64_t k, std::int64_t n, double p)
{
    if (p <= 0.0)
        return k == 0 ? 0.0 : -std::numeric_limits<double>::infinity();
    if (p >= 1.0)
        return k == n ? 0.0 : -std::numeric_limits<double>::infinity();
    return std::lgamma(double(n) + 1) - std::lgamma(double(k) + 1) - std::lgamma(double(n - k) + 1) +
           double(k) * std::log(p) + double(n - k) * std::log1p(-p);
}

} // namespace

double regularizedIncompleteBeta(double a, double b, double x)
{
    if (x <= 0.0)
        return 0.0;
    if (x >= 1.0)
        return 1.0;
    const double lnFront = std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
    const double front = std::exp(lnFront);
    if (x < (a + 1.0) / (a + b + 2.0))
        return front * betaContinuedFraction(a, b, x) / a;
    return 1.0 - front * betaContinuedFraction(b, a, 1.0 - x) / b;
}

double studentTTwoSided(double t, double df)
{
    if (!(df > 0.0) || std::isnan(t))
        return 1.0;
    if (std::isinf(t))
        return 0.0;
    const double x = df / (df + t * t);
    return std::clamp(regularizedIncompleteBeta(df / 2.0, 0.5, x), 0.0, 1.0);
}

TestResult twoProportionZ(std::int64_t x1, std::int64_t n1, std::int64_t x2, std::int64_t n2)
{
    TestResult r;
    if (n1 <= 0 || n2 <= 0)
        return r;
    const double p1 = double(x1) / double(n1), p2 = double(x2) / double(n2);
    const double pooled = double(x1 + x2) / double(n1 + n2);
    const double se = std::sqrt(pooled * (1.0 - pooled) * (1.0 / double(n1) + 1.0 / double(n2)));
    if (!(se > 0.0))
        return r; // both samples all-0 or all-1: identical proportions
    r.statistic = (p2 - p1) / se;
    r.pValue = normalTwoSided(r.statistic);
    return r;
}

TestResult welchT(double mean1, double var1, double n1, double mean2, double var2, double n2)
{
    TestResult r;
    if (n1 < 2 || n2 < 2)
        return r;
    const double s1 = var1 / n1, s2 = var2 / n2;
    const double se2 = s1 + s2;
    const double diff = mean2 - mean1;
    if (!(se2 > 0.0)) {
        // Both samples constant: any difference is certain, none is no evidence.
        if (diff != 0.0) {
            r.statistic = diff > 0 ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
            r.pValue = 0.0;
            r.df = n1 + n2 - 2;
        }
        return r;
    }
    r.statistic = diff / std::sqrt(se2);
    r.df = se2 * se2 / (s1 * s1 / (n1 - 1) + s2 * s2 / (n2 - 1));
    r.pValue = studentTTwoSided(r.statistic, r.df);
    return r;
}

double binomialUpperTail(std::int64_t k, std::int64_t n, double p)
{
    if (k <= 0)
        return 1.0;
    if (k > n)
        return 0.0;
    // Log-sum-exp from the largest term of the tail (the mode when it lies inside it), stopping once the
    // terms past the mode no longer matter.
    const auto mode = std::clamp<std::int64_t>(std::int64_t(std::floor(double(n + 1) * p)), 0, n);
    const double maxLog = logBinomialPmf(std::max(k, mode), n, p);
    if (std::isinf(maxLog))
        return 0.0;
    double sum = 0.0;
    for (std::int64_t i = k; i <= n; ++i) {
        const double rel = logBinomialPmf(i, n, p) - maxLog;
        sum += std::exp(rel);
        if (i > mode && rel < -60.0)
            break;
    }
    return std::min(1.0, sum * std::exp(maxLog));
}

double binomialLowerTail(std::int64_t k, std::int64_t n, double p)
{
    if (k < 0)
        return 0.0;
    if (k >= n)
        return 1.0;
    return binomialUpperTail(n - k, n, 1.0 - p);
}

TestResult poissonRateTest(std::int64_t k1, double t1, std::int64_t k2, double t2)
{
    TestResult r;
    const std::int64_t n = k1 + k2;
    r.statistic = double(k2);
    if (n <= 0 || !(t1 > 0) || !(t2 > 0))
        return r;
    const double p0 = t2 / (t1 + t2);
    const double upper = binomialUpperTail(k2, n, p0);
    const double lower = binomialLowerTail(k2, n, p0);
    r.pValue = std::min(1.0, 2.0 * std::min(upper, lower));
    return r;
}

Moments momentsFromSums(std::int64_t n, std::int64_t sum, std::int64_t sumSq)
{
    Moments m;
    m.n = double(n);
    if (n <= 0)
        return m;
    m.mean = double(sum) / double(n);
    if (n >= 2) {
        // Integer numerator: n*sumSq - sum^2 is exact in 128 bits for any realistic day spans.
        const Int128 num = Int128(n) * sumSq - Int128(sum) * sum;
        m.variance = std::max(0.0, double(num) / (double(n) * double(n - 1)));
    }
    return m;
}

} // namespace upstream::engines::stats
