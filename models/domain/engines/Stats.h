#pragma once
// Statistical tests used by the signal engines (SPEC section 6). Pure functions, no allocation.
// All p-values are two-sided and lie in [0, 1]. Degenerate inputs (empty samples, zero variance with equal
// means) give p = 1 and statistic 0: "no evidence of change", never a spurious alert.
#include <cstdint>

namespace upstream::engines::stats {

struct TestResult {
    double statistic = 0.0; // z or t; for the Poisson test the observed current count
    double pValue = 1.0;
    double df = 0.0; // Welch only
};

// Standard normal CDF and the two-sided tail P(|Z| >= |z|).
double normalCdf(double z);
double normalTwoSided(double z);

// Regularized incomplete beta I_x(a, b) (continued fraction, Lentz), for the Student t distribution.
double regularizedIncompleteBeta(double a, double b, double x);
// P(|T| >= |t|) for Student's t with df degrees of freedom (df may be fractional, as Welch's is).
double studentTTwoSided(double t, double df);

// Two-proportion z-test with pooled variance: x1/n1 (baseline) vs x2/n2 (current); z > 0 when current is higher.
TestResult twoProportionZ(std::int64_t x1, std::int64_t n1, std::int64_t x2, std::int64_t n2);

// Welch's unequal-variance t-test from summary statistics (sample variances, n-1 denominators);
// t > 0 when the second mean is higher. Needs n >= 2 in both samples, else p = 1.
TestResult welchT(double mean1, double var1, double n1, double mean2, double var2, double n2);

// Exact comparison of two Poisson rates (conditional binomial test): k1 events over exposure t1 (baseline),
// k2 over t2 (current). Given k1 + k2, k2 ~ Binomial(k1 + k2, t2 / (t1 + t2)) under equal rates.
// Two-sided p by the doubled smaller tail, capped at 1.
TestResult poissonRateTest(std::int64_t k1, double t1, std::int64_t k2, double t2);

// Binomial tails, exact (log-space sums): P(X >= k) and P(X <= k) for X ~ Binomial(n, p).
double binomialUpperTail(std::int64_t k, std::int64_t n, double p);
double binomialLowerTail(std::int64_t k, std::int64_t n, double p);

// Mean and sample variance from integer sums (exact inputs, so both aggregation paths agree bit for bit).
struct Moments {
    double n = 0, mean = 0, variance = 0;
};
Moments momentsFromSums(std::int64_t n, std::int64_t sum, std::int64_t sumSq);

} // namespace upstream::engines::stats
