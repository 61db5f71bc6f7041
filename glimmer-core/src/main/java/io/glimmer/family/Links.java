package io.glimmer.family;

import static io.glimmer.family.FamilyMath.EPS;

/**
 * R's links but the logit ({@link LogitLink}, which has its own one-pass kernel), one constant each
 * for {@link Link}'s constants: each link's g, g⁻¹, dμ/dη and domain, clamped where R clamps them.
 * Where R would return ±Inf for an extreme but valid η, {@link FamilyMath#saturate} returns
 * ±Double.MAX_VALUE instead. R accepts any η for the identity, the log and the links of a
 * probability; an infinite one is refused here so that a diverging fit step-halves instead.
 * Small classes rather than lambdas: the JVM loads eight of them instead of spinning dozens of
 * lambda classes when the first fit touches {@link Link} (about 17 ms of a cold start). Classes, not
 * constants of this class, so that {@link Link}'s constants never wait on this class's
 * initialisation: a class that touched {@code Links} first (for a threshold) used to leave them null.
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

    /** What every link here shares: R's name, and a domain of every finite η unless it says otherwise. */
    private abstract static class Named implements Link {
        private final String name;

        Named(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean validEta(double eta) {
            return Double.isFinite(eta);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Φ⁻¹(μ), the standard normal quantile; g⁻¹ clamps η to ±{@link #PROBIT_THRESH}, dμ/dη is floored at ε. */
    static final class Probit extends Named {
        Probit() {
            super("probit");
        }

        @Override
        public double link(double mu) {
            return FamilyMath.qnorm(mu);
        }

        @Override
        public double inverse(double eta) {
            return FamilyMath.pnorm(Math.min(Math.max(eta, -PROBIT_THRESH), PROBIT_THRESH));
        }

        @Override
        public double muEta(double eta) {
            return Math.max(FamilyMath.dnorm(eta), EPS);
        }
    }

    /** log(-log(1 - μ)), the complementary log-log link. */
    static final class Cloglog extends Named {
        Cloglog() {
            super("cloglog");
        }

        @Override
        public double link(double mu) {
            return Math.log(-Math.log1p(-mu)); // log1p keeps small μ accurate (R writes log(1 - mu); they agree to rounding)
        }

        @Override
        public double inverse(double eta) {
            // 1 - exp(-exp(η)) reaches 0 and 1 in double precision; clamp into [ε, 1 - ε] like R.
            return Math.max(Math.min(-Math.expm1(-Math.exp(eta)), 1 - EPS), EPS);
        }

        @Override
        public double muEta(double eta) {
            double e = Math.min(eta, 700); // R caps η at 700 so exp(η) stays finite (Inf·0 would be NaN)
            return Math.max(Math.exp(e) * Math.exp(-Math.exp(e)), EPS);
        }
    }

    /** The standard Cauchy quantile of μ; clamped as the probit is. */
    static final class Cauchit extends Named {
        Cauchit() {
            super("cauchit");
        }

        @Override
        public double link(double mu) {
            return FamilyMath.qcauchy(mu);
        }

        @Override
        public double inverse(double eta) {
            return FamilyMath.pcauchy(Math.min(Math.max(eta, -CAUCHIT_THRESH), CAUCHIT_THRESH));
        }

        @Override
        public double muEta(double eta) {
            return Math.max(FamilyMath.dcauchy(eta), EPS);
        }
    }

    /** log(μ), the canonical Poisson link; dμ/dη is μ itself. */
    static final class Log extends Named {
        Log() {
            super("log");
        }

        @Override
        public double link(double mu) {
            return Math.log(mu);
        }

        @Override
        public double inverse(double eta) {
            return exp(eta);
        }

        @Override
        public double muEta(double eta) {
            return exp(eta);
        }

        @Override
        public void inverseAndDerivative(double[] eta, double[] mu, double[] muEta, int r0, int r1) {
            for (int r = r0; r < r1; r++) { // one exponential for both
                double m = exp(eta[r]);
                mu[r] = m;
                muEta[r] = m;
            }
        }
    }

    /** μ itself, the canonical gaussian link. */
    static final class Identity extends Named {
        Identity() {
            super("identity");
        }

        @Override
        public double link(double mu) {
            return mu;
        }

        @Override
        public double inverse(double eta) {
            return eta;
        }

        @Override
        public double muEta(double eta) {
            return 1;
        }
    }

    /** 1/μ, the canonical Gamma link; R: η must be finite and non-zero. */
    static final class Inverse extends Named {
        Inverse() {
            super("inverse");
        }

        @Override
        public double link(double mu) {
            return 1 / mu;
        }

        @Override
        public double inverse(double eta) {
            return FamilyMath.saturate(1 / eta);
        }

        @Override
        public double muEta(double eta) {
            return FamilyMath.saturate(-1 / (eta * eta));
        }

        @Override
        public boolean validEta(double eta) {
            return Double.isFinite(eta) && eta != 0;
        }
    }

    /** √μ, a variance-stabilising Poisson link; R: η > 0, since η² would map -η and η to the same mean. */
    static final class Sqrt extends Named {
        Sqrt() {
            super("sqrt");
        }

        @Override
        public double link(double mu) {
            return Math.sqrt(mu);
        }

        @Override
        public double inverse(double eta) {
            return FamilyMath.saturate(eta * eta);
        }

        @Override
        public double muEta(double eta) {
            return FamilyMath.saturate(2 * eta);
        }

        @Override
        public boolean validEta(double eta) {
            return finitePositive(eta);
        }
    }

    /** 1/μ², the canonical inverse Gaussian link (R's name "1/mu^2"); R: η > 0 (μ = η^(-1/2)). */
    static final class InverseSquare extends Named {
        InverseSquare() {
            super("1/mu^2");
        }

        @Override
        public double link(double mu) {
            return 1 / (mu * mu);
        }

        @Override
        public double inverse(double eta) {
            return 1 / Math.sqrt(eta);
        }

        @Override
        public double muEta(double eta) {
            return FamilyMath.saturate(-1 / (2 * eta * Math.sqrt(eta)));
        }

        @Override
        public boolean validEta(double eta) {
            return finitePositive(eta);
        }
    }

    /**
     * R's floor at DBL_EPSILON keeps μ > 0 (a Poisson or Gamma mean of exactly 0 is invalid). The cap at
     * DBL_MAX is ours: R returns Inf for η > 709.78, which poisons every later sum.
     */
    private static double exp(double eta) {
        return Math.max(FamilyMath.saturate(Math.exp(eta)), EPS);
    }

    private static boolean finitePositive(double eta) {
        return Double.isFinite(eta) && eta > 0;
    }
}
