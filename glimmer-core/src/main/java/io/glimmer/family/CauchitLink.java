package io.glimmer.family;

import static io.glimmer.family.FamilyMath.EPS;

/** The standard Cauchy quantile of μ. */
final class CauchitLink implements Link {
    /**
     * -qcauchy(DBL_EPSILON) ≈ 1.43e15: as for probit, R clamps η to ±this so μ stays within
     * [ε, 1 - ε].
     */
    static final double THRESH = -FamilyMath.qcauchy(EPS);

    CauchitLink() {
    }

    @Override
    public String name() {
        return "cauchit";
    }

    @Override
    public double link(double mu) {
        return FamilyMath.qcauchy(mu);
    }

    @Override
    public double inverse(double eta) {
        return FamilyMath.pcauchy(Math.min(Math.max(eta, -THRESH), THRESH));
    }

    @Override
    public double muEta(double eta) {
        return Math.max(FamilyMath.dcauchy(eta), EPS);
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
