package io.glimmer.family;

import static io.glimmer.family.FamilyMath.EPS;

import java.util.function.DoubleUnaryOperator;

/**
 * R's links but the logit ({@link LogitLink}, which has its own one-pass kernel), made once each for
 * {@link Link}'s constants: each link's g, g⁻¹, dμ/dη and domain, clamped where R clamps them. Where R
 * would return ±Inf for an extreme but valid η, {@link FamilyMath#saturate} returns ±Double.MAX_VALUE
 * instead. R accepts any η for the identity, the log and the links of a probability; an infinite one
 * is refused here so that a diverging fit step-halves instead.
 */
final class Links {
    /**
     * -qnorm(DBL_EPSILON) ≈ 8.1259: R clamps η to ±this so that μ stays within [ε, 1 - ε] instead of
     * rounding to exactly 0 or 1.
     */
    static final double PROBIT_THRESH = -FamilyMath.qnorm(EPS);

    /** -qcauchy(DBL_EPSILON) ≈ 1.43e15: as for probit, R clamps η to ±this so μ stays within [ε, 1 - ε]. */
    static final double CAUCHIT_THRESH = -FamilyMath.qcauchy(EPS);

    private Links() {
    }

    /** Φ⁻¹(μ), the standard normal quantile. */
    static Link probit() {
        return quantile("probit", FamilyMath::qnorm, FamilyMath::pnorm, FamilyMath::dnorm, PROBIT_THRESH);
    }

    /** The standard Cauchy quantile of μ. */
    static Link cauchit() {
        return quantile("cauchit", FamilyMath::qcauchy, FamilyMath::pcauchy, FamilyMath::dcauchy, CAUCHIT_THRESH);
    }

    /**
     * The quantile function of a symmetric distribution as g: g⁻¹ its distribution function at η
     * clamped to ±thresh, dμ/dη its density, floored at DBL_EPSILON where it underflows in the tails
     * so the working weight stays positive.
     */
    private static Link quantile(String name, DoubleUnaryOperator quantile, DoubleUnaryOperator cdf,
            DoubleUnaryOperator density, double thresh) {
        return new FunctionLink(name, quantile,
                eta -> cdf.applyAsDouble(Math.min(Math.max(eta, -thresh), thresh)),
                eta -> Math.max(density.applyAsDouble(eta), EPS), Double::isFinite);
    }

    /** log(-log(1 - μ)), the complementary log-log link. */
    static Link cloglog() {
        return new FunctionLink("cloglog",
                // log1p keeps small μ accurate (R writes log(1 - mu); the values agree to rounding).
                mu -> Math.log(-Math.log1p(-mu)),
                // 1 - exp(-exp(η)) reaches 0 and 1 in double precision; clamp into [ε, 1 - ε] like R.
                eta -> Math.max(Math.min(-Math.expm1(-Math.exp(eta)), 1 - EPS), EPS),
                Links::cloglogMuEta, Double::isFinite);
    }

    /** R caps η at 700 so exp(η) stays finite (exp(η)·exp(-exp(η)) would be Inf·0 = NaN). */
    private static double cloglogMuEta(double eta) {
        double e = Math.min(eta, 700);
        return Math.max(Math.exp(e) * Math.exp(-Math.exp(e)), EPS);
    }

    /** log(μ), the canonical Poisson link; dμ/dη is μ itself. */
    static Link log() {
        return new FunctionLink("log", Math::log, Links::exp, Links::exp, Double::isFinite);
    }

    /**
     * R's floor at DBL_EPSILON keeps μ > 0 (a Poisson or Gamma mean of exactly 0 is invalid). The cap at
     * DBL_MAX is ours: R returns Inf for η > 709.78, which poisons every later sum.
     */
    private static double exp(double eta) {
        return Math.max(FamilyMath.saturate(Math.exp(eta)), EPS);
    }

    /** μ itself, the canonical gaussian link. */
    static Link identity() {
        return new FunctionLink("identity", mu -> mu, eta -> eta, eta -> 1, Double::isFinite);
    }

    /** 1/μ, the canonical Gamma link; R: η must be finite and non-zero. */
    static Link inverse() {
        return new FunctionLink("inverse", mu -> 1 / mu, eta -> FamilyMath.saturate(1 / eta),
                eta -> FamilyMath.saturate(-1 / (eta * eta)), eta -> Double.isFinite(eta) && eta != 0);
    }

    /** √μ, a variance-stabilising Poisson link; R: η > 0, since η² would map -η and η to the same mean. */
    static Link sqrt() {
        return new FunctionLink("sqrt", Math::sqrt, eta -> FamilyMath.saturate(eta * eta),
                eta -> FamilyMath.saturate(2 * eta), Links::finitePositive);
    }

    /** 1/μ², the canonical inverse Gaussian link (R's name "1/mu^2"); R: η > 0 (μ = η^(-1/2)). */
    static Link inverseSquare() {
        return new FunctionLink("1/mu^2", mu -> 1 / (mu * mu), eta -> 1 / Math.sqrt(eta),
                eta -> FamilyMath.saturate(-1 / (2 * eta * Math.sqrt(eta))), Links::finitePositive);
    }

    private static boolean finitePositive(double eta) {
        return Double.isFinite(eta) && eta > 0;
    }
}
