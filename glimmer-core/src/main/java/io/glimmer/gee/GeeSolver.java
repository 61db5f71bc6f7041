package io.glimmer.gee;

import io.glimmer.error.GlimmerException;

/**
 * geepack's iteration: a Fisher-scoring step for β with α fixed, then the moment estimate of
 * the scale φ at the new β, then one Gauss–Newton step of the moment equation for α, until
 * nothing moves. geepack stops when the largest absolute change is below 1e-4; here the changes
 * are measured on natural scales (β in its model-based standard errors, φ relative to itself,
 * α absolutely) and iterated to 1e-8, so the result is the solution itself rather than a point
 * near it (on ohio the difference is below 1e-5 in every estimate).
 */
final class GeeSolver {
    static final int MAX_ITERATIONS = 100;
    static final double TOLERANCE = 1e-8;

    private GeeSolver() {
    }

    /** Solves the equations from {@code betaStart}, α = 0 (geepack's start). */
    static GeeSolution solve(MarginalModel m, WorkingCorrelation corr, double[] betaStart) {
        double[] beta = betaStart.clone();
        double[] alpha = new double[corr.parameters()];
        double phi = Double.NaN;
        double change = Double.POSITIVE_INFINITY;
        int iteration = 0;
        while (iteration < MAX_ITERATIONS) {
            iteration++;
            EstimatingEquations.Evaluation e = EstimatingEquations.at(m, corr, alpha, beta);
            double[][] infoInverse = Dense.inverse(e.information());
            if (infoInverse == null) {
                throw new GlimmerException("the GEE information matrix is singular at iteration " + iteration
                        + "; the mean model may not be identifiable from these data");
            }
            double[] delta = Dense.multiply(infoInverse, e.score());
            if (!allFinite(delta)) {
                throw new GlimmerException("the GEE iterations diverged (a non-finite step for beta at iteration " + iteration + ")");
            }
            for (int j = 0; j < beta.length; j++) {
                beta[j] += delta[j];
            }
            double[] pearson = m.pearsonResiduals(beta);
            double newPhi = ScaleEstimate.of(pearson, m.weights());
            if (!(newPhi > 0)) {
                throw new GlimmerException("the scale estimate is " + newPhi + " (every residual is zero?): the GEE cannot be solved");
            }
            double[] newAlpha = corr.isIndependence() ? alpha
                    : CorrelationEstimate.step(m.clusters(), m.weights(), pearson, newPhi, corr, alpha);
            if (!allFinite(newAlpha)) {
                throw new GlimmerException("the GEE iterations diverged (a non-finite correlation parameter at iteration " + iteration + ")");
            }
            change = 0;
            for (int j = 0; j < beta.length; j++) {
                change = Math.max(change, Math.abs(delta[j]) / Math.sqrt(newPhi * infoInverse[j][j]));
            }
            change = Math.max(change, Double.isNaN(phi) ? Double.POSITIVE_INFINITY : Math.abs(newPhi - phi) / newPhi);
            for (int a = 0; a < alpha.length; a++) {
                change = Math.max(change, Math.abs(newAlpha[a] - alpha[a]));
            }
            phi = newPhi;
            alpha = newAlpha;
            if (change <= TOLERANCE) {
                return new GeeSolution(beta, alpha, phi, iteration, true, change);
            }
        }
        return new GeeSolution(beta, alpha, phi, iteration, false, change);
    }

    private static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }
}
