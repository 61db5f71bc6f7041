package io.glimmer.gee;

import io.glimmer.error.GlimmerException;
import io.glimmer.design.LinearPredictor;
import io.glimmer.design.ModelMatrix;
import io.glimmer.family.Family;

/**
 * The marginal mean model g(μ) = Xβ + offset with variance φ·V(μ)/w, and the clusters whose rows
 * may be correlated: everything the estimating equations read.
 *
 * @param y       response (proportions for a binomial response, with trials as weights)
 * @param weights prior weights, never null
 * @param offset  offset, never null
 */
record MarginalModel(Family family, ModelMatrix x, double[] y, double[] weights, double[] offset, Clusters clusters) {

    int n() {
        return y.length;
    }

    int p() {
        return x.columns();
    }

    double eta(int row, double[] beta) {
        return LinearPredictor.row(x.values(), beta.length, row, beta, offset[row]);
    }

    double mu(int row, double[] beta) {
        return mean(eta(row, beta));
    }

    /** g⁻¹(η), refused when outside the family's range (e.g. a negative Poisson mean with the identity link). */
    double mean(double eta) {
        double mu = family.mu(eta);
        if (!family.distribution().validMu(mu) || !Double.isFinite(mu)) {
            throw new GlimmerException("the GEE iterations reached a mean (" + mu + ") outside the range of the "
                    + family.name() + " family with the " + family.link().name() + " link; try another link");
        }
        return mu;
    }

    /** Fitted means at β. */
    double[] mu(double[] beta) {
        double[] mu = new double[n()];
        for (int r = 0; r < mu.length; r++) {
            mu[r] = mu(r, beta);
        }
        return mu;
    }

    /** (y − μ)/√V(μ), without prior weights or scale: the residuals geepack's moment estimators use. */
    double[] pearsonResiduals(double[] beta) {
        double[] r = new double[n()];
        for (int i = 0; i < r.length; i++) {
            double mu = mu(i, beta);
            r[i] = (y[i] - mu) / Math.sqrt(family.variance(mu));
        }
        return r;
    }
}
