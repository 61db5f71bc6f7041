package io.glimmer.family;

/** 1/μ, the canonical Gamma link. */
final class InverseLink implements Link {
    InverseLink() {
    }

    @Override
    public String name() {
        return "inverse";
    }

    @Override
    public double link(double mu) {
        return 1 / mu;
    }

    @Override
    public double inverse(double eta) {
        // Saturated rather than Inf for a subnormal η (R would return Inf); R does not clamp otherwise.
        return FamilyMath.saturate(1 / eta);
    }

    @Override
    public double muEta(double eta) {
        return FamilyMath.saturate(-1 / (eta * eta));
    }

    /** R: η must be finite and non-zero (μ = 1/η). */
    @Override
    public boolean validEta(double eta) {
        return Double.isFinite(eta) && eta != 0;
    }

    @Override
    public String toString() {
        return name();
    }
}
