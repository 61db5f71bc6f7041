package io.glimmer.glmm;

import io.glimmer.design.LinearPredictor;
import io.glimmer.linalg.SmallBlocks;

/**
 * What the E-step samples: p(u | y) at given (Λ, β), u = Λb. Holds offset + Xβ once, so that a
 * draw's linear predictor is that plus Zu, computed into a caller's buffer (safe from several threads).
 */
final class DrawTarget {
    final GlmmData data;
    final ConditionalLogDensity density;
    final double[][] lambdas;
    final double[] beta;
    final int[] q;
    final DrawRunner runner;
    private final double[] fixed;

    DrawTarget(GlmmData data, ConditionalLogDensity density, double[][] lambdas, double[] beta, int[] q, DrawRunner runner) {
        this.data = data;
        this.density = density;
        this.lambdas = lambdas;
        this.beta = beta;
        this.q = q;
        this.runner = runner;
        this.fixed = new double[data.rows()];
        LinearPredictor.fill(data.x(), data.p(), data.offset(), beta, fixed, 0, data.rows());
    }

    /** offset + Xβ per row. */
    double[] fixed() {
        return fixed;
    }

    /** u = Λb per term, new arrays. */
    double[][] toU(double[][] b) {
        double[][] u = new double[b.length][];
        for (int k = 0; k < b.length; k++) {
            u[k] = new double[b[k].length];
            SmallBlocks.multiplyRightLowerTranspose(b[k], b[k].length / q[k], lambdas[k], q[k], u[k]);
        }
        return u;
    }

    /** η = offset + Xβ + Zu into {@code eta}. */
    void linearPredictor(double[][] u, double[] eta) {
        System.arraycopy(fixed, 0, eta, 0, fixed.length);
        data.addRandom(u, eta, 0, eta.length);
    }

    /** log p(y | u); {@code eta} receives the linear predictor. */
    double logLikelihood(double[][] u, double[] eta) {
        linearPredictor(u, eta);
        return density.byRows(eta);
    }

    /** New arrays shaped as the random effects (zeros). */
    double[][] zeros() {
        double[][] b = new double[q.length][];
        for (int k = 0; k < q.length; k++) {
            b[k] = new double[data.terms()[k].columns()];
        }
        return b;
    }
}
