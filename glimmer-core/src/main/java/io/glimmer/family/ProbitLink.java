package io.glimmer.family;

import static io.glimmer.family.FamilyMath.EPS;

/** Φ⁻¹(μ), the standard normal quantile. */
final class ProbitLink implements Link {
    /**
     * -qnorm(DBL_EPSILON) ≈ 8.1259: R clamps η to ±this so that μ stays within [ε, 1 - ε] instead
     * of rounding to exactly 0 or 1.
     */
    static final double THRESH = -FamilyMath.qnorm(EPS);

    ProbitLink() {
    }

    @Override
    public String name() {
        return "probit";
    }

    @Override
    public double link(double mu) {
        return FamilyMath.qnorm(mu);
    }

    @Override
    public double inverse(double eta) {
        return FamilyMath.pnorm(Math.min(Math.max(eta, -THRESH), THRESH));
    }

    @Override
    public double muEta(double eta) {
        // The density underflows to 0 in the tails; the floor keeps the working weight positive.
        return Math.max(FamilyMath.dnorm(eta), EPS);
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
