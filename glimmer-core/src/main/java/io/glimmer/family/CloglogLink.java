package io.glimmer.family;

import static io.glimmer.family.FamilyMath.EPS;

/** log(-log(1 - μ)), the complementary log-log link. */
final class CloglogLink implements Link {
    CloglogLink() {
    }

    @Override
    public String name() {
        return "cloglog";
    }

    @Override
    public double link(double mu) {
        // log1p keeps small μ accurate (R writes log(1 - mu); the values agree to rounding).
        return Math.log(-Math.log1p(-mu));
    }

    @Override
    public double inverse(double eta) {
        // 1 - exp(-exp(η)) reaches 0 and 1 in double precision; clamp into [ε, 1 - ε] like R.
        return Math.max(Math.min(-Math.expm1(-Math.exp(eta)), 1 - EPS), EPS);
    }

    @Override
    public double muEta(double eta) {
        // R caps η at 700 so exp(η) stays finite (exp(η)·exp(-exp(η)) would be Inf·0 = NaN).
        double e = Math.min(eta, 700);
        return Math.max(Math.exp(e) * Math.exp(-Math.exp(e)), EPS);
    }

    /** R accepts any η here; an infinite one is refused so a diverging fit step-halves instead. */
    @Override
    public boolean validEta(double eta) {
        return Double.isFinite(eta);
    }

    @Override
    public String toString() {
        return name();
    }
}
