package io.glimmer.pql;

import io.glimmer.family.Family;

/**
 * The linearised response of one PQL step at the linear predictor η (offset included):
 * z = η + (y − μ)·dη/dμ and w = prior·(dμ/dη)²/V(μ), so that z ~ N(η, φ/w) to first order.
 *
 * @param z working response, one per row
 * @param w working weights, one per row
 */
record WorkingResponse(double[] z, double[] w) {

    static WorkingResponse at(double[] eta, double[] y, double[] prior, Family family) {
        int n = eta.length;
        double[] z = new double[n];
        double[] w = new double[n];
        for (int r = 0; r < n; r++) {
            double mu = family.mu(eta[r]);
            double d = family.muEta(eta[r]);
            z[r] = eta[r] + (y[r] - mu) / d;
            w[r] = prior[r] * d * d / family.variance(mu);
        }
        return new WorkingResponse(z, w);
    }
}
