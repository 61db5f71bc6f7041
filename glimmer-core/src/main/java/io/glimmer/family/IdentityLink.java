package io.glimmer.family;

/** μ itself, the canonical gaussian link. */
final class IdentityLink implements Link {
    IdentityLink() {
    }

    @Override
    public String name() {
        return "identity";
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
