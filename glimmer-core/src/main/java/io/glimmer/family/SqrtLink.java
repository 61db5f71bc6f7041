package io.glimmer.family;

/** √μ, a variance-stabilising Poisson link. */
final class SqrtLink implements Link {
    SqrtLink() {
    }

    @Override
    public String name() {
        return "sqrt";
    }

    @Override
    public double link(double mu) {
        return Math.sqrt(mu);
    }

    @Override
    public double inverse(double eta) {
        // Saturated rather than Inf for η above 1.3e154 (R would return Inf).
        return FamilyMath.saturate(eta * eta);
    }

    @Override
    public double muEta(double eta) {
        return FamilyMath.saturate(2 * eta);
    }

    /** R: η must be finite and positive, since η² would map -η and η to the same mean. */
    @Override
    public boolean validEta(double eta) {
        return Double.isFinite(eta) && eta > 0;
    }

    @Override
    public String toString() {
        return name();
    }
}
