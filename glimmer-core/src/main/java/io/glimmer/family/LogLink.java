package io.glimmer.family;

import static io.glimmer.family.FamilyMath.EPS;

/** log(μ), the canonical Poisson link. */
final class LogLink implements Link {
    LogLink() {
    }

    @Override
    public String name() {
        return "log";
    }

    @Override
    public double link(double mu) {
        return Math.log(mu);
    }

    @Override
    public double inverse(double eta) {
        // R's floor at DBL_EPSILON keeps μ > 0 (a Poisson or Gamma mean of exactly 0 is invalid).
        // The cap at DBL_MAX is ours: R returns Inf for η > 709.78, which poisons every later sum.
        return Math.max(FamilyMath.saturate(Math.exp(eta)), EPS);
    }

    @Override
    public double muEta(double eta) {
        return inverse(eta);
    }

    @Override
    public void inverseAndDerivative(double[] eta, double[] mu, double[] muEta, int r0, int r1) {
        for (int r = r0; r < r1; r++) {
            double m = inverse(eta[r]);
            mu[r] = m;
            muEta[r] = m;
        }
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
