package io.glimmer.family;

import static io.glimmer.family.FamilyMath.EPS;

/** log(μ / (1 - μ)), the canonical binomial link. */
final class LogitLink implements Link {
    /**
     * Beyond |η| = 30, exp(η) is replaced by DBL_EPSILON or 1/DBL_EPSILON (R's family.c): μ then stays
     * strictly inside (0, 1), so the binomial deviance and variance never see log(0) or a zero.
     */
    private static final double THRESH = 30;

    LogitLink() {
    }

    @Override
    public String name() {
        return "logit";
    }

    @Override
    public double link(double mu) {
        return Math.log(mu / (1 - mu));
    }

    @Override
    public double inverse(double eta) {
        double odds = eta < -THRESH ? EPS : eta > THRESH ? 1 / EPS : Math.exp(eta);
        return odds / (1 + odds);
    }

    @Override
    public double muEta(double eta) {
        // Same cut as inverse(): outside it μ is constant, and R reports the floor DBL_EPSILON.
        if (eta > THRESH || eta < -THRESH) {
            return EPS;
        }
        double e = Math.exp(eta);
        double opexp = 1 + e;
        return e / (opexp * opexp);
    }

    @Override
    public void inverseAndDerivative(double[] eta, double[] mu, double[] muEta, int r0, int r1) {
        for (int r = r0; r < r1; r++) {
            double x = eta[r];
            if (x > THRESH || x < -THRESH) {
                double odds = x < -THRESH ? EPS : 1 / EPS;
                mu[r] = odds / (1 + odds);
                muEta[r] = EPS;
            } else {
                double e = Math.exp(x);
                double opexp = 1 + e;
                mu[r] = e / opexp;
                muEta[r] = e / (opexp * opexp);
            }
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
