package io.glimmer.family;

/** 1/μ², the canonical inverse Gaussian link (R's name "1/mu^2"). */
final class InverseSquareLink implements Link {
    InverseSquareLink() {
    }

    @Override
    public String name() {
        return "1/mu^2";
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
        // Saturated rather than -Inf when η^1.5 underflows (R would return -Inf).
        return FamilyMath.saturate(-1 / (2 * eta * Math.sqrt(eta)));
    }

    /** R: η must be finite and positive (μ = η^(-1/2)). */
    @Override
    public boolean validEta(double eta) {
        return Double.isFinite(eta) && eta > 0;
    }

    @Override
    public String toString() {
        return name();
    }
}
